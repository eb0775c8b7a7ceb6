"""The needs checklist of step 2: support areas and their programmes, type-to-filter, and the
warnings the services give for what is ticked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from onestop_desk.domain.records import (
    AgencyRecord,
    Catalogue,
    IntakeWarnings,
    NeedInput,
    ProgrammeRecord,
)
from onestop_desk.ui.kit.checklist_filter import ChecklistFilter
from onestop_desk.ui.kit.item_roles import CodeRole
from onestop_desk.ui.kit.messages import date_text, localized_name

translate = QCoreApplication.translate

AREA, PROGRAMME = "area:", "programme:"


class Ui_NeedsPanel:
    needs_filter_label: QLabel
    needs_filter_edit: QLineEdit
    needs_tree: QTreeWidget
    warnings_label: QLabel

    def setup_ui(self, box: QGroupBox) -> None:
        box.setObjectName("needs_box")
        box.setTitle(translate("IntakeDialog", "필요한 지원(욕구 체크리스트)"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.needs_filter_label = QLabel(translate("IntakeDialog", "지원 찾기(&F)"), box)
        self.needs_filter_label.setObjectName("needs_filter_label")
        self.needs_filter_edit = QLineEdit(box)
        self.needs_filter_edit.setObjectName("needs_filter_edit")
        self.needs_filter_edit.setPlaceholderText(
            translate("IntakeDialog", "입력해 찾기 (예: 치료비, 경찰)")
        )
        self.needs_filter_label.setBuddy(self.needs_filter_edit)
        row.addWidget(self.needs_filter_label)
        row.addWidget(self.needs_filter_edit, 1)
        layout.addLayout(row)
        self.needs_tree = QTreeWidget(box)
        self.needs_tree.setObjectName("needs_tree")
        self.needs_tree.setHeaderLabels(
            [
                translate("IntakeDialog", "지원 영역 / 프로그램"),
                translate("IntakeDialog", "제공 기관"),
            ]
        )
        self.needs_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.needs_tree.setColumnWidth(0, 220)
        self.needs_tree.setUniformRowHeights(True)
        self.needs_tree.setMinimumHeight(160)
        layout.addWidget(self.needs_tree, 1)
        self.warnings_label = QLabel(box)
        self.warnings_label.setObjectName("warnings_label")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(
            "background: #fff4e5; color: #7a4100; padding: 6px; border-radius: 4px;"
        )
        self.warnings_label.hide()
        layout.addWidget(self.warnings_label)


class NeedsPanel(QGroupBox, Ui_NeedsPanel):
    """``changed`` is emitted whenever a tick changes (the warnings are asked again)."""

    changed = Signal()

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setup_ui(self)
        self._programmes: dict[str, ProgrammeRecord] = {}
        self._agencies: list[AgencyRecord] = []
        self.needs_filter = ChecklistFilter(self.needs_filter_edit, self.needs_tree)
        self.needs_tree.itemChanged.connect(self._on_needs_tree_item_changed)

    def fill(self, catalogue: Catalogue) -> None:
        programmes = catalogue.active_programmes()
        self._programmes = {p.code: p for p in programmes}
        self._agencies = list(catalogue.agencies)
        names = {a.code: localized_name(a) for a in catalogue.agencies}
        tree = self.needs_tree
        tree.blockSignals(True)
        for area in catalogue.areas:
            area_item = QTreeWidgetItem(tree, [localized_name(area)])
            area_item.setData(0, CodeRole, f"{AREA}{area.code}")
            area_item.setFlags(area_item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            area_item.setCheckState(0, Qt.CheckState.Unchecked)
            for programme in programmes:
                if programme.support_area != area.code:
                    continue
                offered_by = ", ".join(names[c] for c in programme.agency_codes if c in names)
                child = QTreeWidgetItem(area_item, [localized_name(programme), offered_by])
                child.setData(0, CodeRole, f"{PROGRAMME}{programme.code}")
                child.setToolTip(0, programme.description)
                child.setToolTip(1, offered_by)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Unchecked)
        tree.expandAll()
        tree.blockSignals(False)
        self.needs_filter.refilter()

    def items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.needs_tree.topLevelItemCount()):
            area = self.needs_tree.topLevelItem(i)
            out.append(area)
            out.extend(area.child(j) for j in range(area.childCount()))
        return out

    def checked_codes(self) -> list[str]:
        """``area:<code>`` and ``programme:<code>`` of every ticked row (what drafts store)."""
        return [
            str(item.data(0, CodeRole))
            for item in self.items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def check_codes(self, codes: set[str]) -> None:
        for item in self.items():
            if item.data(0, CodeRole) in codes:
                item.setCheckState(0, Qt.CheckState.Checked)

    def ticked_programmes(self) -> list[ProgrammeRecord]:
        ticked = {
            c.removeprefix(PROGRAMME) for c in self.checked_codes() if c.startswith(PROGRAMME)
        }
        return [p for code, p in self._programmes.items() if code in ticked]

    def need_inputs(self) -> list[NeedInput]:
        """A ticked programme is a need of its area; a ticked area alone is a need too."""
        needs = [NeedInput(p.support_area, p.code) for p in self.ticked_programmes()]
        covered = {n.support_area for n in needs}
        for code in self.checked_codes():
            if code.startswith(AREA) and code.removeprefix(AREA) not in covered:
                needs.append(NeedInput(support_area=code.removeprefix(AREA)))
        return needs

    def needed_agencies(self) -> list[tuple[AgencyRecord, list[ProgrammeRecord]]]:
        """The agencies the ticked programmes point to, in directory order."""
        chosen = self.ticked_programmes()
        out = []
        for agency in self._agencies:
            offered = [p for p in chosen if agency.code in p.agency_codes]
            if offered:
                out.append((agency, offered))
        return out

    def show_warnings(self, warnings: IntakeWarnings) -> None:
        """The services' warnings in words; nothing is computed here."""
        lines = []
        for warning in warnings.deadlines:
            name = self._programme_name(warning.programme_code)
            if warning.days_left < 0:
                lines.append(
                    self.tr("%1: 신청 기한(%2)이 지났습니다. 예외 사유를 확인해 주세요.")
                    .replace("%1", name)
                    .replace("%2", date_text(warning.deadline))
                )
            else:
                lines.append(
                    self.tr("%1: 신청 기한 %2까지 %3일 남았습니다.")
                    .replace("%1", name)
                    .replace("%2", date_text(warning.deadline))
                    .replace("%3", str(warning.days_left))
                )
        if warnings.kin_exclusions:
            names = ", ".join(
                self._programme_name(k.programme_code) for k in warnings.kin_exclusions
            )
            lines.append(
                self.tr(
                    "가해자가 친족이면 범죄피해구조금(%1)이 지급되지 않을 수 있습니다"
                    "(구조심의회가 판단)."
                ).replace("%1", names)
            )
        self.warnings_label.setText("\n".join(f"⚠ {line}" for line in lines))
        self.warnings_label.setVisible(bool(lines))

    def _programme_name(self, code: str) -> str:
        programme = self._programmes.get(code)
        return localized_name(programme) if programme is not None else code

    @Slot(QTreeWidgetItem, int)
    def _on_needs_tree_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        code = str(item.data(0, CodeRole))
        if code.startswith(PROGRAMME) and item.checkState(0) == Qt.CheckState.Checked:
            parent = item.parent()
            if parent is not None and parent.checkState(0) != Qt.CheckState.Checked:
                parent.setCheckState(0, Qt.CheckState.Checked)
        self.changed.emit()
