"""The follow-up queues (services/queues.py) on a small world: who is in, in what order."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from helpers.world import NOW, consent
from onestop_desk.db import models
from onestop_desk.domain.errors import PermissionDeniedError, ValidationError
from onestop_desk.domain.records import ReferralReply
from onestop_desk.domain.vocab import CaseStatus, ReferralStatus, Urgency
from onestop_desk.services.queues import Queue

TODAY = NOW.date()
AGENCIES = ("police", "smile_center", "legal_aid", "victim_support_center")


def _referral(world, case, agency, *, sent=True, urgency=Urgency.NORMAL, services=None):
    services = services or world.c1
    services.consents.record(case.id, consent(agency))
    ref = services.referrals.create(case.id, agency, urgency=urgency)
    if sent:
        ref = services.referrals.transition(ref.id, ReferralStatus.SENT)
    return ref


def _edit(store, referral_id, **values):
    """Move a referral in time: the queues depend on dates the services set to today."""
    with store.sessions.begin() as s:
        row = s.get(models.Referral, referral_id)
        for key, value in values.items():
            setattr(row, key, value)


def _ids(services, queue):
    return [e.id for e in services.queues.listing(queue)]


def test_freshly_sent_referral_waits_for_a_reply_without_being_due(world):
    case = world.new_case()
    ref = _referral(world, case, "police")
    assert ref.follow_up_due == TODAY + timedelta(days=7)
    assert _ids(world.c1, Queue.NO_REPLY) == [ref.id]
    (entry,) = world.c1.queues.listing(Queue.NO_REPLY)
    assert not entry.overdue
    assert entry.agency_name_en  # the English name travels with the row
    assert _ids(world.c1, Queue.DUE_FOLLOW_UPS) == []
    assert _ids(world.c1, Queue.LATE_REPLY) == []
    assert _ids(world.c1, Queue.TO_SEND) == []


def test_closed_cases_leave_every_queue(world, store):
    case = world.new_case()
    draft = _referral(world, case, "police", sent=False)
    sent = _referral(world, case, "smile_center")
    _edit(store, sent.id, follow_up_due=TODAY - timedelta(days=3))
    _edit(store, sent.id, sent_at=NOW.replace(tzinfo=None) - timedelta(days=20))
    assert _ids(world.lead, Queue.TO_SEND) == [draft.id]
    assert _ids(world.lead, Queue.OVERDUE) == [sent.id]
    for status in (CaseStatus.CLOSED, CaseStatus.AFTERCARE):
        with store.sessions.begin() as s:
            s.get(models.Case, case.id).status = status.value
        for queue in Queue:
            assert world.lead.queues.ids(queue) == [], (status, queue)
        assert world.lead.referrals.waiting() == []


def test_an_answer_settles_the_follow_up_and_a_later_date_asks_again(world, store):
    case = world.new_case()
    ref = _referral(world, case, "police")
    _edit(store, ref.id, follow_up_due=TODAY - timedelta(days=1))
    assert _ids(world.c1, Queue.DUE_FOLLOW_UPS) == [ref.id]
    reply = ReferralReply(received_on=TODAY, handler="김담당", result="접수")
    answered = world.c1.referrals.record_reply(ref.id, reply, ReferralStatus.ACKNOWLEDGED)
    assert answered.follow_up_due is None
    for queue in Queue:
        assert world.c1.queues.ids(queue) == [], queue
    # A reply that came in before a follow-up date set by hand does not answer it ...
    world.c1.referrals.set_follow_up(ref.id, TODAY + timedelta(days=14))
    assert _ids(world.c1, Queue.DUE_FOLLOW_UPS) == []
    _edit(store, ref.id, reply_received_on=TODAY - timedelta(days=20))
    _edit(store, ref.id, follow_up_due=TODAY)
    (entry,) = world.c1.queues.listing(Queue.DUE_FOLLOW_UPS)
    assert entry.id == ref.id and not entry.overdue  # due today is not overdue yet
    # ... but a reply received on or after the follow-up date does, even set directly.
    _edit(store, ref.id, reply_received_on=TODAY)
    assert _ids(world.c1, Queue.DUE_FOLLOW_UPS) == []


def test_a_reply_may_schedule_the_next_follow_up_but_not_before_itself(world):
    case = world.new_case()
    ref = _referral(world, case, "police")
    reply = ReferralReply(received_on=TODAY, handler="", result="지원 시작")
    with pytest.raises(ValidationError) as refused:
        world.c1.referrals.record_reply(ref.id, reply, next_follow_up=TODAY)
    assert [e.code for e in refused.value.errors] == ["not_after_reply"]
    assert world.c1.referrals.list(case.id)[0].reply is None  # nothing half-saved
    saved = world.c1.referrals.record_reply(
        ref.id, reply, ReferralStatus.ACKNOWLEDGED, next_follow_up=TODAY + timedelta(days=21)
    )
    assert saved.follow_up_due == TODAY + timedelta(days=21)


def test_most_urgent_first_overdue_then_urgent_then_nearest_date(world, store):
    case = world.new_case()
    normal_soon, urgent_later, normal_overdue, urgent_overdue = (
        _referral(world, case, agency, urgency=urgency)
        for agency, urgency in zip(
            AGENCIES, (Urgency.NORMAL, Urgency.URGENT, Urgency.NORMAL, Urgency.URGENT), strict=True
        )
    )
    _edit(store, normal_soon.id, follow_up_due=TODAY + timedelta(days=2))
    _edit(store, urgent_later.id, follow_up_due=TODAY + timedelta(days=6))
    _edit(store, normal_overdue.id, follow_up_due=TODAY - timedelta(days=9))
    _edit(store, urgent_overdue.id, follow_up_due=TODAY - timedelta(days=1))
    entries = world.c1.queues.listing(Queue.NO_REPLY)
    assert [e.id for e in entries] == [
        urgent_overdue.id,
        normal_overdue.id,
        urgent_later.id,
        normal_soon.id,
    ]
    assert [e.overdue for e in entries] == [True, True, False, False]
    assert _ids(world.c1, Queue.OVERDUE) == [urgent_overdue.id, normal_overdue.id]
    # A page of ids comes back in the order asked, whatever order SQL finds them in.
    page = [normal_soon.id, urgent_overdue.id]
    assert [e.id for e in world.c1.queues.entries(Queue.NO_REPLY, page)] == page


def test_late_reply_is_a_week_without_answer(world, store):
    case = world.new_case()
    fresh = _referral(world, case, "police")
    late = _referral(world, case, "smile_center")
    _edit(store, late.id, sent_at=NOW.replace(tzinfo=None) - timedelta(days=8))
    assert _ids(world.c1, Queue.LATE_REPLY) == [late.id]
    assert set(_ids(world.c1, Queue.NO_REPLY)) == {fresh.id, late.id}
    assert [r.id for r in world.c1.referrals.waiting()] == [late.id]


def test_drafts_wait_to_be_sent_and_are_overdue_after_a_day(world, store):
    case = world.new_case()
    today_draft = _referral(world, case, "police", sent=False)
    old_draft = _referral(world, case, "smile_center", sent=False)
    _edit(store, old_draft.id, created_at=NOW.replace(tzinfo=None) - timedelta(days=3))
    entries = world.c1.queues.listing(Queue.TO_SEND)
    assert [(e.id, e.overdue) for e in entries] == [(old_draft.id, True), (today_draft.id, False)]
    world.c1.referrals.transition(old_draft.id, ReferralStatus.SENT)
    assert _ids(world.c1, Queue.TO_SEND) == [today_draft.id]
    assert world.c1.queues.count(Queue.NO_REPLY) == 1


def test_counselors_see_their_own_cases_team_leads_all(world):
    mine = world.new_case()
    theirs = world.new_case(world.c2, name="김영희", phone="010-9999-8888")
    a = _referral(world, mine, "police")
    b = _referral(world, theirs, "police", services=world.c2)
    assert _ids(world.c1, Queue.NO_REPLY) == [a.id]
    assert _ids(world.c2, Queue.NO_REPLY) == [b.id]
    assert set(_ids(world.lead, Queue.NO_REPLY)) == {a.id, b.id}
    assert world.c1.queues.entries(Queue.NO_REPLY, [b.id]) == []
    with pytest.raises(PermissionDeniedError):
        world.admin.queues.ids(Queue.NO_REPLY)


def test_follow_up_dates_in_the_past_month_are_all_overdue(world, store):
    case = world.new_case()
    ref = _referral(world, case, "police")
    for days in (1, 30):
        _edit(store, ref.id, follow_up_due=date.fromordinal(TODAY.toordinal() - days))
        (entry,) = world.c1.queues.listing(Queue.DUE_FOLLOW_UPS)
        assert entry.overdue
