"""The window a counselor lives in all day: 오늘, 사례, 전화상담, 연계 현황, 기관."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.access import may_work_on_cases
from onestop_desk.domain.records import CaseDetail, InquiryRecord, ReferralRecord
from onestop_desk.domain.services import Services
from onestop_desk.domain.services.drafts import IntakeDraft
from onestop_desk.domain.text import mask_name

from .case_list import CaseListPage
from .case_view import CaseView
from .directory import DirectoryPage
from .inquiries import InquiryPage
from .intake import IntakeDialog
from .messages import error_text, role_label
from .packet_dialog import PacketDialog
from .referrals import ReferralPage
from .tasks import TaskRunner
from .today import TodayPage

STATUS_MESSAGE_MS = 8000


class MainWindow(QMainWindow):
    """The main window.

    Takes exactly what it needs: ``services`` (bound to the logged-in account) and
    ``settings``, a ``QSettings`` the caller opened on a file in the data folder
    (``QSettings(str(path), QSettings.IniFormat)``), where window geometry and column
    layouts are remembered. Nothing here reads the registry or the home folder.

    Shortcuts: Ctrl+N new walk-in, Ctrl+F search, Ctrl+P the packet of the case on screen,
    Alt+1..5 the pages. ``lock_requested`` is emitted on Ctrl+L; whoever owns the session
    locks the screen.
    """

    lock_requested = Signal()
    intake_opened = Signal(object)  # IntakeDialog, for whoever needs to follow it
    packet_opened = Signal(object)  # PacketDialog

    def __init__(
        self, services: Services, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self._services = services
        self._settings = settings
        self.runner = TaskRunner(self, progress_parent=self)
        self.runner.failed.connect(self._on_runner_failed)
        self._works_on_cases = may_work_on_cases(services.actor)
        self._intake: IntakeDialog | None = None
        self.setWindowTitle(self.tr("원스톱 데스크"))
        self.setMinimumSize(QSize(1000, 640))
        self._build()
        self._build_actions()
        if not self.restoreGeometry(settings.value("window/geometry", b"")):
            self.resize(1240, 760)
        self.nav_list.setCurrentRow(0)

    # --- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        central.setObjectName("central_widget")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self.draft_bar = QFrame(central)
        self.draft_bar.setObjectName("draft_bar")
        self.draft_bar.setStyleSheet(
            "QFrame#draft_bar { background: #fff8e1; border-bottom: 1px solid #f2c94c; }"
        )
        bar = QHBoxLayout(self.draft_bar)
        self.draft_bar_label = QLabel(self.draft_bar)
        self.draft_bar_label.setObjectName("draft_bar_label")
        self.resume_draft_button = QPushButton(self.tr("이어서 작성"), self.draft_bar)
        self.resume_draft_button.setObjectName("resume_draft_button")
        bar.addWidget(self.draft_bar_label, 1)
        bar.addWidget(self.resume_draft_button)
        self.draft_bar.hide()
        outer.addWidget(self.draft_bar)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        outer.addLayout(body, 1)
        self.nav_list = QListWidget(central)
        self.nav_list.setObjectName("nav_list")
        self.nav_list.setFixedWidth(150)
        self.nav_list.setStyleSheet(
            "QListWidget#nav_list { background: #f3f5f7; border: none; "
            "border-right: 1px solid #dde1e5; padding-top: 8px; }"
            "QListWidget#nav_list::item { padding: 10px 14px; }"
            "QListWidget#nav_list::item:selected { background: #dfe9f5; color: #0b3d6e; }"
        )
        body.addWidget(self.nav_list)
        self.page_stack = QStackedWidget(central)
        self.page_stack.setObjectName("page_stack")
        body.addWidget(self.page_stack, 1)
        self.setCentralWidget(central)

        s, r, st = self._services, self.runner, self._settings
        self.today_page: TodayPage | None = None
        self.case_list_page: CaseListPage | None = None
        self.case_view: CaseView | None = None
        self.inquiry_page: InquiryPage | None = None
        self.referral_page: ReferralPage | None = None
        if self._works_on_cases:
            self.today_page = TodayPage(s, r, st, self)
            self.cases_stack = QStackedWidget(self)
            self.cases_stack.setObjectName("cases_stack")
            self.case_list_page = CaseListPage(s, r, st, self.cases_stack)
            self.case_view = CaseView(s, r, st, self.cases_stack)
            self.cases_stack.addWidget(self.case_list_page)
            self.cases_stack.addWidget(self.case_view)
            self.inquiry_page = InquiryPage(s, r, st, self)
            self.referral_page = ReferralPage(s, r, st, self)
            self._add_page(self.tr("오늘"), self.today_page)
            self._add_page(self.tr("사례"), self.cases_stack)
            self._add_page(self.tr("전화상담"), self.inquiry_page)
            self._add_page(self.tr("연계 현황"), self.referral_page)
            self.today_page.case_opened.connect(self.open_case)
            self.today_page.draft_resume_requested.connect(self._on_resume_draft_button_clicked)
            self.case_list_page.case_opened.connect(self.open_case)
            self.case_view.back_requested.connect(self._on_case_view_back_requested)
            self.inquiry_page.case_requested.connect(self._on_inquiry_page_case_requested)
            self.referral_page.case_opened.connect(self.open_case)
            self.resume_draft_button.clicked.connect(self._on_resume_draft_button_clicked)
        self.directory_page = DirectoryPage(s, r, st, self)
        self._add_page(self.tr("기관"), self.directory_page)
        self.nav_list.currentRowChanged.connect(self._on_nav_list_current_row_changed)

        actor = self._services.actor
        self.user_label = QLabel(f"{actor.username} · {role_label(actor.role)}", self)
        self.user_label.setObjectName("user_label")
        self.statusBar().addPermanentWidget(self.user_label)

    def _add_page(self, title: str, page: QWidget) -> None:
        self.page_stack.addWidget(page)
        item = QListWidgetItem(title, self.nav_list)
        item.setSizeHint(QSize(140, 40))

    def _build_actions(self) -> None:
        self.new_case_action = QAction(self.tr("새 방문 접수"), self)
        self.new_case_action.setObjectName("new_case_action")
        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_case_action.triggered.connect(self._on_new_case_action_triggered)
        self.search_action = QAction(self.tr("사례 찾기"), self)
        self.search_action.setObjectName("search_action")
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self._on_search_action_triggered)
        self.print_packet_action = QAction(self.tr("안내문·의뢰서 인쇄"), self)
        self.print_packet_action.setObjectName("print_packet_action")
        self.print_packet_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_packet_action.setEnabled(False)
        self.print_packet_action.triggered.connect(self._on_print_packet_action_triggered)
        self.lock_action = QAction(self.tr("화면 잠금"), self)
        self.lock_action.setObjectName("lock_action")
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.triggered.connect(self.lock_requested)
        actions = [self.lock_action]
        if self._works_on_cases:
            actions = [
                self.new_case_action,
                self.search_action,
                self.print_packet_action,
                self.lock_action,
            ]
        for action in actions:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        toolbar = self.addToolBar(self.tr("작업"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in actions:
            action.setToolTip(f"{action.text()} ({action.shortcut().toString()})")
            toolbar.addAction(action)
        self.page_actions: list[QAction] = []
        for row in range(self.nav_list.count()):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Alt+{row + 1}"))
            action.triggered.connect(lambda _c=False, r=row: self.nav_list.setCurrentRow(r))
            self.addAction(action)
            self.page_actions.append(action)

    # --- navigation -------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not getattr(self, "_shown_once", False):
            self._shown_once = True
            self.check_draft()

    @Slot(int)
    def _on_nav_list_current_row_changed(self, row: int) -> None:
        self.page_stack.setCurrentIndex(row)
        self.print_packet_action.setEnabled(self._case_view_showing())
        page = self.page_stack.currentWidget()
        if page is self.today_page and self.today_page is not None:
            self.today_page.refresh()
        elif page is getattr(self, "cases_stack", None) and self.case_list_page is not None:
            if self.cases_stack.currentWidget() is self.case_list_page:
                self.case_list_page.load()
        elif page is self.inquiry_page and self.inquiry_page is not None:
            self.inquiry_page.refresh()
        elif page is self.referral_page and self.referral_page is not None:
            self.referral_page.refresh()
        elif page is self.directory_page:
            self.directory_page.refresh()

    def show_cases(self) -> None:
        if self.case_list_page is None:
            return
        self.nav_list.setCurrentRow(self.page_stack.indexOf(self.cases_stack))
        self.cases_stack.setCurrentWidget(self.case_list_page)

    @Slot(int)
    def open_case(self, case_id: int) -> None:
        if self.case_view is None:
            return
        self.cases_stack.setCurrentWidget(self.case_view)
        self.nav_list.blockSignals(True)
        self.nav_list.setCurrentRow(self.page_stack.indexOf(self.cases_stack))
        self.page_stack.setCurrentWidget(self.cases_stack)
        self.nav_list.blockSignals(False)
        self.case_view.show_case(case_id)
        self.print_packet_action.setEnabled(True)

    def _case_view_showing(self) -> bool:
        return (
            self.case_view is not None
            and self.page_stack.currentWidget() is self.cases_stack
            and self.cases_stack.currentWidget() is self.case_view
        )

    @Slot()
    def _on_print_packet_action_triggered(self) -> None:
        """Ctrl+P: the take-home sheet and the letters of the case on screen."""
        if not self._case_view_showing() or self.case_view is None:
            return
        case_id = self.case_view.case_id
        if case_id is None:
            return
        dialog = PacketDialog(self._services, self.runner, case_id, parent=self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.packet_opened.emit(dialog)

    @Slot()
    def _on_case_view_back_requested(self) -> None:
        assert self.case_list_page is not None
        self.print_packet_action.setEnabled(False)
        self.cases_stack.setCurrentWidget(self.case_list_page)
        self.case_list_page.load()
        self.case_list_page.case_table.setFocus()

    @Slot()
    def _on_search_action_triggered(self) -> None:
        if self.case_list_page is None:
            return
        self.show_cases()
        self.case_list_page.focus_search()

    # --- intake -----------------------------------------------------------------------------

    @Slot()
    def _on_new_case_action_triggered(self) -> None:
        self.open_intake()

    def open_intake(
        self, *, draft: IntakeDraft | None = None, inquiry: InquiryRecord | None = None
    ) -> IntakeDialog | None:
        if not self._works_on_cases:
            return None
        if self._intake is not None:
            self._intake.raise_()
            self._intake.activateWindow()
            return self._intake
        dialog = IntakeDialog(self._services, self.runner, self, draft=draft, inquiry=inquiry)
        dialog.case_created.connect(self._on_intake_case_created)
        dialog.existing_case_requested.connect(self.open_case)
        dialog.finished.connect(self._on_intake_finished)
        self._intake = dialog
        self.draft_bar.hide()
        dialog.open()
        self.intake_opened.emit(dialog)
        return dialog

    def _on_intake_case_created(self, detail: CaseDetail, referrals: list[ReferralRecord]) -> None:
        self.statusBar().showMessage(
            self.tr("사례 %1을 등록했습니다. 연계 %2건을 만들었습니다.")
            .replace("%1", detail.case_number)
            .replace("%2", str(len(referrals))),
            STATUS_MESSAGE_MS,
        )
        self.open_case(detail.id)
        if self.case_view is not None:
            self.case_view.tabs.setCurrentIndex(self.case_view.tabs.count() - 1)

    @Slot(int)
    def _on_intake_finished(self, _result: int) -> None:
        if self._intake is not None:
            self._intake.deleteLater()
        self._intake = None
        if self.today_page is not None and self.page_stack.currentWidget() is self.today_page:
            self.today_page.refresh()
        self.check_draft()

    @Slot(object)
    def _on_inquiry_page_case_requested(self, inquiry: InquiryRecord) -> None:
        self.open_intake(inquiry=inquiry)

    def check_draft(self) -> None:
        """Offer to continue an unfinished intake (after a crash, or one set aside)."""
        if not self._works_on_cases or self._intake is not None:
            return
        self.runner.run(self._services.drafts.load_intake, self._on_draft_checked)

    def _on_draft_checked(self, draft: IntakeDraft | None) -> None:
        if draft is None or self._intake is not None:
            self.draft_bar.hide()
            return
        name = str(draft.fields.get("name", "")).strip()
        self.draft_bar_label.setText(
            self.tr("작성 중이던 접수가 있습니다: %1 (%2 저장). 이어서 작성할 수 있습니다.")
            .replace("%1", mask_name(name) if name else self.tr("이름 없음"))
            .replace("%2", draft.saved_at.strftime("%H:%M"))
        )
        self.draft_bar.show()

    @Slot()
    def _on_resume_draft_button_clicked(self) -> None:
        self.runner.run(self._services.drafts.load_intake, self._on_draft_loaded_for_resume)

    def _on_draft_loaded_for_resume(self, draft: IntakeDraft | None) -> None:
        if draft is not None:
            self.open_intake(draft=draft)
        else:
            self.draft_bar.hide()

    # --- errors and closing -----------------------------------------------------------------

    @Slot(object)
    def _on_runner_failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(error_text(exc), STATUS_MESSAGE_MS)

    def save_layout(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        for page in (
            self.today_page,
            self.case_list_page,
            self.case_view,
            self.inquiry_page,
            self.referral_page,
            self.directory_page,
        ):
            if page is not None:
                page.save_layout()
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._intake is not None:
            self._intake.reject()  # saves the draft first
        self.runner.wait()
        self.save_layout()
        super().closeEvent(event)
