"""Font registration: once, from the bundled files, safe from several threads."""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from onestop_desk.paths import resource
from onestop_desk.reports import fonts, register_fonts


def test_registration_is_idempotent_and_thread_safe() -> None:
    threads = [threading.Thread(target=register_fonts) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    register_fonts()
    regular = pdfmetrics.getFont(fonts.FONT_REGULAR)
    assert isinstance(regular, TTFont)
    assert isinstance(pdfmetrics.getFont(fonts.FONT_BOLD), TTFont)
    # <b> inside a Paragraph resolves through the family to the bold face.
    from reportlab.lib.fonts import tt2ps

    assert tt2ps(fonts.FONT_REGULAR, 1, 0) == fonts.FONT_BOLD


def test_bundled_font_and_licence_are_shipped() -> None:
    folder = resource("fonts")
    assert (folder / "NanumGothic.ttf").stat().st_size > 1_000_000
    assert (folder / "NanumGothicBold.ttf").stat().st_size > 1_000_000
    licence = (folder / "OFL-NanumGothic.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Version 1.1" in licence


def test_hangul_and_form_glyphs_are_in_the_font() -> None:
    face = pdfmetrics.getFont(fonts.FONT_REGULAR).face
    for char in "가힣□•·※":
        assert ord(char) in face.charToGlyph, char
