"""Password rule and one-way password hashes.

The rule is the PIPC notice's (개인정보의 안전성 확보조치 기준): at least 8 characters drawn from
two or more character classes, or at least 10 characters of a single class. We add an upper
bound, a check against reusing the current password, and define the classes so that Korean
passwords are judged fairly.

Character classes (after NFC normalization, see :mod:`._text`):

``upper``
    cased capital letters of any script (Unicode ``Lu`` and ``Lt``): A, Ä, Ω.
``lower``
    cased small letters of any script (``Ll``): a, ß, ω.
``letter``
    letters of scripts without case (``Lo``, ``Lm``): Hangul syllables and jamo, Han, kana.
    Hangul has no upper/lower split, so folding it into ``lower`` would make every Korean
    password one class short; and with 11,172 syllables it is a far larger alphabet than one
    Latin case. So "비밀번호1234" is two classes (letter + digit), and so is "비밀번호abcd".
``digit``
    decimal digits of any script (``Nd``), including full-width ０-９.
``symbol``
    everything else: punctuation, symbols, spaces, marks.

Spaces are kept as typed, never trimmed: a trailing space is part of the password, and
trimming only on some code paths would lock people out.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from onestop_desk.domain.security._text import normalize_secret
from onestop_desk.domain.security.errors import CorruptDataError

MIN_LENGTH = 8
"""Shortest password accepted when it mixes at least :data:`MIN_CLASSES` classes."""
MIN_CLASSES = 2
MIN_LENGTH_ONE_CLASS = 10
"""Shortest password accepted with a single character class."""
MAX_LENGTH = 256
"""Longest password accepted; beyond this it is a paste accident, not a password."""


class PasswordProblem(StrEnum):
    """Error codes of :func:`check_password_policy`; the UI maps them to translated text."""

    EMPTY = "password.empty"
    TOO_SHORT = "password.too_short"
    TOO_FEW_CLASSES = "password.too_few_classes"
    TOO_LONG = "password.too_long"
    REUSED = "password.reused"


# RFC 9106's second recommended profile (argon2id, t=3, 64 MiB, p=4), pinned rather than
# taken from the library's defaults so that an argon2-cffi upgrade changes hashes only when we
# decide to; needs_rehash() then upgrades stored hashes at the next login.
_HASHER = PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY)


def character_classes(password: str) -> frozenset[str]:
    """The classes (``upper``, ``lower``, ``letter``, ``digit``, ``symbol``) used in ``password``.

    Public so that a password dialog can show which kinds are still missing as the user types.
    """
    found: set[str] = set()
    for ch in normalize_secret(password):
        category = unicodedata.category(ch)
        if category in ("Lu", "Lt"):
            found.add("upper")
        elif category == "Ll":
            found.add("lower")
        elif category in ("Lo", "Lm"):
            found.add("letter")
        elif category == "Nd":
            found.add("digit")
        else:
            found.add("symbol")
    return frozenset(found)


def check_password_policy(password: str, *, current_hash: str | None = None) -> list[str]:
    """Return the rule's error codes for ``password``; an empty list means it is acceptable.

    Length is counted in Unicode characters after NFC, so 한 is one character whether it was
    typed precomposed or as jamo. A password shorter than :data:`MIN_LENGTH` gets only
    ``password.too_short``: the fix is to make it longer, and 10 characters of one class would
    pass. ``current_hash`` is the account's stored hash when the user is changing their own
    password; matching it gives ``password.reused``. Checking it costs one hash verification
    (about 0.1 s), so it only runs when the password passes the other checks.

    Raises :class:`.CorruptDataError` if ``current_hash`` is not a valid hash: an unreadable
    stored hash is damage to report, not a reason to wave a password through.
    """
    text = normalize_secret(password)
    if not text:
        return [PasswordProblem.EMPTY]
    if len(text) > MAX_LENGTH:
        return [PasswordProblem.TOO_LONG]
    if len(text) < MIN_LENGTH:
        return [PasswordProblem.TOO_SHORT]
    problems: list[str] = []
    if len(text) < MIN_LENGTH_ONE_CLASS and len(character_classes(text)) < MIN_CLASSES:
        problems.append(PasswordProblem.TOO_FEW_CLASSES)
    if not problems and current_hash is not None and verify_password(current_hash, text):
        problems.append(PasswordProblem.REUSED)
    return problems


def hash_password(password: str) -> str:
    """Hash ``password`` for storage as an argon2id PHC string (``$argon2id$v=19$...``).

    The string carries its own random salt and cost parameters, so older hashes keep
    verifying after the parameters are raised.
    """
    return _HASHER.hash(normalize_secret(password))


def verify_password(password_hash: str, password: str) -> bool:
    """Return whether ``password`` matches ``password_hash``.

    A mismatch is ``False``; a hash that cannot be parsed raises :class:`.CorruptDataError`
    instead, so a damaged account record is not mistaken for a forgotten password.
    """
    try:
        return _HASHER.verify(password_hash, normalize_secret(password))
    except VerifyMismatchError:
        return False
    except (InvalidHashError, VerificationError) as exc:
        raise CorruptDataError("stored password hash cannot be verified") from exc


def needs_rehash(password_hash: str) -> bool:
    """Return whether ``password_hash`` was made with other parameters than today's.

    Call after a successful login, while the plain password is at hand, and store
    :func:`hash_password` of it if this returns ``True``.
    """
    try:
        return _HASHER.check_needs_rehash(password_hash)
    except InvalidHashError as exc:
        raise CorruptDataError("stored password hash cannot be parsed") from exc
