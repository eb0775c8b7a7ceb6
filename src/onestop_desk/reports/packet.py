"""The packet: everything a counselor prints for one visit, as one PDF or as two jobs.

The sheet goes home with the person and the letters go to the agencies, so the counselor
can print them apart: the sheet first, while the person is still at the desk.
"""

from __future__ import annotations

from collections.abc import Sequence

from onestop_desk.reports._doc import Metadata, build_pdf
from onestop_desk.reports.consent_form import consent_form_part
from onestop_desk.reports.letter import letter_metadata, letter_part
from onestop_desk.reports.model import ConsentForm, ReferralLetter, TakeHomeSheet
from onestop_desk.reports.take_home import take_home_metadata, take_home_part


def render_packet(
    sheet: TakeHomeSheet,
    letters: Sequence[ReferralLetter],
    consent_form: ConsentForm | None = None,
) -> bytes:
    """The take-home sheet, then each letter, then the consent form, in one PDF.

    Every document starts on a new page and is numbered on its own, because the letters
    are separated and sent to different agencies.
    """
    parts = [take_home_part(sheet), *(letter_part(letter) for letter in letters)]
    if consent_form is not None:
        parts.append(consent_form_part(consent_form))
    sheet_metadata = take_home_metadata(sheet)
    metadata = Metadata(
        title=f"{sheet_metadata.title} 및 연계 의뢰서 {len(letters)}건",
        author=sheet_metadata.author,
    )
    return build_pdf(parts, metadata)


def render_letters(
    letters: Sequence[ReferralLetter], consent_form: ConsentForm | None = None
) -> bytes:
    """The letters (and the consent form) without the take-home sheet."""
    if not letters:
        raise ValueError("no letters to render")
    parts = [letter_part(letter) for letter in letters]
    if consent_form is not None:
        parts.append(consent_form_part(consent_form))
    first = letter_metadata(letters[0])
    metadata = Metadata(title=f"연계 의뢰서 {len(letters)}건", author=first.author)
    return build_pdf(parts, metadata)
