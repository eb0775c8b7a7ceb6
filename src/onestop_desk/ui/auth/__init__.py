"""The account screens: first-run setup, login, recovery, password change and lock screen,
and the controller that strings them together around the main window."""

from .change_password import ChangePasswordDialog
from .controller import IdleWatcher, SessionController
from .lock_screen import LockScreen
from .login_dialog import LoginDialog, RecoveryDialog
from .setup_wizard import SetupWizard

__all__ = [
    "ChangePasswordDialog",
    "IdleWatcher",
    "LockScreen",
    "LoginDialog",
    "RecoveryDialog",
    "SessionController",
    "SetupWizard",
]
