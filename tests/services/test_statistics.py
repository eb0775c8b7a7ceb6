"""StatisticsService on a small hand-built data set whose every count is known."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from helpers.world import World, consent
from onestop_desk.db import models
from onestop_desk.domain.errors import PermissionDeniedError, ValidationError
from onestop_desk.domain.records import CaseFilter, InquiryInput, NeedInput
from onestop_desk.domain.vocab import CallerType, IntakeChannel, ReferralStatus
from onestop_desk.services.statistics import age_band, nationality_group

NOV_FROM, NOV_TO = date(2026, 11, 1), date(2026, 11, 30)


def _set(world: World, model, row_id: int, **values) -> None:  # type: ignore[no-untyped-def]
    with world.store.sessions.begin() as s:
        s.execute(update(model).where(model.id == row_id).values(**values))


def _refer(world: World, case_id: int, agency: str, programmes: tuple[str, ...]) -> int:
    world.c1.consents.record(case_id, consent(agency))
    referral = world.c1.referrals.create(case_id, agency, programmes)
    world.c1.referrals.transition(referral.id, ReferralStatus.SENT)
    return referral.id


@pytest.fixture
def data(world: World) -> dict[str, int]:
    """Five cases around November 2026 (the clock says 2026-11-25):

    A received 11-25 by visit, 폭행+스토킹, woman born 1990, Korean; needs 법률 ×2 + 신변보호;
      referral to 대한법률구조공단 sent 11-25 (0 days).
    B received 11-10 by phone, 성폭력+디지털성범죄, man born 2010, Vietnamese, disabled;
      referral to 경찰 sent 11-25 (15 days), follow-up due 11-20 (overdue).
    C received 11-20, refused statistical use; overdue referral, linked inquiry: invisible.
    D received 10-15, still open (a continuing person); overdue referral.
    E received 09-01, closed 10-20: not served in November.
    """
    a = world.new_case(name="김하나", crimes=("assault", "stalking"))
    b = world.new_case(
        name="이둘", birth=date(2010, 5, 1), crimes=("sexual_violence", "digital_sex_crime")
    )
    c = world.new_case(name="박셋", crimes=("voice_phishing",), statistics_consent=False)
    d = world.new_case(name="최넷", crimes=("stalking",))
    e = world.new_case(name="정다섯", crimes=("other",))
    _set(world, models.Case, b.id, intake_date=date(2026, 11, 10), intake_channel="phone")
    _set(
        world,
        models.Person,
        b.person.id,
        gender="male",
        nationality="베트남",
        disability="지체장애",
    )
    _set(world, models.Case, c.id, intake_date=date(2026, 11, 20))
    _set(world, models.Case, d.id, intake_date=date(2026, 10, 15), incident_date=date(2026, 10, 1))
    _set(
        world,
        models.Case,
        e.id,
        intake_date=date(2026, 9, 1),
        incident_date=date(2026, 8, 1),
        status="closed",
        closed_on=date(2026, 10, 20),
    )
    world.c1.needs.set_needs(
        a.id,
        [NeedInput("legal", "legal_aid"), NeedInput("legal", "legal_counsel"), NeedInput("safety")],
    )
    _refer(world, a.id, "legal_aid", ("legal_aid",))
    b_ref = _refer(world, b.id, "police", ("smartwatch",))
    world.c1.referrals.set_follow_up(b_ref, date(2026, 11, 20))
    c_ref = _refer(world, c.id, "legal_aid", ())
    world.c1.referrals.set_follow_up(c_ref, date(2026, 11, 1))
    d_ref = _refer(world, d.id, "police", ())
    world.c1.referrals.set_follow_up(d_ref, date(2026, 11, 2))
    # Phone inquiries: the KST day boundary, one that became case A, one that became C.
    for received, case_id in (
        (datetime(2026, 10, 31, 23, 30), None),  # October in Korea
        (datetime(2026, 11, 1, 0, 30), None),
        (datetime(2026, 11, 3, 9, 0), a.id),
        (datetime(2026, 11, 4, 9, 0), c.id),
    ):
        inquiry = world.c1.inquiries.log(
            InquiryInput(CallerType.VICTIM, "상담 문의", received_at=received)
        )
        if case_id is not None:
            _set(world, models.PhoneInquiry, inquiry.id, case_id=case_id)
    return {"a": a.id, "b": b.id, "c": c.id, "d": d.id, "e": e.id}


def test_headline_figures(world, data):
    report = world.lead.statistics.summary(NOV_FROM, NOV_TO)
    assert report.new_cases == 2  # A and B; C refused
    assert (report.served_persons, report.new_persons, report.continuing_persons) == (3, 2, 1)
    assert report.first_referral_cases == 2
    assert report.first_referral_median_days == 7.5  # 0 and 15 days
    assert report.overdue_follow_ups == 2  # B and D; C's is left out
    assert (report.phone_inquiries, report.inquiries_to_cases) == (2, 1)
    assert report.as_of == date(2026, 11, 25)


def test_case_breakdowns(world, data):
    report = world.lead.statistics.summary(NOV_FROM, NOV_TO)
    buckets = {r.code: r.count for r in report.crime_buckets.rows}
    assert buckets == {"sexual": 1, "violent": 1, "stalking": 1, "property": 0, "other": 0}
    assert not report.crime_buckets.additive
    types = {r.code: r.count for r in report.crime_types.rows if r.count}
    assert types == {"assault": 1, "stalking": 1, "sexual_violence": 1, "digital_sex_crime": 1}
    channels = {r.code: r.count for r in report.intake_channels.rows}
    assert channels == {"visit": 1, "phone": 1, "online": 0, "agency": 0}
    assert report.intake_channels.total == 2 and report.intake_channels.additive


def test_needs_and_referrals(world, data):
    report = world.lead.statistics.summary(NOV_FROM, NOV_TO)
    assert report.support_areas.count("legal") == 1  # one case, two legal needs
    assert report.support_areas.count("safety") == 1
    assert report.programmes.count("legal_aid") == 1
    assert report.programmes.count("legal_counsel") == 1
    assert report.programmes.count("_area_only") == 1
    agencies = {r.code: r.count for r in report.referral_agencies.rows if r.count}
    assert agencies == {"legal_aid": 1, "police": 1}
    assert report.referral_statuses.count("sent") == 2
    assert report.referral_statuses.total == 2


def test_person_breakdowns(world, data):
    report = world.lead.statistics.summary(NOV_FROM, NOV_TO)
    assert {r.code: r.count for r in report.age_bands.rows if r.count} == {"30-39": 1, "14-18": 1}
    assert report.genders.count("female") == 1 and report.genders.count("male") == 1
    assert report.nationalities.count("domestic") == 1
    assert report.nationalities.count("foreign") == 1
    assert report.disabilities.count("yes") == 1 and report.disabilities.count("no") == 1
    for table in (report.age_bands, report.genders, report.nationalities, report.disabilities):
        assert sum(r.count for r in table.rows) == table.total == 2


def test_refused_case_is_counted_nowhere(world, data):
    """Giving C consent adds it everywhere; without consent no figure moves."""
    before = world.lead.statistics.summary(NOV_FROM, NOV_TO)
    _set(world, models.Case, data["c"], statistics_consent=True)
    after = world.lead.statistics.summary(NOV_FROM, NOV_TO)
    assert after.new_cases == before.new_cases + 1
    assert after.served_persons == before.served_persons + 1
    assert after.overdue_follow_ups == before.overdue_follow_ups + 1
    assert after.inquiries_to_cases == before.inquiries_to_cases + 1
    assert after.crime_buckets.count("property") == 1
    assert before.crime_buckets.count("property") == 0


def test_an_earlier_refused_case_does_not_make_a_person_continuing(world, data):
    # C's person comes back with a consenting case in November: still a new person.
    with world.store.sessions.begin() as s:
        c_person = s.scalar(select(models.Case.person_id).where(models.Case.id == data["c"]))
    _set(world, models.Case, data["c"], intake_date=date(2026, 6, 1))
    _set(world, models.Case, data["a"], person_id=c_person)
    report = world.lead.statistics.summary(NOV_FROM, NOV_TO)
    assert (report.served_persons, report.new_persons) == (3, 2)


def test_periods_are_inclusive_dates(world, data):
    day = world.lead.statistics.summary(date(2026, 11, 10), date(2026, 11, 10))
    assert day.new_cases == 1
    october = world.lead.statistics.summary(date(2026, 10, 1), date(2026, 10, 31))
    assert october.new_cases == 1  # D
    assert (october.served_persons, october.new_persons) == (2, 1)  # D new; E continuing
    assert october.phone_inquiries == 1  # 10-31 23:30 KST


def test_counselors_are_refused_and_admins_allowed(world, data):
    with pytest.raises(PermissionDeniedError):
        world.c1.statistics.summary(NOV_FROM, NOV_TO)
    with pytest.raises(PermissionDeniedError):
        world.c1.statistics.export(NOV_FROM, NOV_TO, "csv", reason="보고")
    assert world.admin.statistics.summary(NOV_FROM, NOV_TO).new_cases == 2


def test_reversed_period_is_a_validation_error(world):
    with pytest.raises(ValidationError):
        world.lead.statistics.summary(NOV_TO, NOV_FROM)


def test_empty_period(world):
    report = world.lead.statistics.summary(date(2020, 1, 1), date(2020, 1, 31))
    assert report.new_cases == 0
    assert report.first_referral_median_days is None
    assert all(r.count == 0 for t in report.tables() for r in t.rows)


def test_age_bands_and_nationality_rules():
    assert age_band(date(2013, 11, 26), date(2026, 11, 25)) == "0-13"  # turns 13 tomorrow
    assert age_band(date(2012, 11, 25), date(2026, 11, 25)) == "14-18"  # 14 today
    assert age_band(date(2007, 11, 25), date(2026, 11, 25)) == "19-29"
    assert age_band(date(1961, 11, 26), date(2026, 11, 25)) == "50-64"
    assert age_band(date(1961, 11, 25), date(2026, 11, 25)) == "65+"
    assert age_band(None, date(2026, 11, 25)) == "unknown"
    assert age_band(date(2027, 1, 1), date(2026, 11, 25)) == "unknown"
    assert nationality_group("대한민국") == "domestic"
    assert nationality_group(" 중국 ") == "foreign"
    assert nationality_group("") == "unknown"


def test_case_filter_matches_a_dashboard_bar(world, data):
    """The list a bar opens holds exactly the cases the bar counts."""
    flt = CaseFilter(
        crime_type="stalking", intake_from=NOV_FROM, intake_to=NOV_TO, statistics_only=True
    )
    assert world.lead.cases.list_ids(flt) == [data["a"]]
    phone = CaseFilter(intake_channel=IntakeChannel.PHONE, statistics_only=True)
    assert world.lead.cases.list_ids(phone) == [data["b"]]
    refused_too = CaseFilter(intake_from=date(2026, 11, 20), intake_to=date(2026, 11, 20))
    assert world.lead.cases.list_ids(refused_too) == [data["c"]]
    assert world.lead.cases.list_ids(CaseFilter(intake_to=date(2026, 9, 30))) == [data["e"]]
