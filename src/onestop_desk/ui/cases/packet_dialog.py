"""Preview, print and save the referral packet of one case.

The victim's take-home sheet and the agencies' letters are separate jobs (the sheet is
chosen first: it goes home with the person still at the desk); both together stay
available. The packet is built by ``DocumentService`` (consent already applied) on the
database worker, previewed with QtPdf, then printed through the system print dialog to any
installed printer or saved as an AES-256 encrypted PDF file. Printing and saving are each
written to the access log; saving asks for a reason, as every download must.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.errors import ValidationError
from onestop_desk.services import Services
from onestop_desk.services.documents import Packet, PacketPart
from onestop_desk.ui.kit.messages import error_text
from onestop_desk.ui.kit.printing import PrintError, load_pdf, print_pdf, save_file
from onestop_desk.ui.kit.tasks import TaskRunner


class Ui_PacketDialog:
    def setup_ui(self, dialog: QDialog) -> None:
        dialog.setObjectName("packet_dialog")
        # Fits a 1024×768 screen with the taskbar; ui/kit/screen.py shrinks it on smaller ones.
        dialog.resize(860, 620)
        layout = QVBoxLayout(dialog)
        options = QHBoxLayout()
        self.part_combo = QComboBox(dialog)
        self.part_combo.setObjectName("part_combo")
        for part in (PacketPart.SHEET, PacketPart.LETTERS, PacketPart.ALL):
            self.part_combo.addItem("", part)
        options.addWidget(self.part_combo)
        self.discreet_check = QCheckBox(dialog)
        self.discreet_check.setObjectName("discreet_check")
        self.consent_form_check = QCheckBox(dialog)
        self.consent_form_check.setObjectName("consent_form_check")
        options.addWidget(self.discreet_check)
        options.addWidget(self.consent_form_check)
        options.addStretch(1)
        layout.addLayout(options)
        self.status_label = QLabel(dialog)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.preview_view = QPdfView(dialog)
        self.preview_view.setObjectName("preview_view")
        self.preview_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.preview_view, 1)
        self.button_box = QDialogButtonBox(dialog)
        self.button_box.setObjectName("button_box")
        self.print_button = QPushButton(dialog)
        self.print_button.setObjectName("print_button")
        self.save_button = QPushButton(dialog)
        self.save_button.setObjectName("save_button")
        self.button_box.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.button_box.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.button_box.addButton(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(self.button_box)
        self.retranslate_ui(dialog)

    def retranslate_ui(self, dialog: QDialog) -> None:
        dialog.setWindowTitle(QCoreApplication.translate("PacketDialog", "연계 안내문 인쇄"))
        part_names = (
            QCoreApplication.translate("PacketDialog", "대상자 안내문"),
            QCoreApplication.translate("PacketDialog", "기관 의뢰서"),
            QCoreApplication.translate("PacketDialog", "안내문과 의뢰서 모두"),
        )
        for index, name in enumerate(part_names):
            self.part_combo.setItemText(index, name)
        self.discreet_check.setText(
            QCoreApplication.translate("PacketDialog", "조용한 안내문 (범죄·피해 단어 없이)")
        )
        self.consent_form_check.setText(
            QCoreApplication.translate("PacketDialog", "제3자 제공 동의서 포함")
        )
        self.print_button.setText(QCoreApplication.translate("PacketDialog", "인쇄…"))
        self.save_button.setText(QCoreApplication.translate("PacketDialog", "PDF로 저장…"))


class PacketDialog(QDialog):
    """``PacketDialog(services, runner, case_id, agency_codes=None, parent=None)``.

    ``agency_codes`` limits the packet to those agencies' open referrals; by default every
    open referral with valid consent gets a letter.
    """

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        case_id: int,
        agency_codes: Sequence[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PacketDialog()
        self.ui.setup_ui(self)
        self._services = services
        self._runner = runner
        self._case_id = case_id
        self._agency_codes = list(agency_codes) if agency_codes is not None else None
        self.packet: Packet | None = None
        self._document = None
        self._buffer = None
        self.ui.print_button.clicked.connect(self._on_print_button_clicked)
        self.ui.save_button.clicked.connect(self._on_save_button_clicked)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.discreet_check.toggled.connect(self._on_option_toggled)
        self.ui.consent_form_check.toggled.connect(self._on_option_toggled)
        self.ui.part_combo.currentIndexChanged.connect(self._on_part_combo_changed)
        self._enable_options()
        self.rebuild()

    @property
    def part(self) -> PacketPart:
        return PacketPart(self.ui.part_combo.currentData())

    def _enable_options(self) -> None:
        # The discreet wording concerns the sheet; the consent form travels with the letters.
        part = self.part
        self.ui.discreet_check.setEnabled(part is not PacketPart.LETTERS)
        self.ui.consent_form_check.setEnabled(part is not PacketPart.SHEET)

    def rebuild(self) -> None:
        self._set_ready(False)
        self.ui.status_label.setText(self.tr("안내문을 만드는 중입니다…"))
        part = self.part
        discreet = self.ui.discreet_check.isChecked() and part is not PacketPart.LETTERS
        with_form = self.ui.consent_form_check.isChecked() and part is not PacketPart.SHEET
        documents = self._services.documents
        self._runner.run(
            lambda: documents.build_packet(
                self._case_id,
                self._agency_codes,
                discreet=discreet,
                include_consent_form=with_form,
                part=part,
            ),
            self._on_packet_built,
            self._on_packet_failed,
            label=self.tr("안내문 만들기"),
        )

    def _set_ready(self, ready: bool) -> None:
        self.ui.print_button.setEnabled(ready)
        self.ui.save_button.setEnabled(ready)

    @Slot(bool)
    def _on_option_toggled(self, _checked: bool) -> None:
        self.rebuild()

    @Slot(int)
    def _on_part_combo_changed(self, _index: int) -> None:
        self._enable_options()
        self.rebuild()

    def _on_packet_built(self, packet: Packet) -> None:
        self.packet = packet
        try:
            self._document, self._buffer = load_pdf(packet.pdf, self)
        except PrintError as exc:
            self._on_packet_failed(exc)
            return
        self.ui.preview_view.setDocument(self._document)
        count = len(packet.document_numbers)
        if packet.part is PacketPart.SHEET:
            text = self.tr("안내문: 찾아갈 곳 %n곳", "", count)
        else:
            text = self.tr("의뢰서 %n건", "", count)
        if packet.skipped_without_consent:
            text += " · " + self.tr("동의가 없어 제외된 기관: %1").replace(
                "%1", ", ".join(packet.skipped_without_consent)
            )
        self.ui.status_label.setText(text)
        self._set_ready(True)

    def _on_packet_failed(self, error: BaseException) -> None:
        self.packet = None
        self.ui.status_label.setText(error_text(error))
        self._set_ready(False)

    @Slot()
    def _on_print_button_clicked(self) -> None:
        if self.packet is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print the packet on ``printer`` and log it; False (with a message) on failure."""
        assert self.packet is not None
        try:
            print_pdf(self.packet.pdf, printer)
        except PrintError as exc:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("인쇄하지 못했습니다: %1").replace("%1", str(exc))
            )
            return False
        destination = printer.printerName() or printer.outputFileName()
        numbers, part = self.packet.document_numbers, self.packet.part
        self._runner.run(
            lambda: self._services.documents.record_output(
                self._case_id, numbers, printed=True, destination=destination, part=part
            )
        )
        self.ui.status_label.setText(self.tr("인쇄를 보냈습니다: %1").replace("%1", destination))
        return True

    @Slot()
    def _on_save_button_clicked(self) -> None:
        if self.packet is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("PDF로 저장"), "packet.pdf", self.tr("PDF 파일 (*.pdf)")
        )
        if not name:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("저장 사유"),
            self.tr("파일로 저장하는 사유를 적어 주세요 (접속기록에 남습니다)."),
        )
        if not ok:
            return
        password = self.ask_password()
        if password is None:
            return
        generated = not password
        if generated:
            password = self._services.export.generate_passphrase()
        if self.save_to(Path(name), reason, password) and generated:
            QMessageBox.information(
                self,
                self.tr("파일 비밀번호"),
                self.tr(
                    "이 비밀번호는 다시 보여 드리지 않습니다. 받는 분께 따로 알려 주세요:\n\n%1"
                ).replace("%1", password),
            )

    def ask_password(self) -> str | None:
        """The file's password, typed twice: a typo in a password nobody sees would lock the
        receiver out of the file for good. Empty means "make one up"; ``None``, cancelled."""
        while True:
            password, ok = QInputDialog.getText(
                self,
                self.tr("파일 비밀번호"),
                self.tr(
                    "파일은 암호화해 저장합니다. 비밀번호를 정해 주세요 "
                    "(비워 두면 새로 만들어 한 번만 보여 드립니다)."
                ),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return None
            if not password:
                return ""
            again, ok = QInputDialog.getText(
                self,
                self.tr("파일 비밀번호 확인"),
                self.tr("확인을 위해 같은 비밀번호를 한 번 더 입력해 주세요."),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return None
            if again == password:
                return password
            QMessageBox.warning(
                self,
                self.tr("파일 비밀번호"),
                self.tr("두 비밀번호가 일치하지 않습니다. 다시 정해 주세요."),
            )

    def save_to(self, target: Path, reason: str, password: str) -> bool:
        """Save the packet to ``target``, AES-256 encrypted with ``password``, with a logged
        reason; False (with a message) if not."""
        assert self.packet is not None
        if not reason.strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("저장 사유를 적어 주세요."))
            return False
        try:
            pdf = self._services.documents.encrypt_for_file(self.packet.pdf, password)
            save_file(pdf, target)
        except ValidationError as exc:
            QMessageBox.warning(self, self.windowTitle(), error_text(exc))
            return False
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("저장하지 못했습니다: %1").replace("%1", exc.strerror or str(exc)),
            )
            return False
        numbers, part = self.packet.document_numbers, self.packet.part
        self._runner.run(
            lambda: self._services.documents.record_output(
                self._case_id,
                numbers,
                printed=False,
                destination=str(target),
                reason=reason,
                part=part,
            )
        )
        self.ui.status_label.setText(
            self.tr("암호화해 저장했습니다: %1").replace("%1", str(target))
        )
        return True

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.ui.preview_view.setDocument(None)
        super().closeEvent(event)
