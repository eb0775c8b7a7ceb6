"""Korean text helpers: 초성, name masking, phone digits."""

from __future__ import annotations

import re
import unicodedata

_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_SYLLABLE_FIRST, _SYLLABLE_LAST = 0xAC00, 0xD7A3
_CHOSEONG_SET = frozenset(_CHOSEONG)
_NON_DIGITS = re.compile(r"\D+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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
    """NFC-normalise and drop control characters (keeps tabs and newlines)."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def name_similarity(a: str, b: str) -> float:
    """Share of syllables in common, position-independent (김영희 ~ 김영히 = 0.67)."""
    a, b = a.replace(" ", ""), b.replace(" ", "")
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    common = sum(min(a.count(ch), b.count(ch)) for ch in set(a))
    return common / max(len(a), len(b))
