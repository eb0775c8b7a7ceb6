"""Typed failures of the security primitives.

Every error carries a stable ``code`` so that services can pass it up unchanged and the UI can
turn it into translated words; the message is for logs and developers only and never contains
a secret.
"""

from __future__ import annotations

from onestop_desk.domain.errors import DomainError


class SecurityError(Exception):
    """Base class: something a security primitive refused to do."""

    code = "security.error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class WrongSecretError(SecurityError):
    """A wrapped key did not open.

    Deliberately one error for a wrong password, a wrong recovery key, a copy moved to another
    owner (different associated data) and a damaged ciphertext: AES-GCM cannot tell them apart,
    and telling an attacker which one happened would only help them.
    """

    code = "security.wrong_secret"


class InvalidRecoveryKeyError(SecurityError):
    """A typed recovery key is malformed; raised before any slow key derivation runs.

    ``code`` is one of ``recovery_key.empty``, ``recovery_key.hangul_input`` (the keyboard was
    in 한글 mode), ``recovery_key.invalid_character``, ``recovery_key.wrong_length`` or
    ``recovery_key.checksum_mismatch`` (a typo somewhere).
    """

    code = "recovery_key.invalid"


class CorruptDataError(SecurityError):
    """Stored security data (a password hash, a wrapped key) cannot be parsed.

    Kept apart from :class:`WrongSecretError` so that a damaged record shows up as damage, not
    as a user who forgot their password.
    """

    code = "security.corrupt_data"


# --- accounts -------------------------------------------------------------------------------
# Raised by the account services (login, lock screen, every service call's account check).
# They are DomainErrors, not SecurityErrors: they carry parameters (``until``, ``remaining``)
# for the words the UI and the CLI show. They live in the domain so that the service base
# class can raise them without importing the account package that builds the services.


class AuthError(DomainError):
    code = "auth"


class NotSetUpError(AuthError):
    code = "auth.not_set_up"


class ServerNotSetUpError(NotSetUpError):
    """The center server answers but holds no center: ``server init`` comes first."""

    code = "auth.server_not_set_up"


class AlreadySetUpError(AuthError):
    code = "auth.already_set_up"


class InvalidCredentialsError(AuthError):
    """Wrong user name or password; one error for both so names cannot be probed.
    ``params["remaining"]``: failures left before the account locks."""

    code = "auth.invalid_credentials"


class AccountLockedError(AuthError):
    """Too many failures; ``params["until"]`` is the aware datetime the lock ends."""

    code = "auth.locked"


class AccountDisabledError(AuthError):
    """The account was disabled (or is missing from this database); also raised by every
    service call of a session whose account was disabled after it logged in."""

    code = "auth.disabled"


class AccountChangedError(AuthError):
    """The account's role was changed after this session logged in: the session keeps the
    old role's rights no longer, the person must log in again."""

    code = "auth.account_changed"


class PasswordChangeRequiredError(AuthError):
    """The account still has the password an administrator set (new account, reset,
    re-enabled): nothing but changing it is allowed until then."""

    code = "auth.password_change_required"


class KeyringError(AuthError):
    """``keyring.json`` is missing parts or cannot be parsed: damage, not a wrong password."""

    code = "auth.keyring_corrupt"
