from datetime import date

import pytest

from helpers.world import NOW
from onestop_desk.domain.errors import PermissionDeniedError, ValidationError
from onestop_desk.domain.records import CaseInput, PersonInput, RelatedPersonInput
from onestop_desk.domain.vocab import CaseStatus, IntakeChannel, Relationship


def test_create_case_numbers_and_returns_record(world):
    first = world.new_case()
    second = world.new_case(name="김영희")
    assert first.case_number == "2026-00001"
    assert second.case_number == "2026-00002"
    assert first.status is CaseStatus.RECEIVED
    assert first.person.name == "홍길동"
    assert first.counselor_name == "이상담"
    assert [s.to_status for s in first.status_history] == [CaseStatus.RECEIVED]


def test_case_numbers_are_never_reused(world, store):
    from onestop_desk.db import models

    first = world.new_case()
    with store.sessions.begin() as s:  # even if a row disappears (destruction), the counter stays
        s.delete(s.get(models.Case, first.id))
    assert world.new_case().case_number == "2026-00002"


def test_validation_names_each_field(world):
    person = PersonInput(name="  ", birth_date=date(2030, 1, 1), phone="12", email="nope")
    case = CaseInput(
        intake_channel=IntakeChannel.PHONE,
        intake_date=NOW.date(),
        crime_types=("no_such_crime",),
        incident_date=date(2026, 5, 1),
        harm_known_date=date(2026, 4, 1),
    )
    with pytest.raises(ValidationError) as err:
        world.c1.cases.create_case(person, case)
    got = {(e.field, e.code) for e in err.value.errors}
    assert got == {
        ("person.name", "required"),
        ("person.birth_date", "in_future"),
        ("person.phone", "invalid_phone"),
        ("person.email", "invalid_email"),
        ("case.crime_types", "unknown_code"),
        ("case.harm_known_date", "before_incident"),
    }
    assert world.lead.cases.list_ids() == []  # nothing half-saved


def test_related_persons_are_saved_with_relationship(world):
    guardian = RelatedPersonInput(
        PersonInput(name="홍부모", phone="010-2222-3333"), Relationship.GUARDIAN
    )
    detail = world.new_case(name="홍아이", birth=date(2016, 5, 5), related=(guardian,))
    assert [(r.person.name, r.relationship) for r in detail.related] == [
        ("홍부모", Relationship.GUARDIAN)
    ]
    # the guardian's name finds the case too
    assert world.lead.cases.search_ids("홍부모") == [detail.id]


@pytest.mark.encrypted_fields_too
def test_duplicates_by_birth_date_and_similar_name_phone_and_initials(world):
    existing = world.new_case(name="김영희", birth=date(1985, 7, 7), phone="010-9876-5432")
    by_birth = world.c1.cases.find_duplicates("김영히", date(1985, 7, 7))
    # 김영히 and 김영희 share their 초성 too
    assert [(d.case_id, d.reasons) for d in by_birth] == [
        (existing.id, ("birth_date_name", "initials"))
    ]
    assert by_birth[0].masked_name == "김*희"
    by_phone = world.c1.cases.find_duplicates("전혀다름", None, ["01098765432"])
    assert [d.reasons for d in by_phone] == [("phone",)]
    by_initials = world.c1.cases.find_duplicates("김영희", None)
    assert [d.reasons for d in by_initials] == [("initials",)]
    assert world.c1.cases.find_duplicates("박철수", date(1999, 1, 1), ["010-0000-1111"]) == []


@pytest.mark.encrypted_fields_too
def test_duplicates_only_show_cases_the_counselor_may_see(world):
    world.new_case(world.c2, name="김영희", birth=date(1985, 7, 7))
    assert world.c1.cases.find_duplicates("김영희", date(1985, 7, 7)) == []
    assert len(world.lead.cases.find_duplicates("김영희", date(1985, 7, 7))) == 1


