"""The access-log details the services really write are all understood by
``domain.audit_words``: a change of wording in a service shows up here, not as a raw code in
the administrator's viewer."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from helpers.world import NOW, World, consent
from onestop_desk.domain.audit_words import AuditKind, describe
from onestop_desk.domain.records import InquiryInput, NeedInput, ReferralReply
from onestop_desk.domain.security import KdfParams
from onestop_desk.domain.vocab import (
    CallerType,
    CaseStatus,
    ConsentItem,
    NeedStatus,
    ReferralStatus,
    Role,
    Urgency,
)
from onestop_desk.services.access_log import AuditLogService
from onestop_desk.services.auth import AuthService, InvalidCredentialsError

PASSWORD = "first-pass-2026"
ADMIN_PW = "관리자비번2026!"


def _work_a_day(world: World) -> None:
    c1, lead, admin = world.c1, world.lead, world.admin
    case = world.new_case()
    c1.cases.get(case.id)
    c1.cases.reveal_name(case.id)
    c1.cases.add_note(case.id, "첫 상담")
    c1.cases.change_status(case.id, CaseStatus.INITIAL_CONSULT)
    lead.cases.assign(case.id, world.c1.actor.user_id or 0)
    needs = c1.needs.set_needs(case.id, [NeedInput("safety", "smartwatch")])
    c1.needs.update_status(needs[0].id, NeedStatus.IN_PROGRESS)
    c1.consents.record(case.id, consent("police", ConsentItem.IDENTITY, ConsentItem.CONTACT))
    legal = c1.consents.record(case.id, consent("legal_aid"))
    ref = c1.referrals.create(case.id, "police", ["smartwatch"])
    c1.referrals.transition(ref.id, ReferralStatus.SENT)
    c1.referrals.set_urgency(ref.id, Urgency.URGENT)
    c1.referrals.set_follow_up(ref.id, NOW.date() + timedelta(days=3))
    c1.referrals.set_follow_up(ref.id, None)
    c1.referrals.record_reply(
        ref.id, ReferralReply(NOW.date(), "김경사", "지급"), ReferralStatus.ACKNOWLEDGED
    )
    c1.consents.withdraw(legal.id)
    c1.documents.build_packet(case.id)
    c1.documents.record_output(case.id, [ref.document_number], printed=True, destination="PDF")
    c1.inquiries.log(InquiryInput(CallerType.VICTIM, "legal"))
    lead.statistics.export(date(2026, 11, 1), date(2026, 11, 30), "csv", reason="월간 보고")
    admin.center.save(admin.center.get())
    admin.retention.set_retention_years(5)
    admin.retention.due()


def test_every_detail_the_services_write_is_understood(world: World) -> None:
    _work_a_day(world)
    kinds = _understood(AuditLogService(world.admin.context).events())
    assert {
        AuditKind.CASE_OPENED,
        AuditKind.CASE_VIEWED,
        AuditKind.NAME_REVEALED,
        AuditKind.NOTE_ADDED,
        AuditKind.CASE_STATUS,
        AuditKind.CASE_ASSIGNED,
        AuditKind.NEEDS_SAVED,
        AuditKind.NEED_STATUS,
        AuditKind.CONSENT_RECORDED,
        AuditKind.CONSENT_WITHDRAWN,
        AuditKind.REFERRAL_CREATED,
        AuditKind.REFERRAL_STATUS,
        AuditKind.REFERRAL_URGENCY,
        AuditKind.REFERRAL_FOLLOW_UP,
        AuditKind.REFERRAL_REPLY,
        AuditKind.DOCUMENTS_PREPARED,
        AuditKind.DOCUMENTS_OUTPUT,
        AuditKind.PHONE_INQUIRY,
        AuditKind.STATISTICS_EXPORTED,
        AuditKind.CENTER_DETAILS,
        AuditKind.RETENTION_YEARS_SET,
        AuditKind.RETENTION_DRY_RUN,
    } <= kinds


def _understood(events: list) -> set[AuditKind]:  # type: ignore[type-arg]
    kinds = set()
    for event in events:
        if event.detail:
            words = describe(event.action, event.detail)
            assert words is not None, f"not understood: {event.action} {event.detail!r}"
            kinds.add(words.kind)
    return kinds


def test_account_details_are_understood(tmp_path: Path) -> None:
    cheap = KdfParams(time_cost=1, memory_cost=64, parallelism=1)
    auth = AuthService(tmp_path / "data", pc_name="desk-1", kdf_params=lambda: cheap)
    auth.set_up("서울 원스톱 솔루션센터", "admin", "최관리", ADMIN_PW).session.logout()
    with pytest.raises(InvalidCredentialsError):
        auth.login("admin", "not-the-password")
    with pytest.raises(InvalidCredentialsError):
        auth.login("nobody", "not-the-password")
    session = auth.login("admin", ADMIN_PW)
    session.add_user("kim", "김상담", Role.COUNSELOR, PASSWORD)
    session.set_role("kim", Role.TEAM_LEAD)
    session.reset_password("kim", "second-pass-2026")
    session.disable_user("kim")
    session.enable_user("kim", "third-pass-2026")
    session.set_policy(session.policy())
    session.record_lock("idle")
    session.logout("logout")
    session = auth.login("admin", ADMIN_PW)
    try:
        kinds = _understood(session.audit_log.events())
    finally:
        session.logout()
    assert {
        AuditKind.CENTER_SET_UP,
        AuditKind.WRONG_PASSWORD,
        AuditKind.UNKNOWN_ACCOUNT,
        AuditKind.USER_CREATED,
        AuditKind.ROLE_CHANGED,
        AuditKind.PASSWORD_RESET,
        AuditKind.USER_DISABLED,
        AuditKind.USER_REENABLED,
        AuditKind.LOCK_POLICY,
        AuditKind.LOCKED_IDLE,
        AuditKind.LOGGED_OUT,
    } <= kinds


def test_the_viewer_gets_agency_and_account_names(world: World) -> None:
    names = AuditLogService(world.admin.context).names()
    assert names.agencies["legal_aid"][0] == "대한법률구조공단"
    assert names.users[world.c1.actor.user_id or 0] == "c1"
