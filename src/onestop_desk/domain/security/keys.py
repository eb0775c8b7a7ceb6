"""Envelope encryption of the database key.

The database is encrypted with one random 256-bit *data key*. That key is never stored in
the clear: each account stores its own *wrapped* copy, encrypted under a key-encryption key
(KEK) that argon2id derives from the account's password, and one more copy is wrapped under a
recovery key printed on paper. So:

- changing a password re-wraps one small record instead of re-encrypting the database;
- removing an account deletes its wrapped copy, and its password opens nothing any more;
- a lost administrator password is recovered with the paper key, not a back door.

Each copy is bound to its owner through AES-GCM associated data (``b"user:<username>"``,
``b"recovery"``): a copy moved to another account's row no longer opens, so whoever can edit
the account table cannot make their password open someone else's copy.

The data key opens SQLCipher directly as a raw key (:func:`sqlcipher_key_literal`), so the
only slow step at login is the argon2id derivation here, not a second PBKDF2 inside SQLCipher.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from onestop_desk.domain.security._text import secret_bytes
from onestop_desk.domain.security.errors import CorruptDataError, WrongSecretError

DATA_KEY_BYTES = 32
"""Length of the data key and of every KEK: AES-256."""
NONCE_BYTES = 12
"""AES-GCM's standard nonce size; random per wrap, so never reused under one KEK in practice."""
SALT_BYTES = 16
WRAPPED_KEY_VERSION = 1

_KDF_ALGORITHM = "argon2id"
# Upper bounds on stored KDF parameters. The parameters are read back from the database, and
# a record edited to ask for 4 TiB of memory must fail cleanly instead of hanging the login.
_MAX_TIME_COST = 32
_MAX_MEMORY_KIB = 4 * 1024 * 1024
_MAX_PARALLELISM = 64
# Domain separation: a ciphertext made by this module can never be confused with AES-GCM
# output from anywhere else that happens to use the same key and owner label.
_AAD_PREFIX = b"onestop-desk/wrapped-key/v1\x00"
_SUBKEY_INFO_PREFIX = b"onestop-desk/subkey/"


def _new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def _b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64decode(value: object, name: str) -> bytes:
    if not isinstance(value, str):
        raise CorruptDataError(f"{name} is not a base64 string")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise CorruptDataError(f"{name} is not valid base64") from exc


def _int_field(data: Mapping[str, Any], name: str) -> int:
    value = data.get(name)
    # bool is an int subclass; true/false in a stored record is corruption, not a cost.
    if not isinstance(value, int) or isinstance(value, bool):
        raise CorruptDataError(f"{name} is missing or not an integer")
    return value


def new_data_key() -> bytes:
    """Return a fresh random data key (32 bytes from the OS's CSPRNG)."""
    return secrets.token_bytes(DATA_KEY_BYTES)


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters and salt for deriving one KEK; stored next to the wrapped key.

    The defaults (3 passes over 64 MiB, 2 lanes) take 65-130 ms on a 2-core PC, so a whole
    login (password check, this derivation, unwrapping, opening the database) stays well under
    half a second (``benchmarks/bench_login.py``: median ~150 ms, ~260 ms with one core busy)
    while each guess costs an attacker 64 MiB of memory and the same time.
    They are recorded with every wrapped copy, so they can be raised later without breaking
    copies made today. Every ``KdfParams()`` gets a fresh random salt.
    """

    time_cost: int = 3
    memory_cost: int = 64 * 1024
    """KiB."""
    parallelism: int = 2
    salt: bytes = field(default_factory=_new_salt)

    def __post_init__(self) -> None:
        if not 1 <= self.time_cost <= _MAX_TIME_COST:
            raise ValueError(f"time_cost must be 1..{_MAX_TIME_COST}")
        if not 1 <= self.parallelism <= _MAX_PARALLELISM:
            raise ValueError(f"parallelism must be 1..{_MAX_PARALLELISM}")
        if not 8 * self.parallelism <= self.memory_cost <= _MAX_MEMORY_KIB:
            raise ValueError(f"memory_cost must be 8*parallelism..{_MAX_MEMORY_KIB} KiB")
        if len(self.salt) < SALT_BYTES:
            raise ValueError(f"salt must be at least {SALT_BYTES} bytes")

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict; the algorithm and argon2 version are written out explicitly."""
        return {
            "algorithm": _KDF_ALGORITHM,
            "argon2_version": ARGON2_VERSION,
            "time_cost": self.time_cost,
            "memory_cost": self.memory_cost,
            "parallelism": self.parallelism,
            "salt": _b64encode(self.salt),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> KdfParams:
        """Rebuild from :meth:`to_dict` output; raises :class:`.CorruptDataError` if malformed."""
        if data.get("algorithm") != _KDF_ALGORITHM:
            raise CorruptDataError("unsupported key derivation algorithm")
        if data.get("argon2_version") != ARGON2_VERSION:
            raise CorruptDataError("unsupported argon2 version")
        try:
            return cls(
                time_cost=_int_field(data, "time_cost"),
                memory_cost=_int_field(data, "memory_cost"),
                parallelism=_int_field(data, "parallelism"),
                salt=_b64decode(data.get("salt"), "salt"),
            )
        except ValueError as exc:
            raise CorruptDataError(f"key derivation parameters out of range: {exc}") from exc

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | bytes) -> KdfParams:
        return cls.from_dict(_load_json_object(text))


