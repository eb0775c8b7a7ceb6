"""Why a document refuses to render. Each error carries a ``code`` the UI translates."""

from __future__ import annotations

from collections.abc import Sequence


class DocumentError(ValueError):
    code = "document_error"


class ConsentNotValidError(DocumentError):
    """The letter's consent does not cover its issue date (PIPA §17: no consent, no letter)."""

    code = "consent_not_valid"


class DiscreetWordingError(DocumentError):
    """A discreet sheet would print a word that reveals a crime or a victim.

    ``problems`` names each field and the word found, so the counselor can reword it.
    """

    code = "discreet_wording"

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("discreet sheet contains revealing words: " + "; ".join(self.problems))
