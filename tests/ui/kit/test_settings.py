"""The UI's settings registry: declared once, unique keys, typed reads, old files upgraded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QTableView, QWidget

from onestop_desk.ui.kit import settings as registry
from onestop_desk.ui.kit.settings import (
    HEADER_STATES,
    LANGUAGE,
    Setting,
    declare,
    header_setting,
    upgrade,
)


@pytest.fixture
def store(tmp_path):  # type: ignore[no-untyped-def]
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def test_keys_are_unique_and_tables_of_the_same_name_do_not_share_one():
    keys = [s.key for s in registry.REGISTRY.values()]
    assert len(keys) == len(set(keys))
    assert HEADER_STATES[("today_page", "due_table")].key != (
        HEADER_STATES[("retention_page", "due_table")].key
    )
    with pytest.raises(ValueError, match="declared twice"):
        declare(Setting("ui/language", "ko", str))


def test_language_reads_typed_and_refuses_unknown_values(store):
    assert LANGUAGE.read(store) == "ko"
    LANGUAGE.write(store, "en")
    assert LANGUAGE.read(store) == "en"
    store.setValue(LANGUAGE.key, "xx")
    assert LANGUAGE.read(store) == "ko"
    with pytest.raises(TypeError):
        LANGUAGE.write(store, 1)  # type: ignore[arg-type]


def test_a_table_finds_its_setting_through_its_screen(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    page.setObjectName("retention_page")
    box = QWidget(page)
    table = QTableView(box)
    table.setObjectName("due_table")
    assert header_setting(table).key == "columns/retention_page/due_table"
    stray = QTableView()
    qtbot.addWidget(stray)
    stray.setObjectName("due_table")
    with pytest.raises(LookupError, match="not declared"):
        header_setting(stray)


def test_upgrade_moves_unambiguous_layouts_and_drops_clashing_ones(store):
    store.setValue("columns/case_table", QByteArray(b"case"))
    store.setValue("columns/due_table", QByteArray(b"whoever closed last"))
    upgrade(store)
    assert store.value("columns/case_list_page/case_table") == QByteArray(b"case")
    assert not store.contains("columns/case_table")
    assert not store.contains("columns/due_table")
    assert not store.contains("columns/today_page/due_table")
    store.setValue("columns/case_table", QByteArray(b"written by hand later"))
    upgrade(store)  # once only
    assert store.contains("columns/case_table")
