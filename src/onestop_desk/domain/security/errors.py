"""Typed failures of the security primitives.

Every error carries a stable ``code`` so that services can pass it up unchanged and the UI can
turn it into translated words; the message is for logs and developers only and never contains
a secret.
"""

from __future__ import annotations


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
