"""What an access-log row's detail says, read back from the compact text the services store.

The services write the detail as codes and identifiers ("referral R2026-000002 -> sent",
"consent legal_aid [identity]", "user kim created with role counselor"): the stored row is
covered by the hash chain and must never change with the language of the screen that wrote
it. :func:`describe` turns one stored ``(action, detail)`` into an :class:`AuditWords` once,
here; the access-log viewer puts it into the words of the UI language. A detail that does not
parse (a legacy row, a new kind not yet known here) gives ``None``: the viewer shows it as
stored, never an error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from onestop_desk.domain.vocab import (
    AuditAction,
    CaseStatus,
    ConsentItem,
    NeedStatus,
    ReferralStatus,
    Role,
    Urgency,
)


class AuditKind(StrEnum):
    """Every kind of detail the services, the CLI and the UI write."""

    # cases
    CASE_OPENED = "case_opened"
    CASE_VIEWED = "case_viewed"
    CASE_FACTS_CHANGED = "case_facts_changed"
    CASE_STATUS = "case_status"
    CASE_ASSIGNED = "case_assigned"
    NOTE_ADDED = "note_added"
    NAME_REVEALED = "name_revealed"
    NEEDS_SAVED = "needs_saved"
    NEED_STATUS = "need_status"
    # referrals and consents
    REFERRAL_CREATED = "referral_created"
    REFERRAL_STATUS = "referral_status"
    REFERRAL_REPLY = "referral_reply"
    REFERRAL_URGENCY = "referral_urgency"
    REFERRAL_FOLLOW_UP = "referral_follow_up"
    CONSENT_RECORDED = "consent_recorded"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    # documents and exports
    DOCUMENTS_PREPARED = "documents_prepared"
    DOCUMENTS_OUTPUT = "documents_output"
    CASE_SUMMARY_EXPORTED = "case_summary_exported"
    CASE_SUMMARY_FAILED = "case_summary_failed"
    STATISTICS_EXPORTED = "statistics_exported"
    AUDIT_LOG_EXPORTED = "audit_log_exported"
    AUDIT_REVIEW_SAVED = "audit_review_saved"
    RECOVERY_SHEET_PRINTED = "recovery_sheet_printed"
    CLI_SEARCH = "cli_search"
    # accounts
    CENTER_SET_UP = "center_set_up"
    USER_CREATED = "user_created"
    OWN_PASSWORD_CHANGED = "own_password_changed"
    PASSWORD_RESET = "password_reset"
    USER_REENABLED = "user_reenabled"
    USER_DISABLED = "user_disabled"
    ROLE_CHANGED = "role_changed"
    RECOVERY_RESET = "recovery_reset"
    PASSWORD_HASH_SYNCED = "password_hash_synced"
    LOCK_POLICY = "lock_policy"
    # failed logins
    WRONG_PASSWORD = "wrong_password"
    UNKNOWN_ACCOUNT = "unknown_account"
    ATTEMPT_WHILE_LOCKED = "attempt_while_locked"
    ACCOUNT_DISABLED = "account_disabled"
    ACCOUNT_NOT_IN_DATABASE = "account_not_in_database"
    WRONG_RECOVERY_KEY = "wrong_recovery_key"
    UNLOCK_WRONG_PASSWORD = "unlock_wrong_password"
    FAILURES_DROPPED = "failures_dropped"
    # screen lock and logout
    LOCKED_IDLE = "locked_idle"
    LOCKED_BY_USER = "locked_by_user"
    LOGGED_OUT = "logged_out"
    USER_SWITCHED = "user_switched"
    PASSWORD_CHANGE_REFUSED = "password_change_refused"
    PROGRAM_CLOSED = "program_closed"
    ENDED_AT_LOCK_SCREEN = "ended_at_lock_screen"
    ENDED_FOR_RESTORE = "ended_for_restore"
    SELF_TEST = "self_test"
    CLI_DONE = "cli_done"
    # administration
    CENTER_DETAILS = "center_details"
    AGENCY_SAVED = "agency_saved"
    BACKUP_KEEP_SET = "backup_keep_set"
    RETENTION_YEARS_SET = "retention_years_set"
    BACKUP_WRITTEN = "backup_written"
    INTEGRITY_FAILED = "integrity_failed"
    DATABASE_RESTORED = "database_restored"
    RETENTION_DRY_RUN = "retention_dry_run"
    CASE_DESTROYED = "case_destroyed"
    AUDIT_PURGED = "audit_purged"
    DEMO_DATA = "demo_data"
    PHONE_INQUIRY = "phone_inquiry"


class DocumentPart(StrEnum):
    """Which papers a document row is about (the services' ``PacketPart`` and the words
    its output rows use: ``packet`` is the whole job)."""

    SHEET = "sheet"
    LETTERS = "letters"
    ALL = "all"


@dataclass(frozen=True)
class AuditWords:
    """The facts of one detail. Only the fields its ``kind`` uses are set; ``text`` holds
    what is shown as written (a file path, a printer, a technical message)."""

    kind: AuditKind
    username: str = ""
    role: Role | None = None
    old_role: Role | None = None
    case_statuses: tuple[CaseStatus, ...] = ()
    referral_status: ReferralStatus | None = None
    need_status: NeedStatus | None = None
    urgency: Urgency | None = None
    agency_code: str = ""
    consent_items: frozenset[ConsentItem] = frozenset()
    document_numbers: tuple[str, ...] = ()
    part: DocumentPart | None = None
    numbers: tuple[int, ...] = ()
    days: tuple[date | None, ...] = ()
    flag: bool = False
    text: str = ""
    text2: str = ""


# Details with nothing variable in them, by (action, detail).
_FIXED: dict[tuple[str, str], AuditKind] = {
    (AuditAction.CREATE, "case"): AuditKind.CASE_OPENED,
    (AuditAction.VIEW, "case"): AuditKind.CASE_VIEWED,
    (AuditAction.UPDATE, "case facts"): AuditKind.CASE_FACTS_CHANGED,
    (AuditAction.UPDATE, "note added"): AuditKind.NOTE_ADDED,
    (AuditAction.REVEAL, "name"): AuditKind.NAME_REVEALED,
    (AuditAction.UPDATE, "needs"): AuditKind.NEEDS_SAVED,
    (AuditAction.UPDATE, "center details"): AuditKind.CENTER_DETAILS,
    (AuditAction.EXPORT, "audit log csv"): AuditKind.AUDIT_LOG_EXPORTED,
    (AuditAction.PRINT, "recovery key sheet"): AuditKind.RECOVERY_SHEET_PRINTED,
    (
        AuditAction.ACCOUNT,
        "stored password hash updated from the keyring (database older than the keyring)",
    ): AuditKind.PASSWORD_HASH_SYNCED,
    (AuditAction.LOGIN_FAILED, "wrong password"): AuditKind.WRONG_PASSWORD,
    (AuditAction.LOGIN_FAILED, "unknown account"): AuditKind.UNKNOWN_ACCOUNT,
    (AuditAction.LOGIN_FAILED, "attempt while locked"): AuditKind.ATTEMPT_WHILE_LOCKED,
    (AuditAction.LOGIN_FAILED, "disabled"): AuditKind.ACCOUNT_DISABLED,
    (
        AuditAction.LOGIN_FAILED,
        "account not in this database (restored from an older backup?)",
    ): AuditKind.ACCOUNT_NOT_IN_DATABASE,
    (AuditAction.LOGIN_FAILED, "wrong recovery key"): AuditKind.WRONG_RECOVERY_KEY,
    (AuditAction.LOGIN_FAILED, "unlock: wrong password"): AuditKind.UNLOCK_WRONG_PASSWORD,
    (AuditAction.LOCK, "idle"): AuditKind.LOCKED_IDLE,
    (AuditAction.LOCK, "hotkey"): AuditKind.LOCKED_BY_USER,
    (AuditAction.LOGOUT, "logout"): AuditKind.LOGGED_OUT,
    (AuditAction.LOGOUT, "switched to another user"): AuditKind.USER_SWITCHED,
    (AuditAction.LOGOUT, "password change refused"): AuditKind.PASSWORD_CHANGE_REFUSED,
    (AuditAction.LOGOUT, "program closed"): AuditKind.PROGRAM_CLOSED,
    (AuditAction.LOGOUT, "ended at the lock screen"): AuditKind.ENDED_AT_LOCK_SCREEN,
    (AuditAction.LOGOUT, "restore from backup"): AuditKind.ENDED_FOR_RESTORE,
    (AuditAction.LOGOUT, "self-test"): AuditKind.SELF_TEST,
}

_Builder = Callable[[re.Match[str]], AuditWords]
_DAY = r"\d{4}-\d{2}-\d{2}"


def _day(text: str) -> date | None:
    return None if text == "None" else date.fromisoformat(text)


def _numbers(text: str) -> tuple[str, ...]:
    return tuple(n for n in text.split(",") if n)


def _items(text: str) -> frozenset[ConsentItem]:
    return frozenset(ConsentItem(i) for i in text.split(",") if i)


def _output_part(word: str) -> DocumentPart:
    return DocumentPart.ALL if word == "packet" else DocumentPart(word)


# (actions the pattern applies to, or None for any; pattern; builder). Tried in order; a
# builder raising ValueError (an unknown status, a bad date) means "not understood".
_PATTERNS: list[tuple[frozenset[str] | None, re.Pattern[str], _Builder]] = [
    (
        None,
        re.compile(r"status (\w+)->(\w+)"),
        lambda m: AuditWords(
            AuditKind.CASE_STATUS, case_statuses=(CaseStatus(m[1]), CaseStatus(m[2]))
        ),
    ),
    (
        None,
        re.compile(r"assigned to user (\d+)"),
        lambda m: AuditWords(AuditKind.CASE_ASSIGNED, numbers=(int(m[1]),)),
    ),
    (
        None,
        re.compile(r"need (\d+) -> (\w+)"),
        lambda m: AuditWords(
            AuditKind.NEED_STATUS, numbers=(int(m[1]),), need_status=NeedStatus(m[2])
        ),
    ),
    (
        frozenset({AuditAction.CREATE}),
        re.compile(r"referral (\S+)"),
        lambda m: AuditWords(AuditKind.REFERRAL_CREATED, document_numbers=(m[1],)),
    ),
    (
        None,
        re.compile(r"referral (\S+) -> (\w+)"),
        lambda m: AuditWords(
            AuditKind.REFERRAL_STATUS,
            document_numbers=(m[1],),
            referral_status=ReferralStatus(m[2]),
        ),
    ),
    (
        None,
        re.compile(r"referral (\S+) reply"),
        lambda m: AuditWords(AuditKind.REFERRAL_REPLY, document_numbers=(m[1],)),
    ),
    (
        None,
        re.compile(r"referral (\S+) urgency (\w+)"),
        lambda m: AuditWords(
            AuditKind.REFERRAL_URGENCY, document_numbers=(m[1],), urgency=Urgency(m[2])
        ),
    ),
    (
        None,
        re.compile(rf"referral (\S+) follow-up ({_DAY}|None)"),
        lambda m: AuditWords(
            AuditKind.REFERRAL_FOLLOW_UP, document_numbers=(m[1],), days=(_day(m[2]),)
        ),
    ),
    (
        None,
        re.compile(r"consent (\S+) \[([\w,]*)\]"),
        lambda m: AuditWords(
            AuditKind.CONSENT_RECORDED, agency_code=m[1], consent_items=_items(m[2])
        ),
    ),
    (
        None,
        re.compile(r"consent (\S+) withdrawn"),
        lambda m: AuditWords(AuditKind.CONSENT_WITHDRAWN, agency_code=m[1]),
    ),
    (
        frozenset({AuditAction.VIEW}),
        re.compile(r"(sheet|letters|all) ?([^\s,]+(?:,[^\s,]+)*)?"),
        lambda m: AuditWords(
            AuditKind.DOCUMENTS_PREPARED,
            part=DocumentPart(m[1]),
            document_numbers=_numbers(m[2] or ""),
        ),
    ),
    (
        frozenset({AuditAction.PRINT, AuditAction.DOWNLOAD}),
        re.compile(r"(sheet|letters|packet) (\S*) -> (.*)", re.DOTALL),
        lambda m: AuditWords(
            AuditKind.DOCUMENTS_OUTPUT,
            part=_output_part(m[1]),
            document_numbers=_numbers(m[2]),
            text=m[3],
        ),
    ),
    (
        None,
        re.compile(r"case summary encrypted file=(.+) letters=(True|False)", re.DOTALL),
        lambda m: AuditWords(AuditKind.CASE_SUMMARY_EXPORTED, text=m[1], flag=m[2] == "True"),
    ),
    (
        frozenset({AuditAction.EXPORT}),
        re.compile(r"failed (\S+) file=(.+)", re.DOTALL),
        lambda m: AuditWords(AuditKind.CASE_SUMMARY_FAILED, text=m[1], text2=m[2]),
    ),
    (
        None,
        re.compile(rf"statistics ({_DAY})\.\.({_DAY}) (\w+)"),
        lambda m: AuditWords(
            AuditKind.STATISTICS_EXPORTED, days=(_day(m[1]), _day(m[2])), text=m[3]
        ),
    ),
    (
        None,
        re.compile(r"audit review (\d{4}-\d{2})( csv)?"),
        lambda m: AuditWords(AuditKind.AUDIT_REVIEW_SAVED, text=m[1]),
    ),
    (
        None,
        re.compile(r"cli search: (\d+) rows"),
        lambda m: AuditWords(AuditKind.CLI_SEARCH, numbers=(int(m[1]),)),
    ),
    (
        None,
        re.compile(r"center set up by (\S+)"),
        lambda m: AuditWords(AuditKind.CENTER_SET_UP, username=m[1]),
    ),
    (
        None,
        re.compile(r"user (\S+) created with role (\w+)"),
        lambda m: AuditWords(AuditKind.USER_CREATED, username=m[1], role=Role(m[2])),
    ),
    (
        None,
        re.compile(r"user (\S+) changed own password"),
        lambda m: AuditWords(AuditKind.OWN_PASSWORD_CHANGED, username=m[1]),
    ),
    (
        None,
        re.compile(r"user (\S+) password reset"),
        lambda m: AuditWords(AuditKind.PASSWORD_RESET, username=m[1]),
    ),
    (
        None,
        re.compile(r"user (\S+) re-enabled"),
        lambda m: AuditWords(AuditKind.USER_REENABLED, username=m[1]),
    ),
    (
        None,
        re.compile(r"user (\S+) disabled"),
        lambda m: AuditWords(AuditKind.USER_DISABLED, username=m[1]),
    ),
    (
        None,
        re.compile(r"user (\S+) role (\w+) -> (\w+)"),
        lambda m: AuditWords(
            AuditKind.ROLE_CHANGED, username=m[1], old_role=Role(m[2]), role=Role(m[3])
        ),
    ),
    (
        None,
        re.compile(r"user (\S+) reset by recovery key"),
        lambda m: AuditWords(AuditKind.RECOVERY_RESET, username=m[1]),
    ),
    (
        None,
        re.compile(r"policy: lock after (\d+) failures for (\d+) min, idle lock (\d+) min"),
        lambda m: AuditWords(AuditKind.LOCK_POLICY, numbers=(int(m[1]), int(m[2]), int(m[3]))),
    ),
    (
        None,
        re.compile(r"(\d+) earlier failed logins not kept \(queue full\)"),
        lambda m: AuditWords(AuditKind.FAILURES_DROPPED, numbers=(int(m[1]),)),
    ),
    (
        frozenset({AuditAction.LOGOUT}),
        re.compile(r"cli(?: [\w -]+)?"),
        lambda m: AuditWords(AuditKind.CLI_DONE),
    ),
    (
        frozenset({AuditAction.CREATE, AuditAction.UPDATE}),
        re.compile(r"agency (\S+)"),
        lambda m: AuditWords(AuditKind.AGENCY_SAVED, agency_code=m[1]),
    ),
    (
        None,
        re.compile(r"setting backup\.keep=(\d+)"),
        lambda m: AuditWords(AuditKind.BACKUP_KEEP_SET, numbers=(int(m[1]),)),
    ),
    (
        None,
        re.compile(r"setting retention\.years (\d+)->(\d+)"),
        lambda m: AuditWords(AuditKind.RETENTION_YEARS_SET, numbers=(int(m[1]), int(m[2]))),
    ),
    (
        None,
        re.compile(r"database backup to (.+)", re.DOTALL),
        lambda m: AuditWords(AuditKind.BACKUP_WRITTEN, text=m[1]),
    ),
    (
        None,
        re.compile(r"integrity check failed: (.*)", re.DOTALL),
        lambda m: AuditWords(AuditKind.INTEGRITY_FAILED, text=m[1]),
    ),
    (
        None,
        re.compile(r"database restored from (.+); previous kept as (.+)", re.DOTALL),
        lambda m: AuditWords(AuditKind.DATABASE_RESTORED, text=m[1], text2=m[2]),
    ),
    (
        None,
        re.compile(r"retention dry run due=(\d+)"),
        lambda m: AuditWords(AuditKind.RETENTION_DRY_RUN, numbers=(int(m[1]),)),
    ),
    (
        None,
        re.compile(rf"destroyed closed_on=({_DAY}) retention=(\d+)y"),
        lambda m: AuditWords(AuditKind.CASE_DESTROYED, days=(_day(m[1]),), numbers=(int(m[2]),)),
    ),
    (
        None,
        re.compile(r"demo data: (\d+) cases"),
        lambda m: AuditWords(AuditKind.DEMO_DATA, numbers=(int(m[1]),)),
    ),
    (
        None,
        re.compile(r"phone inquiry (\d+)"),
        lambda m: AuditWords(AuditKind.PHONE_INQUIRY, numbers=(int(m[1]),)),
    ),
]


def _purge(detail: str) -> AuditWords | None:
    """The access-log purge row: JSON with the anchor, the first kept row and the count."""
    try:
        data = json.loads(detail)
        removed, first_seq = int(data["removed"]), int(data["first_seq"])
    except (ValueError, TypeError, KeyError):
        return None
    return AuditWords(AuditKind.AUDIT_PURGED, numbers=(removed, first_seq))


def describe(action: str, detail: str) -> AuditWords | None:
    """The facts of one stored detail, or ``None`` when there is nothing to word (an empty
    detail) or the text is not one the program writes (shown as stored)."""
    detail = detail.strip()
    if not detail:
        return None
    fixed = _FIXED.get((action, detail))
    if fixed is not None:
        return AuditWords(fixed)
    if action == AuditAction.PURGE and detail.startswith("{"):
        return _purge(detail)
    for actions, pattern, build in _PATTERNS:
        if actions is not None and action not in actions:
            continue
        match = pattern.fullmatch(detail)
        if match is None:
            continue
        try:
            return build(match)
        except ValueError:
            return None
    return None
