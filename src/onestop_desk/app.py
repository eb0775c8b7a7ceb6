"""The composition root of ``onestop-desk``: data folder -> accounts -> session -> main window.

The only module that knows both the database side (the account service opens the encrypted
store) and the Qt side; everything else receives what it needs through its constructor.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onestop_desk import paths

if TYPE_CHECKING:
    from onestop_desk.services.auth import AuthService, AuthSession
    from onestop_desk.ui.shell.main_window import MainWindow

UI_SETTINGS_FILE = "ui.ini"
"""Window geometry, column layouts and the language; in the data folder, never the registry
or home."""
SELF_TEST_NAME = "자가점검"


class DeferredAuth:
    """The account service, loaded behind the first window.

    ``AuthService`` brings SQLAlchemy, alembic and reportlab with it (about half a second on
    a center PC). The setup or login window needs none of that: it only asks whether the
    keyring exists. So the window comes up first while a thread imports and builds the real
    service, which every other call then waits for (by the time a password is typed, it is
    long ready).
    """

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._service: AuthService | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._load, name="auth-loader", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        try:
            from onestop_desk.services.auth import AuthService

            self._service = AuthService(self._folder)
        except BaseException as exc:  # handed to the caller of the first real call
            self._error = exc

    def _real(self) -> AuthService:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._service is not None
        return self._service

    def is_set_up(self) -> bool:
        """A keyring beside this PC's store, or a connection to the center server (whose
        center exists: ``server connect`` and the wizard check that before saving it)."""
        return (self._folder / paths.KEYRING_FILE).exists() or self._on_server()

    def _on_server(self) -> bool:
        return (self._folder / paths.SERVER_FILE).exists()

    def server_name(self) -> str | None:
        return self._real().server_name() if self._on_server() else None

    def needs_server_password(self) -> bool:
        return self._on_server() and self._real().needs_server_password()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real(), name)


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options; anything else (``-platform offscreen``, ``-style``) is left for Qt."""
    parser = argparse.ArgumentParser(prog="onestop-desk", description="원스톱 데스크")
    parser.add_argument("--data-dir", default=None, help="data folder")
    parser.add_argument(
        "--language",
        choices=["ko", "en"],
        default=None,
        help="this run only; otherwise the choice of 설정 → 언어 (Korean by default)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="throw-away center in a temporary folder: a case, a packet; exit 0 if all works",
    )
    return parser.parse_known_args(list(argv))


def self_test(out: Any = None) -> int:
    """Exercise the whole stack without a screen: key wrapping, SQLCipher, migrations, seed
    data, a case written and read back, consent and a referral packet rendered, the access
    log, the recovery sheet, Qt with the bundled font. For installers and the packaged build
    ("does this machine run it?")."""
    out = out or sys.stdout
    from onestop_desk.domain.records import CaseInput, ConsentInput, PersonInput
    from onestop_desk.domain.vocab import ConsentItem, ConsentMethod, IntakeChannel, Role
    from onestop_desk.reports.recovery_sheet import render_recovery_sheet

    with tempfile.TemporaryDirectory(prefix="onestop-self-test-") as folder:
        from onestop_desk.services.auth import AuthService

        auth = AuthService(Path(folder))
        setup = auth.set_up("자가점검 센터", "selftest_admin", "점검관리자", "self-test-2026!")
        setup.session.add_user("selftest_lead", "점검팀장", Role.TEAM_LEAD, "self-test-2026!")
        setup.session.logout("self-test")
        session = auth.login("selftest_lead", "self-test-2026!")
        # An account an administrator made works only after its own password is chosen,
        # as at the desk: the self-test goes the same way.
        session.change_password("self-test-2026!", "self-test-own-2026!")
        try:
            case = session.services.cases.create_case(
                PersonInput(name=SELF_TEST_NAME, birth_date=date(1990, 1, 1)),
                CaseInput(
                    intake_channel=IntakeChannel.VISIT,
                    intake_date=auth.clock.today(),
                    crime_types=("assault",),
                ),
            )
            if session.services.cases.get(case.id).person.name != SELF_TEST_NAME:
                raise RuntimeError("the case did not read back")
            services = session.services
            services.consents.record(
                case.id,
                ConsentInput(
                    agency_code="police",
                    items=frozenset({ConsentItem.IDENTITY}),
                    given_on=auth.clock.today(),
                    method=ConsentMethod.WRITTEN,
                ),
            )
            services.referrals.create(case.id, "police", ["personal_protection"])
            packet = services.documents.build_packet(case.id)
            if not packet.pdf.startswith(b"%PDF") or len(packet.document_numbers) != 1:
                raise RuntimeError("the referral packet did not render")
        finally:
            session.logout("self-test")
        admin = auth.login("selftest_admin", "self-test-2026!")
        try:
            if not admin.verify_audit().ok:
                raise RuntimeError("the access log does not verify")
        finally:
            admin.logout("self-test")
        needle = SELF_TEST_NAME.encode("utf-8")
        for path in Path(folder).rglob("*"):
            if path.is_file() and needle in path.read_bytes():
                raise RuntimeError(f"plaintext name found in {path.name}")
        render_recovery_sheet(
            center_name="자가점검",
            recovery_key=setup.recovery_key,
            administrator="selftest_admin",
            created_at=auth.clock.now(),
        )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from onestop_desk.ui.shell.qtapp import create_application

    create_application([sys.argv[0] if sys.argv else "onestop-desk"])
    out.write(
        f"self-test OK: case {case.case_number} written and read back encrypted, "
        f"packet {packet.document_numbers[0]} rendered\n"
    )
    return 0


