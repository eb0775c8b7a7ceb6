"""What every panel of the case view shares: the case it shows and how it runs a change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from onestop_desk.services import Services
from onestop_desk.ui.cases.case_view.data import EMPTY_DIRECTORY, Directory
from onestop_desk.ui.kit.messages import error_text
from onestop_desk.ui.kit.tasks import TaskRunner


class CasePanel(QWidget):
    """One part of the case view. It shows its slice of the loaded case and runs its own
    actions through the services; after a change it asks the view to reload (``changed``,
    with ``True`` when the case's summary changed too) instead of patching what it shows."""

    changed = Signal(bool)
    failed = Signal(str)
    dialog_opened = Signal(object)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._case_id: int | None = None
        self._directory: Directory = EMPTY_DIRECTORY

    def set_case(self, case_id: int) -> None:
        self._case_id = case_id

    def set_directory(self, directory: Directory) -> None:
        self._directory = directory

    def run_action(
        self, job: Callable[[], object], error_label: QLabel, *, with_detail: bool = False
    ) -> None:
        error_label.hide()
        self._runner.run(
            job,
            lambda _result: self.changed.emit(with_detail),
            lambda exc: self.show_error(exc, error_label),
        )

    def show_error(self, exc: BaseException, label: QLabel) -> None:
        text = error_text(exc, self._directory.agency_names())
        label.setText(text)
        label.show()
        self.failed.emit(text)
