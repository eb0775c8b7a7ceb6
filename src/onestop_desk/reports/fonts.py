"""The bundled fonts, registered with reportlab once per process, and what they can draw.

reportlab embeds only TrueType-outline fonts; its built-in CID fonts (HYGothic) are not
embedded and print blank on machines without Asian font packs, so every document uses the
bundled fonts and nothing else:

- NanumGothic for everything it has: Hangul, Hanja, Latin, the form symbols.
- DejaVu Sans for what NanumGothic lacks (the backslash, many symbols and emoji, Arabic,
  Hebrew, combining accents). reportlab draws a character a font does not have as nothing,
  so without it a letter silently differed from what was typed.
- Characters neither font has print as U+FFFD (�, from DejaVu Sans): visibly replaced, never
  dropped. :func:`unprintable` names them so the counselor hears of it at save time.

NanumGothic draws U+005C as the won sign (₩), as Korean fonts do for old code pages; a
Windows path or a typed backslash must print as a backslash, so it always comes from the
fallback.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from onestop_desk.paths import resource

FONT_REGULAR = "NanumGothic"
FONT_BOLD = "NanumGothic-Bold"
FALLBACK_REGULAR = "DejaVuSans"
FALLBACK_BOLD = "DejaVuSans-Bold"
REPLACEMENT = "\ufffd"
"""What a character no bundled font has prints as (from the fallback font)."""

_FACES = (
    (FONT_REGULAR, "NanumGothic.ttf"),
    (FONT_BOLD, "NanumGothicBold.ttf"),
    (FALLBACK_REGULAR, "DejaVuSans.ttf"),
    (FALLBACK_BOLD, "DejaVuSans-Bold.ttf"),
)
_FALLBACK_OF = {FONT_REGULAR: FALLBACK_REGULAR, FONT_BOLD: FALLBACK_BOLD}
# Drawn as ₩ by NanumGothic: never taken from it.
_NOT_FROM_PRIMARY = frozenset({ord("\\")})

# One ToUnicode entry whose Unicode side is a bare code point above U+FFFF.
_ASTRAL_ENTRY = re.compile(r"^(<[0-9A-F]{2}>) <([0-9A-F]{5,6})>$", re.MULTILINE)
_TO_UNICODE = "toUnicodeCMap:"

_lock = threading.Lock()
_coverage: Coverage | None = None


def _utf16_entry(match: re.Match[str]) -> str:
    code = int(match.group(2), 16)
    units = chr(code).encode("utf-16-be").hex().upper()
    return f"{match.group(1)} <{units}>"


class _Face(TTFont):
    """A TrueType face whose ToUnicode map is right beyond U+FFFF.

    reportlab writes the Unicode side of each entry as ``%04X``, which for an emoji gives
    five hex digits instead of the UTF-16 surrogate pair the PDF format asks for: the page
    shows 😀 but copying or extracting its text gives U+1F60 (ὠ). The entries are rewritten
    after reportlab made them, before the file is written.
    """

    def addObjects(self, doc: Any) -> None:
        super().addObjects(doc)
        for name, obj in doc.idToObject.items():
            if name.startswith(_TO_UNICODE) and isinstance(getattr(obj, "content", None), str):
                obj.content = _ASTRAL_ENTRY.sub(_utf16_entry, obj.content)


@dataclass(frozen=True)
class Coverage:
    """Code points each font draws, in both its regular and its bold face (a character in
    only one face would vanish in the other)."""

    primary: frozenset[int]
    fallback: frozenset[int]


def register_fonts() -> Coverage:
    """Register NanumGothic and DejaVu Sans, Regular and Bold, each as a family; safe to
    call any number of times. Returns what the fonts cover.

    Loading the faces takes ~150 ms, so it happens once per process; the lock keeps two
    threads that render at the same moment from registering half a family.
    """
    global _coverage
    if _coverage is not None:
        return _coverage
    with _lock:
        if _coverage is not None:
            return _coverage
        folder = resource("fonts")
        faces = {name: _Face(name, str(folder / file)) for name, file in _FACES}
        for face in faces.values():
            pdfmetrics.registerFont(face)
        # The family is what makes <b> inside a Paragraph pick the bold face (and a
        # <font face=DejaVuSans> inside bold text the bold DejaVu). Neither has an italic
        # used here, so italic falls back to the upright faces instead of failing.
        for regular, bold in ((FONT_REGULAR, FONT_BOLD), (FALLBACK_REGULAR, FALLBACK_BOLD)):
            pdfmetrics.registerFontFamily(
                regular, normal=regular, bold=bold, italic=regular, boldItalic=bold
            )

        def covered(regular: str, bold: str) -> frozenset[int]:
            return frozenset(faces[regular].face.charToGlyph) & frozenset(
                faces[bold].face.charToGlyph
            )

        _coverage = Coverage(
            primary=covered(FONT_REGULAR, FONT_BOLD) - _NOT_FROM_PRIMARY,
            fallback=covered(FALLBACK_REGULAR, FALLBACK_BOLD),
        )
        return _coverage


def fallback_for(font: str) -> str:
    """The fallback face that matches ``font`` (bold for bold)."""
    return _FALLBACK_OF.get(font, FALLBACK_REGULAR)
