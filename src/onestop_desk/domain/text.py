"""Korean text helpers: 초성, name masking, phone digits; cleaning of what users type and of
what goes into spreadsheet cells."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_SYLLABLE_FIRST, _SYLLABLE_LAST = 0xAC00, 0xD7A3
_CHOSEONG_SET = frozenset(_CHOSEONG)
_NON_DIGITS = re.compile(r"\D+")
# A code point of a surrogate pair on its own: it cannot be encoded, so nothing can store,
# print or export it (PySide hands one over when a paste cut an emoji in half).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Word's manual line break is a vertical tab; old Mac text ends lines with CR alone.
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# C0 controls except tab and newline, DEL, C1 controls, and the noncharacters of the BMP.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
# The invisible format characters (Unicode category Cf) that are dropped: soft hyphen,
# zero-width space, marks and overrides of direction, word joiner and invisible operators,
# byte-order mark, interlinear annotation, format controls of some scripts, tags. Kept are
# the Cf characters that change what is seen: the joiners (U+200C/D) build emoji sequences
# (👩‍👧) and shape Indic and Arabic script, and the prepended concatenation marks of Arabic
# and Syriac are drawn. A test checks this list against the running Python's Unicode data.
INVISIBLE_FORMAT = re.compile(
    "[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)
# Anything the passes of clean_text would change, but NFC: one search for the common case.
_ANY_TO_CLEAN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufdd0-\ufdef\ufffe\uffff"
    + INVISIBLE_FORMAT.pattern[1:-1]
    + "]"
)
_FORMULA_START = frozenset("=+-@")


def initials(text: str) -> str:
    """홍길동 -> ㅎㄱㄷ. Non-Hangul characters are dropped (spaces too)."""
    out = []
    for ch in text:
        code = ord(ch)
        if _SYLLABLE_FIRST <= code <= _SYLLABLE_LAST:
            out.append(_CHOSEONG[(code - _SYLLABLE_FIRST) // 588])
        elif ch in _CHOSEONG_SET:
            out.append(ch)
    return "".join(out)


def is_initials_query(text: str) -> bool:
    stripped = text.replace(" ", "")
    return bool(stripped) and all(ch in _CHOSEONG_SET for ch in stripped)


def mask_name(name: str) -> str:
    """홍길동 -> 홍*동, 김철 -> 김*, 남궁민수 -> 남**수; for lists on shared screens."""
    name = name.strip()
    if len(name) <= 1:
        return "*" if name else ""
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def digits(text: str) -> str:
    return _NON_DIGITS.sub("", text)


def clean_text(text: str) -> str:
    """What is stored of a typed or pasted text: nothing invisible that could hide or
    break something, and one form of each Hangul syllable.

    - A lone surrogate becomes U+FFFD (visible: something was there and is lost).
    - Every line break (CR LF, CR, Word's vertical tab, form feed, NEL, U+2028/2029)
      becomes ``\\n``; tabs stay.
    - Other control characters (NUL included) and noncharacters are dropped.
    - Invisible format characters are dropped: direction overrides and isolates (they make
      a name read backwards on screen), zero-width spaces, the byte-order mark, soft hyphens.
      The zero-width joiners stay, they are part of emoji.
    - NFC last, so conjoining jamo pasted from macOS (ᄒ ᅩ ᆼ) become the syllable 홍 that a
      search for 홍 finds, even where a dropped character sat between them.

    ``clean_text(clean_text(x)) == clean_text(x)``: the access log hashes cleaned text, and
    the store cleans again on the way in.
    """
    if _ANY_TO_CLEAN.search(text) is None:
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    text = _LONE_SURROGATE.sub("\ufffd", text)
    text = _CONTROL.sub("", _LINE_BREAK.sub("\n", text))
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", INVISIBLE_FORMAT.sub("", text))


def one_line_text(text: str) -> str:
    """:func:`clean_text` on one line: line breaks and tabs become single spaces."""
    return " ".join(clean_text(text).split())


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula (OWASP, CSV injection).

    Excel and LibreOffice evaluate a cell that starts with ``=``, ``+``, ``-`` or ``@``, and
    some of them skip leading blanks, tabs and line breaks first; a leading tab or CR is
    itself on OWASP's list.
    """
    if text[:1] in ("\t", "\r"):
        return True
    return text.lstrip(" \t\r\n")[:1] in _FORMULA_START


def csv_cell(text: str) -> str:
    """A CSV field no spreadsheet runs: :func:`clean_text` (which also removes every
    character XML and so XLSX refuses), and a formula-like text gets a leading apostrophe,
    OWASP's advice: Excel shows it and evaluates nothing."""
    text = clean_text(text)
    return "'" + text if is_formula_like(text) else text


def csv_row(values: Iterable[object]) -> list[object]:
    """A CSV row whose texts are :func:`csv_cell`; numbers stay numbers."""
    return [csv_cell(value) if isinstance(value, str) else value for value in values]


def name_similarity(a: str, b: str) -> float:
    """Share of syllables in common, position-independent (김영희 ~ 김영히 = 0.67)."""
    a, b = a.replace(" ", ""), b.replace(" ", "")
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    common = sum(min(a.count(ch), b.count(ch)) for ch in set(a))
    return common / max(len(a), len(b))
