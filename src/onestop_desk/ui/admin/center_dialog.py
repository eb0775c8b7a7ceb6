"""설정 → 센터 정보: the center's name, address and numbers printed on every document
(administrators; ``CenterService.save`` checks the role and logs the change)."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from onestop_desk.services import Services
from onestop_desk.services.center import CenterDetails
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import FieldErrors, button_row, make_button, make_error_label


class CenterDialog(QDialog):
    saved = Signal(object)  # CenterDetails
    loaded = Signal()

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("center_dialog")
        self.setWindowTitle(self.tr("센터 정보"))
        self.setMinimumWidth(520)
        self._services = services
        self._runner = runner
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        labels = {
            "name": self.tr("센터 이름"),
            "address": self.tr("주소"),
            "phone": self.tr("대표 전화"),
            "fax": self.tr("팩스"),
            "hours": self.tr("운영 시간"),
            "discreet_phone": self.tr("일반 전화 (조용한 안내문용)"),
        }
        self.edits: dict[str, QLineEdit] = {}
        for key, label in labels.items():
            edit = QLineEdit(self)
            edit.setObjectName(f"{key}_edit")
            setattr(self, f"{key}_edit", edit)
            self.edits[key] = edit
            form.addRow(label, edit)
        # Every take-home sheet sends the person to this address and number.
        self.address_edit.setPlaceholderText(self.tr("예: 서울특별시 동작구 여의대방로54길 18"))
        self.discreet_phone_edit.setPlaceholderText(
            self.tr("센터의 목적이 드러나지 않는 번호 (대표 전화와 달라야 함)")
        )
        self.name_error_label = make_error_label("name_error_label", self)
        form.insertRow(1, "", self.name_error_label)
        layout.addLayout(form)
        self.error_label = make_error_label("error_label", self)
        layout.addWidget(self.error_label)
        self.save_button = make_button(self.tr("저장"), "save_button", self)
        self.save_button.setDefault(True)
        self.cancel_button = make_button(self.tr("취소"), "cancel_button", self)
        layout.addLayout(button_row(self.save_button, self.cancel_button))
        self.errors.bind("center.name", self.edits["name"], self.name_error_label)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.setEnabled(False)
        self._runner.run(services.center.get, self._on_center_loaded, self._on_failed)

    def _on_center_loaded(self, details: CenterDetails) -> None:
        for field in fields(CenterDetails):
            self.edits[field.name].setText(getattr(details, field.name))
        self.save_button.setEnabled(True)
        self.loaded.emit()

    @Slot()
    def _on_save_button_clicked(self) -> None:
        details = CenterDetails(**{key: edit.text() for key, edit in self.edits.items()})
        center = self._services.center
        self.save_button.setEnabled(False)
        self._runner.run(lambda: center.save(details), self._on_saved, self._on_failed)

    def _on_saved(self, details: CenterDetails) -> None:
        self.saved.emit(details)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show_failure(exc, self.error_label)
