"""Field encryption and blind-index tokens for the center server store.

On the embedded store SQLCipher encrypts the whole file, indexes included. A PostgreSQL
server keeps its tables, its WAL and every ``pg_dump`` readable to whoever runs the machine,
so there the victim's fields are encrypted by the application before they leave the PC:

- :class:`EncryptedText` is the column type of those fields. With a :class:`FieldCipher` on
  the engine's dialect (put there by :func:`install_field_cipher`, which the store does for a
  server store) it writes AES-256-GCM ciphertext and reads it back; without one it is plain
  text on SQLite and refuses to write at all on any other database, so a server store opened
  without its key can never receive a readable name.
- :meth:`FieldCipher.token` is the keyed blind index (HMAC-SHA256) of a search gram: equal
  grams give equal tokens, so search and the duplicate check still find rows by exact lookup,
  while the database holds nothing a reader without the key can turn back into a name.

Both keys come from the center's data key through HKDF with different ``info`` labels: the
token key cannot decrypt a field, and the field key cannot forge a token.

Stored form: ``base64(version byte 0x01 || 12-byte random nonce || ciphertext || 16-byte tag)``.
The version byte is also the associated data, so a value cannot be re-labelled. Empty and
whitespace-only values are stored as they are: they hold nothing, and the statistics count
whether the disability text is empty.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from onestop_desk.domain.errors import StoreError, WrongKeyError

VERSION = 1
_NONCE = 12
_TAG = 16
_FIELD_INFO = b"onestop-desk field encryption v1"
_INDEX_INFO = b"onestop-desk blind index v1"
TOKEN_BYTES = 16
"""Blind-index tokens are HMAC-SHA256 cut to 128 bits: collisions stay out of reach for any
center's number of grams, and the index is half the size."""

_DIALECT_ATTRIBUTE = "onestop_field_cipher"


def _derive(key: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(key)


class FieldCipher:
    """Encrypts fields and makes blind-index tokens with keys derived from the data key."""

    def __init__(self, data_key: bytes) -> None:
        if len(data_key) != 32:
            raise ValueError("the data key must be 32 bytes")
        self._aead = AESGCM(_derive(data_key, _FIELD_INFO))
        self._index_key = _derive(data_key, _INDEX_INFO)

    def encrypt(self, value: str) -> str:
        nonce = os.urandom(_NONCE)
        header = bytes([VERSION])
        sealed = self._aead.encrypt(nonce, value.encode("utf-8"), header)
        return base64.b64encode(header + nonce + sealed).decode("ascii")

    def decrypt(self, stored: str) -> str:
        """The plaintext of ``stored``; ``WrongKeyError`` when it is not ours to read."""
        try:
            raw = base64.b64decode(stored.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError) as exc:
            raise WrongKeyError("a field of the store is not in the encrypted form") from exc
        if len(raw) < 1 + _NONCE + _TAG or raw[0] != VERSION:
            raise WrongKeyError("a field of the store has an unknown encrypted form")
        try:
            plain = self._aead.decrypt(raw[1 : 1 + _NONCE], raw[1 + _NONCE :], raw[:1])
        except InvalidTag as exc:
            raise WrongKeyError("a field of the store does not decrypt with this key") from exc
        return plain.decode("utf-8")

    def token(self, kind: str, gram: str) -> bytes:
        """The blind-index token of ``gram`` in index ``kind`` (kinds never share tokens)."""
        message = kind.encode("ascii") + b"\x00" + gram.encode("utf-8")
        return hmac.new(self._index_key, message, hashlib.sha256).digest()[:TOKEN_BYTES]


def install_field_cipher(engine: Engine, data_key: bytes) -> FieldCipher:
    """Make every connection of ``engine`` encrypt the victim's fields with ``data_key``.

    The cipher lives on the engine's dialect (one per engine), never in a module global:
    two stores open in one process (an import from a PC's file into the server) each keep
    their own key, or none.
    """
    cipher = FieldCipher(data_key)
    setattr(engine.dialect, _DIALECT_ATTRIBUTE, cipher)
    # A plain SQLite engine gives these columns no processor at all (see EncryptedText);
    # forget the processors and statements made before, so every one from now encrypts.
    engine.dialect._type_memos.clear()
    engine.clear_compiled_cache()
    return cipher


def field_cipher(bind: Dialect | Session | Engine) -> FieldCipher | None:
    """The cipher of the dialect, engine or session's bind; ``None`` when fields are plain."""
    if isinstance(bind, Dialect):
        dialect = bind
    elif isinstance(bind, Session):
        dialect = bind.get_bind().dialect
    else:
        dialect = bind.dialect
    cipher = getattr(dialect, _DIALECT_ATTRIBUTE, None)
    return cipher if isinstance(cipher, FieldCipher) else None


def _blank(value: str) -> bool:
    return not value.strip()


def _required_cipher(dialect: Dialect) -> FieldCipher | None:
    cipher = field_cipher(dialect)
    if cipher is None and dialect.name != "sqlite":
        raise StoreError(
            "the server store was opened without the data key: victim data cannot be "
            "written or read",
            dialect=dialect.name,
        )
    return cipher


class EncryptedText(TypeDecorator[str]):
    """Text encrypted with the field key wherever the engine carries one (see module doc).

    A comparison on such a column (``==``, ``LIKE``, ``ORDER BY``) cannot work where the
    values are encrypted: every encryption uses a fresh nonce. Those lookups go through the
    blind index (``db.search``) or run in Python on an already bounded set of rows.
    """

    impl = Text
    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> Any:
        if dialect.name == "sqlite" and field_cipher(dialect) is None:
            return None  # the embedded store: plain text, not one call more per value
        return super().bind_processor(dialect)

    def result_processor(self, dialect: Dialect, coltype: Any) -> Any:
        if dialect.name == "sqlite" and field_cipher(dialect) is None:
            return None
        return super().result_processor(dialect, coltype)

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None or _blank(value):
            return value
        cipher = _required_cipher(dialect)
        return value if cipher is None else cipher.encrypt(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None or _blank(value):
            return value
        cipher = _required_cipher(dialect)
        return value if cipher is None else cipher.decrypt(value)

    @property
    def python_type(self) -> type[str]:
        return str
