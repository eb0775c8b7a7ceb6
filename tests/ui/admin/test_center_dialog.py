"""센터 정보 asks for the address and numbers every take-home sheet prints."""

from __future__ import annotations

from helpers.korean_typing import type_text
from onestop_desk.ui.admin.center_dialog import CenterDialog
from onestop_desk.ui.kit.tasks import TaskRunner


def test_address_main_and_neutral_numbers_are_saved(qtbot, world):
    runner = TaskRunner()
    dialog = CenterDialog(world.admin, runner, None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10000)
    assert dialog.address_edit.text() == "" and dialog.phone_edit.text() == ""  # never guessed
    type_text(dialog.address_edit, "부산광역시 연제구 중앙대로 1001", clear=True)
    type_text(dialog.phone_edit, "051-000-1701", clear=True)
    type_text(dialog.discreet_phone_edit, "051-000-2200", clear=True)
    with qtbot.waitSignal(dialog.saved, timeout=10000) as saved:
        dialog.save_button.click()
    runner.wait()
    stored = world.admin.center.get()
    assert saved.args[0] == stored
    assert (stored.address, stored.phone, stored.discreet_phone) == (
        "부산광역시 연제구 중앙대로 1001",
        "051-000-1701",
        "051-000-2200",
    )
