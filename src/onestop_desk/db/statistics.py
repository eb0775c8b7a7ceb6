"""Aggregate queries for the statistics dashboard and the exported reports.

Every query leaves out cases whose ``statistics_consent`` is false, and every count is made
by the database: Python receives a few hundred grouped rows, never one row per case, so a
year or all time costs about what a month does. The queries read the covering indexes of
migration 0004 (``ix_cases_statistics``, ``ix_cases_open_statistics``,
``ix_cases_person_statistics``,
``ix_persons_statistics``, ``ix_referrals_case_statistics``): on an encrypted database every
table page read costs a decryption, and those indexes are a tenth of the tables' size.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import (
    Date,
    Integer,
    String,
    and_,
    cast,
    column,
    func,
    literal_column,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, aliased

from onestop_desk.db import models

UNKNOWN = "unknown"
# (code, youngest, oldest), ages at intake in whole years; the labels live in the service.
AGE_BANDS = (
    ("0-13", 0, 13),
    ("14-18", 14, 18),
    ("19-29", 19, 29),
    ("30-39", 30, 39),
    ("40-49", 40, 49),
    ("50-64", 50, 64),
    ("65+", 65, 200),
)
KST_OFFSET = "+9 hours"  # Korea keeps no daylight saving time
CACHE_FORMAT = 1
"""The layout of a cached month's counts; a cache written by another layout is counted anew."""


def _whole_months(start: date, end: date) -> list[tuple[str, date, date]]:
    """('YYYY-MM', first day, last day) of each calendar month lying wholly in the period."""
    months: list[tuple[str, date, date]] = []
    first = start if start.day == 1 else _next_month(start)
    while True:
        last = _next_month(first) - timedelta(days=1)
        if last > end:
            return months
        months.append((f"{first.year:04d}-{first.month:02d}", first, last))
        first = _next_month(first)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


class CohortGroup(NamedTuple):
    """How many consenting cases received in the period share these intake facts."""

    intake_channel: str
    gender: str
    nationality: str
    disability: bool
    age_band: str
    cases: int


def age_band_of(age: int | None) -> str:
    if age is None:
        return UNKNOWN
    return next((code for code, low, high in AGE_BANDS if low <= age <= high), UNKNOWN)


