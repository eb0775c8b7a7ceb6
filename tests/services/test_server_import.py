"""``server import``: single-PC stores moved into the center store (both store kinds)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from helpers.single_pc import SOURCE_ADMIN, SOURCE_ADMIN_PW, SinglePc, make_single_pc
from helpers.world import World, consent
from onestop_desk.db import maintenance, models
from onestop_desk.db.retention import RetentionRepository
from onestop_desk.db.transfer import StoreTransfer
from onestop_desk.domain.errors import PermissionDeniedError
from onestop_desk.domain.security import normalize_recovery_key, unwrap_key
from onestop_desk.domain.vocab import AuditAction, ConsentItem
from onestop_desk.services.auth import AuthService
from onestop_desk.services.auth.keyring import RECOVERY_AAD
from onestop_desk.services.server_import import (
    ImportReport,
    ServerImportService,
    StoreImportError,
    open_source,
)


def _import(world: World, pc: SinglePc) -> ImportReport:
    with open_source(pc.folder, username=SOURCE_ADMIN, password=SOURCE_ADMIN_PW) as source:
        return ServerImportService(world.admin.context).import_store(source)


def _counts(world: World) -> dict[str, int]:
    tables = (
        models.Case,
        models.Person,
        models.Referral,
        models.Consent,
        models.TimelineEvent,
        models.AuditEvent,
        models.User,
        models.StoreImport,
        models.ImportedNumber,
        models.SearchGram,
    )
    with world.store.sessions() as s:
        counts = {
            t.__tablename__: s.scalar(select(func.count()).select_from(t)) or 0 for t in tables
        }
        counts.update({f"counter {c.name}": c.value for c in s.scalars(select(models.Counter))})
    return counts


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def pc_b(tmp_path: Path) -> SinglePc:
    return make_single_pc(tmp_path / "pc-b", ["가나다", "윤서연"])


def test_a_store_imported_into_an_empty_server_is_all_there_and_searchable(
    world: World, pc_b: SinglePc
) -> None:
    before = {p: _digest(p) for p in pc_b.folder.iterdir() if p.is_file()}
    report = _import(world, pc_b)

    assert report.counts["cases"] == 2
    assert report.counts["referrals"] == 2
    assert report.renumbered == ()
    assert report.matched_users == ("c1",)
    assert report.created_users == (SOURCE_ADMIN,)
    assert report.log_rows > 0
    # The source files were only read.
    assert {p: _digest(p) for p in pc_b.folder.iterdir() if p.is_file()} == before

    lead = world.lead
    for name, number, document in zip(
        pc_b.names, pc_b.case_numbers, pc_b.document_numbers, strict=True
    ):
        [by_name] = lead.cases.search_ids(name)
        assert lead.cases.search_ids(number) == [by_name]
        assert lead.cases.search_ids(document) == [by_name]
        detail = lead.cases.get(by_name)
        assert detail.case_number == number
        assert lead.cases.reveal_name(by_name) == name
        assert lead.consents.may_share(by_name, "police", ConsentItem.IDENTITY)
        [referral] = lead.referrals.list(by_name)
        assert referral.document_number == document
        assert any("상담 메모" in entry.text for entry in lead.cases.timeline(by_name))
        # The counselor assignment followed the account name.
        assert detail.counselor_name == "이상담"

    with world.store.sessions() as s:
        created = s.scalar(select(models.User).where(models.User.username == SOURCE_ADMIN))
        assert created is not None and not created.active and created.password_hash == ""
        assert world.system.audit.verify(s).ok
        imported = list(
            s.scalars(
                select(models.AuditEvent).where(models.AuditEvent.action == AuditAction.IMPORT)
            )
        )
    assert len(imported) == report.log_rows + 1
    assert imported[-1].username == "admin"
    assert "store imported" in imported[-1].detail
    assert any(e.case_number == pc_b.case_numbers[0] and e.username == "c1" for e in imported)
    # The desk's next number follows what came in.
    assert world.new_case(name="다음사례").case_number == "2026-00003"


def test_a_second_store_with_colliding_numbers_is_renumbered_and_its_old_numbers_found(
    world: World, tmp_path: Path
) -> None:
    own = [world.new_case(name=f"서버사례{i}") for i in range(3)]
    world.c1.consents.record(own[0].id, consent("police", ConsentItem.IDENTITY))
    own_referral = world.c1.referrals.create(own[0].id, "police")
    assert own_referral.document_number == "R2026-000001"
    pc = make_single_pc(tmp_path / "pc-c", ["가나다", "윤서연"], counselor="c3")
    assert pc.case_numbers == ["2026-00001", "2026-00002"]
    assert pc.document_numbers == ["R2026-000001", "R2026-000002"]

    report = _import(world, pc)

    changed = {(n.kind, n.old): n.new for n in report.renumbered}
    assert changed == {
        ("case", "2026-00001"): "2026-00004",
        ("case", "2026-00002"): "2026-00005",
        # R2026-000002 was free and kept; the counter moved past it first.
        ("document", "R2026-000001"): "R2026-000003",
    }
    assert "c3" in report.created_users
    lead = world.lead
    # An old number finds the server's own case and the imported one that carried it.
    hits = lead.cases.search_ids("2026-00001")
    assert hits[0] == own[0].id
    [imported_first] = [h for h in hits if h != own[0].id]
    assert lead.cases.get(imported_first).case_number == "2026-00004"
    assert lead.cases.reveal_name(imported_first) == "가나다"
    assert lead.cases.search_ids("R2026-000001") == [own[0].id, imported_first]
    [second] = lead.cases.search_ids("2026-00005")
    assert lead.cases.search_ids("R2026-000002") == [second]
    # Counters advanced: the next intake and referral follow, nothing is given twice.
    assert world.new_case(name="다음사례").case_number == "2026-00006"
    with world.store.sessions() as s:
        numbers = list(s.scalars(select(models.Case.case_number)))
        documents = list(s.scalars(select(models.Referral.document_number)))
        counter = s.get(models.Counter, "referral:2026")
        assert counter is not None and counter.value == 3
        assert world.system.audit.verify(s).ok
    assert len(numbers) == len(set(numbers)) == 6
    assert len(documents) == len(set(documents)) == 3


def test_a_failure_midway_leaves_the_server_unchanged(
    world: World, pc_b: SinglePc, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.new_case(name="서버사례")
    before = _counts(world)

    def broken(self: StoreTransfer) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(StoreTransfer, "_copy_referrals", broken)
    with pytest.raises(RuntimeError):
        _import(world, pc_b)
    assert _counts(world) == before
    monkeypatch.undo()
    # Nothing was remembered either: the same store imports once it works.
    assert _import(world, pc_b).counts["cases"] == 2


def test_wrong_source_secrets_are_refused(world: World, pc_b: SinglePc) -> None:
    with pytest.raises(StoreImportError) as wrong:
        open_source(pc_b.folder, username=SOURCE_ADMIN, password="틀린비번2026!")
    assert wrong.value.code == "import.source_wrong_secret"
    with pytest.raises(StoreImportError) as nobody:
        open_source(pc_b.folder, username="nobody", password=SOURCE_ADMIN_PW)
    assert nobody.value.code == "import.source_wrong_secret"
    with pytest.raises(StoreImportError) as missing:
        open_source(pc_b.folder.parent / "elsewhere", username=SOURCE_ADMIN, password="x")
    assert missing.value.code == "import.source_missing"
    # The recovery key opens it as well, and through the database file's path.
    with open_source(pc_b.database, recovery_key=pc_b.recovery_key) as source:
        assert ServerImportService(world.admin.context).import_store(source).counts["cases"] == 2


def test_the_same_store_twice_is_refused(world: World, pc_b: SinglePc) -> None:
    _import(world, pc_b)
    before = _counts(world)
    with pytest.raises(StoreImportError) as twice:
        _import(world, pc_b)
    assert twice.value.code == "import.already_imported"
    assert _counts(world) == before


def test_only_an_administrator_of_the_server_imports(world: World, pc_b: SinglePc) -> None:
    with (
        open_source(pc_b.folder, username=SOURCE_ADMIN, password=SOURCE_ADMIN_PW) as source,
        pytest.raises(PermissionDeniedError),
    ):
        ServerImportService(world.lead.context).import_store(source)


def test_a_source_with_a_tampered_access_log_is_refused(world: World, pc_b: SinglePc) -> None:
    ring = AuthService(pc_b.folder).load_keyring()
    key = unwrap_key(ring.recovery, normalize_recovery_key(pc_b.recovery_key), aad=RECOVERY_AAD)
    with maintenance.opened(pc_b.database, key) as conn:
        conn.execute("UPDATE audit_events SET username = 'someone' WHERE seq = 2")
    with pytest.raises(StoreImportError) as tampered:
        open_source(pc_b.folder, username=SOURCE_ADMIN, password=SOURCE_ADMIN_PW)
    assert tampered.value.code == "import.source_tampered"


def test_a_damaged_source_is_refused(world: World, pc_b: SinglePc) -> None:
    data = bytearray(pc_b.database.read_bytes())
    data[5000:5400] = bytes(400)
    pc_b.database.write_bytes(bytes(data))
    with pytest.raises(StoreImportError) as damaged:
        open_source(pc_b.folder, username=SOURCE_ADMIN, password=SOURCE_ADMIN_PW)
    assert damaged.value.code == "import.source_damaged"


def test_the_destruction_register_comes_along_and_its_numbers_are_never_given_again(
    world: World, pc_b: SinglePc
) -> None:
    own = world.new_case(name="서버사례")
    ring = AuthService(pc_b.folder).load_keyring()
    key = unwrap_key(ring.recovery, normalize_recovery_key(pc_b.recovery_key), aad=RECOVERY_AAD)
    with maintenance.opened(pc_b.database, key) as conn:
        conn.execute(
            "INSERT INTO destruction_register (case_number, closed_on, destroyed_at, "
            "destroyed_by, legal_basis, retention_years) VALUES "
            "('2026-00003', '2026-01-05', '2026-11-20 01:00:00', 'srcadmin', '보존기간 경과', 3)"
        )
    report = _import(world, pc_b)
    changed = {n.old: n.new for n in report.renumbered if n.kind == "case"}
    # 2026-00001 is the server's; 2026-00003 is named by the source's register.
    assert changed == {"2026-00001": "2026-00004"}
    assert report.counts["destruction_register"] == 1
    assert world.new_case(name="다음사례").case_number == "2026-00005"
    # Destroying an imported case takes its renumbering record with it.
    [imported] = [h for h in world.lead.cases.search_ids("2026-00001") if h != own.id]
    with world.store.sessions.begin() as s:
        RetentionRepository(s).destroy_cases([imported])
    with world.store.sessions() as s:
        assert s.scalar(select(func.count()).select_from(models.ImportedNumber)) == 0
        assert (
            s.scalar(
                select(func.count())
                .select_from(models.DestructionRecord)
                .where(models.DestructionRecord.case_number == "2026-00003")
            )
            == 1
        )
