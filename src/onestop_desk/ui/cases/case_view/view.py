"""One case: the header with its step, and a tab per part (요약, 경과, 욕구, 동의, 연계).

The view loads the case in one database job and hands each panel its part; the panels run
their own actions and ask for a reload when something changed (``CasePanel.changed``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from onestop_desk.domain.records import CaseDetail
from onestop_desk.services import Services
from onestop_desk.ui.cases.case_view.consents import ConsentsPanel
from onestop_desk.ui.cases.case_view.data import (
    CaseBundle,
    Directory,
    load_bundle,
    load_directory,
)
from onestop_desk.ui.cases.case_view.header import CaseHeader
from onestop_desk.ui.cases.case_view.needs import NeedsPanel
from onestop_desk.ui.cases.case_view.panel import CasePanel
from onestop_desk.ui.cases.case_view.referrals import ReferralsPanel
from onestop_desk.ui.cases.case_view.summary import SummaryPanel
from onestop_desk.ui.cases.case_view.timeline import TimelinePanel
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import restore_header, save_header

translate = QCoreApplication.translate


class Ui_CaseView:
    def setup_ui(self, view: QWidget, services: Services, runner: TaskRunner) -> None:
        """The panels are whole components (each with its own ``ui``); this places them."""
        view.setObjectName("case_view")
        outer = QVBoxLayout(view)
        self.header_panel = CaseHeader(services, runner, view)
        outer.addWidget(self.header_panel)
        self.tabs = QTabWidget(view)
        self.tabs.setObjectName("tabs")
        outer.addWidget(self.tabs, 1)
        self.summary_panel = SummaryPanel(self.tabs)
        self.timeline_panel = TimelinePanel(services, runner, self.tabs)
        self.needs_panel = NeedsPanel(services, runner, self.tabs)
        self.consents_panel = ConsentsPanel(services, runner, self.tabs)
        self.referrals_panel = ReferralsPanel(services, runner, self.tabs)
        self.tabs.addTab(self.summary_panel, translate("CaseView", "요약"))
        self.tabs.addTab(self.timeline_panel, translate("CaseView", "경과"))
        self.tabs.addTab(self.needs_panel, translate("CaseView", "욕구"))
        self.tabs.addTab(self.consents_panel, translate("CaseView", "동의"))
        self.tabs.addTab(self.referrals_panel, translate("CaseView", "연계"))

    def panels(self) -> list[CasePanel]:
        return [
            self.header_panel,
            self.timeline_panel,
            self.needs_panel,
            self.consents_panel,
            self.referrals_panel,
        ]


class CaseView(QWidget):
    """Shows one case; every change goes through a service and the view reloads its part.

    Signals: ``back_requested`` (← 사례 목록), ``loaded`` (a load landed on screen),
    ``action_failed(str)`` (a refusal, in words), ``dialog_opened(QDialog)``.
    """

    back_requested = Signal()
    loaded = Signal()
    action_failed = Signal(str)
    dialog_opened = Signal(object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseView()
        self.ui.setup_ui(self, services, runner)
        self._services = services
        self._runner = runner
        self._settings = settings
        self._case_id: int | None = None
        self._detail: CaseDetail | None = None
        self._bundle: CaseBundle | None = None
        self._directory: Directory | None = None
        self._revealed: str | None = None
        for table in self._tables():
            restore_header(settings, table)
        header = self.ui.header_panel
        header.back_requested.connect(self.back_requested)
        header.name_revealed.connect(self._on_header_panel_name_revealed)
        header.detail_changed.connect(self._on_header_panel_detail_changed)
        for panel in self.ui.panels():
            panel.changed.connect(self._reload)
            panel.failed.connect(self.action_failed)
            panel.dialog_opened.connect(self.dialog_opened)

    def _tables(self) -> list[QWidget]:
        ui = self.ui
        return [
            ui.timeline_panel.ui.timeline_table,
            ui.needs_panel.ui.needs_table,
            ui.consents_panel.ui.consent_table,
            ui.referrals_panel.ui.referral_table,
        ]

    def save_layout(self) -> None:
        for table in self._tables():
            save_header(self._settings, table)  # type: ignore[arg-type]

    @property
    def case_id(self) -> int | None:
        return self._case_id

    # --- loading ----------------------------------------------------------------------------

    def show_case(self, case_id: int) -> None:
        self._case_id = case_id
        self._detail = None
        self._revealed = None
        for panel in self.ui.panels():
            panel.set_case(case_id)
        self.ui.header_panel.clear()
        self.ui.referrals_panel.clear()
        self.ui.tabs.setCurrentIndex(0)
        if self._directory is None:
            self._runner.run(lambda: load_directory(self._services), self._on_directory_loaded)
        self._reload(True)

    def _reload(self, with_detail: bool = False) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        services = self._services
        self._runner.run(
            lambda: load_bundle(services, case_id, with_detail=with_detail),
            lambda bundle: self._on_bundle_loaded(case_id, bundle),
            self.ui.header_panel.report,
        )

    def _on_directory_loaded(self, directory: Directory) -> None:
        self._directory = directory
        for panel in self.ui.panels():
            panel.set_directory(directory)
        if self._bundle is not None:
            self._show_bundle(self._bundle)

    def _on_bundle_loaded(self, case_id: int, bundle: CaseBundle) -> None:
        if case_id != self._case_id:
            return  # another case was opened while this one loaded
        if bundle.detail is not None:
            self._detail = bundle.detail
        self._bundle = bundle
        self._show_bundle(bundle)
        self.loaded.emit()

    def _show_bundle(self, bundle: CaseBundle) -> None:
        ui = self.ui
        self._show_detail()
        ui.header_panel.show_warnings(bundle.warnings)
        ui.timeline_panel.show_entries(bundle.timeline)
        ui.needs_panel.show_needs(bundle.needs)
        ui.consents_panel.show_consents(bundle.consents, self._services.context.clock.today())
        ui.referrals_panel.show_referrals(bundle.referrals, bundle.needs)

    def _show_detail(self) -> None:
        if self._detail is None:
            return
        crimes = self._directory.crimes if self._directory else {}
        self.ui.header_panel.show_detail(self._detail, self._revealed)
        self.ui.summary_panel.show_detail(self._detail, self._revealed is not None, crimes)

    def _on_header_panel_name_revealed(self, name: str) -> None:
        self._revealed = name
        self._show_detail()

    def _on_header_panel_detail_changed(self, detail: CaseDetail) -> None:
        self._detail = detail
        self._show_detail()
        self._reload(True)
