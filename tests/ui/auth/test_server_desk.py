"""The desk app on the center server: the first-run wizard's server page (connection test in
words, the connection saved as ``server connect`` saves it), a start from a data folder with
``server.json`` to a logged-in window whose status bar names the server, and an outage: the
intake draft stays on the PC, encrypted, and moves to the server when it answers again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication, QWizard

from helpers.korean_typing import type_text
from helpers.pg_cluster import PgCluster, write_other_ca
from onestop_desk.app import DeferredAuth, make_window_factory
from onestop_desk.db.server import parse_server_url
from onestop_desk.domain.security import KdfParams
from onestop_desk.domain.vocab import Role
from onestop_desk.services.auth import AuthService
from onestop_desk.services.auth.location import save_location
from onestop_desk.services.drafts import LOCAL_DRAFTS_DIR
from onestop_desk.ui.auth import SessionController, SetupWizard
from onestop_desk.ui.kit.tasks import TaskRunner

ADMIN_PW = "관리자비번2026!"
C1_PW = "상담원비번2026!"
NAME = "홍길동"
WAIT_MS = 30_000


def cheap_kdf() -> KdfParams:
    return KdfParams(time_cost=1, memory_cost=64, parallelism=1)


class Server:
    """A fresh database on the test cluster, and how a PC names it."""

    def __init__(self, cluster: PgCluster, url: str) -> None:
        self.cluster = cluster
        self.url = url
        plain = url.split("?", 1)[0].replace("postgresql+psycopg://", "postgresql://", 1)
        self.location, password = parse_server_url(plain, cluster.ca_file)
        self.password = str(password)
        self.database = self.location.database

    def fill(self, page: Any, *, ca_file: Path | None = None) -> None:
        ui = page.ui
        type_text(ui.host_edit, self.location.host, clear=True)
        ui.port_spin.setValue(self.location.port)
        type_text(ui.database_edit, self.database, clear=True)
        type_text(ui.role_edit, self.location.role, clear=True)
        type_text(ui.server_password_edit, self.password, clear=True)
        type_text(ui.ca_file_edit, str(ca_file or self.cluster.ca_file), clear=True)

    def make_center(self, folder: Path) -> None:
        """What ``server init`` leaves behind: a center, its administrator and counselor c1
        (who has chosen an own password already)."""
        save_location(folder, self.location)
        auth = AuthService(folder, kdf_params=cheap_kdf, server_password=self.password)
        setup = auth.set_up("서울 원스톱 솔루션센터", "admin", "최관리", ADMIN_PW)
        setup.session.add_user("c1", "이상담", Role.COUNSELOR, "임시비번2026!")
        setup.session.logout()
        session = auth.login("c1", "임시비번2026!")
        session.change_password("임시비번2026!", C1_PW)
        session.logout()

    def allow_connections(self, allowed: bool) -> None:
        """Stop the database answering this center's PCs (and drop their connections), or let
        it answer again: what a server restart or a cable pulled looks like to the desk."""
        with self.cluster.connect_admin() as admin:
            admin.execute(
                f'ALTER DATABASE "{self.database}" WITH ALLOW_CONNECTIONS {str(allowed).lower()}'
            )
            if not allowed:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                    (self.database,),
                )


@pytest.fixture
def server(pg_cluster: PgCluster) -> Iterator[Server]:
    url = pg_cluster.create_database()
    made = Server(pg_cluster, url)
    yield made
    made.allow_connections(True)
    pg_cluster.drop_database(url)


@pytest.fixture
def controllers(qtbot: Any, tmp_path: Path) -> Iterator[list[SessionController]]:
    made: list[SessionController] = []
    yield made
    for controller in made:
        controller.shutdown()
        controller.deleteLater()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def _controller(folder: Path, tmp_path: Path, made: list[SessionController]) -> SessionController:
    """What ``main()`` builds for a data folder."""
    settings = QSettings(str(tmp_path / f"{folder.name}-ui.ini"), QSettings.Format.IniFormat)
    controller = SessionController(DeferredAuth(folder), make_window_factory(settings))
    made.append(controller)
    controller.start()
    return controller


# --- the first-run wizard's server page -----------------------------------------------------


def test_server_page_tests_the_connection_in_words(
    qtbot: Any, tmp_path: Path, server: Server
) -> None:
    runner = TaskRunner()
    auth = AuthService(tmp_path / "desk", kdf_params=cheap_kdf)
    wizard = SetupWizard(auth, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.store_page.ui.server_radio.setChecked(True)
    wizard.button(QWizard.WizardButton.NextButton).click()
    page = wizard.server_page
    assert wizard.currentPage() is page
    assert page.ui.port_spin.value() == 5432
    assert not page.ui.test_button.isEnabled()  # nothing typed yet

    # Another CA than the center's: refused, and said so.
    server.fill(page, ca_file=write_other_ca(tmp_path / "other-ca.crt"))
    page.ui.test_button.click()
    qtbot.waitUntil(lambda: not page.busy and page.ui.message_label.text() != "", timeout=WAIT_MS)
    assert "인증서" in page.ui.message_label.text()
    # The right CA: the server answers, but holds no center yet: server init comes first.
    type_text(page.ui.ca_file_edit, str(server.cluster.ca_file), clear=True)
    page.ui.test_button.click()
    qtbot.waitUntil(lambda: not page.busy and page.ui.message_label.text() != "", timeout=WAIT_MS)
    assert "server init" in page.ui.message_label.text()
    # A wrong password for the database account.
    type_text(page.ui.server_password_edit, "not-the-password", clear=True)
    page.ui.test_button.click()
    qtbot.waitUntil(lambda: not page.busy and page.ui.message_label.text() != "", timeout=WAIT_MS)
    assert "비밀번호" in page.ui.message_label.text()

    server.make_center(tmp_path / "admin-pc")
    type_text(page.ui.server_password_edit, server.password, clear=True)
    page.ui.test_button.click()
    qtbot.waitUntil(lambda: not page.busy and page.ui.result_label.text() != "", timeout=WAIT_MS)
    assert "연결했습니다" in page.ui.result_label.text()
    assert page.ui.message_label.text() == ""
    assert not (tmp_path / "desk" / "server.json").exists()  # a test saves nothing
    runner.wait()


def test_wizard_connects_this_pc_then_the_login_opens_a_window_on_the_server(
    qtbot: Any, tmp_path: Path, server: Server, controllers: list[SessionController]
) -> None:
    server.make_center(tmp_path / "admin-pc")
    folder = tmp_path / "desk-2"
    controller = _controller(folder, tmp_path, controllers)
    wizard = controller.setup_wizard
    assert wizard is not None
    qtbot.waitUntil(wizard.isVisible)
    wizard.store_page.ui.server_radio.setChecked(True)
    wizard.button(QWizard.WizardButton.NextButton).click()
    server.fill(wizard.server_page)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and finish.isEnabled()
    finish.click()
    qtbot.waitUntil(lambda: controller.login_dialog is not None, timeout=WAIT_MS)
    saved = (folder / "server.json").read_text()
    assert server.password not in saved and server.database in saved
    assert not (folder / "onestop.db").exists() and not (folder / "keyring.json").exists()

    dialog = controller.login_dialog
    assert dialog is not None
    assert server.location.describe() in dialog.intro_label.text()
    # The password was just typed into the wizard: this run does not ask again.
    assert not dialog.server_password_edit.isVisibleTo(dialog)
    type_text(dialog.username_edit, "c1")
    type_text(dialog.password_edit, C1_PW)
    with qtbot.waitSignal(controller.session_started, timeout=WAIT_MS):
        dialog.login_button.click()
    window = controller.window
    assert window is not None
    label = window.store_label  # type: ignore[attr-defined]
    assert server.location.describe() in label.text() and "연결됨" in label.text()


def test_a_start_asks_the_server_password_once_and_keeps_the_draft_through_an_outage(
    qtbot: Any, tmp_path: Path, server: Server, controllers: list[SessionController]
) -> None:
    server.make_center(tmp_path / "admin-pc")
    folder = tmp_path / "desk-3"
    save_location(folder, server.location)  # as `server connect` leaves a folder
    controller = _controller(folder, tmp_path, controllers)
    assert controller.setup_wizard is None
    dialog = controller.login_dialog
    assert dialog is not None
    assert dialog.server_password_edit.isVisibleTo(dialog)
    assert server.location.describe() in dialog.server_label.text()
    type_text(dialog.username_edit, "c1")
    type_text(dialog.password_edit, C1_PW)
    dialog.login_button.click()
    assert "서버 계정의 비밀번호" in dialog.message_label.text()
    type_text(dialog.server_password_edit, "wrong-password")
    dialog.login_button.click()
    qtbot.waitUntil(lambda: "받아들이지" in dialog.message_label.text(), timeout=WAIT_MS)
    assert dialog.server_password_edit.text() == ""
    type_text(dialog.password_edit, C1_PW, clear=True)
    type_text(dialog.server_password_edit, server.password)
    with qtbot.waitSignal(controller.session_started, timeout=WAIT_MS):
        dialog.login_button.click()
    window: Any = controller.window
    assert window is not None
    qtbot.waitUntil(window.isVisible)
    assert "연결됨" in window.store_label.text()

    intake = window.open_intake()
    assert intake is not None
    type_text(intake.person_page.name_edit, NAME)
    drafts_dir = folder / LOCAL_DRAFTS_DIR

    server.allow_connections(False)
    qtbot.waitUntil(lambda: "응답 없음" in window.store_label.text(), timeout=WAIT_MS)
    intake.drafts.save()
    qtbot.waitUntil(lambda: "이 PC" in intake.draft_label.text(), timeout=WAIT_MS)
    kept = list(drafts_dir.iterdir())
    assert len(kept) == 1 and NAME.encode() not in kept[0].read_bytes()
    assert intake.person_page.name_edit.text() == NAME  # the form keeps what was typed

    server.allow_connections(True)
    qtbot.waitUntil(lambda: "연결됨" in window.store_label.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not any(drafts_dir.iterdir()), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.runner.idle, timeout=WAIT_MS)
    on_server = window._services.drafts.load_intake()
    assert on_server is not None and not on_server.on_this_pc
    assert on_server.fields["name"] == NAME
