"""The person and case sections, shared by the referral letter and the case summary.

Withheld fields (``None``) print nothing, not even their label: a label with a blank beside
it would still tell the reader that, say, a guardian or a disability exists. One line in the
section says that unconsented items were left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from onestop_desk.reports import styles
from onestop_desk.reports._layout import Cell, field_table, withheld_note
from onestop_desk.reports._text import DASH, fmt_bool, fmt_date, fmt_list, markup, plain
from onestop_desk.reports.model import CaseSection, PersonSection

CONTACT_WARNING_LABEL = "연락 시 주의"
# Red and bold like the urgency: whoever picks up the phone must see it before dialling.
_WARNING_CELL = ParagraphStyle("ContactWarning", parent=styles.WARNING, alignment=TA_LEFT)


def consented_fields(
    fields: Sequence[tuple[str, str | None]], extra: Sequence[tuple[int, str, Cell]] = ()
) -> list[Flowable]:
    """A label/value table of the fields that are not ``None``, plus the withheld note.

    ``extra`` rows (position in ``fields``, label, cell) are inserted after the field at
    that position when it is shown; they are not consent items of their own.
    """
    shown: list[tuple[str, Cell]] = []
    for index, (label, value) in enumerate(fields):
        if value is None:
            continue
        shown.append((label, value))
        shown.extend((extra_label, cell) for at, extra_label, cell in extra if at == index)
    flowables: list[Flowable] = []
    if shown:
        flowables.append(field_table(shown))
    if sum(value is not None for _, value in fields) < len(fields):
        flowables.append(withheld_note())
    return flowables


def _flag(value: bool | str) -> str:
    """예/아니오, or the text given for an answer that is not known (a dash when empty)."""
    return fmt_bool(value) if isinstance(value, bool) else plain(value).strip() or DASH


def person_fields(person: PersonSection) -> list[tuple[str, str | None]]:
    def maybe_bool(value: bool | None) -> str | None:
        return None if value is None else fmt_bool(value)

    return [
        ("성명", person.name),
        ("성별", person.gender),
        ("생년월일", None if person.birth_date is None else fmt_date(person.birth_date)),
        ("안전한 연락 방법", person.safe_contact),
        ("보호자", person.guardian),
        ("사용 언어", person.language),
        ("통역 필요", maybe_bool(person.interpreter_needed)),
        ("장애", person.disability),
        ("연락처", person.phone),
        ("주소", person.address),
    ]


def case_fields(case: CaseSection) -> list[tuple[str, str | None]]:
    return [
        ("범죄 유형", None if case.crime_types is None else fmt_list(case.crime_types)),
        ("발생일", None if case.incident_date is None else fmt_date(case.incident_date)),
        (
            "경찰 신고",
            None if case.reported_to_police is None else _flag(case.reported_to_police),
        ),
        ("관할 경찰서", case.police_office),
        ("관할 검찰청", case.prosecution_office),
        ("사건번호", case.case_reference),
        ("가해자와의 관계", case.offender_relation),
        ("사건 경위", case.sensitive_facts),
    ]


def person_section(person: PersonSection) -> list[Flowable]:
    fields = person_fields(person)
    extra: list[tuple[int, str, Cell]] = []
    warning = (person.contact_warning or "").strip()
    if person.phone is not None and warning:
        phone_at = next(i for i, (label, _) in enumerate(fields) if label == "연락처")
        extra.append((phone_at, CONTACT_WARNING_LABEL, Paragraph(markup(warning), _WARNING_CELL)))
    return consented_fields(fields, extra)


def case_section(case: CaseSection) -> list[Flowable]:
    return consented_fields(case_fields(case))
