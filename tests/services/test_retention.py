"""Retention and destruction: the policy, the dry run, a purge that leaves no trace in the
database file or its WAL (read page by page, decrypted), and the destruction register."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlalchemy import select, text, update
from sqlalchemy.exc import DatabaseError

from helpers.world import World, consent
from onestop_desk.db import models
from onestop_desk.db.store import open_store
from onestop_desk.domain.errors import PermissionDeniedError, ValidationError
from onestop_desk.domain.records import InquiryInput, NeedInput, PersonInput, RelatedPersonInput
from onestop_desk.domain.vocab import (
    AuditAction,
    CallerType,
    CaseStatus,
    ConsentItem,
    Relationship,
)
from onestop_desk.services.retention import LEGAL_BASIS, years_before

SECRET_NAME = "탁파기윤"
GUARDIAN_NAME = "탁보호자"
SECRET_PHONE = "010-9876-1357"
SECRET_NOTE = "지하주차장에서 피해 발생함"

PAGE = 4096  # SQLCipher 4 default page size
RESERVE = 80  # per-page IV (16) and HMAC-SHA512 (64)


def decrypted_pages(path: Path, key: bytes | None) -> bytes:
    """Every page of a database file as plaintext, free pages included: what someone with the
    key and a hex editor would see. Without a key the file is returned as it is."""
    data = path.read_bytes() if path.exists() else b""
    if key is None:
        return data
    out = bytearray()
    for start in range(0, len(data) - PAGE + 1, PAGE):
        page = data[start : start + PAGE]
        offset = 16 if start == 0 else 0  # page 1 begins with the salt
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out += decryptor.update(page[offset : PAGE - RESERVE]) + decryptor.finalize()
    return bytes(out)


def wal_frames(path: Path, key: bytes | None) -> bytes:
    """The page images in a WAL file (32-byte header, then 24-byte frame header + page)."""
    wal = Path(f"{path}-wal")
    data = wal.read_bytes() if wal.exists() else b""
    if key is None:
        return data
    out = bytearray()
    for start in range(32, len(data) - (24 + PAGE) + 1, 24 + PAGE):
        page = data[start + 24 : start + 24 + PAGE]
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        # Page 1 in the WAL also starts with the salt; decrypting from 0 only garbles its
        # first block, which holds no row data.
        out += decryptor.update(page[: PAGE - RESERVE]) + decryptor.finalize()
    return bytes(out)


def traces(path: Path, key: bytes | None) -> list[str]:
    blob = decrypted_pages(path, key) + wal_frames(path, key)
    needles = (SECRET_NAME, GUARDIAN_NAME, SECRET_PHONE, SECRET_NOTE, "9876")
    return [n for n in needles if n.encode() in blob]


def close_case_on(world: World, case_id: int, closed: date, status=CaseStatus.CLOSED) -> None:
    with world.store.sessions.begin() as s:
        s.execute(
            update(models.Case)
            .where(models.Case.id == case_id)
            .values(status=status.value, closed_on=closed, outcome="지원 종료")
        )


def rich_case(world: World):
    """A case with every kind of row a destruction must remove."""
    guardian = RelatedPersonInput(
        person=PersonInput(name=GUARDIAN_NAME, phone="010-5555-6666"),
        relationship=Relationship.GUARDIAN,
    )
    case = world.new_case(
        name=SECRET_NAME,
        phone=SECRET_PHONE,
        crimes=("sexual_violence",),
        summary=SECRET_NOTE,
        related=(guardian,),
    )
    world.c1.needs.set_needs(case.id, [NeedInput("legal", "legal_aid")])
    world.c1.consents.record(case.id, consent("legal_aid", *ConsentItem))
    world.c1.referrals.create_from_needs(case.id)
    world.c1.cases.add_note(case.id, f"{SECRET_NAME} 님 통화, {SECRET_NOTE}")
    inquiry = world.c1.inquiries.log(
        InquiryInput(
            caller_type=CallerType.VICTIM,
            topic="상담 문의",
            caller_name=SECRET_NAME,
            caller_phone=SECRET_PHONE,
        )
    )
    with world.store.sessions.begin() as s:
        s.execute(
            update(models.PhoneInquiry)
            .where(models.PhoneInquiry.id == inquiry.id)
            .values(case_id=case.id)
        )
    return case


@pytest.fixture(params=["sqlcipher", "plain"])
def keyed_world(request, tmp_path):
    """The purge is checked on an encrypted store (decrypted page by page) and on a plain
    one, where the raw file bytes themselves are grepped."""
    key = os.urandom(32) if request.param == "sqlcipher" else None
    store = open_store(tmp_path / "onestop.db", key=key)
    yield World(store), key
    store.close()


def test_retention_years_default_and_only_an_admin_changes_them(world):
    assert world.admin.retention.retention_years() == 3
    for services in (world.c1, world.lead):
        with pytest.raises(PermissionDeniedError):
            services.retention.set_retention_years(5)
    with pytest.raises(ValidationError):
        world.admin.retention.set_retention_years(0)
    world.admin.retention.set_retention_years(5)
    assert world.admin.retention.retention_years() == 5
    with world.store.sessions() as s:
        row = s.scalars(select(models.AuditEvent).order_by(models.AuditEvent.seq.desc())).first()
    assert row.action == AuditAction.UPDATE and "retention.years 3->5" in row.detail


def test_dry_run_lists_case_numbers_and_dates_only(world):
    due = world.new_case(name="기한지남")
    edge = world.new_case(name="하루모자람")
    aftercare = world.new_case(name="사후관리중")
    still_open = world.new_case(name="진행중")
    close_case_on(world, due.id, date(2023, 11, 25))
    close_case_on(world, edge.id, date(2023, 11, 26))
    close_case_on(world, aftercare.id, date(2020, 1, 1), CaseStatus.AFTERCARE)
    report = world.admin.retention.due()
    assert report.cutoff == date(2023, 11, 25) and report.years == 3
    assert [c.case_number for c in report.cases] == [due.case_number]
    assert report.cases[0].closed_on == date(2023, 11, 25)
    assert "기한지남" not in repr(report)
    assert still_open.case_number not in repr(report)
    for services in (world.c1, world.lead):
        with pytest.raises(PermissionDeniedError):
            services.retention.due()
        with pytest.raises(PermissionDeniedError):
            services.retention.purge()


def test_purge_leaves_no_trace_in_the_file_or_the_wal(keyed_world):
    world, key = keyed_world
    case = rich_case(world)
    keep = world.new_case(name="남는사람", phone="010-1111-2222")
    close_case_on(world, case.id, date(2022, 6, 30))
    path = world.store.path
    raw = world.store.engine.raw_connection()
    raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    assert SECRET_NAME in traces(path, key)  # the check does see plaintext when it is there

    result = world.admin.retention.purge()

    assert [c.case_number for c in result.destroyed] == [case.case_number]
    assert result.persons_removed == 2  # the victim and the guardian
    assert traces(path, key) == []
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with world.store.sessions() as s:
        assert s.get(models.Case, case.id) is None
        assert (
            s.execute(select(models.Person).where(models.Person.name == SECRET_NAME)).first()
            is None
        )
        for model in (
            models.Need,
            models.Consent,
            models.Referral,
            models.TimelineEvent,
            models.SearchGram,
        ):
            assert s.execute(select(model).where(model.case_id == case.id)).first() is None
        assert s.execute(select(models.PhoneInquiry)).first() is None
        fts = s.execute(
            text("SELECT count(*) FROM case_search WHERE rowid = :id"), {"id": case.id}
        ).scalar()
        assert fts == 0
        assert (
            s.execute(text("SELECT count(*) FROM case_search WHERE case_search MATCH '탁파기'"))
        ).scalar() == 0
        integrity = s.execute(text("PRAGMA integrity_check")).scalar()
    assert integrity == "ok"
    assert world.lead.cases.search_ids(SECRET_NAME) == []
    assert world.lead.cases.search_ids("파기") == []
    assert world.lead.cases.search_ids("남는사람") == [keep.id]


def test_a_person_named_in_another_case_is_kept(world):
    first = world.new_case(name="공유인물")
    with world.store.sessions.begin() as s:
        person_id = s.get(models.Case, first.id).person_id
    second = world.new_case(name="다른사건")
    with world.store.sessions.begin() as s:
        s.add(
            models.CasePerson(
                case_id=second.id, person_id=person_id, relationship_code="family", note=""
            )
        )
    close_case_on(world, first.id, date(2020, 1, 1))
    result = world.admin.retention.purge()
    assert result.persons_removed == 0
    with world.store.sessions() as s:
        assert s.get(models.Person, person_id) is not None


def test_purge_only_the_reviewed_cases_and_register_them(world):
    a, b = world.new_case(name="가파기"), world.new_case(name="나파기")
    close_case_on(world, a.id, date(2021, 1, 5))
    close_case_on(world, b.id, date(2021, 2, 5))
    first = world.admin.retention.purge([a.case_number])
    assert [c.case_number for c in first.destroyed] == [a.case_number]
    world.admin.retention.purge()
    register = world.admin.retention.register()
    assert [(r.case_number, r.closed_on) for r in register] == [
        (a.case_number, date(2021, 1, 5)),
        (b.case_number, date(2021, 2, 5)),
    ]
    assert all(r.destroyed_by == "admin" and r.legal_basis == LEGAL_BASIS for r in register)
    assert all(r.retention_years == 3 for r in register)
    with world.store.sessions() as s:
        purges = s.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == AuditAction.PURGE.value)
        ).all()
    assert {p.case_number for p in purges} == {a.case_number, b.case_number}
    assert all(p.reason == LEGAL_BASIS for p in purges)


def test_the_register_is_append_only(world):
    case = world.new_case()
    close_case_on(world, case.id, date(2020, 1, 1))
    world.admin.retention.purge()
    for statement in (
        "UPDATE destruction_register SET case_number = 'x'",
        "DELETE FROM destruction_register",
    ):
        with pytest.raises(DatabaseError, match="append-only"), world.store.sessions.begin() as s:
            s.execute(text(statement))
    assert len(world.admin.retention.register()) == 1


def test_nothing_due_changes_nothing(world):
    world.new_case()
    assert world.admin.retention.purge().destroyed == ()
    assert world.admin.retention.register() == []


def test_years_before_handles_29_february():
    assert years_before(date(2028, 2, 29), 3) == date(2025, 2, 28)
    assert years_before(date(2026, 11, 25), 3) == date(2023, 11, 25)
