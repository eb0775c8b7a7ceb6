"""Accounts at the door: first-run setup, login, lockout, lock/unlock, password changes.

The case database is SQLCipher-encrypted under one random data key. That key lives only in
``keyring.json`` in the data folder, wrapped once per account (argon2id from the password,
AES-GCM, the associated data naming the account so a copy cannot be moved to another name)
and once under the paper recovery key. So a password opens the database directly, a password
change re-wraps one small record, and disabling an account deletes its copy.

Lockout has to work *before* the database opens (a wrong password opens nothing), so the
failure counters, lock times, the lockout policy and a queue of failed attempts sit in the same
file next to the wrapped keys. None of it is secret; the queued failures are written into the
access log at the next successful login. Someone who can write the data folder can reset the
counters, but such a person can already copy the file and guess offline at argon2id's pace;
the counters are the online control PIPC §5 asks for, not the only barrier.

The file also remembers the access log's head (its newest row, sealed), moved after every
commit that adds rows (:mod:`.audit_trail`), so that rows cut off the end of the log are
noticed.

Modules: :mod:`.files` (whole-file writes, the file lock), :mod:`.keyring` (the file format
and the key copies the user administration keeps), :mod:`.service` (:class:`AuthService`,
before a session exists), :mod:`.session` (:class:`AuthSession`). The errors are in
:mod:`onestop_desk.domain.security.errors`, so every service can raise them.
"""

from onestop_desk.domain.security.errors import (
    AccountChangedError,
    AccountDisabledError,
    AccountLockedError,
    AlreadySetUpError,
    AuthError,
    InvalidCredentialsError,
    KeyringError,
    NotSetUpError,
    PasswordChangeRequiredError,
)
from onestop_desk.paths import KEYRING_FILE
from onestop_desk.services.auth.files import file_lock, write_atomic
from onestop_desk.services.auth.keyring import (
    AccountState,
    KeyCopies,
    Keyring,
    KeyringFile,
    KeyringHeads,
    LockoutPolicy,
    QueuedFailure,
)
from onestop_desk.services.auth.service import AuthService, SetupResult
from onestop_desk.services.auth.session import AuthSession

__all__ = [
    "KEYRING_FILE",
    "AccountChangedError",
    "AccountDisabledError",
    "AccountLockedError",
    "AccountState",
    "AlreadySetUpError",
    "AuthError",
    "AuthService",
    "AuthSession",
    "InvalidCredentialsError",
    "KeyCopies",
    "Keyring",
    "KeyringError",
    "KeyringFile",
    "KeyringHeads",
    "LockoutPolicy",
    "NotSetUpError",
    "PasswordChangeRequiredError",
    "QueuedFailure",
    "SetupResult",
    "file_lock",
    "write_atomic",
]
