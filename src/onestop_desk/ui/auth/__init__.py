"""The account screens: first-run setup, login, recovery, password change and lock screen,
and the controller that strings them together around the main window."""

from onestop_desk.ui.auth.change_password import ChangePasswordDialog
from onestop_desk.ui.auth.controller import IdleWatcher, SessionController
from onestop_desk.ui.auth.lock_screen import LockScreen
from onestop_desk.ui.auth.login_dialog import LoginDialog, RecoveryDialog
from onestop_desk.ui.auth.setup_wizard import SetupWizard

__all__ = [
    "ChangePasswordDialog",
    "IdleWatcher",
    "LockScreen",
    "LoginDialog",
    "RecoveryDialog",
    "SessionController",
    "SetupWizard",
]
