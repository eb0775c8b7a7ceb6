"""Security primitives: password rule and hashes, database-key wrapping, recovery keys and the
tamper-evident access-log chain.

Pure functions over bytes and strings: no Qt, no ORM, no database connection, so the services
that use them stay testable and the rules live in one place. Import from this package, not
from the submodules.
"""

from onestop_desk.domain.security.audit_chain import (
    GENESIS,
    ChainProblem,
    ChainReport,
    ChainRow,
    audit_chain_key,
    canonical_bytes,
    chain_hash,
    verify_chain,
)
from onestop_desk.domain.security.errors import (
    CorruptDataError,
    InvalidRecoveryKeyError,
    SecurityError,
    WrongSecretError,
)
from onestop_desk.domain.security.keys import (
    KdfParams,
    WrappedKey,
    derive_kek,
    derive_subkey,
    new_data_key,
    sqlcipher_key_literal,
    unwrap_key,
    wrap_key,
)
from onestop_desk.domain.security.passwords import (
    PasswordProblem,
    character_classes,
    check_password_policy,
    hash_password,
    needs_rehash,
    verify_password,
)
from onestop_desk.domain.security.recovery_key import new_recovery_key, normalize_recovery_key

__all__ = [
    "GENESIS",
    "ChainProblem",
    "ChainReport",
    "ChainRow",
    "CorruptDataError",
    "InvalidRecoveryKeyError",
    "KdfParams",
    "PasswordProblem",
    "SecurityError",
    "WrappedKey",
    "WrongSecretError",
    "audit_chain_key",
    "canonical_bytes",
    "chain_hash",
    "character_classes",
    "check_password_policy",
    "derive_kek",
    "derive_subkey",
    "hash_password",
    "needs_rehash",
    "new_data_key",
    "new_recovery_key",
    "normalize_recovery_key",
    "sqlcipher_key_literal",
    "unwrap_key",
    "verify_chain",
    "verify_password",
    "wrap_key",
]
