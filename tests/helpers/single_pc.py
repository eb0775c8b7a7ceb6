"""A single-PC data folder (onestop.db + keyring.json) made the way the desk makes one, with
cases, referrals, notes and a valid access log: the source of ``server import`` tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from helpers.world import NOW
from onestop_desk.db import models
from onestop_desk.domain.clock import fixed_clock
from onestop_desk.domain.records import Actor, CaseInput, PersonInput, SafeContact
from onestop_desk.domain.security import (
    KdfParams,
    audit_chain_key,
    normalize_recovery_key,
    unwrap_key,
)
from onestop_desk.domain.security.passwords import hash_password
from onestop_desk.domain.vocab import ConsentItem, Gender, IntakeChannel, Role
from onestop_desk.services import build_services
from onestop_desk.services.auth import AuthService
from onestop_desk.services.auth.keyring import RECOVERY_AAD

SOURCE_ADMIN = "srcadmin"
SOURCE_ADMIN_PW = "원본관리자2026!"


def cheap_kdf() -> KdfParams:
    return KdfParams(time_cost=1, memory_cost=64, parallelism=1)


@dataclass
class SinglePc:
    folder: Path
    recovery_key: str
    case_numbers: list[str] = field(default_factory=list)
    document_numbers: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    @property
    def database(self) -> Path:
        return self.folder / "onestop.db"


def make_single_pc(
    folder: Path,
    names: list[str],
    *,
    counselor: str = "c1",
    pc_name: str = "desk-b",
) -> SinglePc:
    """A set-up center with ``counselor`` and one case per name, each with a crime type, a
    consent and a referral for the police, a note and a logged view."""
    from helpers.world import consent  # the shared consent shorthand

    auth = AuthService(folder, clock=fixed_clock(NOW), pc_name=pc_name, kdf_params=cheap_kdf)
    setup = auth.set_up("서울 원스톱 솔루션센터", SOURCE_ADMIN, "원관리", SOURCE_ADMIN_PW)
    store = setup.session.store
    key = unwrap_key(
        auth.load_keyring().recovery, normalize_recovery_key(setup.recovery_key), aad=RECOVERY_AAD
    )
    with store.sessions.begin() as s:
        row = models.User(
            username=counselor,
            display_name="이상담",
            role=Role.COUNSELOR.value,
            password_hash=hash_password("상담원비번2026"),
            active=True,
            failed_logins=0,
            created_at=NOW.replace(tzinfo=None),
        )
        s.add(row)
        s.flush()
        counselor_id = row.id
    services = build_services(
        store.sessions,
        Actor(counselor_id, counselor, Role.COUNSELOR, pc_name),
        clock=fixed_clock(NOW),
        audit_key=audit_chain_key(key),
    )
    made = SinglePc(folder=folder, recovery_key=setup.recovery_key, names=list(names))
    for index, name in enumerate(names):
        person = PersonInput(
            name=name,
            birth_date=date(1985, 5, 5),
            gender=Gender.FEMALE,
            phone=f"010-{7000 + index:04d}-{1000 + index:04d}",
            address="서울특별시 동작구 여의대방로 54",
            safe_contact=SafeContact(may_call=True),
        )
        case = services.cases.create_case(
            person,
            CaseInput(
                intake_channel=IntakeChannel.VISIT,
                intake_date=NOW.date(),
                crime_types=("stalking",),
                incident_date=date(2026, 10, 1),
            ),
        )
        services.consents.record(case.id, consent("police", ConsentItem.IDENTITY))
        referral = services.referrals.create(case.id, "police", reason="신변보호 요청")
        services.cases.add_note(case.id, f"상담 메모 {index}")
        services.cases.get(case.id)  # a view, logged
        made.case_numbers.append(case.case_number)
        made.document_numbers.append(referral.document_number)
    setup.session.logout("test")
    return made
