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

from datetime import date, datetime
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
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from onestop_desk.db import models
from onestop_desk.db.dialect import is_sqlite

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


class CohortGroup(NamedTuple):
    """How many consenting cases received in the period share these intake facts."""

    intake_channel: str
    gender: str
    nationality: str
    disability: str
    age: int | None
    cases: int

    @property
    def age_band(self) -> str:
        if self.age is None:
            return UNKNOWN
        return next((code for code, low, high in AGE_BANDS if low <= self.age <= high), UNKNOWN)


def _consenting() -> Any:
    # "= 1" (not IS): the form SQLite can match against the stored 0/1.
    return models.Case.statistics_consent == True  # noqa: E712


# Age at intake in whole years, from the stored 'YYYY-MM-DD' text (substr is several times
# cheaper than strftime, and this runs once per case); NULL without a plausible birth date.
_AGE = (
    "CASE WHEN p.birth_date IS NULL OR p.birth_date > c.intake_date THEN NULL ELSE "
    "CAST(substr(c.intake_date, 1, 4) AS INTEGER) - CAST(substr(p.birth_date, 1, 4) AS INTEGER)"
    " - (substr(c.intake_date, 6, 5) < substr(p.birth_date, 6, 5)) END"
)
_COHORT_SQL = f"""
SELECT c.intake_channel, p.gender, p.nationality, trim(p.disability) AS disability,
       {_AGE} AS age, count(*) AS cases
FROM cases AS c
JOIN persons AS p INDEXED BY ix_persons_statistics ON p.id = c.person_id
WHERE c.statistics_consent = 1 AND c.intake_date >= :start AND c.intake_date <= :end
GROUP BY 1, 2, 3, 4, 5
"""


# The same counts on PostgreSQL, where dates are dates and the planner needs no hints.
_PG_COHORT_SQL = """
SELECT c.intake_channel, p.gender, p.nationality, trim(p.disability) AS disability,
       CASE WHEN p.birth_date IS NULL OR p.birth_date > c.intake_date THEN NULL
            ELSE CAST(date_part('year', age(c.intake_date, p.birth_date)) AS INTEGER) END
         AS age,
       count(*) AS cases
FROM cases AS c
JOIN persons AS p ON p.id = c.person_id
WHERE c.statistics_consent AND c.intake_date >= :start AND c.intake_date <= :end
GROUP BY 1, 2, 3, 4, 5
"""


class StatisticsRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def _in_period(self, start: date, end: date) -> Any:
        return and_(_consenting(), models.Case.intake_date >= start, models.Case.intake_date <= end)

    def _period_cases(self, start: date, end: date) -> Any:
        """The ids of the consenting cases received in the period, as a subquery."""
        return select(models.Case.id).where(self._in_period(start, end)).scalar_subquery()

    # --- the cohort: consenting cases received in the period --------------------------------

    def cohort_groups(self, start: date, end: date) -> list[CohortGroup]:
        """The cases received in the period, counted by channel and their person's facts.

        Written out for SQLite: the person facts must come from ``ix_persons_statistics``
        (``INDEXED BY``), or SQLite looks every person up by rowid and reads the wide table.
        """
        sqlite = is_sqlite(self._s)
        stmt = text(_COHORT_SQL if sqlite else _PG_COHORT_SQL).columns(
            column("intake_channel", String),
            column("gender", String),
            column("nationality", String),
            column("disability", String),
            column("age", Integer),
            column("cases", Integer),
        )
        params: dict[str, Any] = (
            {"start": start.isoformat(), "end": end.isoformat()}
            if sqlite
            else {"start": start, "end": end}
        )
        rows = self._s.execute(stmt, params)
        return [CohortGroup(*row) for row in rows]

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
        if is_sqlite(self._s):
            days = cast(
                func.julianday(func.date(first.c.sent_at, KST_OFFSET))
                - func.julianday(first.c.intake_date),
                Integer,
            ).label("days")
        else:
            # date - date is a whole number of days on PostgreSQL.
            days = type_coerce(
                cast(first.c.sent_at + text("interval '9 hours'"), Date) - first.c.intake_date,
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
        if is_sqlite(self._s):
            not_indexed: tuple[Any, ...] = (
                literal_column("+cases.statistics_consent") == 1,
                literal_column("+cases.intake_date") <= end.isoformat(),
            )
        else:
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
