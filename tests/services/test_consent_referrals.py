from datetime import date, timedelta
from itertools import product

import pytest

from helpers.world import NOW, consent
from onestop_desk.domain.errors import (
    ConsentRequiredError,
    IllegalTransitionError,
    ValidationError,
)
from onestop_desk.domain.records import NeedInput, ReferralReply
from onestop_desk.domain.vocab import (
    REFERRAL_TRANSITIONS,
    ConsentItem,
    ReferralStatus,
)


def test_may_share_answers_per_agency_and_item(world):
    case = world.new_case()
    world.c1.consents.record(case.id, consent("police", ConsentItem.IDENTITY, ConsentItem.CONTACT))
    assert world.c1.consents.may_share(case.id, "police", ConsentItem.CONTACT)
    assert not world.c1.consents.may_share(case.id, "police", ConsentItem.SENSITIVE)
    assert not world.c1.consents.may_share(case.id, "legal_aid", ConsentItem.IDENTITY)


def test_expired_future_and_withdrawn_consent_do_not_count(world):
    case = world.new_case()
    expired = consent("police", given=NOW.date() - timedelta(days=30))
    expired = expired.__class__(
        **{**expired.__dict__, "expires_on": NOW.date() - timedelta(days=1)}
    )
    world.c1.consents.record(case.id, expired)
    assert not world.c1.consents.may_share(case.id, "police", ConsentItem.IDENTITY)
    with pytest.raises(ValidationError):
        world.c1.consents.record(case.id, consent("police", given=NOW.date() + timedelta(days=1)))
    given = world.c1.consents.record(case.id, consent("legal_aid"))
    world.c1.consents.withdraw(given.id)
    assert not world.c1.consents.may_share(case.id, "legal_aid", ConsentItem.IDENTITY)


def test_new_consent_replaces_the_old_scope(world):
    case = world.new_case()
    world.c1.consents.record(
        case.id, consent("police", ConsentItem.IDENTITY, ConsentItem.SENSITIVE)
    )
    world.c1.consents.record(case.id, consent("police", ConsentItem.IDENTITY))
    assert world.c1.consents.shareable_items(case.id, "police") == {ConsentItem.IDENTITY}
    history = world.c1.consents.list(case.id)
    assert [c.withdrawn_on for c in history] == [NOW.date(), None]


def test_referral_without_consent_is_refused(world):
    case = world.new_case()
    with pytest.raises(ConsentRequiredError) as err:
        world.c1.referrals.create(case.id, "police", ["personal_protection"])
    assert err.value.params == {"agency": "police"}
    assert world.c1.referrals.list(case.id) == []


def test_referral_requests_only_what_the_agency_offers(world):
    case = world.new_case()
    world.c1.consents.record(case.id, consent("police"))
    with pytest.raises(ValidationError) as err:
        world.c1.referrals.create(case.id, "police", ["victim_attorney"])
    assert err.value.errors[0].code == "not_offered"
    ref = world.c1.referrals.create(case.id, "police", ["personal_protection", "smartwatch"])
    assert ref.document_number == "R2026-000001"
    assert ref.programme_codes == ("personal_protection", "smartwatch")
    assert ref.status is ReferralStatus.DRAFT


def test_withdrawn_consent_blocks_sending(world):
    case = world.new_case()
    given = world.c1.consents.record(case.id, consent("police"))
    ref = world.c1.referrals.create(case.id, "police", ["smartwatch"])
    world.c1.consents.withdraw(given.id)
    with pytest.raises(ConsentRequiredError):
        world.c1.referrals.transition(ref.id, ReferralStatus.SENT)
    assert world.c1.referrals.list(case.id)[0].status is ReferralStatus.DRAFT


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (a, b)
        for a, b in product(ReferralStatus, ReferralStatus)
        if b not in REFERRAL_TRANSITIONS[a]
    ],
)
def test_every_illegal_transition_is_refused(world, start, target):
    case = world.new_case()
    world.c1.consents.record(case.id, consent("police"))
    ref = world.c1.referrals.create(case.id, "police", ["smartwatch"])
    path = {
        ReferralStatus.DRAFT: [],
        ReferralStatus.SENT: [ReferralStatus.SENT],
        ReferralStatus.ACKNOWLEDGED: [ReferralStatus.SENT, ReferralStatus.ACKNOWLEDGED],
        ReferralStatus.IN_SUPPORT: [
            ReferralStatus.SENT,
            ReferralStatus.ACKNOWLEDGED,
            ReferralStatus.IN_SUPPORT,
        ],
        ReferralStatus.COMPLETED: [
            ReferralStatus.SENT,
            ReferralStatus.ACKNOWLEDGED,
            ReferralStatus.IN_SUPPORT,
            ReferralStatus.COMPLETED,
        ],
        ReferralStatus.REJECTED: [ReferralStatus.SENT, ReferralStatus.REJECTED],
        ReferralStatus.WITHDRAWN: [ReferralStatus.WITHDRAWN],
    }[start]
    for step in path:
        world.c1.referrals.transition(ref.id, step)
    with pytest.raises(IllegalTransitionError):
        world.c1.referrals.transition(ref.id, target)
    assert world.c1.referrals.list(case.id)[0].status is start


