"""The agency dialog keeps where the place is and what a discreet sheet calls it."""

from __future__ import annotations

from helpers.korean_typing import type_text
from onestop_desk.ui.desk.directory import AgencyDialog
from onestop_desk.ui.kit.tasks import TaskRunner


def test_location_and_discreet_name_and_phone_are_saved(qtbot, world):
    runner = TaskRunner()
    agency = world.admin.directory.agency("stalking_center")
    dialog = AgencyDialog(world.admin, runner, agency, world.admin.directory.support_areas())
    qtbot.addWidget(dialog)
    assert dialog.discreet_name_edit.text() == "안심 상담"  # shipped neutral name
    type_text(dialog.location_edit, "3층 310호", clear=True)
    type_text(dialog.discreet_name_edit, "생활 상담", clear=True)
    type_text(dialog.discreet_phone_edit, "02-000-3100", clear=True)
    with qtbot.waitSignal(dialog.agency_saved, timeout=10000):
        dialog.button_box.accepted.emit()
    runner.wait()
    saved = world.admin.directory.agency("stalking_center")
    assert (saved.location, saved.discreet_name, saved.discreet_phone) == (
        "3층 310호",
        "생활 상담",
        "02-000-3100",
    )