@pytest.mark.encrypted_fields_too
def test_duplicates_by_second_phone_and_not_by_a_related_persons_phone(world):
    guardian = RelatedPersonInput(
        PersonInput(name="보호자", phone="010-4444-5555"), Relationship.GUARDIAN
    )
    existing = world.c1.cases.create_case(
        PersonInput(name="박민지", phone="02-123-4567", phone2="010-7777-8888"),
        CaseInput(
            intake_channel=IntakeChannel.VISIT,
            intake_date=NOW.date(),
            crime_types=("assault",),
            related=(guardian,),
        ),
    )
    found = world.c1.cases.find_duplicates("다른이름", None, ["010 7777 8888"])
    assert [(d.case_id, d.reasons) for d in found] == [(existing.id, ("phone",))]
    # Only the case's own person is checked, as before: a guardian's phone is no duplicate.
    assert world.c1.cases.find_duplicates("다른이름", None, ["010-4444-5555"]) == []
    # A phone that merely contains the number is not the same phone.
    assert world.c1.cases.find_duplicates("다른이름", None, ["7777888"]) == []


def test_counselor_sees_only_own_cases_admin_sees_none(world):
    mine = world.new_case(world.c1)
    theirs = world.new_case(world.c2, name="이순신")
    assert world.c1.cases.list_ids() == [mine.id]
    assert set(world.lead.cases.list_ids()) == {mine.id, theirs.id}
    with pytest.raises(PermissionDeniedError):
        world.c1.cases.get(theirs.id)
    with pytest.raises(PermissionDeniedError):
        world.admin.cases.get(mine.id)
    with pytest.raises(PermissionDeniedError):
        world.admin.cases.list_ids()
    assert [s.id for s in world.c1.cases.summaries([mine.id, theirs.id])] == [mine.id]


def test_only_a_team_lead_reassigns_a_case(world):
    case = world.new_case(world.c1)
    c2_id = world.c2.actor.user_id
    with pytest.raises(PermissionDeniedError):
        world.c1.cases.assign(case.id, c2_id)
    assert world.lead.cases.get(case.id).counselor_id == world.c1.actor.user_id
    moved = world.lead.cases.assign(case.id, c2_id)
    assert (moved.counselor_id, moved.counselor_name) == (c2_id, "박상담")
    assert world.c2.cases.list_ids() == [case.id]
    with pytest.raises(ValidationError):
        world.lead.cases.assign(case.id, 999_999)


def test_status_follows_step_model_and_closing_needs_outcome(world):
    from onestop_desk.domain.errors import IllegalTransitionError

    case = world.new_case()
    world.c1.cases.change_status(case.id, CaseStatus.INITIAL_CONSULT)
    with pytest.raises(IllegalTransitionError):
        world.c1.cases.change_status(case.id, CaseStatus.RECEIVED)
    with pytest.raises(IllegalTransitionError):
        world.c1.cases.change_status(case.id, CaseStatus.AFTERCARE)
    with pytest.raises(ValidationError):
        world.c1.cases.change_status(case.id, CaseStatus.CLOSED)
    closed = world.c1.cases.change_status(case.id, CaseStatus.CLOSED, outcome="일상 회복")
    assert closed.closed_on == NOW.date() and closed.outcome == "일상 회복"
    after = world.c1.cases.change_status(case.id, CaseStatus.AFTERCARE)
    assert [s.to_status for s in after.status_history] == [
        CaseStatus.RECEIVED,
        CaseStatus.INITIAL_CONSULT,
        CaseStatus.CLOSED,
        CaseStatus.AFTERCARE,
    ]
    kinds = [e.kind.value for e in world.c1.cases.timeline(case.id)]
    assert kinds.count("status") == 3


def test_summaries_mask_names_and_reveal_is_logged(world, store):
    from sqlalchemy import select

    from onestop_desk.db import models

    case = world.new_case()
    [row] = world.c1.cases.summaries([case.id])
    assert row.masked_name == "홍*동"
    assert row.crime_buckets == ("violent",)
    assert world.c1.cases.reveal_name(case.id) == "홍길동"
    with store.sessions.begin() as s:
        actions = s.scalars(select(models.AuditEvent.action).order_by(models.AuditEvent.seq)).all()
    assert "reveal" in actions


