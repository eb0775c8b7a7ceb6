"""Every top-level window and dialog of the UI, built on real services, for the tests that
check all of them (screen size, mnemonics). A new QDialog or QMainWindow subclass without a
maker here fails ``test_every_window_class_is_covered``."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

import onestop_desk.ui
from helpers.world import World, consent
from onestop_desk.domain.records import NeedInput
from onestop_desk.domain.security import KdfParams
from onestop_desk.domain.vocab import ConsentItem
from onestop_desk.services.auth import AuthService
from onestop_desk.ui.admin.backup_dialog import BackupDialog
from onestop_desk.ui.admin.center_dialog import CenterDialog
from onestop_desk.ui.admin.users_page import UserDialog
from onestop_desk.ui.auth.change_password import ChangePasswordDialog
from onestop_desk.ui.auth.login_dialog import LoginDialog, RecoveryDialog
from onestop_desk.ui.auth.setup_wizard import SetupWizard
from onestop_desk.ui.cases.case_dialogs import (
    AssignDialog,
    CloseCaseDialog,
    ConsentDialog,
    ReplyDialog,
    UrgencyDialog,
)
from onestop_desk.ui.cases.edit_case_dialog import EditCaseDialog
from onestop_desk.ui.cases.export_dialog import ExportDialog
from onestop_desk.ui.cases.packet_dialog import PacketDialog
from onestop_desk.ui.desk.directory import AgencyDialog
from onestop_desk.ui.intake.intake_dialog import IntakeDialog
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.shell.about_dialog import AboutDialog
from onestop_desk.ui.shell.main_window import MainWindow
from onestop_desk.ui.shell.qtapp import install_translators

ADMIN_PW = "관리자비번2026!"


def window_classes() -> set[type]:
    """Every QDialog / QMainWindow subclass defined under ``onestop_desk.ui``."""
    found: set[type] = set()
    for module in pkgutil.walk_packages(onestop_desk.ui.__path__, "onestop_desk.ui."):
        loaded = importlib.import_module(module.name)
        for _name, cls in inspect.getmembers(loaded, inspect.isclass):
            if cls.__module__ == loaded.__name__ and issubclass(cls, QDialog | QMainWindow):
                found.add(cls)
    return found


@contextmanager
def language(app: QApplication, code: str) -> Iterator[None]:
    """The UI in ``code`` for the duration (our catalogue and Qt's own)."""
    translators = install_translators(app, code)
    try:
        yield
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        install_translators(app, "ko")  # back to the source language's locale and Qt words


def states(window: QWidget) -> Iterator[None]:
    """Each page of a stacked widget and each tab: the layout can need more on any of them."""
    yield
    for stack in window.findChildren(QStackedWidget):
        if isinstance(stack.parentWidget(), QTabWidget):
            continue  # a tab widget's own stack: walked as tabs below
        for index in range(stack.count()):
            stack.setCurrentIndex(index)
            yield
    for tabs in window.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            yield


class Screens:
    """Makers of each window class; each returns a new, not yet shown, top-level widget."""

    def __init__(self, world: World, tmp_path: Path, runner: TaskRunner) -> None:
        self.world = world
        self.tmp_path = tmp_path
        self.runner = runner
        self._auth: AuthService | None = None
        self._session: Any = None
        case = world.new_case()
        world.c1.needs.set_needs(case.id, [NeedInput("medical", "treatment_cost")])
        world.c1.consents.record(case.id, consent("prosecution", ConsentItem.IDENTITY))
        (self.referral,) = world.c1.referrals.create_from_needs(case.id)
        self.case = world.c1.cases.get(case.id)
        self.agencies = world.c1.directory.agencies(active_only=True)
        self.areas = world.c1.directory.support_areas()
        self.crimes = {c.code: c.name for c in world.c1.directory.crime_types()}
        self.settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)

    def auth(self) -> AuthService:
        if self._auth is None:
            self._auth = AuthService(
                self.tmp_path / "data",
                pc_name="desk-1",
                kdf_params=lambda: KdfParams(time_cost=1, memory_cost=64, parallelism=1),
            )
            self._auth.set_up("서울 원스톱 솔루션센터", "admin", "최관리", ADMIN_PW)
            self._session = self._auth.login("admin", ADMIN_PW)
        return self._auth

    def session(self) -> Any:
        self.auth()
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.logout()

    def makers(self) -> dict[type, list[Callable[[], QWidget]]]:
        w, r = self.world, self.runner
        return {
            MainWindow: [
                lambda: MainWindow(w.lead, self.settings),
                lambda: MainWindow(self.session().services, self.settings, account=self.session()),
            ],
            AboutDialog: [lambda: AboutDialog()],
            CenterDialog: [lambda: CenterDialog(w.admin, r)],
            UserDialog: [lambda: UserDialog(self.session(), r)],
            BackupDialog: [lambda: BackupDialog(w.lead, r)],
            ChangePasswordDialog: [lambda: ChangePasswordDialog(self.session(), r)],
            LoginDialog: [lambda: LoginDialog(self.auth(), r)],
            RecoveryDialog: [lambda: RecoveryDialog(self.auth(), r)],
            SetupWizard: [
                lambda: SetupWizard(AuthService(self.tmp_path / "fresh", pc_name="desk-1"), r)
            ],
            ConsentDialog: [lambda: ConsentDialog(w.c1, r, self.case.id, self.agencies)],
            ReplyDialog: [lambda: ReplyDialog(w.c1, r, self.referral)],
            CloseCaseDialog: [lambda: CloseCaseDialog()],
            AssignDialog: [lambda: AssignDialog(w.lead, r, self.case, w.lead.users.assignable())],
            UrgencyDialog: [lambda: UrgencyDialog(w.c1, r, self.referral)],
            EditCaseDialog: [lambda: EditCaseDialog(w.c1, r, self.case, self.crimes)],
            ExportDialog: [lambda: ExportDialog(w.c1, r, [self.case.id])],
            PacketDialog: [lambda: PacketDialog(w.c1, r, self.case.id)],
            AgencyDialog: [lambda: AgencyDialog(w.admin, r, self.agencies[0], self.areas)],
            IntakeDialog: [lambda: IntakeDialog(w.c1, r)],
        }
