"""Registering a walk-in is one transaction: everything is saved, or nothing is."""

from __future__ import annotations

from datetime import date

import pytest

from helpers.world import NOW, consent
from onestop_desk.db import models
from onestop_desk.domain.errors import PermissionDeniedError, ValidationError
from onestop_desk.domain.records import (
    CaseInput,
    ConsentInput,
    NeedInput,
    PersonInput,
    SafeContact,
    WalkIn,
)
from onestop_desk.domain.vocab import ConsentItem, ConsentMethod, Gender, IntakeChannel


def _walk_in(**overrides: object) -> WalkIn:
    fields: dict[str, object] = {
        "person": PersonInput(
            name="홍길동",
            birth_date=date(1990, 3, 1),
            gender=Gender.FEMALE,
            phone="010-1234-5678",
            safe_contact=SafeContact(may_call=True),
        ),
        "case": CaseInput(
            intake_channel=IntakeChannel.VISIT,
            intake_date=NOW.date(),
            crime_types=("assault",),
            incident_date=date(2026, 11, 1),
        ),
        "needs": (
            NeedInput("medical", "treatment_cost"),
            NeedInput("legal", "legal_aid"),
        ),
        "consents": (
            consent("prosecution", ConsentItem.IDENTITY, ConsentItem.CONTACT),
            consent("legal_aid", ConsentItem.IDENTITY),
        ),
    }
    fields.update(overrides)
    return WalkIn(**fields)  # type: ignore[arg-type]


def _counts(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with store.sessions.begin() as s:
        return {
            name: s.query(model).count()
            for name, model in {
                "cases": models.Case,
                "persons": models.Person,
                "needs": models.Need,
                "consents": models.Consent,
                "referrals": models.Referral,
                "timeline": models.TimelineEvent,
            }.items()
        }


def test_one_call_saves_the_case_needs_consents_and_referrals(world, store):
    world.c1.drafts.save_intake({"name": "홍길동"})
    result = world.c1.intake.register(_walk_in())
    assert result.case.case_number == "2026-00001"
    assert {r.agency_code for r in result.referrals} == {"prosecution", "legal_aid"}
    assert {c.agency_code for c in world.c1.consents.list(result.case.id)} == {
        "prosecution",
        "legal_aid",
    }
    assert len(world.c1.needs.list(result.case.id)) == 2
    assert world.c1.drafts.load_intake() is None  # the form is done with


def test_a_failure_after_the_consents_leaves_nothing_of_the_walk_in(world, store, monkeypatch):
    world.c1.drafts.save_intake({"name": "홍길동"})
    before = _counts(store)

    def broken(case_id: int) -> list:  # type: ignore[type-arg]
        raise RuntimeError("disk pulled while the referrals were written")

    monkeypatch.setattr(world.c1.referrals, "create_from_needs", broken)
    with pytest.raises(RuntimeError):
        world.c1.intake.register(_walk_in())

    assert _counts(store) == before
    assert world.lead.cases.list_ids() == []
    # The counselor's draft survives, and the case number was not used up.
    assert world.c1.drafts.load_intake() is not None
    monkeypatch.undo()
    assert world.c1.intake.register(_walk_in()).case.case_number == "2026-00001"


def test_a_refused_consent_is_named_by_its_row_and_saves_nothing(world, store):
    before = _counts(store)
    bad = ConsentInput(
        agency_code="legal_aid",
        items=frozenset(),
        given_on=NOW.date(),
        method=ConsentMethod.WRITTEN,
    )
    with pytest.raises(ValidationError) as err:
        world.c1.intake.register(_walk_in(consents=(consent("prosecution"), bad)))
    assert ("consents.1.items", "required") in {(e.field, e.code) for e in err.value.errors}
    assert _counts(store) == before


def test_without_consent_no_referral_is_made(world):
    result = world.c1.intake.register(_walk_in(consents=()))
    assert result.referrals == ()
    assert len(world.c1.needs.list(result.case.id)) == 2


def test_administrators_do_not_register_walk_ins(world, store):
    with pytest.raises(PermissionDeniedError):
        world.admin.intake.register(_walk_in())
    assert _counts(store)["cases"] == 0
