"""The person and case sections, shared by the referral letter and the case summary.

Withheld fields (``None``) print nothing, not even their label: a label with a blank beside
it would still tell the reader that, say, a guardian or a disability exists. One line in the
section says that unconsented items were left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from onestop_desk.reports._layout import field_table, withheld_note
from onestop_desk.reports._text import fmt_bool, fmt_date, fmt_list
from onestop_desk.reports.model import CaseSection, PersonSection


def consented_fields(fields: Sequence[tuple[str, str | None]]) -> list[Flowable]:
    """A label/value table of the fields that are not ``None``, plus the withheld note."""
    shown = [(label, value) for label, value in fields if value is not None]
    flowables: list[Flowable] = []
    if shown:
        flowables.append(field_table(shown))
    if len(shown) < len(fields):
        flowables.append(withheld_note())
    return flowables


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
            None if case.reported_to_police is None else fmt_bool(case.reported_to_police),
        ),
        ("관할 경찰서", case.police_office),
        ("관할 검찰청", case.prosecution_office),
        ("사건번호", case.case_reference),
        ("가해자와의 관계", case.offender_relation),
        ("사건 경위", case.sensitive_facts),
    ]


def person_section(person: PersonSection) -> list[Flowable]:
    return consented_fields(person_fields(person))


def case_section(case: CaseSection) -> list[Flowable]:
    return consented_fields(case_fields(case))
