"""The window a counselor lives in all day: 오늘, 사례, 전화상담, 연계 현황, 기관; for team
leads also 통계, for administrators 통계, 접속기록, 사용자, 보관·파기 and 기관.

The window composes pages and dialogs that each live in their own module; it only decides
which exist for the account's role and connects them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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

from onestop_desk.domain.access import Permission
from onestop_desk.domain.records import CaseDetail, CaseFilter, InquiryRecord, ReferralRecord
from onestop_desk.domain.text import mask_name
from onestop_desk.services import Services
from onestop_desk.services.changes import FeedState, Topic
from onestop_desk.services.drafts import IntakeDraft
from onestop_desk.ui.admin.audit_page import AuditPage
from onestop_desk.ui.admin.backup_dialog import BackupDialog
from onestop_desk.ui.admin.center_dialog import CenterDialog
from onestop_desk.ui.admin.retention_page import RetentionPage
from onestop_desk.ui.admin.users_page import UsersPage
from onestop_desk.ui.auth.change_password import ChangePasswordDialog
from onestop_desk.ui.cases.case_list import CaseListPage
from onestop_desk.ui.cases.case_view import CaseView
from onestop_desk.ui.cases.export_dialog import ExportDialog
from onestop_desk.ui.cases.packet_dialog import PacketDialog
from onestop_desk.ui.desk.dashboard import DashboardWidget
from onestop_desk.ui.desk.directory import DirectoryPage
from onestop_desk.ui.desk.inquiries import InquiryPage
from onestop_desk.ui.desk.referrals import ReferralPage
from onestop_desk.ui.desk.today import TodayPage
from onestop_desk.ui.intake.intake_dialog import IntakeDialog
from onestop_desk.ui.kit.messages import error_text, role_label
from onestop_desk.ui.kit.settings import LANGUAGE, MAIN_WINDOW_GEOMETRY, upgrade
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.shell.about_dialog import AboutDialog
from onestop_desk.ui.shell.main_menus import MainMenus
from onestop_desk.ui.shell.server_link import RefreshOnChange, ServerLink, StoreLabel

STATUS_MESSAGE_MS = 8000
NAV_MIN_WIDTH = 150
NAV_PADDING = 2 * 14 + 12
"""The item padding of the style sheet below on both sides, and the frame."""
DEFAULT_SIZE = QSize(1240, 760)
"""The first start's size; smaller screens get what they have (ui/kit/screen.py)."""