@dataclass
class PeriodCounts:
    """Every count of the statistics that adds up over consecutive periods.

    Each count belongs to the cases received in the period (a case is counted in the month of
    its ``intake_date``), so two periods' counts add up to their union's. ``new_persons``
    counts the persons whose first consenting case was received in the period.
    """

    cohort: Counter[tuple[str, str, str, bool, str]] = field(default_factory=Counter)
    crime_types: Counter[str] = field(default_factory=Counter)
    crime_buckets: Counter[str] = field(default_factory=Counter)
    areas: Counter[str] = field(default_factory=Counter)
    programmes: Counter[int | None] = field(default_factory=Counter)
    referrals: Counter[tuple[int, str]] = field(default_factory=Counter)
    waits: Counter[int] = field(default_factory=Counter)
    new_persons: int = 0

    def add(self, other: PeriodCounts) -> None:
        self.cohort.update(other.cohort)
        self.crime_types.update(other.crime_types)
        self.crime_buckets.update(other.crime_buckets)
        self.areas.update(other.areas)
        self.programmes.update(other.programmes)
        self.referrals.update(other.referrals)
        self.waits.update(other.waits)
        self.new_persons += other.new_persons

    def cohort_groups(self) -> list[CohortGroup]:
        return [CohortGroup(*key, n) for key, n in self.cohort.items() if n]

    def to_json(self) -> str:
        return json.dumps(
            {
                "cohort": [[*key, n] for key, n in self.cohort.items()],
                "crime_types": dict(self.crime_types),
                "crime_buckets": dict(self.crime_buckets),
                "areas": dict(self.areas),
                "programmes": [[pid, n] for pid, n in self.programmes.items()],
                "referrals": [[aid, status, n] for (aid, status), n in self.referrals.items()],
                "waits": [[days, n] for days, n in self.waits.items()],
                "new_persons": self.new_persons,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> PeriodCounts:
        data = json.loads(text)
        return cls(
            cohort=Counter(
                {(ch, g, nat, bool(dis), band): n for ch, g, nat, dis, band, n in data["cohort"]}
            ),
            crime_types=Counter(data["crime_types"]),
            crime_buckets=Counter(data["crime_buckets"]),
            areas=Counter(data["areas"]),
            programmes=Counter({pid: n for pid, n in data["programmes"]}),
            referrals=Counter({(aid, status): n for aid, status, n in data["referrals"]}),
            waits=Counter({int(days): n for days, n in data["waits"]}),
            new_persons=int(data["new_persons"]),
        )


def _consenting() -> Any:
    # "= 1" (not IS): the form SQLite can match against the stored 0/1.
    return models.Case.statistics_consent == True  # noqa: E712


# Age at intake in whole years, from the stored 'YYYY-MM-DD' text (substr is several times
# cheaper than strftime, and this runs once per case); NULL without a plausible birth date.
_AGE_SQLITE = (
    "CASE WHEN p.birth_date IS NULL OR p.birth_date > c.intake_date THEN NULL ELSE "
    "CAST(substr(c.intake_date, 1, 4) AS INTEGER) - CAST(substr(p.birth_date, 1, 4) AS INTEGER)"
    " - (substr(c.intake_date, 6, 5) < substr(p.birth_date, 6, 5)) END"
)
_AGE_POSTGRESQL = (
    "CASE WHEN p.birth_date IS NULL OR p.birth_date > c.intake_date THEN NULL ELSE "
    "CAST(extract(year FROM age(c.intake_date, p.birth_date)) AS INTEGER) END"
)
# Written out for SQLite: the person facts must come from ``ix_persons_statistics``
# (``INDEXED BY``), or SQLite looks every person up by rowid and reads the wide table.
# A disability counts as "yes" when its text is not empty (on the server store the text is
# encrypted, and an empty one stays empty).
_COHORT_SQL = """
SELECT c.intake_channel, p.gender, p.nationality,
       CASE WHEN trim(coalesce(p.disability, '')) = '' THEN 0 ELSE 1 END AS disability,
       {age} AS age, count(*) AS cases
FROM cases AS c
JOIN persons AS p {indexed} ON p.id = c.person_id
WHERE c.statistics_consent = {true} AND c.intake_date >= :start AND c.intake_date <= :end
GROUP BY 1, 2, 3, 4, 5
"""
_COHORT = {
    "sqlite": _COHORT_SQL.format(
        age=_AGE_SQLITE, indexed="INDEXED BY ix_persons_statistics", true="1"
    ),
    "postgresql": _COHORT_SQL.format(age=_AGE_POSTGRESQL, indexed="", true="true"),
}


class StatisticsRepository:
    def __init__(self, session: Session) -> None:
        self._s = session
        self._dialect = session.get_bind().dialect.name

    def _in_period(self, start: date, end: date) -> Any:
        return and_(_consenting(), models.Case.intake_date >= start, models.Case.intake_date <= end)

    def _period_cases(self, start: date, end: date) -> Any:
        """The ids of the consenting cases received in the period, as a subquery."""
        return select(models.Case.id).where(self._in_period(start, end)).scalar_subquery()

    # --- the cohort: consenting cases received in the period --------------------------------

    def _cohort(self, start: date, end: date) -> Counter[tuple[str, str, str, bool, str]]:
        """The cases received in the period, counted by channel and their person's facts."""
        stmt = text(_COHORT[self._dialect]).columns(
            column("intake_channel", String),
            column("gender", String),
            column("nationality", String),
            column("disability", Integer),
            column("age", Integer),
            column("cases", Integer),
        )
        params: dict[str, object] = {"start": start, "end": end}
        if self._dialect == "sqlite":
            params = {"start": start.isoformat(), "end": end.isoformat()}
        out: Counter[tuple[str, str, str, bool, str]] = Counter()
        for channel, gender, nationality, disability, age, n in self._s.execute(stmt, params):
            out[(channel, gender, nationality or "", bool(disability), age_band_of(age))] += n
        return out

    def cohort_groups(self, start: date, end: date) -> list[CohortGroup]:
        return [CohortGroup(*key, n) for key, n in self._cohort(start, end).items()]

    def crime_type_counts(self, start: date, end: date) -> dict[str, int]:
        """Cases of the period per crime type (a case counts once for each type ticked)."""
        stmt = (
            select(models.CaseCrimeType.crime_code, func.count())
            .where(models.CaseCrimeType.case_id.in_(self._period_cases(start, end)))
            .group_by(models.CaseCrimeType.crime_code)
        )
        return {code: n for code, n in self._s.execute(stmt)}

    def crime_bucket_counts(self, start: date, end: date) -> dict[str, int]:
        """Cases of the period per reporting bucket (once per bucket, however many types)."""
        stmt = (
            select(models.CrimeType.bucket, func.count(func.distinct(models.CaseCrimeType.case_id)))
            .join(models.CrimeType, models.CrimeType.code == models.CaseCrimeType.crime_code)
            .where(models.CaseCrimeType.case_id.in_(self._period_cases(start, end)))
            .group_by(models.CrimeType.bucket)
        )
        return {bucket: n for bucket, n in self._s.execute(stmt)}

    def need_counts(self, start: date, end: date) -> tuple[dict[str, int], dict[int | None, int]]:
        """Cases of the period per support area, and per programme (``None``: a need
        recorded for the area only); a case counts once per area and per programme."""
        period = models.Need.case_id.in_(self._period_cases(start, end))
        areas = select(
            models.Need.support_area, func.count(func.distinct(models.Need.case_id))
        ).where(period)
        programmes = select(
            models.Need.programme_id, func.count(func.distinct(models.Need.case_id))
        ).where(period)
        return (
            {area: n for area, n in self._s.execute(areas.group_by(models.Need.support_area))},
            {pid: n for pid, n in self._s.execute(programmes.group_by(models.Need.programme_id))},
        )

    def referral_counts(self, start: date, end: date) -> list[tuple[int, str, int]]:
        """(agency id, status now, referrals) for the referrals of the period's cases."""
        stmt = (
            select(models.Referral.agency_id, models.Referral.status, func.count())
            .where(models.Referral.case_id.in_(self._period_cases(start, end)))
            .group_by(models.Referral.agency_id, models.Referral.status)
        )
        return [(aid, status, n) for aid, status, n in self._s.execute(stmt)]

    def first_referral_days(self, start: date, end: date) -> dict[int, int]:
        """Days from intake to the first sent referral (Korean dates) -> cases, for the
        period's cases with a sent referral."""
        first = (
            select(
                models.Case.intake_date.label("intake_date"),
                func.min(models.Referral.sent_at).label("sent_at"),
            )
            .join(models.Referral, models.Referral.case_id == models.Case.id)
            .where(self._in_period(start, end), models.Referral.sent_at.is_not(None))
            .group_by(models.Case.id)
            .subquery()
        )
        # The stored moment is UTC, the day counted is Korean.
        if self._dialect == "postgresql":
            sent_day = cast(first.c.sent_at + text("interval '9 hours'"), Date)
            days = cast(sent_day - first.c.intake_date, Integer).label("days")
        else:
            days = cast(
                func.julianday(func.date(first.c.sent_at, KST_OFFSET))
                - func.julianday(first.c.intake_date),
                Integer,
            ).label("days")
        stmt = select(days, func.count()).select_from(first).group_by(days)
        return {int(d): n for d, n in self._s.execute(stmt)}

    # --- persons ----------------------------------------------------------------------------

    def person_counts(self, start: date, end: date) -> tuple[int, int]:
        """(served, new) persons of the period.

        Served: the primary person of a consenting case that was open on some day of the
        period (received on or before ``end`` and not closed before ``start``). New: a served
        person with no consenting case received before ``start``.

        The open cases are found through ``ix_cases_open_statistics`` (still open, or closed
        since ``start``): for a month that is the center's caseload, not its history. Each
        served person's earlier cases are then probed in ``ix_cases_person_statistics``.
        """
        # Unary + keeps SQLite off ix_cases_statistics, which it would otherwise pick for
        # "consenting and received by the end": nearly every case of the center's history.
        not_indexed: tuple[Any, ...] = (
            literal_column("+cases.statistics_consent") == 1,
            literal_column("+cases.intake_date") <= end.isoformat(),
        )
        if self._dialect == "postgresql":
            not_indexed = (_consenting(), models.Case.intake_date <= end)
        open_cases = union_all(
            select(models.Case.person_id).where(models.Case.closed_on.is_(None), *not_indexed),
            select(models.Case.person_id).where(models.Case.closed_on >= start, *not_indexed),
        ).subquery()
        earlier = aliased(models.Case)
        has_earlier = (
            select(earlier.id)
            .where(
                earlier.person_id == open_cases.c.person_id,
                earlier.statistics_consent == True,  # noqa: E712
                earlier.intake_date < start,
            )
            .exists()
        )
        person = func.count(func.distinct(open_cases.c.person_id))
        served = self._s.scalar(select(person))
        new = self._s.scalar(select(person).where(~has_earlier))
        return int(served or 0), int(new or 0)

    def new_persons(self, start: date, end: date) -> int:
        """Persons whose first consenting case was received in the period."""
        earlier = aliased(models.Case)
        has_earlier = (
            select(earlier.id)
            .where(
                earlier.person_id == models.Case.person_id,
                earlier.statistics_consent == True,  # noqa: E712
                earlier.intake_date < start,
            )
            .exists()
        )
        stmt = select(func.count(func.distinct(models.Case.person_id))).where(
            self._in_period(start, end), ~has_earlier
        )
        return int(self._s.scalar(stmt) or 0)

    def consenting_range(self) -> tuple[date, date] | None:
        """The first and last intake date of the consenting cases (None: there are none)."""
        first, last = self._s.execute(
            select(func.min(models.Case.intake_date), func.max(models.Case.intake_date)).where(
                _consenting()
            )
        ).one()
        if first is None:
            return None
        return first, last

    # --- the additive counts, whole months from the month cache -----------------------------

    def period_counts(self, start: date, end: date) -> PeriodCounts:
        """Every additive count of the period, counted now from the case tables."""
        areas, programmes = self.need_counts(start, end)
        return PeriodCounts(
            cohort=self._cohort(start, end),
            crime_types=Counter(self.crime_type_counts(start, end)),
            crime_buckets=Counter(self.crime_bucket_counts(start, end)),
            areas=Counter(areas),
            programmes=Counter(programmes),
            referrals=Counter({(aid, st): n for aid, st, n in self.referral_counts(start, end)}),
            waits=Counter(self.first_referral_days(start, end)),
            new_persons=self.new_persons(start, end),
        )

    def counts(self, start: date, end: date) -> PeriodCounts:
        """``period_counts`` of the period, with each whole month inside it read from
        ``stat_month_cache`` while its stamp is current (and counted and cached otherwise);
        the partial months at the edges are counted now.

        The period is first clipped to the consenting cases' intake dates: "all time" from
        2000 does not visit 26 empty years.
        """
        total = PeriodCounts()
        known = self.consenting_range()
        if known is None:
            return total
        start, end = max(start, known[0]), min(end, known[1])
        if start > end:
            return total
        months = _whole_months(start, end)
        if not months:
            return self.period_counts(start, end)
        first_day, last_day = months[0][1], months[-1][2]
        if start < first_day:
            total.add(self.period_counts(start, first_day - timedelta(days=1)))
        if last_day < end:
            total.add(self.period_counts(last_day + timedelta(days=1), end))
        for month_counts in self._months(months):
            total.add(month_counts)
        return total

    def _months(self, months: list[tuple[str, date, date]]) -> list[PeriodCounts]:
        names = [name for name, _first, _last in months]
        stamps = {
            month: stamp
            for month, stamp in self._s.execute(
                select(models.StatMonthStamp.month, models.StatMonthStamp.stamp).where(
                    models.StatMonthStamp.month.in_(names)
                )
            )
        }
        cached = {
            month: (stamp, fmt, counts)
            for month, stamp, fmt, counts in self._s.execute(
                select(
                    models.StatMonthCache.month,
                    models.StatMonthCache.stamp,
                    models.StatMonthCache.format,
                    models.StatMonthCache.counts,
                ).where(models.StatMonthCache.month.in_(names))
            )
        }
        out = []
        for name, first, last in months:
            # The stamp is read before counting: a change committed meanwhile by another
            # writer bumps it past the one stored, and the month is counted again next time.
            stamp = stamps.get(name, 0)
            hit = cached.get(name)
            if hit is not None and hit[0] == stamp and hit[1] == CACHE_FORMAT:
                out.append(PeriodCounts.from_json(hit[2]))
                continue
            counted = self.period_counts(first, last)
            self._store_month(name, stamp, counted)
            out.append(counted)
        return out

    def _store_month(self, month: str, stamp: int, counted: PeriodCounts) -> None:
        values = {"stamp": stamp, "format": CACHE_FORMAT, "counts": counted.to_json()}
        dialect = self._s.get_bind().dialect.name
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        # An upsert: another PC of a center server may have cached the month a moment ago.
        stmt = insert(models.StatMonthCache).values(month=month, **values)
        self._s.execute(stmt.on_conflict_do_update(index_elements=["month"], set_=values))

    # --- inquiries --------------------------------------------------------------------------

    def inquiries(self, start: datetime, end: datetime) -> tuple[int, int]:
        """(phone inquiries, of which became cases) received in ``[start, end)`` (naive UTC).

        An inquiry that became a case whose statistical use was refused is left out.
        """
        stmt = (
            select(func.count(), func.count(models.PhoneInquiry.case_id))
            .select_from(models.PhoneInquiry)
            .outerjoin(models.Case, models.Case.id == models.PhoneInquiry.case_id)
            .where(models.PhoneInquiry.received_at >= start, models.PhoneInquiry.received_at < end)
            .where(or_(models.PhoneInquiry.case_id.is_(None), _consenting()))
        )
        total, converted = self._s.execute(stmt).one()
        return int(total), int(converted)

    # --- names ------------------------------------------------------------------------------

    def crime_types(self) -> list[tuple[str, str, str]]:
        """(code, name, bucket) in the directory's order."""
        stmt = select(
            models.CrimeType.code, models.CrimeType.name, models.CrimeType.bucket
        ).order_by(models.CrimeType.position, models.CrimeType.code)
        return [(row[0], row[1], row[2]) for row in self._s.execute(stmt)]

    def support_areas(self) -> list[tuple[str, str]]:
        stmt = select(models.SupportArea.code, models.SupportArea.name).order_by(
            models.SupportArea.position, models.SupportArea.code
        )
        return [(row[0], row[1]) for row in self._s.execute(stmt)]

    def programmes(self) -> list[tuple[int, str, str, str]]:
        """(id, code, name, support area) in the catalogue's order."""
        stmt = select(
            models.Programme.id,
            models.Programme.code,
            models.Programme.name,
            models.Programme.support_area,
        ).order_by(models.Programme.position, models.Programme.id)
        return [(row[0], row[1], row[2], row[3]) for row in self._s.execute(stmt)]

    def agencies(self) -> list[tuple[int, str, str]]:
        """(id, code, name) in the directory's order."""
        stmt = select(models.Agency.id, models.Agency.code, models.Agency.name).order_by(
            models.Agency.id
        )
        return [(row[0], row[1], row[2]) for row in self._s.execute(stmt)]
