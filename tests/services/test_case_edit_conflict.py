"""Two PCs edit the same case: the second save is refused with what the first changed, and
the first one's data stays."""

from __future__ import annotations

from dataclasses import replace

import pytest

from helpers.world import edit_inputs
from onestop_desk.domain.case_edit import CaseEditConflictError, FieldChange
from onestop_desk.domain.messages import Language, error_text
from onestop_desk.domain.vocab import RiskLevel


def test_second_save_gets_the_changes_and_the_first_is_kept(world):
    case = world.new_case(phone="010-1111-2222")
    # Two PCs open the edit form: the counselor and the team lead.
    form_a = world.c1.cases.get(case.id)
    form_b = world.lead.cases.get(case.id)
    assert form_a.version == form_b.version == 1

    person_a, case_a = edit_inputs(form_a)
    saved = world.c1.cases.update_facts(
        case.id,
        replace(person_a, phone="010-9999-0000"),
        replace(case_a, risk_level=RiskLevel.HIGH, summary="A가 고친 경위"),
        version=form_a.version,
        loaded=form_a,
    )
    assert saved.version == 2

    person_b, case_b = edit_inputs(form_b)
    with pytest.raises(CaseEditConflictError) as caught:
        world.lead.cases.update_facts(
            case.id,
            replace(person_b, email="b@example.org"),
            replace(case_b, summary="B가 쓴 경위"),
            version=form_b.version,
            loaded=form_b,
        )
    conflict = caught.value
    assert conflict.changes == (
        FieldChange("person.phone", "010-9999-0000"),
        FieldChange("case.risk_level", RiskLevel.HIGH),
        FieldChange("case.summary", "A가 고친 경위"),
    )
    assert conflict.current.version == 2
    # The message and params name fields only: no stored value can reach a log line.
    assert conflict.params["fields"] == ("person.phone", "case.risk_level", "case.summary")
    assert "010-9999-0000" not in str(conflict) and "A가" not in repr(conflict.params)
    assert error_text(conflict).startswith("다른 PC에서 이 사례를 먼저 수정했습니다")
    assert error_text(conflict, Language.EN).startswith("Someone else changed this case first")

    kept = world.c1.cases.get(case.id)
    assert kept.person.phone == "010-9999-0000" and kept.summary == "A가 고친 경위"
    assert kept.person.email == "" and kept.version == 2

    # B re-applies the typed text on top of the current version: it saves.
    again = world.lead.cases.update_facts(
        case.id,
        replace(person_b, email="b@example.org"),
        replace(case_b, summary="B가 쓴 경위"),
        version=conflict.current.version,
        loaded=conflict.current,
    )
    assert again.version == 3 and again.summary == "B가 쓴 경위"
    assert again.person.email == "b@example.org"


def test_without_the_loaded_record_the_differing_fields_are_named(world):
    case = world.new_case()
    form = world.c1.cases.get(case.id)
    person, facts = edit_inputs(form)
    world.c1.cases.update_facts(case.id, person, replace(facts, police_office="동작경찰서"))
    with pytest.raises(CaseEditConflictError) as caught:
        world.c1.cases.update_facts(case.id, person, facts, version=form.version)
    assert caught.value.changes == (FieldChange("case.police_office", "동작경찰서"),)


def test_a_refused_save_writes_nothing(world):
    case = world.new_case()
    form = world.c1.cases.get(case.id)
    person, facts = edit_inputs(form)
    world.c1.cases.update_facts(case.id, person, facts, version=form.version)
    with pytest.raises(CaseEditConflictError):
        world.c1.cases.update_facts(
            case.id, replace(person, name="바뀐이름"), facts, version=form.version
        )
    now = world.c1.cases.get(case.id)
    assert now.person.name == form.person.name and now.version == 2
