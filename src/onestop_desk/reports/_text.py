"""Turning record values into safe, printable text.

Everything a user typed passes through here before it reaches reportlab:

- Paragraph parses markup, so ``<`` and ``&`` are escaped, or a name like ``<b>`` would fail
  the render or restyle the page.
- Control and direction-override characters are dropped (the rules of the store's
  ``domain.text.clean_text``, restated here because rendering imports nothing outside this
  layer): they print nothing useful and can make extracted text say something other than
  what the page shows. Text saved before the store cleaned its input may still carry them.
- Each character is drawn by a font that has it (:mod:`.fonts`): NanumGothic, else DejaVu
  Sans, else it prints as a visible U+FFFD. Text that needs the second font is split into
  runs; :func:`markup` wraps them in ``<font>`` tags and :func:`runs` hands them to code
  that draws on the canvas.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from xml.sax.saxutils import escape

from onestop_desk.reports.fonts import FONT_REGULAR, REPLACEMENT, fallback_for, register_fonts

DASH = "-"
BOX = "\u25a1"

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
# Joiners and variation selectors steer shaping, which reportlab does not do: drawn they
# would be nothing anyway, and they are not characters a counselor needs to hear about.
_SHAPING = re.compile("[\u200c\u200d\ufe00-\ufe0f\U000e0100-\U000e01ef]")
# Invisible format characters, as domain.text.INVISIBLE_FORMAT (a test keeps them equal).
INVISIBLE_FORMAT = re.compile(
    "[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)


# Anything one of the passes below would change, but NFC: nearly every text has none, and
# one search is cheaper than the six passes (plain() runs ~7,000 times for a packet).
_ANY_TO_CLEAN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufdd0-\ufdef\ufffe\uffff"
    "\u200c\u200d\ufe00-\ufe0f\U000e0100-\U000e01ef" + INVISIBLE_FORMAT.pattern[1:-1] + "]"
)


def _cleaned(value: object) -> str:
    """Lone surrogates visibly replaced, line breaks as ``\\n``, tabs as spaces, controls
    and invisible format characters dropped, Hangul composed (NFC)."""
    text = str(value)
    if _ANY_TO_CLEAN.search(text) is None:
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    text = _LONE_SURROGATE.sub(REPLACEMENT, text)
    text = _CONTROL.sub("", _LINE_BREAK.sub("\n", text)).replace("\t", " ")
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", INVISIBLE_FORMAT.sub("", _SHAPING.sub("", text)))


def _escape_for_class(code: int) -> str:
    return f"\\U{code:08x}"


@cache
def _outside_primary() -> re.Pattern[str]:
    """One regex for "a character NanumGothic does not draw": C speed on every text, which
    is nearly always Hangul the font has."""
    codes = sorted(register_fonts().primary)
    ranges: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        ranges.append(f"{_escape_for_class(start)}-{_escape_for_class(previous)}")
        start = previous = code
    return re.compile("[^" + "".join(ranges) + "]")


def needs_fallback(text: str) -> bool:
    """Whether ``text`` (already :func:`plain`) has characters NanumGothic cannot draw, so
    it cannot be drawn as one string in one font."""
    if text.isascii():
        return "\\" in text
    return _outside_primary().search(text) is not None


def plain(value: object) -> str:
    """Printable text without markup: cleaned, tabs as spaces, and every character either
    one a bundled font draws or the visible replacement (a space for an odd space)."""
    text = _cleaned(value)
    if text.isascii() or not needs_fallback(text):
        return text
    fallback = register_fonts().fallback
    out: list[str] = []
    for char in text:
        if _outside_primary().match(char) is None or ord(char) in fallback or char == "\n":
            out.append(char)
        elif unicodedata.category(char) == "Zs":
            out.append(" ")
        else:
            out.append(REPLACEMENT)
    return "".join(out)


def unprintable(value: object) -> str:
    """The distinct characters of ``value`` that no bundled font has and that therefore
    print as U+FFFD, in the order they first appear ("" when everything prints)."""
    text = _cleaned(value)
    if text.isascii() or not needs_fallback(text):
        return ""
    coverage = register_fonts()
    found = dict.fromkeys(
        char
        for char in text
        if ord(char) not in coverage.primary
        and ord(char) not in coverage.fallback
        and char != "\n"
        and unicodedata.category(char) not in ("Zs", "Cc")
    )
    return "".join(found)


def runs(text: str, font: str = FONT_REGULAR) -> list[tuple[str, str]]:
    """``text`` (already :func:`plain`) as ``(font name, piece)`` runs: ``font`` where it
    draws the characters, the matching fallback face elsewhere."""
    if not needs_fallback(text):
        return [(font, text)] if text else []
    fallback = fallback_for(font)
    pattern = _outside_primary()
    out: list[tuple[str, str]] = []
    for char in text:
        face = fallback if pattern.match(char) else font
        if out and out[-1][0] == face:
            out[-1] = (face, out[-1][1] + char)
        else:
            out.append((face, char))
    return out


def in_one_font(text: str) -> str:
    """``text`` (already :func:`plain`) drawable by NanumGothic alone, for the few places
    that cannot switch fonts inside a string (chart labels): a backslash becomes the
    full-width one, which NanumGothic draws as a backslash, and anything else it lacks a
    box (□), visibly replaced. The full text is printed beside it, in the table."""
    if not needs_fallback(text):
        return text
    pattern = _outside_primary()
    return "".join(
        ("\uff3c" if char == "\\" else BOX) if pattern.match(char) else char for char in text
    )


def _marked(line: str, font: str) -> str:
    if not needs_fallback(line):
        return escape(line)
    return "".join(
        escape(piece) if face == font else f'<font face="{face}">{escape(piece)}</font>'
        for face, piece in runs(line, font)
    )


def markup(value: object, font: str = FONT_REGULAR) -> str:
    """Text for a Paragraph: cleaned, escaped, line breaks kept; a dash when empty.

    ``font`` is the face the paragraph's style uses: characters it lacks are set in the
    matching fallback face (bold for bold).
    """
    text = plain(value).strip()
    if not text:
        return DASH
    return "<br/>".join(_marked(line, font) for line in text.split("\n"))


def one_line(value: object, limit: int) -> str:
    """A footer-sized piece of text: one line, at most ``limit`` characters."""
    text = " ".join(plain(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fmt_date(value: date | str | None) -> str:
    if value is None:
        return DASH
    if isinstance(value, str):
        return plain(value).strip() or DASH
    return f"{value.year}. {value.month}. {value.day}."


def fmt_datetime(value: datetime) -> str:
    return f"{fmt_date(value)} {value:%H:%M}"


def fmt_bool(value: bool) -> str:
    return "예" if value else "아니오"


def fmt_list(values: Iterable[str], separator: str = ", ") -> str:
    """Joined plain text of the non-empty values; a dash when there are none."""
    parts = [plain(v).strip() for v in values]
    return separator.join(p for p in parts if p) or DASH