def test_relief_money_deadline_warning(world):
    from onestop_desk.domain.records import NeedInput

    case = world.new_case(incident_date=date(2016, 12, 1), harm_known_date=date(2024, 1, 1))
    world.c1.needs.set_needs(case.id, [NeedInput("financial", "relief_money_serious_injury")])
    [warning] = world.c1.cases.warnings(case.id)
    assert warning.deadline == date(2026, 12, 1)  # 10 years from the crime comes first
    assert warning.days_left == 6


def test_a_case_goes_only_to_an_active_counselor_or_team_lead(world):
    case = world.new_case()
    with pytest.raises(ValidationError) as err:
        world.lead.cases.assign(case.id, world.admin.actor.user_id)
    assert err.value.errors[0].code == "not_a_counselor"
    assert world.lead.cases.assign(case.id, world.c2.actor.user_id).counselor_name == "박상담"


# --- what the intake warns about, asked of the service ---------------------------------------


def _typed_case(**fields: object) -> CaseInput:
    return CaseInput(intake_channel=IntakeChannel.VISIT, intake_date=NOW.date(), **fields)  # type: ignore[arg-type]


def test_intake_warnings_name_the_near_deadline_of_each_ticked_relief_money(world):
    from onestop_desk.domain.records import NeedInput

    case = _typed_case(incident_date=date(2016, 12, 20), harm_known_date=date(2023, 12, 20))
    needs = [
        NeedInput("financial", "relief_money_serious_injury"),
        NeedInput("medical", "treatment_cost"),  # no deadline: no warning
        NeedInput("safety"),  # a whole area, no programme
    ]
    warnings = world.c1.intake.warnings(case, needs)
    [deadline] = warnings.deadlines
    assert deadline.programme_code == "relief_money_serious_injury"
    assert deadline.deadline == date(2026, 12, 20)
    assert deadline.days_left == 25
    assert warnings.kin_exclusions == ()


def test_intake_warnings_past_deadline_and_offender_is_kin(world):
    from onestop_desk.domain.records import NeedInput

    case = _typed_case(incident_date=date(2010, 1, 5), offender_is_kin=True)
    needs = [
        NeedInput("financial", "relief_money_bereaved"),
        NeedInput("medical", "treatment_cost"),
    ]
    warnings = world.c1.intake.warnings(case, needs)
    [deadline] = warnings.deadlines
    assert deadline.deadline == date(2013, 1, 5)  # 3 years, the crime day taken as known
    assert deadline.days_left < 0
    # only the relief money is flagged for kin, not the treatment costs
    assert [k.programme_code for k in warnings.kin_exclusions] == ["relief_money_bereaved"]


def test_intake_warnings_are_empty_without_programmes_and_refused_to_administrators(world):
    from onestop_desk.domain.records import NeedInput

    case = _typed_case(incident_date=date(2016, 12, 20), offender_is_kin=True)
    assert not world.c1.intake.warnings(case, [])
    assert not world.c1.intake.warnings(case, [NeedInput("financial")])
    with pytest.raises(PermissionDeniedError):
        world.admin.intake.warnings(case, [NeedInput("financial", "relief_money_bereaved")])


def test_one_catalogue_for_the_intake_and_the_case_view(world):
    directory = world.c1.directory
    catalogue = directory.catalogue()
    assert [c.code for c in catalogue.crime_types] == [c.code for c in directory.crime_types()]
    assert catalogue.areas == tuple(directory.support_areas())
    assert catalogue.programmes == tuple(directory.programmes())
    assert catalogue.agencies == tuple(directory.agencies(active_only=True))
    assert catalogue.active_programmes() == tuple(directory.programmes(active_only=True))
    assert {"relief_money_bereaved", "treatment_cost"} <= {p.code for p in catalogue.programmes}
