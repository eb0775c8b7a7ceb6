"""Encrypted USB export: the file, the password, the log, and what a full or pulled drive does.

The FAT32 test needs root and either the kernel's vfat driver (loop mount) or ``fusefat``;
elsewhere it skips and says why.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from helpers.world import consent
from onestop_desk.db import models
from onestop_desk.domain.errors import PermissionDeniedError, ValidationError
from onestop_desk.domain.records import NeedInput
from onestop_desk.domain.security.passwords import check_password_policy
from onestop_desk.domain.vocab import AuditAction, ConsentItem
from onestop_desk.services import export as export_module
from onestop_desk.services.export import (
    ExportError,
    generate_passphrase,
    passphrase_bits,
    removable_volumes,
)

PASSWORD = "usb-Pass-2026"
REASON = "피해자 본인 요청(법률 상담 지참)"


def open_pdf(path: Path, password: str) -> PdfReader:
    reader = PdfReader(path)
    assert reader.is_encrypted
    assert reader.decrypt(password) != 0
    return reader


def pdf_text(reader: PdfReader) -> str:
    return "\n".join(p.extract_text() for p in reader.pages)


def export_rows(store) -> list[models.AuditEvent]:
    with store.sessions() as s:
        return list(
            s.scalars(
                select(models.AuditEvent).where(
                    models.AuditEvent.action == AuditAction.EXPORT.value
                )
            )
        )


def table_counts(store) -> dict[str, int]:
    """Row counts of every table but the access log: what 'nothing changed' means."""
    with store.sessions() as s:
        return {
            t.name: s.execute(select(func.count()).select_from(t)).scalar_one()
            for t in models.Base.metadata.sorted_tables
            if t.name != "audit_events"
        }


@pytest.fixture
def usb(tmp_path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def no_leftovers(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(export_module.TEMP_SUFFIX)]


def test_export_writes_an_aes256_pdf_that_only_the_password_opens(world, usb):
    case = world.new_case(name="김비밀", summary="야간 귀갓길 폭행", phone="010-2222-3333")
    result = world.c1.export.export_case(case.id, usb, password=PASSWORD, reason=REASON)

    assert result.path.parent == usb
    assert re.fullmatch(r"\d{4}-\d+_20261125\.pdf", result.path.name)
    assert "김비밀" not in result.path.name
    raw = result.path.read_bytes()
    assert b"/AESV3" in raw  # AES-256 (PDF 2.0 / revision 6)
    assert "김비밀".encode() not in raw and b"2222-3333" not in raw
    locked = PdfReader(result.path)
    assert locked.decrypt("wrong-password-1") == 0
    text_ = pdf_text(open_pdf(result.path, PASSWORD))
    for expected in (case.case_number, "김비밀", "010-2222-3333", "야간 귀갓길 폭행", "폭행"):
        assert expected in text_
    assert result.pages == len(open_pdf(result.path, PASSWORD).pages)
    assert no_leftovers(usb)

    rows = export_rows(world.store)
    assert len(rows) == 1
    assert rows[0].reason == REASON and rows[0].case_number == case.case_number
    assert result.path.name in rows[0].detail


def test_summary_holds_needs_consents_referrals_and_timeline(world, usb):
    case = world.new_case(name="박요약", crimes=("stalking",))
    world.c1.needs.set_needs(case.id, [NeedInput("legal", "legal_aid")])
    world.c1.consents.record(case.id, consent("legal_aid", *ConsentItem))
    world.c1.referrals.create_from_needs(case.id)
    world.c1.cases.add_note(case.id, "법률구조공단 상담 예약 완료")
    result = world.c1.export.export_case(
        case.id, usb, password=PASSWORD, reason=REASON, include_letters=True
    )
    text_ = pdf_text(open_pdf(result.path, PASSWORD))
    assert "대한법률구조공단" in text_
    assert "법률구조공단 상담 예약 완료" in text_
    assert "연계 의뢰서" in text_  # the letter came along
    assert result.letters_included
    # The timeline is in words, as a reader at the next agency understands it.
    assert "대한법률구조공단 동의 기록" in text_
    assert "사례 접수 (방문)" in text_
    for code in ("consent legal_aid", "legal_aid draft", "visit", "identity"):
        assert code not in text_


def test_a_second_export_the_same_day_gets_its_own_name(world, usb):
    case = world.new_case()
    first = world.c1.export.export_case(case.id, usb, password=PASSWORD, reason=REASON)
    second = world.c1.export.export_case(case.id, usb, password=PASSWORD, reason=REASON)
    assert first.path != second.path and first.path.exists() and second.path.exists()
    assert second.path.name.endswith("_2.pdf")


@pytest.mark.parametrize(
    ("password", "reason", "field"),
    [
        ("short1", REASON, "export.password"),
        ("abcdefgh", REASON, "export.password"),
        (PASSWORD, "   ", "export.reason"),
    ],
)
def test_weak_password_or_missing_reason_writes_and_logs_nothing(
    world, usb, password, reason, field
):
    case = world.new_case()
    with pytest.raises(ValidationError) as info:
        world.c1.export.export_case(case.id, usb, password=password, reason=reason)
    assert field in {e.field for e in info.value.errors}
    assert list(usb.iterdir()) == []
    assert export_rows(world.store) == []


def test_another_counselors_case_cannot_be_exported(world, usb):
    case = world.new_case(world.c1)
    with pytest.raises(PermissionDeniedError):
        world.c2.export.export_case(case.id, usb, password=PASSWORD, reason=REASON)
    with pytest.raises(PermissionDeniedError):
        world.admin.export.export_case(case.id, usb, password=PASSWORD, reason=REASON)
    assert list(usb.iterdir()) == []


def test_generated_passphrase_is_strong_ascii_and_passes_the_login_rule():
    phrases = {generate_passphrase() for _ in range(50)}
    assert len(phrases) == 50
    assert passphrase_bits() >= 80
    for phrase in phrases:
        assert phrase.isascii() and check_password_policy(phrase) == []
        assert re.fullmatch(r"([2-9a-z]{4}-){4}[2-9a-z]{4}", phrase)
        assert not set(phrase) & set("01ilo")


def test_many_cases_report_progress_and_can_be_cancelled(world, usb):
    ids = [world.new_case(name=f"다건{i}").id for i in range(3)]
    seen: list[tuple[int, int]] = []
    results = world.lead.export.export_cases(
        ids, usb, password=PASSWORD, reason=REASON, progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert len({r.path for r in results}) == 3
    assert len(export_rows(world.store)) == 3

    other = usb / "cancelled"
    other.mkdir()
    stopped = world.lead.export.export_cases(
        ids, other, password=PASSWORD, reason=REASON, progress=lambda d, t: d < 1
    )
    assert len(stopped) == 1 and len(list(other.iterdir())) == 1


@pytest.mark.parametrize(
    ("failure", "code"),
    [
        (errno.ENOSPC, "export.disk_full"),
        (errno.EIO, "export.device_gone"),
        (errno.EROFS, "export.not_writable"),
    ],
)
def test_write_failure_leaves_no_file_and_changes_only_the_access_log(
    world, usb, monkeypatch, failure, code
):
    """A pulled stick is simulated (the machine has none): fsync fails and, for EIO, the
    mount point disappears the way it does when the drive is gone."""
    case = world.new_case()
    before = table_counts(world.store)
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        if failure == errno.EIO:
            for p in usb.iterdir():
                p.unlink()
            usb.rmdir()
        raise OSError(failure, os.strerror(failure))

    monkeypatch.setattr(export_module.os, "fsync", failing_fsync)
    with pytest.raises(ExportError) as info:
        world.c1.export.export_case(case.id, usb, password=PASSWORD, reason=REASON)
    monkeypatch.setattr(export_module.os, "fsync", real_fsync)
    assert info.value.code == code
    if usb.exists():
        assert list(usb.iterdir()) == []
    assert table_counts(world.store) == before
    details = [r.detail for r in export_rows(world.store)]
    assert len(details) == 2 and details[1].startswith(f"failed {code}")


def test_failure_in_a_batch_reports_the_files_already_written(world, usb, monkeypatch):
    ids = [world.new_case(name=f"배치{i}").id for i in range(3)]
    calls = {"n": 0}
    real_write = export_module.write_whole

    def second_fails(directory, name, data, verify):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise ExportError("export.disk_full")
        return real_write(directory, name, data, verify)

    monkeypatch.setattr(export_module, "write_whole", second_fails)
    with pytest.raises(ExportError) as info:
        world.lead.export.export_cases(ids, usb, password=PASSWORD, reason=REASON)
    done = info.value.params["done"]
    assert len(done) == 1 and done[0].path.exists()
    assert len(list(usb.iterdir())) == 1


def test_missing_target_folder(world, usb):
    case = world.new_case()
    with pytest.raises(ExportError) as info:
        world.c1.export.export_case(case.id, usb / "gone", password=PASSWORD, reason=REASON)
    assert info.value.code == "export.target_missing"


def test_removable_volumes_from_proc_mounts_and_sys_block(tmp_path):
    sys_block = tmp_path / "sys" / "block"
    for disk, removable in (("sda", "0"), ("sdb", "1")):
        (sys_block / disk).mkdir(parents=True)
        (sys_block / disk / "removable").write_text(removable + "\n")
    (sys_block / "sdb" / "sdb1").mkdir()
    (sys_block / "sda" / "sda2").mkdir()
    stick = tmp_path / "mnt" / "MY STICK"
    desktop = tmp_path / "media" / "user" / "SDCARD"
    system = tmp_path / "data"
    for folder in (stick, desktop, system):
        folder.mkdir(parents=True)
    mounts = tmp_path / "mounts"
    escaped = str(stick).replace(" ", "\\040")
    mounts.write_text(
        f"/dev/sda2 {system} ext4 rw 0 0\n"
        f"/dev/sdb1 {escaped} vfat rw 0 0\n"
        f"/dev/mmcblk0p1 {desktop} exfat rw 0 0\n"
        "proc /proc proc rw 0 0\n"
    )
    found = removable_volumes(
        platform="linux",
        proc_mounts=mounts,
        sys_block=sys_block,
        media_roots=(str(tmp_path / "media"),),
    )
    assert [v.path for v in found] == [stick, desktop]
    assert found[0].label == "MY STICK"
    assert all(v.total_bytes > 0 and v.free_bytes > 0 for v in found)


def test_removable_volumes_on_macos_skip_the_boot_volume(tmp_path):
    volumes = tmp_path / "Volumes"
    volumes.mkdir()
    (volumes / "Macintosh HD").symlink_to("/")
    (volumes / "not-mounted").mkdir()
    assert removable_volumes(platform="darwin", volumes_root=volumes) == []


def test_this_machine_lists_without_error():
    assert isinstance(removable_volumes(), list)


# --- a real FAT32 file system ----------------------------------------------------------------


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60)


@pytest.fixture
def fat32(tmp_path) -> Iterator[Path]:
    """An 8 MB FAT32 volume mounted at a folder: kernel loop mount, else fusefat."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a FAT32 image needs root")
    mkfs = shutil.which("mkfs.vfat") or shutil.which("mkfs.fat")
    if mkfs is None:
        pytest.skip("mkfs.vfat not installed (Debian: dosfstools)")
    image, mount_point = tmp_path / "stick.img", tmp_path / "stick"
    mount_point.mkdir()
    with open(image, "wb") as handle:
        handle.truncate(8 * 1024 * 1024)
    made = _run(mkfs, "-F", "32", "-n", "USBSTICK", str(image))
    if made.returncode != 0:
        pytest.skip(f"mkfs.vfat failed: {made.stderr.strip()}")
    loop = _run("mount", "-o", "loop", "-t", "vfat", str(image), str(mount_point))
    unmount = ["umount", str(mount_point)]
    if loop.returncode != 0:
        fusefat = shutil.which("fusefat")
        if fusefat is None or not Path("/dev/fuse").exists():
            pytest.skip(f"no loop/vfat mount ({loop.stderr.strip()}) and no fusefat with /dev/fuse")
        fuse = _run(fusefat, "-o", "rw+", str(image), str(mount_point))
        if fuse.returncode != 0:
            pytest.skip(f"no loop/vfat mount ({loop.stderr.strip()}); fusefat: {fuse.stderr}")
        unmount = ["fusermount", "-u", str(mount_point)]
    try:
        yield mount_point
    finally:
        _run(*unmount)


