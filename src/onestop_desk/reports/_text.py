"""Turning record values into safe, printable text.

Everything a user typed passes through here before it reaches reportlab: Paragraph parses
markup, so ``<`` and ``&`` must be escaped or a name like ``<b>`` would fail the render or
restyle the page; control and bidi-override characters are dropped because they print
nothing useful and can make extracted text say something other than what the page shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from xml.sax.saxutils import escape

DASH = "-"

_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
# C0/C1 controls (newline survives), lone surrogates that cannot be encoded, and the
# invisible direction overrides/isolates; tabs become spaces below.
_DROPPED = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ufeff\ufffe\uffff]"
)


def plain(value: object) -> str:
    """Printable text without markup: for the footer, metadata and checks."""
    text = _NEWLINES.sub("\n", str(value)).replace("\t", " ")
    return _DROPPED.sub("", text)


def markup(value: object) -> str:
    """Text for a Paragraph: cleaned, escaped, line breaks kept; a dash when empty."""
    text = plain(value).strip()
    if not text:
        return DASH
    return escape(text).replace("\n", "<br/>")


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
