"""The table model base and the models built on it pass Qt's model tester."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from helpers.qt import settle
from onestop_desk.ui.cases.case_list import CaseTableModel
from onestop_desk.ui.kit.item_roles import CaseIdRole, CodeRole, StatusRole
from onestop_desk.ui.kit.table_model import Column, RecordTableModel


@dataclass(frozen=True)
class Row:
    code: str
    count: int


class RowModel(RecordTableModel[Row]):
    def __init__(self) -> None:
        super().__init__()
        self.declare(
            [
                Column("코드", lambda r: r.code, tooltip=lambda r: f"tip {r.code}"),
                Column("수", lambda r: str(r.count), align_right=True),
            ],
            {CodeRole: lambda r: r.code},
        )


def test_base_answers_columns_roles_and_bounds(qtmodeltester):
    model = RowModel()
    qtmodeltester.check(model)
    model.set_records([Row("a", 1), Row("b", 20)])
    qtmodeltester.check(model)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "수"
    assert model.index(1, 1).data() == "20"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "tip a"
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    assert model.index(1, 0).data(CodeRole) == "b"
    assert model.index(0, 0).data(StatusRole) is None
    assert model.index(5, 0).data() is None


def test_rows_changed_names_exactly_the_roles(qtbot):
    model = RowModel()
    model.set_records([Row("a", 1), Row("b", 2)])
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.rows_changed(0, 1, [Qt.ItemDataRole.DisplayRole])
    top, bottom, roles = changed.args
    assert (top.row(), bottom.row(), bottom.column()) == (0, 1, 1)
    assert roles == [Qt.ItemDataRole.DisplayRole]


def test_case_model_on_the_base_passes_the_tester(qtbot, qtmodeltester, world, make_window):
    window = make_window(world.c1)
    cases = [world.new_case(name=f"사람{i}") for i in range(3)]
    model = CaseTableModel(world.c1, window.runner)
    model.set_ids([c.id for c in cases])
    assert model.index(0, 0).data() == "…"  # asks for the page
    assert model.index(2, 0).data(CaseIdRole) == cases[2].id  # the id without waiting
    settle(qtbot, window)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == cases[0].case_number
