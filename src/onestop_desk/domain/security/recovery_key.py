"""Recovery keys: a random secret printed on paper that opens one more wrapped copy of the
data key, for the day every administrator password is lost.

Format: six groups of five characters from Crockford's base32 alphabet (digits and capital
letters without I, L, O and U), e.g. ``YSTMX-S386A-KZBFP-NDNXY-9Q8QV-KASYQ``. The first 26
characters carry 130 random bits; the last 4 are check characters over them. They let
:func:`normalize_recovery_key` reject a typo at once, instead of after a slow key derivation
that could only say "wrong key" with no hint that the paper was misread.

Typing is forgiving in the ways paper invites: case, spaces and missing dashes do not matter,
O is read as 0, and I and L as 1. Full-width characters from a Korean IME are folded to ASCII;
Hangul (the 한/영 key left in 한글 mode) gets its own error code so the UI can say so.

The canonical form (with dashes, upper case), as returned by both functions here, is the
secret to pass to :func:`.keys.wrap_key` and :func:`.keys.unwrap_key`.
"""

from __future__ import annotations

import secrets
import unicodedata

from onestop_desk.domain.security.errors import InvalidRecoveryKeyError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford base32: no I, L, O or U, so nothing on paper reads as two different symbols."""
GROUP_SIZE = 5
RANDOM_CHARS = 26
"""26 characters x 5 bits = 130 random bits."""
CHECK_CHARS = 4
"""Reed-Solomon check characters: any 1 to 4 misread characters are always detected."""
KEY_CHARS = RANDOM_CHARS + CHECK_CHARS

_BITS_PER_CHAR = 5
# Readings of paper that are unambiguous in Crockford's scheme.
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212")

# The checksum is a Reed-Solomon code over GF(32), one field element per character: the 30
# characters form a codeword with the four roots alpha^1..alpha^4. Such a code has minimum
# distance 5, so *every* misreading of up to four characters (substitutions, a swapped pair)
# is caught for certain, not just with high probability as a hash-based check would; larger
# damage passes with probability about 2**-20.
_FIELD_POLY = 0b100101  # x^5 + x^2 + 1, primitive: alpha = x generates all 31 non-zero elements
_FIELD_ORDER = 31


def _field_tables() -> tuple[list[int], list[int]]:
    """Powers of alpha (doubled, so products need no modulo) and their discrete logarithms."""
    exp, log = [0] * (2 * _FIELD_ORDER), [0] * 32
    element = 1
    for power in range(_FIELD_ORDER):
        exp[power] = exp[power + _FIELD_ORDER] = element
        log[element] = power
        element <<= 1
        if element & 0b100000:
            element ^= _FIELD_POLY
    return exp, log


_EXP, _LOG = _field_tables()


def _mul(a: int, b: int) -> int:
    if a == 0 or b == 0:
        return 0
    return _EXP[_LOG[a] + _LOG[b]]


def _generator() -> list[int]:
    """Coefficients, highest power first, of (x + alpha)(x + alpha^2)...(x + alpha^CHECK)."""
    poly = [1]
    for power in range(1, CHECK_CHARS + 1):
        root = _EXP[power]
        poly = [
            (poly[i] if i < len(poly) else 0) ^ (_mul(poly[i - 1], root) if i > 0 else 0)
            for i in range(len(poly) + 1)
        ]
    return poly


_GENERATOR = _generator()


def _symbols(chars: str) -> list[int]:
    return [ALPHABET.index(ch) for ch in chars]


def _encode(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        chars.append(ALPHABET[value & 0b11111])
        value >>= _BITS_PER_CHAR
    return "".join(reversed(chars))


def _checksum(random_part: str) -> str:
    """The check characters: the remainder of random_part(x) * x^4 divided by the generator."""
    remainder = [0] * CHECK_CHARS
    for symbol in _symbols(random_part):
        factor = symbol ^ remainder[0]
        remainder = [*remainder[1:], 0]
        for i in range(CHECK_CHARS):
            remainder[i] ^= _mul(_GENERATOR[i + 1], factor)
    return "".join(ALPHABET[s] for s in remainder)


def _is_codeword(chars: str) -> bool:
    symbols = _symbols(chars)
    for power in range(1, CHECK_CHARS + 1):
        root, value = _EXP[power], 0
        for symbol in symbols:
            value = _mul(value, root) ^ symbol
        if value:
            return False
    return True


def _grouped(chars: str) -> str:
    return "-".join(chars[i : i + GROUP_SIZE] for i in range(0, len(chars), GROUP_SIZE))


def new_recovery_key() -> str:
    """Return a fresh recovery key in canonical form (six dash-separated groups of five)."""
    random_part = _encode(secrets.randbits(RANDOM_CHARS * _BITS_PER_CHAR), RANDOM_CHARS)
    return _grouped(random_part + _checksum(random_part))


def _is_hangul(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("HANGUL")


def normalize_recovery_key(text: str) -> str:
    """Return the canonical form of a typed recovery key, or raise if it cannot be one.

    Raises :class:`.InvalidRecoveryKeyError` with ``code`` ``recovery_key.empty``,
    ``recovery_key.hangul_input``, ``recovery_key.invalid_character``,
    ``recovery_key.wrong_length`` or ``recovery_key.checksum_mismatch``. The checks are cheap,
    so a dialog can run this on every keystroke to show when the key is complete and valid.
    """
    # NFKC folds full-width Ａ１ (a Korean IME's full-width mode) to plain A1.
    folded = unicodedata.normalize("NFKC", text)
    if any(_is_hangul(ch) for ch in folded):
        raise InvalidRecoveryKeyError(
            "recovery key contains Hangul; the keyboard is in Korean mode",
            code="recovery_key.hangul_input",
        )
    chars = "".join(
        ch for ch in folded.upper() if not ch.isspace() and ch not in _SEPARATORS
    ).translate(_LOOKALIKES)
    if not chars:
        raise InvalidRecoveryKeyError("recovery key is empty", code="recovery_key.empty")
    if any(ch not in ALPHABET for ch in chars):
        raise InvalidRecoveryKeyError(
            "recovery key contains a character outside its alphabet",
            code="recovery_key.invalid_character",
        )
    if len(chars) != KEY_CHARS:
        raise InvalidRecoveryKeyError(
            f"recovery key has {len(chars)} characters, expected {KEY_CHARS}",
            code="recovery_key.wrong_length",
        )
    if not _is_codeword(chars):
        raise InvalidRecoveryKeyError(
            "recovery key checksum does not match; a character was misread",
            code="recovery_key.checksum_mismatch",
        )
    return _grouped(chars)
