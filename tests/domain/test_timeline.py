"""Stored timeline text reads back into facts for every kind the services write."""

from onestop_desk.domain.timeline import read
from onestop_desk.domain.vocab import (
    CaseStatus,
    ConsentItem,
    IntakeChannel,
    ReferralStatus,
    TimelineKind,
)


def test_case_status_change_with_a_note():
    facts = read(TimelineKind.STATUS, "received -> initial_consult: 보호자 동행: 오후")
    assert facts.case_statuses == (CaseStatus.RECEIVED, CaseStatus.INITIAL_CONSULT)
    assert facts.note == "보호자 동행: 오후"


def test_referral_draft_and_transition():
    draft = read(TimelineKind.REFERRAL, "R2026-000002 legal_aid draft")
    assert (draft.document_number, draft.agency_code) == ("R2026-000002", "legal_aid")
    assert draft.referral_statuses == (ReferralStatus.DRAFT,)
    sent = read(TimelineKind.REFERRAL, "R2026-000002 draft -> sent")
    assert sent.referral_statuses == (ReferralStatus.DRAFT, ReferralStatus.SENT)


def test_consent_given_and_withdrawn():
    given = read(TimelineKind.CONSENT, "consent legal_aid: contact,identity")
    assert given.agency_code == "legal_aid"
    assert given.consent_items == {ConsentItem.IDENTITY, ConsentItem.CONTACT}
    withdrawn = read(TimelineKind.CONSENT, "consent police withdrawn")
    assert (withdrawn.agency_code, withdrawn.consent_withdrawn) == ("police", True)


def test_intake_needs_and_notes():
    assert read(TimelineKind.INTAKE, "visit").channel is IntakeChannel.VISIT
    assert read(TimelineKind.NEED, "3 needs").need_count == 3
    assert read(TimelineKind.NOTE, "R2026 -> 메모 <b>").note == "R2026 -> 메모 <b>"


def test_text_that_does_not_parse_is_kept_not_lost():
    odd = read(TimelineKind.REFERRAL, "something else entirely")
    assert odd.note == "something else entirely"
    assert odd.referral_statuses == ()
