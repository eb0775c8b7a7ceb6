"""Who may do what (개인정보의 안전성 확보조치 기준 §5: least privilege by role).

Checked inside the services, so hiding a button is never the only protection.
"""

from __future__ import annotations

from onestop_desk.domain.errors import PermissionDeniedError
from onestop_desk.domain.records import Actor
from onestop_desk.domain.vocab import Role

SYSTEM_ACTOR = Actor(user_id=None, username="system", role=Role.SYSTEM, pc_name="")


def sees_all_cases(actor: Actor) -> bool:
    return actor.role in (Role.TEAM_LEAD, Role.SYSTEM)


def may_work_on_cases(actor: Actor) -> bool:
    """Administrators manage accounts, the directory and the log, not victims' files."""
    return actor.role in (Role.COUNSELOR, Role.TEAM_LEAD, Role.SYSTEM)


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


def require_role(actor: Actor, *roles: Role) -> None:
    if actor.role not in roles and actor.role is not Role.SYSTEM:
        raise PermissionDeniedError("role not allowed", role=actor.role.value)
