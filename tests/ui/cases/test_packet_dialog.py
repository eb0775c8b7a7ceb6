"""The packet dialog: preview, save with a logged reason, and printing to a real CUPS queue."""

from __future__ import annotations

import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from sqlalchemy import select

from helpers.world import consent
from onestop_desk.db import models
from onestop_desk.domain.vocab import ConsentItem
from onestop_desk.services.documents import PacketPart
from onestop_desk.ui.cases.packet_dialog import PacketDialog
from onestop_desk.ui.kit.tasks import TaskRunner

CUPS_PDF_DIRS = (Path.home() / "PDF", Path("/var/spool/cups-pdf/ANONYMOUS"))


@pytest.fixture
def case_with_referral(world):
    case = world.new_case(name="인쇄확인")
    world.c1.consents.record(case.id, consent("police", *ConsentItem))
    referral = world.c1.referrals.create(case.id, "police", ["smartwatch"])
    return case, referral


@pytest.fixture
def dialog(qtbot, world, case_with_referral):
    case, _ = case_with_referral
    runner = TaskRunner()
    dialog = PacketDialog(world.c1, runner, case.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.packet is not None, timeout=10000)
    yield dialog
    runner.wait()


def audit_rows(store, action):
    with store.sessions.begin() as s:
        return s.scalars(select(models.AuditEvent).where(models.AuditEvent.action == action)).all()


def test_preview_shows_every_page(dialog):
    document = dialog.ui.preview_view.document()
    assert document.pageCount() == len(PdfReader(__import__("io").BytesIO(dialog.packet.pdf)).pages)
    assert dialog.ui.print_button.isEnabled()