def make_window_factory(settings: Any) -> Any:
    """``session -> MainWindow`` bound to the UI settings file. The main window (and with it
    every service) is imported on the first login, not before the login window shows.

    On the center server store the window gets a :class:`ServerLink` fed by a
    :class:`ChangeFeed` of its own: the status bar names the server and says whether it
    answers, and what other PCs change shows within moments. The feed runs while the window
    exists (a locked screen keeps it, so the state is right on unlock) and stops when the
    window goes: logout, user switch, restore, program end."""

    def build(session: AuthSession) -> MainWindow:
        from onestop_desk.ui.shell.main_window import MainWindow

        link = feed = None
        store = getattr(session, "store", None)
        server = getattr(store, "server", None)
        if store is not None and server is not None:
            from onestop_desk.services.changes import ChangeFeed
            from onestop_desk.ui.shell.server_link import ServerLink

            link = ServerLink(server.describe())
            feed = ChangeFeed(store.engine, link.changed_elsewhere, link.state_is)
        window = MainWindow(session.services, settings, account=session, server_link=link)
        if link is not None and feed is not None:
            # The link has no Qt parent: the feed's thread may still emit on it while the
            # window is being deleted; this closure keeps both alive until the feed stopped.
            def stop_feed(*_args: Any, feed: Any = feed, link: Any = link) -> None:
                feed.stop()

            window.destroyed.connect(stop_feed)
            window.change_feed = feed  # type: ignore[attr-defined]
            feed.start()
        return window

    return build


def stored_language(settings: Any) -> str:
    """The language chosen in the menu; Korean when none (or an unknown one) is stored."""
    from onestop_desk.ui.kit.settings import LANGUAGE

    return LANGUAGE.read(settings)


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        try:
            return self_test()
        except Exception as exc:  # an installer wants a status and a line, not a traceback
            sys.stderr.write(f"self-test FAILED: {type(exc).__name__}: {exc}\n")
            return 1

    from PySide6.QtCore import QSettings

    from onestop_desk.ui.auth import SessionController
    from onestop_desk.ui.shell.qtapp import create_application

    folder = paths.data_dir(args.data_dir)
    settings = QSettings(str(folder / UI_SETTINGS_FILE), QSettings.Format.IniFormat)
    app = create_application(
        [sys.argv[0] if sys.argv else "onestop-desk", *qt_args],
        language=args.language or stored_language(settings),
    )
    # The controller decides when the program ends: while the screen is locked or users
    # switch, there are moments with no main window, which must not quit the program.
    app.setQuitOnLastWindowClosed(False)
    controller = SessionController(DeferredAuth(folder), make_window_factory(settings))
    controller.finished.connect(app.quit)
    controller.start()
    try:
        return int(app.exec())
    finally:
        controller.shutdown()
        settings.sync()


if __name__ == "__main__":
    raise SystemExit(main())
