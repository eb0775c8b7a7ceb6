"""Who may do what (개인정보의 안전성 확보조치 기준 §5: least privilege by role).

One table, ``GRANTS``, answers every "may this role do X" question. The services check it on
every call (hiding a button is never the only protection); the UI and the CLI ask the same
table through ``Services.may`` / ``AuthSession.may`` so they never keep role lists of their own.
"""

from __future__ import annotations

from enum import StrEnum

from onestop_desk.domain.errors import PermissionDeniedError
from onestop_desk.domain.records import Actor
from onestop_desk.domain.vocab import Role

SYSTEM_ACTOR = Actor(user_id=None, username="system", role=Role.SYSTEM, pc_name="")


class Permission(StrEnum):
    WORK_ON_CASES = "work_on_cases"  # register walk-ins, open case files, refer, print
    SEE_ALL_CASES = "see_all_cases"  # every counselor's cases, not only one's own
    ASSIGN_CASES = "assign_cases"  # hand a case to another counselor
    BE_ASSIGNED_CASES = "be_assigned_cases"  # may hold cases
    VIEW_STATISTICS = "view_statistics"
    MANAGE_USERS = "manage_users"
    VIEW_ACCESS_LOG = "view_access_log"
    MANAGE_RETENTION = "manage_retention"
    EDIT_DIRECTORY = "edit_directory"
    EDIT_CENTER = "edit_center"
    BACK_UP = "back_up"
    RESTORE = "restore"
    SET_BACKUP_POLICY = "set_backup_policy"
    LOAD_DEMO_DATA = "load_demo_data"
    IMPORT_STORE = "import_store"  # move a single-PC store into the center server


_C, _L, _A = Role.COUNSELOR, Role.TEAM_LEAD, Role.ADMIN

# Administrators manage accounts, the directory and the log, not victims' files.
GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.WORK_ON_CASES: frozenset({_C, _L}),
    Permission.SEE_ALL_CASES: frozenset({_L}),
    Permission.ASSIGN_CASES: frozenset({_L}),
    Permission.BE_ASSIGNED_CASES: frozenset({_C, _L}),
    Permission.VIEW_STATISTICS: frozenset({_L, _A}),
    Permission.MANAGE_USERS: frozenset({_A}),
    Permission.VIEW_ACCESS_LOG: frozenset({_A}),
    Permission.MANAGE_RETENTION: frozenset({_A}),
    Permission.EDIT_DIRECTORY: frozenset({_A}),
    Permission.EDIT_CENTER: frozenset({_A}),
    Permission.BACK_UP: frozenset({_L, _A}),
    Permission.RESTORE: frozenset({_A}),
    Permission.SET_BACKUP_POLICY: frozenset({_A}),
    Permission.LOAD_DEMO_DATA: frozenset({_L, _A}),
    Permission.IMPORT_STORE: frozenset({_A}),
}


def allowed(role: Role, permission: Permission) -> bool:
    """The system actor (setup, migrations, scheduled jobs) may do everything."""
    return role is Role.SYSTEM or role in GRANTS[permission]


def permissions_of(role: Role) -> frozenset[Permission]:
    return frozenset(p for p in Permission if allowed(role, p))


def require(actor: Actor, permission: Permission) -> None:
    if not allowed(actor.role, permission):
        raise PermissionDeniedError(
            "role not allowed", role=actor.role.value, permission=permission.value
        )


def sees_all_cases(actor: Actor) -> bool:
    return allowed(actor.role, Permission.SEE_ALL_CASES)


def may_work_on_cases(actor: Actor) -> bool:
    return allowed(actor.role, Permission.WORK_ON_CASES)


def require_case_work(actor: Actor) -> None:
    if not may_work_on_cases(actor):
        raise PermissionDeniedError("this role does not work on cases", role=actor.role.value)


def require_case_access(actor: Actor, counselor_id: int | None, created_by: int | None) -> None:
    require_case_work(actor)
    if sees_all_cases(actor):
        return
    if actor.user_id is not None and actor.user_id in (counselor_id, created_by):
        return
    raise PermissionDeniedError("case belongs to another counselor")