def test_save_needs_a_reason_and_is_logged(qtbot, dialog, tmp_path, store, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    target = tmp_path / "packet.pdf"
    assert not dialog.save_to(target, "  ", "packet-pass-2026")
    assert not dialog.save_to(target, "타 센터 이관", "short")  # the login password rule
    assert len(warnings) == 2 and not target.exists()
    assert dialog.save_to(target, "타 센터 이관", "packet-pass-2026")
    dialog._runner.wait()
    qtbot.waitUntil(lambda: len(audit_rows(store, "download")) == 1)
    saved = PdfReader(target)
    assert saved.is_encrypted and "인쇄확인".encode() not in target.read_bytes()
    saved.decrypt("packet-pass-2026")
    assert len(saved.pages) == len(PdfReader(__import__("io").BytesIO(dialog.packet.pdf)).pages)
    assert audit_rows(store, "download")[0].reason == "타 센터 이관"
    assert not list(tmp_path.glob(".onestop-*"))


def test_discreet_option_rebuilds_without_revealing_words(qtbot, dialog):
    first = dialog.packet
    dialog.ui.discreet_check.setChecked(True)
    qtbot.waitUntil(lambda: dialog.packet is not None and dialog.packet is not first, timeout=10000)
    import io

    sheet = PdfReader(io.BytesIO(dialog.packet.pdf)).pages[0].extract_text()
    assert "범죄" not in sheet and "피해" not in sheet


def _choose(qtbot, dialog, part: PacketPart) -> None:
    first = dialog.packet
    dialog.ui.part_combo.setCurrentIndex(dialog.ui.part_combo.findData(part))
    qtbot.waitUntil(lambda: dialog.packet is not None and dialog.packet is not first, timeout=10000)


def test_sheet_first_then_letters_as_separate_jobs(qtbot, dialog):
    import io

    assert dialog.packet.part is PacketPart.SHEET  # the person is still at the desk
    assert dialog.ui.discreet_check.isEnabled() and not dialog.ui.consent_form_check.isEnabled()
    sheet = "".join(p.extract_text() for p in PdfReader(io.BytesIO(dialog.packet.pdf)).pages)
    assert "도움받을 곳 안내" in sheet and "연계 의뢰서" not in sheet

    _choose(qtbot, dialog, PacketPart.LETTERS)
    assert not dialog.ui.discreet_check.isEnabled() and dialog.ui.consent_form_check.isEnabled()
    letters = "".join(p.extract_text() for p in PdfReader(io.BytesIO(dialog.packet.pdf)).pages)
    assert "연계 의뢰서" in letters and "도움받을 곳 안내" not in letters


def test_fits_a_1024_by_768_screen(dialog):
    assert dialog.width() <= 1024 - 40 and dialog.height() <= 768 - 100


def _output_of(token: str) -> Path | None:
    """The cups-pdf file of the job titled ``token`` (cups-pdf puts the title in the name)."""
    for folder in CUPS_PDF_DIRS:
        if folder.is_dir():
            for path in folder.glob("*.pdf"):
                if token in path.name:
                    return path
    return None


def _completed_jobs(printer: str) -> set[str]:
    """Ids (``PDF-12``) of the queue's completed jobs, as ``lpstat`` reports them."""
    result = subprocess.run(
        ["lpstat", "-W", "completed", "-o", printer], capture_output=True, text=True, check=False
    )
    return {line.split()[0] for line in result.stdout.splitlines() if line.strip()}


def test_prints_to_a_real_cups_queue(qtbot, dialog, store, case_with_referral, tmp_path):
    if "PDF" not in QPrinterInfo.availablePrinterNames():
        pytest.skip("no CUPS queue named PDF (./test.sh starts one when run as root)")
    pyzbar = pytest.importorskip("pyzbar.pyzbar", reason="pyzbar/libzbar0 not installed")
    if shutil.which("pdftoppm") is None or shutil.which("lpstat") is None:
        pytest.skip("pdftoppm (poppler-utils) or lpstat (cups-client) not installed")
    _, referral = case_with_referral
    _choose(qtbot, dialog, PacketPart.LETTERS)  # the reply slip's QR code is on the letter
    # Other test runs print to the same queue and folder: this job is told apart by its title.
    token = f"onestop-test-{uuid.uuid4().hex[:12]}"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName("PDF")
    printer.setDocName(token)
    assert dialog.print_to(printer)
    job_path: Path | None = None
    try:
        qtbot.waitUntil(lambda: _output_of(token) is not None, timeout=60_000)
        job_path = _output_of(token)
        assert job_path is not None
        found = re.search(r"job_(\d+)", job_path.name)
        assert found, job_path.name
        # cups-pdf creates the file first and writes it while the job runs: only a completed
        # job is a whole file.
        job_id = f"PDF-{found.group(1)}"
        qtbot.waitUntil(lambda: job_id in _completed_jobs("PDF"), timeout=60_000)
        assert job_path.read_bytes().rstrip().endswith(b"%%EOF")
        pages = len(PdfReader(job_path).pages)
        assert pages == len(PdfReader(__import__("io").BytesIO(dialog.packet.pdf)).pages)
        command = ["pdftoppm", "-r", "150", "-png", str(job_path), str(tmp_path / "page")]
        subprocess.run(command, check=True)
        from PIL import Image

        decoded = {
            symbol.data.decode()
            for png in sorted(tmp_path.glob("page*.png"))
            for symbol in pyzbar.decode(Image.open(png))
        }
        assert referral.document_number in decoded
        dialog._runner.wait()
        qtbot.waitUntil(lambda: len(audit_rows(store, "print")) == 1)
        assert audit_rows(store, "print")[0].detail.startswith("letters ")
        assert audit_rows(store, "print")[0].detail.endswith("-> PDF")
    finally:
        if job_path is not None:
            job_path.unlink(missing_ok=True)


def test_file_password_is_asked_twice_and_a_mismatch_is_refused(dialog, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    # first try: a typo in the confirmation; second try: the same twice
    answers = iter(["비밀번호2026!", "비밀번호2026?", "비밀번호2026!", "비밀번호2026!"])
    asked: list[str] = []

    def get_text(_parent, title, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(title)
        return next(answers), True

    warnings: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", get_text)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    assert dialog.ask_password() == "비밀번호2026!"
    assert asked == ["파일 비밀번호", "파일 비밀번호 확인", "파일 비밀번호", "파일 비밀번호 확인"]
    assert warnings == ["두 비밀번호가 일치하지 않습니다. 다시 정해 주세요."]


def test_cancelling_the_confirmation_saves_nothing(dialog, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    answers = iter([("비밀번호2026!", True), ("", False)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: next(answers))
    assert dialog.ask_password() is None


def test_an_empty_password_means_one_is_made_up_without_confirmation(dialog, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    answers = iter([("", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: next(answers))
    assert dialog.ask_password() == ""
