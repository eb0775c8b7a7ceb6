"""Export and backup dialogs on real services: a file that opens with the passphrase shown
once, progress over several cases, the words for a full drive, backups and a confirmed
restore request."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from helpers.korean_typing import type_text
from onestop_desk.db import models
from onestop_desk.domain.vocab import AuditAction
from onestop_desk.services import build_services
from onestop_desk.services import export as export_module
from onestop_desk.services.export import ExportError, Volume
from onestop_desk.ui.admin.backup_dialog import BackupDialog
from onestop_desk.ui.cases.export_dialog import ExportDialog
from onestop_desk.ui.kit.tasks import TaskRunner


@pytest.fixture
def runner():
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def usb(tmp_path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def make_export(qtbot, world, runner, ids, usb) -> ExportDialog:
    dialog = ExportDialog(world.c1, runner, ids)
    qtbot.addWidget(dialog)
    dialog.refresh_volumes([Volume(usb, "MYSTICK", 8 << 20, 4 << 20)])
    return dialog


def test_widgets_are_named_after_their_attributes(qtbot, world, runner, usb):
    dialog = make_export(qtbot, world, runner, [world.new_case().id], usb)
    for name, widget in vars(dialog.ui).items():
        if hasattr(widget, "objectName"):
            assert widget.objectName() == name


def test_export_with_a_generated_passphrase_shown_once(qtbot, world, runner, usb):
    case = world.new_case(name="화면내보내기")
    dialog = make_export(qtbot, world, runner, [case.id], usb)
    assert "MYSTICK" in dialog.ui.target_combo.currentText()
    type_text(dialog.ui.reason_edit, "피해자 본인 요청")
    dialog.ui.generated_radio.setChecked(True)
    phrase = dialog.passphrase()
    assert phrase and phrase in dialog.ui.passphrase_label.text()
    assert not dialog.ui.password_edit.isVisible()
    with qtbot.waitSignal(dialog.exported, timeout=15000):
        dialog.ui.export_button.click()
    [pdf] = list(usb.iterdir())
    reader = PdfReader(pdf)
    assert reader.decrypt(phrase) != 0
    assert "화면내보내기" in reader.pages[0].extract_text()
    assert pdf.name in dialog.ui.status_label.text()
    with world.store.sessions() as s:
        row = s.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == AuditAction.EXPORT.value)
        ).one()
    assert row.reason == "피해자 본인 요청"


def test_typed_password_must_match_and_follow_the_rule(qtbot, world, runner, usb):
    dialog = make_export(qtbot, world, runner, [world.new_case().id], usb)
    type_text(dialog.ui.reason_edit, "기관 제출")
    type_text(dialog.ui.password_edit, "비밀번호2026!")
    type_text(dialog.ui.confirm_edit, "비밀번호2026?")
    dialog.ui.export_button.click()
    assert "일치하지" in dialog.ui.status_label.text()
    dialog.ui.password_edit.setText("짧다1")
    dialog.ui.confirm_edit.setText("짧다1")
    dialog.ui.export_button.click()
    qtbot.waitUntil(lambda: "8자 이상" in dialog.ui.status_label.text(), timeout=5000)
    assert list(usb.iterdir()) == []


def test_several_cases_fill_the_progress_bar(qtbot, world, runner, usb):
    ids = [world.new_case(name=f"여러건{i}").id for i in range(3)]
    dialog = ExportDialog(world.lead, runner, ids)
    qtbot.addWidget(dialog)
    dialog.refresh_volumes([])
    dialog.set_target(usb)
    type_text(dialog.ui.reason_edit, "사례 회의")
    dialog.ui.password_edit.setText("회의자료2026!")
    dialog.ui.confirm_edit.setText("회의자료2026!")
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.ui.export_button.click()
    assert dialog.ui.progress_bar.maximum() == 3 and dialog.ui.progress_bar.value() == 3
    assert len(dialog.results) == 3 and len(list(usb.iterdir())) == 3


@pytest.mark.parametrize(
    ("code", "words"),
    [("export.disk_full", "저장 공간이 부족"), ("export.device_gone", "분리되었거나")],
)
def test_full_or_pulled_drive_is_said_in_plain_korean(
    qtbot, world, runner, usb, monkeypatch, code, words
):
    def fail(*_args, **_kwargs):
        raise ExportError(code)

    monkeypatch.setattr(export_module, "write_whole", fail)
    dialog = make_export(qtbot, world, runner, [world.new_case().id], usb)
    type_text(dialog.ui.reason_edit, "본인 요청")
    dialog.ui.generated_radio.setChecked(True)
    dialog.ui.export_button.click()
    qtbot.waitUntil(lambda: words in dialog.ui.status_label.text(), timeout=10000)
    assert "파일은 만들어지지 않았습니다" in dialog.ui.status_label.text()
    assert dialog.ui.export_button.isEnabled()


def test_backup_dialog_backs_up_and_asks_before_restore(qtbot, world, runner, monkeypatch):
    lead = build_services(world.store.sessions, world.lead.actor, store=world.store)
    as_lead = BackupDialog(lead, runner)
    qtbot.addWidget(as_lead)
    runner.wait()
    assert not as_lead.ui.restore_button.isEnabled()  # restoring is for administrators
    services = build_services(world.store.sessions, world.admin.actor, store=world.store)
    dialog = BackupDialog(services, runner)
    qtbot.addWidget(dialog)
    runner.wait()
    qtbot.waitUntil(lambda: dialog.ui.backup_button.isEnabled(), timeout=5000)
    dialog.ui.backup_button.click()
    qtbot.waitUntil(lambda: dialog.ui.backup_table.rowCount() == 1, timeout=10000)
    for name, widget in vars(dialog.ui).items():
        if hasattr(widget, "objectName"):
            assert widget.objectName() == name

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.ui.restore_button.click()
    qtbot.waitUntil(lambda: "복원하지 않았습니다" in dialog.ui.status_label.text(), timeout=5000)

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.restore_requested, timeout=10000) as signal:
        dialog.ui.restore_button.click()
    assert signal.args[0] == dialog.backups[0].path


def test_backup_dialog_without_the_store_says_so(qtbot, world, runner):
    dialog = BackupDialog(world.lead, runner)
    qtbot.addWidget(dialog)
    assert not dialog.ui.backup_button.isEnabled()
    assert dialog.ui.status_label.text()
