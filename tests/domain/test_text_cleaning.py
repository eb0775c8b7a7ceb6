"""What the store keeps of typed text, and what a spreadsheet cell may hold."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from onestop_desk.domain import text as domain_text
from onestop_desk.domain.text import clean_text, csv_cell, is_formula_like, one_line_text
from onestop_desk.reports import _text as print_text

# Format characters that are seen, and so kept: the joiners and the prepended marks.
KEPT_FORMAT = {0x200C, 0x200D, *range(0x600, 0x606), 0x6DD, 0x70F, 0x890, 0x891, 0x8E2}
KEPT_FORMAT |= {0x110BD, 0x110CD}

HOSTILE = [
    "널\x00문자",
    "벨\x07이스케이프\x1b[31m",
    "\u202e뒤집힌\u202c",
    "홍\u200b길\ufeff동\u00ad",
    unicodedata.normalize("NFD", "홍길동"),
    "\u1112\x00\u1169\u11bc",  # a NUL between jamo: composes once it is gone
    "반쪽\ud83d이모지",
    "줄\r\n바꿈\r옛 맥\x0b워드\x0c폼\x85넬\u2028줄\u2029문단",
    "\ufdd0\ufffe\uffff비문자",
    "👩\u200d👩\u200d👧",
    "\U000e0041태그",
]


def test_the_invisible_format_list_matches_this_pythons_unicode_data() -> None:
    """Every Cf character is either dropped by the list or deliberately kept, in the store's
    cleaning and in the print cleaning alike (the two lists are the same)."""
    assert domain_text.INVISIBLE_FORMAT.pattern == print_text.INVISIBLE_FORMAT.pattern
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) != "Cf":
            # Unassigned here may be a format character of a newer Unicode (U+13439..F).
            category = unicodedata.category(char)
            assert category == "Cn" or not domain_text.INVISIBLE_FORMAT.match(char), hex(code)
        elif code not in KEPT_FORMAT:
            assert domain_text.INVISIBLE_FORMAT.match(char), hex(code)
        else:
            assert not domain_text.INVISIBLE_FORMAT.match(char), hex(code)


@pytest.mark.parametrize("value", HOSTILE)
def test_cleaning_is_idempotent_and_leaves_nothing_invisible(value: str) -> None:
    cleaned = clean_text(value)
    assert clean_text(cleaned) == cleaned
    assert cleaned == unicodedata.normalize("NFC", cleaned)
    for char in cleaned:
        category = unicodedata.category(char)
        assert category not in ("Cc", "Cs", "Cn") or char in "\t\n", hex(ord(char))
        assert category != "Cf" or ord(char) in KEPT_FORMAT, hex(ord(char))


def test_what_cleaning_keeps() -> None:
    assert clean_text("널\x00문자") == "널문자"
    assert clean_text("\u1112\x00\u1169\u11bc") == "홍"
    assert clean_text("반쪽\ud83d이모지") == "반쪽\ufffd이모지"
    assert clean_text("a\r\nb\rc\x0bd\x0ce\x85f\u2028g") == "a\nb\nc\nd\ne\nf\ng"
    assert clean_text("탭\t유지") == "탭\t유지"
    assert clean_text("👩\u200d👧") == "👩\u200d👧"
    assert one_line_text(" 여러\n줄\t이름 ") == "여러 줄 이름"


def test_formula_like_text_by_owasp() -> None:
    for text in ("=1+1", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1", " =1", "\n-1"):
        assert is_formula_like(text), text
        assert csv_cell(text).startswith("'"), text
    for text in ("", "가=1", "1-2", "a@b.kr", "'=1", "(=1)"):
        assert not is_formula_like(text), text
        assert csv_cell(text) == text, text