def test_legal_path_stamps_each_date_and_sets_follow_up(world):
    case = world.new_case()
    world.c1.consents.record(case.id, consent("police"))
    ref = world.c1.referrals.create(case.id, "police", ["smartwatch"])
    sent = world.c1.referrals.transition(ref.id, ReferralStatus.SENT)
    assert sent.sent_at is not None
    assert sent.follow_up_due == NOW.date() + timedelta(days=7)
    reply = ReferralReply(received_on=NOW.date(), handler="김경사", result="스마트워치 지급")
    answered = world.c1.referrals.record_reply(ref.id, reply, ReferralStatus.ACKNOWLEDGED)
    assert answered.reply == reply and answered.acknowledged_at is not None
    done = world.c1.referrals.transition(
        world.c1.referrals.transition(ref.id, ReferralStatus.IN_SUPPORT).id,
        ReferralStatus.COMPLETED,
    )
    assert done.completed_at is not None and done.support_started_at is not None


def test_reply_slip_number_finds_the_referral(world):
    case = world.new_case()
    world.c1.consents.record(case.id, consent("legal_aid"))
    ref = world.c1.referrals.create(case.id, "legal_aid", ["legal_aid"])
    assert world.c1.referrals.by_document_number(" r2026-000001 ").id == ref.id
    assert world.lead.cases.search_ids(ref.document_number) == [case.id]


def test_create_from_needs_refers_only_consenting_agencies(world):
    case = world.new_case()
    world.c1.needs.set_needs(
        case.id,
        [
            NeedInput("safety", "smartwatch"),
            NeedInput("legal", "victim_attorney"),
            NeedInput("psychological", "trauma_therapy"),
        ],
    )
    world.c1.consents.record(case.id, consent("police"))
    world.c1.consents.record(case.id, consent("smile_center"))
    made = world.c1.referrals.create_from_needs(case.id)
    assert sorted((r.agency_code, r.programme_codes) for r in made) == [
        ("police", ("smartwatch",)),
        ("smile_center", ("trauma_therapy",)),
    ]
    assert world.c1.referrals.create_from_needs(case.id) == []  # open ones are not repeated


def test_needs_checklist_is_replaced_not_appended(world):
    case = world.new_case()
    world.c1.needs.set_needs(case.id, [NeedInput("safety", "smartwatch"), NeedInput("legal")])
    kept = world.c1.needs.set_needs(case.id, [NeedInput("safety", "smartwatch", note="6개월")])
    assert [(n.programme_code, n.note) for n in kept] == [("smartwatch", "6개월")]
    with pytest.raises(ValidationError):
        world.c1.needs.set_needs(case.id, [NeedInput("legal", "smartwatch")])


def test_waiting_lists_unanswered_and_overdue(world, store):
    from onestop_desk.db import models

    case = world.new_case()
    world.c1.consents.record(case.id, consent("police"))
    ref = world.c1.referrals.create(case.id, "police", ["smartwatch"])
    world.c1.referrals.transition(ref.id, ReferralStatus.SENT)
    assert world.c1.referrals.waiting() == []
    with store.sessions.begin() as s:
        row = s.get(models.Referral, ref.id)
        row.sent_at -= timedelta(days=8)
        row.follow_up_due = date(2026, 11, 20)
    assert [r.id for r in world.c1.referrals.waiting()] == [ref.id]
    assert world.c2.referrals.waiting() == []