def test_export_to_a_real_fat32_stick_until_it_is_full(world, fat32):
    case = world.new_case(name="팻삼이", summary="저장 장치 시험")
    first = world.c1.export.export_case(case.id, fat32, password=PASSWORD, reason=REASON)
    assert "팻삼이" in pdf_text(open_pdf(first.path, PASSWORD))

    # Fill the stick to the last byte (some drivers report no free space, so write until it
    # refuses), then give back room for about one and a half exports.
    filler = fat32 / f"filler-{uuid.uuid4().hex[:6]}.bin"
    written = 0
    with open(filler, "wb") as handle:
        chunk = os.urandom(64 * 1024)
        try:
            while True:
                handle.write(chunk)
                handle.flush()
                written += len(chunk)
        except OSError:
            pass
    with open(filler, "r+b") as handle:
        handle.truncate(max(written - first.size * 3 // 2, 0))
        os.fsync(handle.fileno())
    results, failure = [first], None
    for _ in range(10):
        try:
            results.append(
                world.c1.export.export_case(case.id, fat32, password=PASSWORD, reason=REASON)
            )
        except ExportError as exc:
            failure = exc
            break
    assert failure is not None and failure.code == "export.disk_full"
    assert len(results) >= 2  # the stick took one more export before it was full
    assert no_leftovers(fat32)
    pdfs = sorted(p for p in fat32.iterdir() if p.suffix == ".pdf")
    assert pdfs == sorted(r.path for r in results)
    for result in results:
        assert case.case_number in pdf_text(open_pdf(result.path, PASSWORD))


@pytest.mark.embedded_only  # reads the SQLite file's bytes
def test_store_text_is_not_in_the_exported_bytes(world, usb, store):
    """The database stays encrypted and the PDF is encrypted: the name is in neither file."""
    case = world.new_case(name="평문없음")
    result = world.c1.export.export_case(case.id, usb, password=PASSWORD, reason=REASON)
    assert "평문없음".encode() not in result.path.read_bytes()
    raw = store.engine.raw_connection()
    raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    assert "평문없음".encode() not in store.path.read_bytes()


def test_summary_prints_the_contact_warning(world, usb):
    from datetime import date

    from onestop_desk.domain.records import CaseInput, PersonInput, SafeContact
    from onestop_desk.domain.vocab import IntakeChannel

    person = PersonInput(
        name="주의사례",
        phone="010-5555-1212",
        safe_contact=SafeContact(note="가해자가 휴대폰을 볼 수 있음. 문자 금지"),
    )
    case = world.c1.cases.create_case(
        person, CaseInput(intake_channel=IntakeChannel.VISIT, intake_date=date(2026, 11, 25))
    )
    result = world.c1.export.export_case(case.id, usb, password=PASSWORD, reason=REASON)
    text_ = "".join(pdf_text(open_pdf(result.path, PASSWORD)).split())
    assert "010-5555-1212연락시주의가해자가휴대폰을볼수있음.문자금지" in text_
