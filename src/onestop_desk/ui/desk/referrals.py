"""연계 현황: the follow-up queues of ``services.queues``, and the reply slip scanner.

A barcode scanner types the slip's document number followed by Enter, so the number field
is an ordinary line edit: Enter finds the referral and opens the reply form.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.records import ReferralRecord
from onestop_desk.domain.vocab import OPEN_REFERRAL_STATES, ReferralStatus
from onestop_desk.services import Services
from onestop_desk.services.queues import Queue
from onestop_desk.ui.cases.case_dialogs import ReplyDialog
from onestop_desk.ui.desk.queue_model import (
    QueueListing,
    QueueTableModel,
    agency_text,
    load_listing,
    overdue_text,
    restore_view_header,
    save_view_header,
)
from onestop_desk.ui.kit.messages import (
    date_text,
    error_text,
    field_error_text,
    referral_status_label,
    stored_time_text,
)
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import (
    DateParseError,
    heading,
    make_date_edit,
    make_error_label,
    parse_date,
    resize_to_contents,
    setup_table,
)

LAYOUT_KEY = "referrals/referral_table"
translate = QCoreApplication.translate


def load_referral_page(services: Services, queue: Queue) -> QueueListing:
    """What the page asks the worker for when it opens or a queue is picked."""
    return load_listing(services, queue)


def queue_label(queue: Queue) -> str:
    return {
        Queue.NO_REPLY: translate("Queues", "회신 대기"),
        Queue.DUE_FOLLOW_UPS: translate("Queues", "후속 확인(기한 도래·경과)"),
        Queue.OVERDUE: translate("Queues", "기한 지남"),
        Queue.TO_SEND: translate("Queues", "발송 대기"),
        Queue.LATE_REPLY: translate("Queues", "7일 넘게 회신 없음"),
    }[queue]


def queue_help(queue: Queue) -> str:
    return {
        Queue.NO_REPLY: translate(
            "Queues", "보냈지만 아직 회신이 없는 연계입니다. 오늘 보낸 연계도 여기 있습니다."
        ),
        Queue.DUE_FOLLOW_UPS: translate(
            "Queues", "후속 확인일이 오늘이거나 지났고, 그 뒤로 회신이 없는 연계입니다."
        ),
        Queue.OVERDUE: translate("Queues", "후속 확인일이 지났는데 회신이 없는 연계입니다."),
        Queue.TO_SEND: translate(
            "Queues", "작성만 하고 아직 보내지 않은 연계입니다. 하루가 지나면 기한 지남입니다."
        ),
        Queue.LATE_REPLY: translate("Queues", "보낸 지 7일이 넘도록 회신이 없는 연계입니다."),
    }[queue]


PAGE_QUEUES = (Queue.NO_REPLY, Queue.DUE_FOLLOW_UPS, Queue.OVERDUE, Queue.TO_SEND)


class ReferralPage(QWidget):
    """The queues of open referrals (종결된 사례 제외), most urgent first, and the actions a
    counselor takes on one: record the reply, send a draft, set the follow-up date."""

    case_opened = Signal(int)
    reply_dialog_opened = Signal(object)
    loaded = Signal()

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("referral_page")
        self._services = services
        self._runner = runner
        self._settings = settings
        self._ticket = 0
        # The row to select again when the listing comes back (after an action, a refresh).
        self._keep: tuple[int, int] | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("연계 현황"), "title_label", self))
        scan = QHBoxLayout()
        self.document_label = QLabel(self.tr("회신서 문서번호(&D)"), self)
        self.document_label.setObjectName("document_label")
        self.document_edit = QLineEdit(self)
        self.document_edit.setObjectName("document_edit")
        self.document_edit.setPlaceholderText(
            self.tr("스캐너로 읽거나 입력 후 Enter (예: R2026-000123)")
        )
        self.document_label.setBuddy(self.document_edit)
        scan.addWidget(self.document_label)
        scan.addWidget(self.document_edit, 1)
        layout.addLayout(scan)
        self.document_error_label = make_error_label("document_error_label", self)
        layout.addWidget(self.document_error_label)
        queues = QHBoxLayout()
        self.queue_label = QLabel(self.tr("목록(&L)"), self)
        self.queue_label.setObjectName("queue_label")
        self.queue_combo = QComboBox(self)
        self.queue_combo.setObjectName("queue_combo")
        for queue in PAGE_QUEUES:
            self.queue_combo.addItem(queue_label(queue), queue.value)
        self.queue_label.setBuddy(self.queue_combo)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        queues.addWidget(self.queue_label)
        queues.addWidget(self.queue_combo)
        queues.addStretch(1)
        queues.addWidget(self.count_label)
        layout.addLayout(queues)
        self.waiting_label = QLabel(queue_help(Queue.NO_REPLY), self)
        self.waiting_label.setObjectName("waiting_label")
        self.waiting_label.setWordWrap(True)
        layout.addWidget(self.waiting_label)
        self.model = QueueTableModel(
            services,
            runner,
            Queue.NO_REPLY,
            [
                (self.tr("기한"), overdue_text),
                (self.tr("문서번호"), lambda e: e.referral.document_number),
                (self.tr("사례번호"), lambda e: e.referral.case_number),
                (self.tr("기관"), agency_text),
                (self.tr("상태"), lambda e: referral_status_label(e.referral.status)),
                (self.tr("발송"), lambda e: stored_time_text(e.referral.sent_at)[:10]),
                (self.tr("후속 확인일"), lambda e: date_text(e.referral.follow_up_due)),
                (
                    self.tr("회신"),
                    lambda e: date_text(e.referral.reply.received_on) if e.referral.reply else "",
                ),
            ],
            self,
        )
        self.referral_table = QTableView(self)
        self.referral_table.setObjectName("referral_table")
        setup_table(self.referral_table)
        self.referral_table.setModel(self.model)
        restore_view_header(settings, LAYOUT_KEY, self.referral_table)
        layout.addWidget(self.referral_table, 1)
        self.action_error_label = make_error_label("action_error_label", self)
        layout.addWidget(self.action_error_label)
        buttons = QHBoxLayout()
        self.follow_up_label = QLabel(self.tr("후속 확인일(&U)"), self)
        self.follow_up_label.setObjectName("follow_up_label")
        self.follow_up_edit = make_date_edit("follow_up_edit", self)
        self.follow_up_edit.setMaximumWidth(120)
        self.follow_up_label.setBuddy(self.follow_up_edit)
        self.follow_up_button = QPushButton(self.tr("후속 확인일 정하기"), self)
        self.follow_up_button.setObjectName("follow_up_button")
        buttons.addWidget(self.follow_up_label)
        buttons.addWidget(self.follow_up_edit)
        buttons.addWidget(self.follow_up_button)
        buttons.addStretch(1)
        self.send_button = QPushButton(self.tr("발송 처리"), self)
        self.send_button.setObjectName("send_button")
        self.reply_button = QPushButton(self.tr("회신 기록…"), self)
        self.reply_button.setObjectName("reply_button")
        self.open_case_button = QPushButton(self.tr("사례 열기"), self)
        self.open_case_button.setObjectName("open_case_button")
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.open_case_button)
        layout.addLayout(buttons)
        self.document_edit.returnPressed.connect(self._on_document_edit_return_pressed)
        self.queue_combo.currentIndexChanged.connect(self._on_queue_combo_changed)
        self.referral_table.selectionModel().currentRowChanged.connect(
            self._on_referral_table_current_row_changed
        )
        self.model.modelReset.connect(self._update_buttons)
        self.model.page_loaded.connect(lambda _page: self._update_buttons())
        self.follow_up_edit.returnPressed.connect(self._on_follow_up_button_clicked)
        self.follow_up_button.clicked.connect(self._on_follow_up_button_clicked)
        self.send_button.clicked.connect(self._on_send_button_clicked)
        self.reply_button.clicked.connect(self._on_reply_button_clicked)
        self.open_case_button.clicked.connect(self._on_open_case_button_clicked)
        self.referral_table.activated.connect(self._on_open_case_button_clicked)
        self._update_buttons()

    def save_layout(self) -> None:
        save_view_header(self._settings, LAYOUT_KEY, self.referral_table)

    def current_queue(self) -> Queue:
        return Queue(self.queue_combo.currentData())

    def show_queue(self, queue: Queue) -> None:
        self.queue_combo.setCurrentIndex(self.queue_combo.findData(queue.value))

    @Slot()
    def refresh(self) -> None:
        """Reload the listing, keeping the selected row where it is."""
        row = self.referral_table.currentIndex().row()
        referral = self.selected()
        if referral is not None:
            self._keep = (referral.id, row)
        self._load()

    def _load(self) -> None:
        services, queue = self._services, self.current_queue()
        ticket = self._runner.run(
            lambda: load_referral_page(services, queue),
            lambda listing: self._on_listing_loaded(ticket, listing),
        )
        self._ticket = ticket

    def _on_listing_loaded(self, ticket: int, listing: QueueListing) -> None:
        if ticket != self._ticket:
            return  # a newer queue was picked meanwhile
        self.model.set_rows(listing.queue, listing.ids, listing.first)
        resize_to_contents(self.referral_table)
        self.count_label.setText(self.tr("%n건", "", len(listing.ids)))
        keep, self._keep = self._keep, None
        if listing.ids:
            row = 0
            if keep is not None:
                found = self.model.row_of(keep[0])
                # Gone from the queue (answered, sent): the row that took its place.
                row = found if found >= 0 else min(keep[1], len(listing.ids) - 1)
            self.referral_table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._update_buttons()
        self.loaded.emit()

    def selected(self) -> ReferralRecord | None:
        entry = self.model.entry(self.referral_table.currentIndex().row())
        return entry.referral if entry is not None else None

    def _update_buttons(self) -> None:
        r = self.selected()
        self.send_button.setEnabled(r is not None and r.status is ReferralStatus.DRAFT)
        self.reply_button.setEnabled(r is not None and r.status in OPEN_REFERRAL_STATES)
        self.follow_up_button.setEnabled(r is not None)
        self.open_case_button.setEnabled(r is not None)

    # --- actions ----------------------------------------------------------------------------

    def _act(self, job) -> None:  # type: ignore[no-untyped-def]
        self.action_error_label.hide()
        self._runner.run(job, lambda _result: self.refresh(), self._on_action_failed)

    def _on_action_failed(self, exc: BaseException) -> None:
        self.action_error_label.setText(error_text(exc))
        self.action_error_label.show()

    @Slot()
    def _on_send_button_clicked(self) -> None:
        r = self.selected()
        if r is None:
            return
        referrals = self._services.referrals
        self._act(lambda: referrals.transition(r.id, ReferralStatus.SENT))

    @Slot()
    def _on_follow_up_button_clicked(self) -> None:
        r = self.selected()
        if r is None:
            return
        try:
            due = parse_date(self.follow_up_edit.text())
        except DateParseError:
            self.action_error_label.setText(
                field_error_text(FieldError("referral.follow_up_due", "invalid_date"))
            )
            self.action_error_label.show()
            self.follow_up_edit.setFocus()
            return
        referrals = self._services.referrals
        self._act(lambda: referrals.set_follow_up(r.id, due))

    @Slot(int)
    def _on_queue_combo_changed(self, _index: int) -> None:
        self.waiting_label.setText(queue_help(self.current_queue()))
        self._keep = None
        self._load()

    @Slot(QModelIndex, QModelIndex)
    def _on_referral_table_current_row_changed(
        self, _current: QModelIndex, _previous: QModelIndex
    ) -> None:
        # Only when another row is picked: what the user is typing is never overwritten.
        r = self.selected()
        self.follow_up_edit.setText(date_text(r.follow_up_due) if r is not None else "")
        self._update_buttons()

    @Slot()
    def _on_document_edit_return_pressed(self) -> None:
        number = self.document_edit.text().strip()
        if not number:
            return
        self.document_error_label.hide()
        self._runner.run(
            lambda: self._services.referrals.by_document_number(number),
            self._on_referral_found,
            self._on_lookup_failed,
        )

    def _on_referral_found(self, referral: ReferralRecord) -> None:
        self.document_edit.clear()
        self._open_reply(referral)

    def _on_lookup_failed(self, exc: BaseException) -> None:
        self.document_error_label.setText(error_text(exc))
        self.document_error_label.show()
        self.document_edit.selectAll()

    def _open_reply(self, referral: ReferralRecord) -> None:
        dialog = ReplyDialog(self._services, self._runner, referral, self)
        dialog.reply_saved.connect(lambda _r: self.refresh())
        dialog.finished.connect(lambda _code: self.document_edit.setFocus())
        dialog.open()
        self.reply_dialog_opened.emit(dialog)

    @Slot()
    def _on_reply_button_clicked(self) -> None:
        referral = self.selected()
        if referral is not None:
            self._open_reply(referral)

    @Slot()
    def _on_open_case_button_clicked(self) -> None:
        referral = self.selected()
        if referral is not None:
            self.case_opened.emit(referral.case_id)
