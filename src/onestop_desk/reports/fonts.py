"""The bundled Korean font, registered with reportlab once per process.

reportlab embeds only TrueType-outline fonts; its built-in CID fonts (HYGothic) are not
embedded and print blank on machines without Asian font packs, so every document uses the
bundled NanumGothic and nothing else.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from onestop_desk.paths import resource

FONT_REGULAR = "NanumGothic"
FONT_BOLD = "NanumGothic-Bold"

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register NanumGothic Regular and Bold as one family; safe to call any number of times.

    Loading the two faces takes ~100 ms, so it happens once per process; the lock keeps two
    threads that render at the same moment from registering half a family.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        folder = resource("fonts")
        pdfmetrics.registerFont(TTFont(FONT_REGULAR, str(folder / "NanumGothic.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "NanumGothicBold.ttf")))
        # The family is what makes <b> inside a Paragraph pick the bold face. Nanum has no
        # italic, so italic falls back to the upright faces instead of failing.
        pdfmetrics.registerFontFamily(
            FONT_REGULAR,
            normal=FONT_REGULAR,
            bold=FONT_BOLD,
            italic=FONT_REGULAR,
            boldItalic=FONT_BOLD,
        )
        _registered = True
