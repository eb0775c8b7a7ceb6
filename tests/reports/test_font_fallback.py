"""The fallback font: shipped with its licence, registered with NanumGothic, and covering what
NanumGothic cannot draw as typed."""

from __future__ import annotations

from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics

from onestop_desk.paths import resource
from onestop_desk.reports import fonts, register_fonts
from onestop_desk.reports._text import needs_fallback, runs


def test_dejavu_and_its_licence_are_shipped() -> None:
    folder = resource("fonts")
    assert (folder / "DejaVuSans.ttf").stat().st_size > 500_000
    assert (folder / "DejaVuSans-Bold.ttf").stat().st_size > 500_000
    licence = (folder / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream Vera" in licence and "Arev Fonts Copyright" in licence
    third_party = resource("licenses", "THIRD_PARTY.md").read_text(encoding="utf-8")
    assert "LICENSE-DejaVu.txt" in third_party


def test_coverage_sends_the_backslash_and_symbols_to_the_fallback() -> None:
    coverage = register_fonts()
    assert register_fonts() is coverage  # once per process
    for char in "가힣ㄱ□•·※①A1":
        assert ord(char) in coverage.primary, char
    assert ord("\\") not in coverage.primary  # NanumGothic draws it as ₩
    for char in "\\\ufffd😀☎✓❤":
        assert ord(char) in coverage.fallback, char
    assert tt2ps(fonts.FALLBACK_REGULAR, 1, 0) == fonts.FALLBACK_BOLD
    assert pdfmetrics.getFont(fonts.FALLBACK_BOLD).fontName == fonts.FALLBACK_BOLD


def test_text_is_split_into_runs_only_where_needed() -> None:
    assert not needs_fallback("홍길동 010-1234-5678")
    assert needs_fallback("C:\\temp") and needs_fallback("김😀")
    assert runs("김😀하늘", fonts.FONT_BOLD) == [
        (fonts.FONT_BOLD, "김"),
        (fonts.FALLBACK_BOLD, "😀"),
        (fonts.FONT_BOLD, "하늘"),
    ]
    assert runs("평범한 글") == [(fonts.FONT_REGULAR, "평범한 글")]
