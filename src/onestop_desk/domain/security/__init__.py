"""Security primitives: password rule and hashes, database-key wrapping, recovery keys and the
tamper-evident access-log chain.

Pure functions over bytes and strings: no Qt, no ORM, no database connection, so the services
that use them stay testable and the rules live in one place. Import from this package, not
from the submodules.
"""

from .errors import CorruptDataError, InvalidRecoveryKeyError, SecurityError, WrongSecretError
from .passwords import (
    PasswordProblem,
    character_classes,
    check_password_policy,
    hash_password,
    needs_rehash,
    verify_password,
)

__all__ = [
    "CorruptDataError",
    "InvalidRecoveryKeyError",
    "PasswordProblem",
    "SecurityError",
    "WrongSecretError",
    "character_classes",
    "check_password_policy",
    "hash_password",
    "needs_rehash",
    "verify_password",
]
