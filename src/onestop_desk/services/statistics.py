"""Statistics for team leads and administrators: the dashboard's figures and the exports.

What the figures mean (the same words are on the dashboard and in the exported report):

- **Period**: the Korean calendar dates ``period_from`` to ``period_to``, both included.
  Timestamps (phone inquiries) are compared in Korean time.
- **Consent**: a case whose ``statistics_consent`` is false does not exist for statistics. It
  is counted nowhere, and it does not make its person "continuing" either.
- **New cases** (신규 접수 사례): consenting cases received (``intake_date``) in the period.
  Every case breakdown counts these cases: crime bucket, crime type, intake channel, support
  area and programme (needs recorded on them), referrals made for them (by agency, and by
  their status now) and the person facts at intake (age band, gender, nationality,
  disability; one count per case).
- **Persons served** (이용자): the primary person of a consenting case that was open on some day
  of the period (received on or before its end, not closed before its start).
  **New persons** (신규): served persons whose earliest consenting case was received in the
  period. **Continuing persons** (계속): the other served persons, i.e. whose first case was
  received before the period (still open, or a returning person).
- **Days to first referral**: for new cases with at least one referral that was sent, the
  days from intake to the first ``sent_at`` (Korean date); the median of those.
- **Follow-ups overdue**: open referrals (작성/발송/접수확인/지원중) of consenting cases whose
  follow-up date is before today. A snapshot of today, whatever the period.
- **Phone inquiries**: inquiries received in the period; "became cases" counts those linked
  to a case (left out when that case refused statistical use).

Multi-select breakdowns (crime bucket and type, needs) count a case once per row it appears
in, so their rows add up to more than the number of cases.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from onestop_desk.db.repositories import ReferralQueueRepository
from onestop_desk.db.statistics import CohortGroup, StatisticsRepository
from onestop_desk.domain.access import Permission, require
from onestop_desk.domain.clock import KST, to_utc_naive
from onestop_desk.domain.errors import FieldError, ValidationError
from onestop_desk.domain.records import StatRow, StatsReport, StatTable
from onestop_desk.domain.statistics_suppression import PublishedReport, publish
from onestop_desk.domain.vocab import AuditAction, Gender, IntakeChannel, ReferralStatus
from onestop_desk.services.base import Service
from onestop_desk.services.queues import Queue, queue_query

HOME_COUNTRY = "대한민국"
BUCKETS = (
    ("sexual", "성폭력"),
    ("violent", "살인 등 강력"),
    ("stalking", "스토킹"),
    ("property", "재산"),
    ("other", "기타"),
)
CHANNELS = {
    IntakeChannel.VISIT: "방문",
    IntakeChannel.PHONE: "전화",
    IntakeChannel.ONLINE: "온라인",
    IntakeChannel.AGENCY: "기관의뢰",
}
GENDERS = {Gender.FEMALE: "여성", Gender.MALE: "남성", Gender.OTHER: "기타", Gender.UNKNOWN: "미상"}
REFERRAL_STATES = {
    ReferralStatus.DRAFT: "작성",
    ReferralStatus.SENT: "발송",
    ReferralStatus.ACKNOWLEDGED: "접수확인",
    ReferralStatus.IN_SUPPORT: "지원중",
    ReferralStatus.COMPLETED: "완료",
    ReferralStatus.REJECTED: "반려",
    ReferralStatus.WITHDRAWN: "철회",
}
# (code, label, youngest age, oldest age); age at intake in whole years.
AGE_BANDS = (
    ("0-13", "0–13세", 0, 13),
    ("14-18", "14–18세", 14, 18),
    ("19-29", "19–29세", 19, 29),
    ("30-39", "30–39세", 30, 39),
    ("40-49", "40–49세", 40, 49),
    ("50-64", "50–64세", 50, 64),
    ("65+", "65세 이상", 65, 200),
)
UNKNOWN = "unknown"
NATIONALITIES = (("domestic", "대한민국"), ("foreign", "외국 국적"), (UNKNOWN, "미상"))
DISABILITIES = (("yes", "장애 있음"), ("no", "장애 없음·미기재"))
NO_PROGRAMME = "_area_only"


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    PDF = "pdf"


def age_band(birth: date | None, on: date) -> str:
    """The band code of the age on ``on``; ``unknown`` without a (plausible) birth date."""
    if birth is None or birth > on:
        return UNKNOWN
    age = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    return next((code for code, _label, low, high in AGE_BANDS if low <= age <= high), UNKNOWN)


def nationality_group(nationality: str) -> str:
    text = nationality.strip()
    if not text:
        return UNKNOWN
    return "domestic" if text in (HOME_COUNTRY, "한국", "대한민국(한국)") else "foreign"


def _table(
    key: str,
    title: str,
    unit: str,
    labelled: Iterable[tuple[str, str]],
    counts: Counter[str],
    total: int,
    *,
    additive: bool,
) -> StatTable:
    rows = tuple(StatRow(code, label, counts.get(code, 0)) for code, label in labelled)
    return StatTable(key, title, unit, rows, total, additive)


class StatisticsService(Service):
    """Aggregates only; team leads and administrators (counselors are refused)."""

    def summary(self, period_from: date, period_to: date) -> StatsReport:
        """The raw aggregates of the period (see the module docstring for the definitions).

        Unsuppressed: for the dashboard on a team lead's screen. Use ``published`` or
        ``export`` for anything that leaves the application.
        """
        require(self.actor, Permission.VIEW_STATISTICS)
        self._check_period(period_from, period_to)
        today = self._ctx.clock.today()
        start_utc = to_utc_naive(datetime.combine(period_from, time.min, KST))
        end_utc = to_utc_naive(datetime.combine(period_to + timedelta(days=1), time.min, KST))
        overdue_query = replace(queue_query(Queue.OVERDUE, self._ctx.clock), statistics_only=True)
        with self._ctx.transaction() as s:
            repo = StatisticsRepository(s)
            counts = repo.counts(period_from, period_to)
            known = repo.consenting_range()
            if known is None or period_from <= known[0]:
                # Nobody had a consenting case before the period: every person served in it
                # is new, and they are the persons counted month by month.
                served = new = counts.new_persons
            else:
                served, new = repo.person_counts(period_from, period_to)
            overdue = ReferralQueueRepository(s).count(overdue_query, owner_id=None)
            inquiries, converted = repo.inquiries(start_utc, end_utc)
            crime_types = repo.crime_types()
            areas = repo.support_areas()
            programmes = repo.programmes()
            agencies = repo.agencies()

        cohort = counts.cohort_groups()
        type_counts = counts.crime_types
        bucket_counts = counts.crime_buckets
        area_counts, programme_ids = counts.areas, counts.programmes
        referrals = [(aid, status, n) for (aid, status), n in counts.referrals.items()]
        waits = dict(counts.waits)
        n_cases = sum(g.cases for g in cohort)
        programme_code = {pid: code for pid, code, _name, _area in programmes}
        programme_counts: Counter[str] = Counter()
        for pid, n in programme_ids.items():
            programme_counts[programme_code.get(pid, NO_PROGRAMME) if pid else NO_PROGRAMME] += n
        agency_code = {aid: code for aid, code, _name in agencies}
        agency_counts: Counter[str] = Counter()
        status_counts: Counter[str] = Counter()
        for aid, status, n in referrals:
            agency_counts[agency_code.get(aid, "")] += n
            status_counts[status] += n
        n_referrals = sum(n for _aid, _status, n in referrals)

        def by(key: Callable[[CohortGroup], str]) -> Counter[str]:
            out: Counter[str] = Counter()
            for g in cohort:
                out[key(g)] += g.cases
            return out

        return StatsReport(
            period_from=period_from,
            period_to=period_to,
            as_of=today,
            served_persons=served,
            new_persons=new,
            continuing_persons=served - new,
            new_cases=n_cases,
            first_referral_cases=sum(waits.values()),
            first_referral_median_days=_median(waits),
            overdue_follow_ups=overdue,
            phone_inquiries=inquiries,
            inquiries_to_cases=converted,
            crime_buckets=_table(
                "crime_buckets",
                "범죄 구분별 사례",
                "사례",
                BUCKETS,
                bucket_counts,
                n_cases,
                additive=False,
            ),
            crime_types=_table(
                "crime_types",
                "범죄 유형별 사례",
                "사례",
                [(code, name) for code, name, _b in crime_types],
                type_counts,
                n_cases,
                additive=False,
            ),
            intake_channels=_table(
                "intake_channels",
                "접수 경로별 사례",
                "사례",
                [(c.value, label) for c, label in CHANNELS.items()],
                by(lambda g: g.intake_channel),
                n_cases,
                additive=True,
            ),
            support_areas=_table(
                "support_areas",
                "지원 영역별 사례",
                "사례",
                areas,
                Counter(area_counts),
                n_cases,
                additive=False,
            ),
            programmes=_table(
                "programmes",
                "지원 제도별 사례",
                "사례",
                [(code, name) for _pid, code, name, _area in programmes]
                + [(NO_PROGRAMME, "제도 미지정(영역만)")],
                programme_counts,
                n_cases,
                additive=False,
            ),
            referral_agencies=_table(
                "referral_agencies",
                "기관별 연계",
                "건",
                [(code, name) for _aid, code, name in agencies],
                agency_counts,
                n_referrals,
                additive=True,
            ),
            referral_statuses=_table(
                "referral_statuses",
                "연계 결과(현재 상태)",
                "건",
                [(st.value, label) for st, label in REFERRAL_STATES.items()],
                status_counts,
                n_referrals,
                additive=True,
            ),
            age_bands=_table(
                "age_bands",
                "접수 시 연령대",
                "사례",
                [(code, label) for code, label, _lo, _hi in AGE_BANDS] + [(UNKNOWN, "미상")],
                by(lambda g: g.age_band),
                n_cases,
                additive=True,
            ),
            genders=_table(
                "genders",
                "성별",
                "사례",
                [(g.value, label) for g, label in GENDERS.items()],
                by(_gender),
                n_cases,
                additive=True,
            ),
            nationalities=_table(
                "nationalities",
                "국적",
                "사례",
                NATIONALITIES,
                by(lambda g: nationality_group(g.nationality or "")),
                n_cases,
                additive=True,
            ),
            disabilities=_table(
                "disabilities",
                "장애",
                "사례",
                DISABILITIES,
                by(lambda g: "yes" if g.disability else "no"),
                n_cases,
                additive=True,
            ),
        )

    def published(self, period_from: date, period_to: date) -> PublishedReport:
        """The suppressed form of ``summary``: what may leave the application."""
        return publish(self.summary(period_from, period_to))

    def export(
        self, period_from: date, period_to: date, fmt: ExportFormat | str, *, reason: str
    ) -> bytes:
        """The suppressed aggregates as a CSV, XLSX or PDF file; written to the access log
        (다운로드 사유 required, 안전성 확보조치 기준 §8)."""
        require(self.actor, Permission.VIEW_STATISTICS)
        fmt = ExportFormat(fmt)
        if not reason.strip():
            raise ValidationError([FieldError("statistics.reason", "required")])
        report = self.published(period_from, period_to)
        # Imported here: the documents layer loads reportlab and openpyxl, which the rest of
        # the services (and the dashboard) do not need.
        from onestop_desk.reports import monthly_report, stats_export

        if fmt is ExportFormat.CSV:
            data = stats_export.render_csv(report)
        elif fmt is ExportFormat.XLSX:
            data = stats_export.render_xlsx(report)
        else:
            data = monthly_report.render_monthly_report(
                report, printed_by=self.actor.username, printed_at=self._ctx.clock.now()
            )
        with self._ctx.transaction() as s:
            self._log(
                s,
                AuditAction.EXPORT,
                "",
                f"statistics {period_from.isoformat()}..{period_to.isoformat()} {fmt.value}",
                reason=reason.strip(),
            )
        return data

    @staticmethod
    def _check_period(period_from: date, period_to: date) -> None:
        if period_from > period_to:
            raise ValidationError([FieldError("statistics.period", "invalid_range")])


def _gender(g: CohortGroup) -> str:
    return g.gender if g.gender in {x.value for x in Gender} else Gender.UNKNOWN.value


def _median(histogram: dict[int, int]) -> float | None:
    """The median of values given as value -> how many times it occurs."""
    total = sum(histogram.values())
    if total == 0:
        return None
    ordered = sorted(histogram.items())

    def nth(k: int) -> int:  # the k-th smallest value, from 0
        seen = 0
        for value, n in ordered:
            seen += n
            if k < seen:
                return value
        raise IndexError(k)

    middle = total // 2
    if total % 2:
        return float(nth(middle))
    return (nth(middle - 1) + nth(middle)) / 2