class MainWindow(QMainWindow):
    """The main window.

    Takes exactly what it needs: ``services`` (bound to the logged-in account) and
    ``settings``, a ``QSettings`` the caller opened on a file in the data folder
    (``QSettings(str(path), QSettings.IniFormat)``), where window geometry and column
    layouts are remembered. Nothing here reads the registry or the home folder.

    ``account`` is the logged-in session (``AuthSession``) for what needs more than the
    services: the own password, user administration and the access log with its head. Without
    one (tests on bare services) those parts are left out.

    Shortcuts: Ctrl+N new walk-in, Ctrl+F search, Ctrl+P the packet of the case on screen,
    Alt+1..n the pages. Signals for whoever owns the session: ``lock_requested`` (Ctrl+L),
    ``logout_requested``, ``restore_requested(Path)`` (a verified, confirmed backup).
    """

    lock_requested = Signal()
    logout_requested = Signal()
    restore_requested = Signal(object)  # Path
    intake_opened = Signal(object)  # IntakeDialog, for whoever needs to follow it
    packet_opened = Signal(object)  # PacketDialog
    dialog_opened = Signal(object)  # any other dialog the menus open

    def __init__(
        self,
        services: Services,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        account: Any = None,
        server_link: ServerLink | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self._server_link = server_link
        self._services = services
        self._settings = settings
        self._account = account
        self.runner = TaskRunner(self, progress_parent=self)
        self.runner.failed.connect(self._on_runner_failed)
        upgrade(settings)
        self._works_on_cases = services.may(Permission.WORK_ON_CASES)
        self._intake: IntakeDialog | None = None
        self.setWindowTitle(self.tr("원스톱 데스크"))
        self._build()
        self._build_actions()
        # A geometry saved on a larger screen is brought inside this one on show
        # (ui/kit/screen.py), so restoring it as it was is safe.
        if not self.restoreGeometry(MAIN_WINDOW_GEOMETRY.read(settings)):
            self.resize(DEFAULT_SIZE)
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
        self.nav_list.setFixedWidth(NAV_MIN_WIDTH)
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
        self.dashboard_page: DashboardWidget | None = None
        self.audit_page: AuditPage | None = None
        self.users_page: UsersPage | None = None
        self.retention_page: RetentionPage | None = None
        may = self._services.may
        if may(Permission.VIEW_STATISTICS):
            self.dashboard_page = DashboardWidget(s, r, self)
            self._add_page(self.tr("통계"), self.dashboard_page)
            self.dashboard_page.case_list_requested.connect(
                self._on_dashboard_page_case_list_requested
            )
        if self._account is not None and may(Permission.VIEW_ACCESS_LOG):
            self.audit_page = AuditPage(self._account, r, st, self)
            self._add_page(self.tr("접속기록"), self.audit_page)
        if self._account is not None and may(Permission.MANAGE_USERS):
            self.users_page = UsersPage(self._account, r, st, self)
            self._add_page(self.tr("사용자"), self.users_page)
        if may(Permission.MANAGE_RETENTION):
            self.retention_page = RetentionPage(s, r, st, self)
            self._add_page(self.tr("보관·파기"), self.retention_page)
        self.directory_page = DirectoryPage(s, r, st, self)
        self._add_page(self.tr("기관"), self.directory_page)
        self.nav_list.currentRowChanged.connect(self._on_nav_list_current_row_changed)
        self._fit_nav_list()

        actor = self._services.actor
        self.user_label = QLabel(f"{actor.username} · {role_label(actor.role)}", self)
        self.user_label.setObjectName("user_label")
        self.store_label = StoreLabel(self._server_link, self)
        self.statusBar().addPermanentWidget(self.store_label)
        self.statusBar().addPermanentWidget(self.user_label)
        if self._server_link is not None:
            self._refresher = RefreshOnChange(self._server_link, self.show_changes, self)
            self._server_lost = False
            self._server_link.state_changed.connect(self._on_server_link_state_changed)

    def _fit_nav_list(self) -> None:
        """Wide enough for the longest page title in the UI's language (English titles such
        as "Retention and destruction" are twice the Korean ones)."""
        metrics = self.nav_list.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(self.nav_list.item(i).text())
                for i in range(self.nav_list.count())
            ),
            default=0,
        )
        width = max(NAV_MIN_WIDTH, widest + NAV_PADDING)
        self.nav_list.setFixedWidth(width)
        for row in range(self.nav_list.count()):
            self.nav_list.item(row).setSizeHint(QSize(width - 10, 40))

    def _add_page(self, title: str, page: QWidget) -> None:
        self.page_stack.addWidget(page)
        item = QListWidgetItem(title, self.nav_list)
        item.setSizeHint(QSize(NAV_MIN_WIDTH - 10, 40))

    def _build_actions(self) -> None:
        self.menus = MainMenus(
            self,
            may=self._services.may,
            has_account=self._account is not None,
            has_backups=self._services.backups is not None,
            language=LANGUAGE.read(self._settings),
        )
        m = self.menus
        self.new_case_action = m.new_case_action
        self.search_action = m.search_action
        self.print_packet_action = m.print_packet_action
        self.export_action = m.export_action
        self.lock_action = m.lock_action
        self.new_case_action.triggered.connect(self._on_new_case_action_triggered)
        self.search_action.triggered.connect(self._on_search_action_triggered)
        self.print_packet_action.triggered.connect(self._on_print_packet_action_triggered)
        self.export_action.triggered.connect(self._on_export_action_triggered)
        self.lock_action.triggered.connect(self.lock_requested)
        m.logout_action.triggered.connect(self.logout_requested)
        m.close_action.triggered.connect(self.close)
        m.about_action.triggered.connect(self._on_about_action_triggered)
        m.language_group.triggered.connect(self._on_language_group_triggered)
        if m.backup_action is not None:
            m.backup_action.triggered.connect(self._on_backup_action_triggered)
        if m.change_password_action is not None:
            m.change_password_action.triggered.connect(self._on_change_password_action_triggered)
        if m.center_action is not None:
            m.center_action.triggered.connect(self._on_center_action_triggered)
        actions = [self.lock_action]
        if self._works_on_cases:
            actions = [
                self.new_case_action,
                self.search_action,
                self.print_packet_action,
                self.lock_action,
            ]
        for action in actions:
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

    def pages(self) -> list[QWidget]:
        """Every page of the navigation list, in order (the cases page as its stack)."""
        return [self.page_stack.widget(i) for i in range(self.page_stack.count())]

    def page_titles(self) -> list[str]:
        return [self.nav_list.item(i).text() for i in range(self.nav_list.count())]

    def show_page(self, page: QWidget) -> None:
        self.nav_list.setCurrentRow(self.page_stack.indexOf(page))

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    @Slot(str)
    def _on_server_link_state_changed(self, state: str) -> None:
        """Say plainly when the center server stops answering, and when it is back: then a
        draft kept on this PC meanwhile goes to the server (the open form's, or the one the
        draft bar offers)."""
        if state == FeedState.LOST.value:
            self._server_lost = True
            self.show_message(
                self.tr(
                    "센터 서버가 응답하지 않습니다. 입력 중인 내용은 이 PC에 암호화해 두고, "
                    "다시 연결되면 서버로 옮깁니다."
                )
            )
            return
        if not self._server_lost:
            return
        self._server_lost = False
        self.show_message(self.tr("센터 서버에 다시 연결했습니다."))
        if self._intake is not None:
            self._intake.drafts.resend()
        else:
            self.check_draft()

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
        if page is getattr(self, "cases_stack", None) and self.case_list_page is not None:
            if self.cases_stack.currentWidget() is self.case_list_page:
                self.case_list_page.load()
        elif page is not None and hasattr(page, "refresh"):
            page.refresh()

    def show_changes(self, topics: set[Topic]) -> None:
        """Show the visible page again when another PC changed what it lists (the case view
        and the forms keep what is being typed: they are not reloaded)."""
        page = self.page_stack.currentWidget()
        wanted: dict[QWidget | None, set[Topic]] = {
            self.today_page: {Topic.CASES, Topic.REFERRALS},
            self.referral_page: {Topic.REFERRALS},
            self.inquiry_page: {Topic.INQUIRIES},
        }
        if page is getattr(self, "cases_stack", None) and self.case_list_page is not None:
            if self.cases_stack.currentWidget() is self.case_list_page and Topic.CASES in topics:
                self.case_list_page.refresh()
            return
        if page is not None and wanted.get(page, set()) & topics and hasattr(page, "refresh"):
            page.refresh()

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

    @Slot(object)
    def _on_dashboard_page_case_list_requested(self, case_filter: CaseFilter) -> None:
        """A bar of the dashboard: the cases it counts (team leads; the dashboard asks only
        for accounts that work on cases)."""
        if self.case_list_page is None:
            return
        self.case_list_page.show_filter(case_filter, self.tr("통계에서 고른 사례"))
        self.nav_list.blockSignals(True)
        self.nav_list.setCurrentRow(self.page_stack.indexOf(self.cases_stack))
        self.page_stack.setCurrentWidget(self.cases_stack)
        self.nav_list.blockSignals(False)
        self.cases_stack.setCurrentWidget(self.case_list_page)
        self.print_packet_action.setEnabled(False)

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
            self.case_view.ui.tabs.setCurrentIndex(self.case_view.ui.tabs.count() - 1)

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
        if draft.on_this_pc:
            self.draft_bar_label.setText(
                self.draft_bar_label.text()
                + " "
                + self.tr("(센터 서버가 응답하지 않아 이 PC에 암호화해 보관 중)")
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

    # --- menus ------------------------------------------------------------------------------

    def _open_dialog(self, dialog: Any) -> None:
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def selected_case_ids(self) -> list[int]:
        """The case on screen, or the one chosen in the case list."""
        if self._case_view_showing() and self.case_view is not None:
            return [self.case_view.case_id] if self.case_view.case_id is not None else []
        if self.case_list_page is not None and self.page_stack.currentWidget() is getattr(
            self, "cases_stack", None
        ):
            case_id = self.case_list_page.current_case_id()
            return [case_id] if case_id is not None else []
        return []

    @Slot()
    def _on_export_action_triggered(self) -> None:
        case_ids = self.selected_case_ids()
        if not case_ids:
            self.show_message(self.tr("내보낼 사례를 사례 목록에서 고르거나 열어 주세요."))
            return
        self._open_dialog(ExportDialog(self._services, self.runner, case_ids, self))

    @Slot()
    def _on_backup_action_triggered(self) -> None:
        dialog = BackupDialog(self._services, self.runner, self)
        if not self._services.may(Permission.RESTORE):
            # Restoring replaces everyone's data (the controller checks again).
            dialog.ui.restore_button.hide()
        dialog.restore_requested.connect(self._on_backup_dialog_restore_requested)
        self._open_dialog(dialog)

    @Slot(object)
    def _on_backup_dialog_restore_requested(self, path: Path) -> None:
        self.restore_requested.emit(Path(path))

    @Slot()
    def _on_change_password_action_triggered(self) -> None:
        dialog = ChangePasswordDialog(self._account, self.runner, self)
        dialog.accepted.connect(lambda: self.show_message(self.tr("비밀번호를 바꿨습니다.")))
        self._open_dialog(dialog)

    @Slot()
    def _on_center_action_triggered(self) -> None:
        dialog = CenterDialog(self._services, self.runner, self)
        dialog.saved.connect(lambda _d: self.show_message(self.tr("센터 정보를 저장했습니다.")))
        self._open_dialog(dialog)

    @Slot()
    def _on_about_action_triggered(self) -> None:
        self._open_dialog(AboutDialog(self))

    @Slot(QAction)
    def _on_language_group_triggered(self, action: QAction) -> None:
        LANGUAGE.write(self._settings, str(action.data()))
        self._settings.sync()
        self.show_message(self.tr("언어를 바꿨습니다. 다음에 프로그램을 시작할 때 적용됩니다."))

    # --- errors and closing -----------------------------------------------------------------

    @Slot(object)
    def _on_runner_failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(error_text(exc), STATUS_MESSAGE_MS)

    def save_layout(self) -> None:
        MAIN_WINDOW_GEOMETRY.write(self._settings, self.saveGeometry())
        for page in [*self.pages(), self.case_list_page, self.case_view]:
            if page is not None and hasattr(page, "save_layout"):
                page.save_layout()
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._intake is not None:
            self._intake.reject()  # saves the draft first
        self.runner.wait()
        self.save_layout()
        super().closeEvent(event)