def derive_kek(secret: str, params: KdfParams) -> bytes:
    """Derive a 32-byte key-encryption key from a password or recovery key (argon2id).

    The secret is NFC-normalized first, like passwords (see :mod:`._text`). The salt is
    independent of the one in the account's password hash; were they equal, the stored hash
    would contain this very key.
    """
    return hash_secret_raw(
        secret=secret_bytes(secret),
        salt=params.salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=DATA_KEY_BYTES,
        type=Type.ID,
        version=ARGON2_VERSION,
    )


@dataclass(frozen=True)
class WrappedKey:
    """One encrypted copy of the data key, as stored in ``keyring.json`` (see :meth:`to_json`)."""

    kdf: KdfParams
    nonce: bytes
    ciphertext: bytes
    """AES-256-GCM output: the encrypted data key followed by the 16-byte tag."""
    version: int = WRAPPED_KEY_VERSION

    def to_json(self) -> str:
        """Compact JSON with base64 bytes; safe to keep in a TEXT column or a backup manifest."""
        return json.dumps(
            {
                "version": self.version,
                "kdf": self.kdf.to_dict(),
                "nonce": _b64encode(self.nonce),
                "ciphertext": _b64encode(self.ciphertext),
            },
            sort_keys=True,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> WrappedKey:
        """Parse :meth:`to_json` output; raises :class:`.CorruptDataError` if malformed."""
        data = _load_json_object(text)
        if data.get("version") != WRAPPED_KEY_VERSION:
            raise CorruptDataError("unsupported wrapped key version")
        kdf = data.get("kdf")
        if not isinstance(kdf, Mapping):
            raise CorruptDataError("wrapped key has no key derivation parameters")
        nonce = _b64decode(data.get("nonce"), "nonce")
        ciphertext = _b64decode(data.get("ciphertext"), "ciphertext")
        if len(nonce) != NONCE_BYTES:
            raise CorruptDataError("wrapped key nonce has the wrong length")
        return cls(kdf=KdfParams.from_dict(kdf), nonce=nonce, ciphertext=ciphertext)


def _load_json_object(text: str | bytes) -> Mapping[str, Any]:
    try:
        data = json.loads(text)
    except (ValueError, TypeError) as exc:
        raise CorruptDataError("not valid JSON") from exc
    if not isinstance(data, dict):
        raise CorruptDataError("not a JSON object")
    return data


def _full_aad(aad: bytes) -> bytes:
    if not aad:
        # An empty label would let every unlabelled copy stand in for every other.
        raise ValueError("aad must name the copy's owner, e.g. b'user:kim' or b'recovery'")
    return _AAD_PREFIX + aad


def _check_data_key(data_key: bytes) -> None:
    if len(data_key) != DATA_KEY_BYTES:
        raise ValueError(f"data key must be {DATA_KEY_BYTES} bytes")


def wrap_key(
    data_key: bytes, secret: str, *, params: KdfParams | None = None, aad: bytes
) -> WrappedKey:
    """Encrypt ``data_key`` under a KEK derived from ``secret``, bound to the owner ``aad``.

    ``params`` defaults to :class:`KdfParams` with a fresh salt; pass one only to choose other
    costs. A fresh random nonce is drawn on every call, so re-wrapping with the same secret
    and salt is still safe. ``secret`` must not be empty (``ValueError``): that would be a
    wiring mistake, never a real password.
    """
    _check_data_key(data_key)
    if not secret:
        raise ValueError("secret must not be empty")
    kdf = params if params is not None else KdfParams()
    nonce = secrets.token_bytes(NONCE_BYTES)
    ciphertext = AESGCM(derive_kek(secret, kdf)).encrypt(nonce, data_key, _full_aad(aad))
    return WrappedKey(kdf=kdf, nonce=nonce, ciphertext=ciphertext)


def unwrap_key(wrapped: WrappedKey, secret: str, *, aad: bytes) -> bytes:
    """Return the data key inside ``wrapped``.

    Raises :class:`.WrongSecretError` if the secret is wrong, ``aad`` names another owner, or
    any stored byte was changed; all three look the same on purpose. Runs the full argon2id
    derivation (about 0.1 s), so call it off the UI thread.
    """
    kek = derive_kek(secret, wrapped.kdf)
    try:
        data_key = AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, _full_aad(aad))
    except InvalidTag as exc:
        raise WrongSecretError("the secret does not open this wrapped key") from exc
    if len(data_key) != DATA_KEY_BYTES:
        raise CorruptDataError("wrapped key holds a key of the wrong length")
    return data_key


def derive_subkey(data_key: bytes, purpose: str) -> bytes:
    """Derive an independent 32-byte key for one ``purpose`` from the data key (HKDF-SHA256).

    Lets other features (the audit chain's HMAC, for one) have their own key without storing
    another secret, while never using the database key itself for a second job. Because the
    data key survives password changes, so do keys derived from it.
    """
    _check_data_key(data_key)
    if not purpose:
        raise ValueError("purpose must not be empty")
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=DATA_KEY_BYTES,
        salt=None,
        info=_SUBKEY_INFO_PREFIX + purpose.encode("utf-8"),
    )
    return hkdf.derive(data_key)


def sqlcipher_key_literal(data_key: bytes) -> str:
    """The raw-key form for SQLCipher: ``x'<64 hex digits>'``.

    Use as ``PRAGMA key = "x'...'"`` (the double quotes are part of the statement). SQLCipher
    then uses the bytes as the AES key as given and skips its own PBKDF2 on every open; the
    argon2id derivation in :func:`unwrap_key` already did the stretching. The result is the key
    itself: never log it, and let it go out of scope once the connection is open.
    """
    _check_data_key(data_key)
    return f"x'{data_key.hex()}'"
