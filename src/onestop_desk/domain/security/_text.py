"""One way to turn a typed secret into bytes, shared by password hashing and key derivation."""

from __future__ import annotations

import unicodedata


def normalize_secret(secret: str) -> str:
    """Return ``secret`` in Unicode NFC.

    Hangul can reach us precomposed (가, one code point, what Windows IMEs send) or as
    conjoining jamo (ᄀ + ᅡ, what macOS file names and some IMEs produce). Both look the same
    on screen, so a password typed one way must open what was set the other way. NFC, not
    NFKC: compatibility folding would merge characters the user can tell apart (ﬁ and fi,
    full-width and half-width digits) and silently shrink the password space.
    """
    return unicodedata.normalize("NFC", secret)


def secret_bytes(secret: str) -> bytes:
    """The normalized secret as UTF-8, the exact input of every hash and KDF."""
    return normalize_secret(secret).encode("utf-8")
