"""Words for the account screens' error codes (auth, password rule, recovery key).

Codes come from the services; each screen shows the sentence for the code, never the code.
The sentences are the shared table's (``domain/messages.py``, also the CLI's), in the language
the UI runs in.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from onestop_desk.domain import messages
from onestop_desk.domain.clock import KST
from onestop_desk.ui.kit.messages import language


def code_text(code: str, field: str = "") -> str:
    """The sentence for one code; an unknown code gets a general sentence, not the code."""
    return messages.text(code, language(), field=field)


def error_text(exc: BaseException) -> str:
    """One or more sentences for an error raised by the account services."""
    errors = getattr(exc, "errors", None)
    if errors:
        seen: list[str] = []
        for error in errors:
            line = messages.text(error.code, language(), field=error.field, params=error.params)
            if line not in seen:
                seen.append(line)
        return " ".join(seen)
    text = messages.error_text(exc, language())
    params = getattr(exc, "params", {})
    until = params.get("until")
    if isinstance(until, datetime):
        text += " " + QCoreApplication.translate("AuthMessages", "%1에 풀립니다.").replace(
            "%1", until.astimezone(KST).strftime("%H:%M")
        )
    remaining = params.get("remaining")
    if isinstance(remaining, int) and remaining > 0:
        text += " " + QCoreApplication.translate(
            "AuthMessages", "%n번 더 틀리면 계정이 잠깁니다.", "", remaining
        )
    return text
