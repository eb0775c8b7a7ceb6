"""Test helpers shared by the suites: a world of users and cases, consent shorthand."""

from __future__ import annotations

import functools
from datetime import date, datetime

from onestop_desk.db import models
from onestop_desk.db.store import Store
from onestop_desk.domain.access import SYSTEM_ACTOR
from onestop_desk.domain.clock import KST, fixed_clock
from onestop_desk.domain.records import (
    Actor,
    CaseDetail,
    CaseInput,
    ConsentInput,
    PersonInput,
    SafeContact,
)
from onestop_desk.domain.security.passwords import hash_password
from onestop_desk.domain.vocab import ConsentItem, ConsentMethod, Gender, IntakeChannel, Role
from onestop_desk.services import Services, build_services

NOW = datetime(2026, 11, 25, 10, 30, tzinfo=KST)
TEST_PASSWORD = "desk-pass-2026"


@functools.cache
def _test_hash() -> str:
    return hash_password(TEST_PASSWORD)


class World:
    """A store with a team lead and two counselors, and services for each."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.clock = fixed_clock(NOW)
        self.system = build_services(store.sessions, SYSTEM_ACTOR, clock=self.clock)
        ids = self._add_users(
            ("lead", "김팀장", Role.TEAM_LEAD),
            ("c1", "이상담", Role.COUNSELOR),
            ("c2", "박상담", Role.COUNSELOR),
            ("admin", "최관리", Role.ADMIN),
        )
        self.lead = self.as_user(ids["lead"], "lead", Role.TEAM_LEAD)
        self.c1 = self.as_user(ids["c1"], "c1", Role.COUNSELOR)
        self.c2 = self.as_user(ids["c2"], "c2", Role.COUNSELOR)
        self.admin = self.as_user(ids["admin"], "admin", Role.ADMIN)

    def _add_users(self, *users: tuple[str, str, Role]) -> dict[str, int]:
        # Straight into the table with one shared hash: argon2 per user per test would make
        # the suite minutes slower. UserService.create has its own tests.
        ids = {}
        with self.store.sessions.begin() as s:
            for username, display_name, role in users:
                row = models.User(
                    username=username,
                    display_name=display_name,
                    role=role.value,
                    password_hash=_test_hash(),
                    active=True,
                    failed_logins=0,
                    created_at=self.clock.now_utc(),
                )
                s.add(row)
                s.flush()
                ids[username] = row.id
        return ids

    def as_user(self, user_id: int, username: str, role: Role) -> Services:
        actor = Actor(user_id=user_id, username=username, role=role, pc_name="desk-1")
        return build_services(self.store.sessions, actor, clock=self.clock)

    def new_case(
        self,
        services: Services | None = None,
        *,
        name: str = "홍길동",
        birth: date | None = date(1990, 3, 1),
        phone: str = "010-1234-5678",
        crimes: tuple[str, ...] = ("assault",),
        **case_fields: object,
    ):
        services = services or self.c1
        person = PersonInput(
            name=name,
            birth_date=birth,
            gender=Gender.FEMALE,
            phone=phone,
            address="서울특별시 동작구 여의대방로 1",
            safe_contact=SafeContact(may_call=True),
        )
        fields: dict[str, object] = {"incident_date": date(2026, 11, 1), **case_fields}
        case = CaseInput(
            intake_channel=IntakeChannel.VISIT, intake_date=NOW.date(), crime_types=crimes, **fields
        )  # type: ignore[arg-type]
        return services.cases.create_case(person, case)


def consent(agency: str, *items: ConsentItem, given: date | None = None) -> ConsentInput:
    return ConsentInput(
        agency_code=agency,
        items=frozenset(items or (ConsentItem.IDENTITY,)),
        given_on=given or NOW.date(),
        method=ConsentMethod.WRITTEN,
    )


def edit_inputs(detail: CaseDetail) -> tuple[PersonInput, CaseInput]:
    """What the edit form sends for ``detail`` left unchanged (related persons pass through)."""
    person = PersonInput(**{f: getattr(detail.person, f) for f in PersonInput.__dataclass_fields__})
    case = CaseInput(
        **{f: getattr(detail, f) for f in CaseInput.__dataclass_fields__ if f != "related"}
    )
    return person, case
