"""Every access-log detail the program writes reads back as facts; anything else is left as
stored (``None``), never an error."""

from __future__ import annotations

import json
from datetime import date

import pytest

from onestop_desk.domain.audit_words import AuditKind, AuditWords, DocumentPart, describe
from onestop_desk.domain.vocab import (
    CaseStatus,
    ConsentItem,
    NeedStatus,
    ReferralStatus,
    Role,
    Urgency,
)

K = AuditKind
DOC = "R2026-000002"

# (action, detail exactly as the writer formats it, what it reads as). The writers are named
# so that a changed format is easy to find.
CASES: list[tuple[str, str, AuditWords]] = [
    # services/cases.py
    ("create", "case", AuditWords(K.CASE_OPENED)),
    ("view", "case", AuditWords(K.CASE_VIEWED)),
    ("update", "case facts", AuditWords(K.CASE_FACTS_CHANGED)),
    (
        "update",
        "status received->initial_consult",
        AuditWords(K.CASE_STATUS, case_statuses=(CaseStatus.RECEIVED, CaseStatus.INITIAL_CONSULT)),
    ),
    ("update", "assigned to user 3", AuditWords(K.CASE_ASSIGNED, numbers=(3,))),
    ("update", "note added", AuditWords(K.NOTE_ADDED)),
    ("reveal", "name", AuditWords(K.NAME_REVEALED)),
    # services/needs.py
    ("update", "needs", AuditWords(K.NEEDS_SAVED)),
    (
        "update",
        "need 7 -> done",
        AuditWords(K.NEED_STATUS, numbers=(7,), need_status=NeedStatus.DONE),
    ),
    # services/referrals.py
    ("create", f"referral {DOC}", AuditWords(K.REFERRAL_CREATED, document_numbers=(DOC,))),
    (
        "update",
        f"referral {DOC} -> sent",
        AuditWords(K.REFERRAL_STATUS, document_numbers=(DOC,), referral_status=ReferralStatus.SENT),
    ),
    ("update", f"referral {DOC} reply", AuditWords(K.REFERRAL_REPLY, document_numbers=(DOC,))),
    (
        "update",
        f"referral {DOC} urgency urgent",
        AuditWords(K.REFERRAL_URGENCY, document_numbers=(DOC,), urgency=Urgency.URGENT),
    ),
    (
        "update",
        f"referral {DOC} follow-up 2026-12-02",
        AuditWords(K.REFERRAL_FOLLOW_UP, document_numbers=(DOC,), days=(date(2026, 12, 2),)),
    ),
    (
        "update",
        f"referral {DOC} follow-up None",
        AuditWords(K.REFERRAL_FOLLOW_UP, document_numbers=(DOC,), days=(None,)),
    ),
    # services/consent.py
    (
        "create",
        "consent legal_aid [contact,identity]",
        AuditWords(
            K.CONSENT_RECORDED,
            agency_code="legal_aid",
            consent_items=frozenset({ConsentItem.CONTACT, ConsentItem.IDENTITY}),
        ),
    ),
    (
        "update",
        "consent legal_aid withdrawn",
        AuditWords(K.CONSENT_WITHDRAWN, agency_code="legal_aid"),
    ),
    # services/documents.py
    (
        "view",
        f"all {DOC},R2026-000003",
        AuditWords(
            K.DOCUMENTS_PREPARED,
            part=DocumentPart.ALL,
            document_numbers=(DOC, "R2026-000003"),
        ),
    ),
    ("view", "sheet", AuditWords(K.DOCUMENTS_PREPARED, part=DocumentPart.SHEET)),
    (
        "print",
        f"packet {DOC} -> PDF",
        AuditWords(K.DOCUMENTS_OUTPUT, part=DocumentPart.ALL, document_numbers=(DOC,), text="PDF"),
    ),
    (
        "download",
        f"letters {DOC} -> C:\\Users\\desk\\letters file.pdf",
        AuditWords(
            K.DOCUMENTS_OUTPUT,
            part=DocumentPart.LETTERS,
            document_numbers=(DOC,),
            text="C:\\Users\\desk\\letters file.pdf",
        ),
    ),
    (
        "print",
        "sheet  -> PDF",
        AuditWords(K.DOCUMENTS_OUTPUT, part=DocumentPart.SHEET, text="PDF"),
    ),
    # services/export.py
    (
        "export",
        "case summary encrypted file=C2026-0001_20261125.pdf letters=True",
        AuditWords(K.CASE_SUMMARY_EXPORTED, text="C2026-0001_20261125.pdf", flag=True),
    ),
    (
        "export",
        "failed export.disk_full file=C2026-0001_20261125.pdf",
        AuditWords(K.CASE_SUMMARY_FAILED, text="export.disk_full", text2="C2026-0001_20261125.pdf"),
    ),
    # services/statistics.py
    (
        "export",
        "statistics 2026-01-01..2026-01-31 csv",
        AuditWords(K.STATISTICS_EXPORTED, days=(date(2026, 1, 1), date(2026, 1, 31)), text="csv"),
    ),
    # services/access_log.py, ui/admin/audit_page.py, cli/audit.py
    ("export", "audit log csv", AuditWords(K.AUDIT_LOG_EXPORTED)),
    ("export", "audit review 2026-10 csv", AuditWords(K.AUDIT_REVIEW_SAVED, text="2026-10")),
    ("download", "audit review 2026-10", AuditWords(K.AUDIT_REVIEW_SAVED, text="2026-10")),
    (
        "purge",
        json.dumps(
            {
                "anchor": "ab" * 32,
                "before": "2026-11-25T01:30:00+00:00",
                "first_seq": 41,
                "removed": 40,
            },
            sort_keys=True,
        ),
        AuditWords(K.AUDIT_PURGED, numbers=(40, 41)),
    ),
    # cli/first_run.py, cli/cases.py
    ("print", "recovery key sheet", AuditWords(K.RECOVERY_SHEET_PRINTED)),
    ("search", "cli search: 12 rows", AuditWords(K.CLI_SEARCH, numbers=(12,))),
    # services/users.py, services/auth/
    ("account", "center set up by admin", AuditWords(K.CENTER_SET_UP, username="admin")),
    (
        "account",
        "user kim created with role counselor",
        AuditWords(K.USER_CREATED, username="kim", role=Role.COUNSELOR),
    ),
    (
        "account",
        "user kim changed own password",
        AuditWords(K.OWN_PASSWORD_CHANGED, username="kim"),
    ),
    ("account", "user kim password reset", AuditWords(K.PASSWORD_RESET, username="kim")),
    ("account", "user kim re-enabled", AuditWords(K.USER_REENABLED, username="kim")),
    ("account", "user kim disabled", AuditWords(K.USER_DISABLED, username="kim")),
    (
        "account",
        "user kim role counselor -> team_lead",
        AuditWords(K.ROLE_CHANGED, username="kim", old_role=Role.COUNSELOR, role=Role.TEAM_LEAD),
    ),
    (
        "account",
        "user admin reset by recovery key",
        AuditWords(K.RECOVERY_RESET, username="admin"),
    ),
    (
        "account",
        "stored password hash updated from the keyring (database older than the keyring)",
        AuditWords(K.PASSWORD_HASH_SYNCED),
    ),
    (
        "account",
        "policy: lock after 5 failures for 30 min, idle lock 10 min",
        AuditWords(K.LOCK_POLICY, numbers=(5, 30, 10)),
    ),
    ("login_failed", "wrong password", AuditWords(K.WRONG_PASSWORD)),
    ("login_failed", "unknown account", AuditWords(K.UNKNOWN_ACCOUNT)),
    ("login_failed", "attempt while locked", AuditWords(K.ATTEMPT_WHILE_LOCKED)),
    ("login_failed", "disabled", AuditWords(K.ACCOUNT_DISABLED)),
    (
        "login_failed",
        "account not in this database (restored from an older backup?)",
        AuditWords(K.ACCOUNT_NOT_IN_DATABASE),
    ),
    ("login_failed", "wrong recovery key", AuditWords(K.WRONG_RECOVERY_KEY)),
    ("login_failed", "unlock: wrong password", AuditWords(K.UNLOCK_WRONG_PASSWORD)),
    (
        "login_failed",
        "3 earlier failed logins not kept (queue full)",
        AuditWords(K.FAILURES_DROPPED, numbers=(3,)),
    ),
    # ui/auth/controller.py, services/auth/session.py, cli/, app.py
    ("lock", "idle", AuditWords(K.LOCKED_IDLE)),
    ("lock", "hotkey", AuditWords(K.LOCKED_BY_USER)),
    ("logout", "logout", AuditWords(K.LOGGED_OUT)),
    ("logout", "switched to another user", AuditWords(K.USER_SWITCHED)),
    ("logout", "password change refused", AuditWords(K.PASSWORD_CHANGE_REFUSED)),
    ("logout", "program closed", AuditWords(K.PROGRAM_CLOSED)),
    ("logout", "ended at the lock screen", AuditWords(K.ENDED_AT_LOCK_SCREEN)),
    ("logout", "restore from backup", AuditWords(K.ENDED_FOR_RESTORE)),
    ("logout", "self-test", AuditWords(K.SELF_TEST)),
    ("logout", "cli", AuditWords(K.CLI_DONE)),
    ("logout", "cli restore done", AuditWords(K.CLI_DONE)),
    # services/center.py, directory.py, backups.py, retention.py, demo.py, inquiries.py
    ("update", "center details", AuditWords(K.CENTER_DETAILS)),
    ("create", "agency sunflower", AuditWords(K.AGENCY_SAVED, agency_code="sunflower")),
    ("update", "agency police", AuditWords(K.AGENCY_SAVED, agency_code="police")),
    ("update", "setting backup.keep=21", AuditWords(K.BACKUP_KEEP_SET, numbers=(21,))),
    (
        "update",
        "setting retention.years 3->5",
        AuditWords(K.RETENTION_YEARS_SET, numbers=(3, 5)),
    ),
    (
        "download",
        "database backup to /srv/backups/onestop-20261125.db",
        AuditWords(K.BACKUP_WRITTEN, text="/srv/backups/onestop-20261125.db"),
    ),
    (
        "view",
        "integrity check failed: row 12 missing from index",
        AuditWords(K.INTEGRITY_FAILED, text="row 12 missing from index"),
    ),
    (
        "update",
        "database restored from a.db; previous kept as b.db",
        AuditWords(K.DATABASE_RESTORED, text="a.db", text2="b.db"),
    ),
    ("view", "retention dry run due=4", AuditWords(K.RETENTION_DRY_RUN, numbers=(4,))),
    (
        "purge",
        "destroyed closed_on=2022-05-01 retention=3y",
        AuditWords(K.CASE_DESTROYED, days=(date(2022, 5, 1),), numbers=(3,)),
    ),
    ("create", "demo data: 300 cases", AuditWords(K.DEMO_DATA, numbers=(300,))),
    ("create", "phone inquiry 9", AuditWords(K.PHONE_INQUIRY, numbers=(9,))),
]


@pytest.mark.parametrize(("action", "detail", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_each_written_detail_reads_back(action: str, detail: str, expected: AuditWords) -> None:
    assert describe(action, detail) == expected


def test_every_kind_has_an_example() -> None:
    assert {c[2].kind for c in CASES} == set(AuditKind)


@pytest.mark.parametrize(
    ("action", "detail"),
    [
        ("login", ""),  # nothing to word
        ("update", "edited"),  # an edited or legacy row
        ("update", "status received->flying"),  # no such status
        ("update", "referral R1 -> nowhere"),
        ("update", "consent police [identity,fingerprint]"),
        ("account", "user kim role counselor -> emperor"),
        ("update", f"referral {DOC} follow-up 2026-13-40"),
        ("purge", "{not json"),
        ("purge", '{"removed": "many"}'),
        ("view", "case facts"),  # known words under another action
        ("create", "agency"),
    ],
)
def test_anything_else_is_left_as_stored(action: str, detail: str) -> None:
    assert describe(action, detail) is None
