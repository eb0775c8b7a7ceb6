"""``intake --from FILE.json``: register a walk-in from a file, in one service call.

The file format (documented in docs/admin-guide.ko.md, example in
docs/examples/walk-in.json) mirrors the intake form: ``person``, ``case``, optional
``related`` persons, ``needs`` and one ``consents`` entry per agency. The whole file is read
and checked first; every bad value is named by its path (``person.birth_date``,
``consents.0.items``) in the one error line, and nothing is saved. Then
``IntakeService.register`` saves the case, its needs, consents and referral drafts in one
transaction. Neither the file's content nor a traceback is ever printed: both can carry a
victim's data.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from onestop_desk.cli.base import EXIT_OK, CliError, Context
from onestop_desk.cli.table import Command, arg
from onestop_desk.domain.case_edit import CASE_FIELDS, SAFE_CONTACT_FIELDS
from onestop_desk.domain.errors import FieldError, ValidationError
from onestop_desk.domain.records import (
    CaseInput,
    ConsentInput,
    NeedInput,
    PersonInput,
    RelatedPersonInput,
    SafeContact,
    WalkIn,
)
from onestop_desk.domain.vocab import (
    ConsentItem,
    ConsentMethod,
    Gender,
    IntakeChannel,
    NeedStatus,
    Relationship,
    RiskLevel,
)
from onestop_desk.services.auth import AuthSession

FORMAT = "onestop-desk/walk-in/1"
MAX_FILE_BYTES = 1 << 20  # a walk-in is a few kilobytes; anything near this is the wrong file

E = TypeVar("E", bound=StrEnum)

_TOP = {"format", "person", "related", "case", "needs", "consents"}
_PERSON = {
    "name",
    "birth_date",
    "gender",
    "nationality",
    "language",
    "interpreter_needed",
    "disability",
    "phone",
    "phone2",
    "email",
    "address",
    "confidential_address",
    "safe_contact",
}
_SAFE_CONTACT = set(SAFE_CONTACT_FIELDS)
_RELATED = {"person", "relationship", "note"}
_CASE = set(CASE_FIELDS)
_NEED = {"support_area", "programme", "status", "note"}
_CONSENT = {"agency", "items", "given_on", "method", "expires_on", "purpose", "retention"}


class _Reader:
    """Reads one JSON object tree into records, collecting every problem as a FieldError
    named by its path instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def fail(self, path: str, code: str, **params: Any) -> None:
        self.errors.append(FieldError(path, code, params))

    def obj(self, value: Any, path: str, allowed: set[str]) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            self.fail(path, "not_an_object")
            return {}
        for key in value:
            if key not in allowed:
                self.fail(f"{path}.{key}" if path else key, "unknown_field")
        return value

    def items(self, data: Mapping[str, Any], key: str, path: str) -> list[Any]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(path, "not_a_list")
            return []
        return value

    def text(self, data: Mapping[str, Any], key: str, path: str, default: str = "") -> str:
        value = data.get(key)
        if value is None:
            return default
        if not isinstance(value, str):
            self.fail(path, "not_text")
            return default
        return value

    def flag(self, data: Mapping[str, Any], key: str, path: str, default: bool) -> bool:
        value = self.maybe_flag(data, key, path)
        return default if value is None else value

    def maybe_flag(self, data: Mapping[str, Any], key: str, path: str) -> bool | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.fail(path, "not_yes_no")
            return None
        return value

    def day(self, data: Mapping[str, Any], key: str, path: str) -> date | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            if isinstance(value, str):
                return date.fromisoformat(value)
        except ValueError:
            pass
        self.fail(path, "invalid_date")
        return None

    def choice(self, data: Mapping[str, Any], key: str, path: str, kind: type[E], default: E) -> E:
        value = data.get(key)
        if value is None:
            return default
        try:
            return kind(value)
        except ValueError:
            self.fail(path, "unknown_code", codes=[str(value)], allowed=[k.value for k in kind])
            return default

    def codes(self, data: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        out = []
        for i, value in enumerate(self.items(data, key, path)):
            if isinstance(value, str):
                out.append(value)
            else:
                self.fail(f"{path}.{i}", "not_text")
        return tuple(out)


def _person(r: _Reader, value: Any, path: str) -> PersonInput:
    data = r.obj(value, path, _PERSON)
    name = r.text(data, "name", f"{path}.name")
    if not name.strip():
        r.fail(f"{path}.name", "required")
    safe = r.obj(data.get("safe_contact", {}), f"{path}.safe_contact", _SAFE_CONTACT)
    sp = f"{path}.safe_contact"
    return PersonInput(
        name=name,
        birth_date=r.day(data, "birth_date", f"{path}.birth_date"),
        gender=r.choice(data, "gender", f"{path}.gender", Gender, Gender.UNKNOWN),
        nationality=r.text(data, "nationality", f"{path}.nationality", "대한민국"),
        language=r.text(data, "language", f"{path}.language", "한국어"),
        interpreter_needed=r.flag(data, "interpreter_needed", f"{path}.interpreter_needed", False),
        disability=r.text(data, "disability", f"{path}.disability"),
        phone=r.text(data, "phone", f"{path}.phone"),
        phone2=r.text(data, "phone2", f"{path}.phone2"),
        email=r.text(data, "email", f"{path}.email"),
        address=r.text(data, "address", f"{path}.address"),
        confidential_address=r.flag(
            data, "confidential_address", f"{path}.confidential_address", False
        ),
        safe_contact=SafeContact(
            may_call=r.flag(safe, "may_call", f"{sp}.may_call", True),
            may_leave_message=r.flag(safe, "may_leave_message", f"{sp}.may_leave_message", False),
            may_send_mail=r.flag(safe, "may_send_mail", f"{sp}.may_send_mail", False),
            safe_hours=r.text(safe, "safe_hours", f"{sp}.safe_hours"),
            note=r.text(safe, "note", f"{sp}.note"),
        ),
    )


def _case(
    r: _Reader, value: Any, related: tuple[RelatedPersonInput, ...], today: date
) -> CaseInput:
    data = r.obj(value, "case", _CASE)

    def text(key: str) -> str:
        return r.text(data, key, f"case.{key}")

    return CaseInput(
        intake_channel=r.choice(
            data, "intake_channel", "case.intake_channel", IntakeChannel, IntakeChannel.VISIT
        ),
        intake_date=r.day(data, "intake_date", "case.intake_date") or today,
        crime_types=r.codes(data, "crime_types", "case.crime_types"),
        incident_date=r.day(data, "incident_date", "case.incident_date"),
        harm_known_date=r.day(data, "harm_known_date", "case.harm_known_date"),
        incident_place=text("incident_place"),
        reported_to_police=r.maybe_flag(data, "reported_to_police", "case.reported_to_police"),
        police_office=text("police_office"),
        prosecution_office=text("prosecution_office"),
        police_case_number=text("police_case_number"),
        offender_relation=text("offender_relation"),
        offender_is_kin=r.flag(data, "offender_is_kin", "case.offender_is_kin", False),
        risk_level=r.choice(data, "risk_level", "case.risk_level", RiskLevel, RiskLevel.MEDIUM),
        summary=text("summary"),
        support_received=text("support_received"),
        statistics_consent=r.flag(data, "statistics_consent", "case.statistics_consent", True),
        related=related,
    )


def _related(r: _Reader, raw: list[Any]) -> tuple[RelatedPersonInput, ...]:
    out = []
    for i, value in enumerate(raw):
        path = f"related.{i}"
        data = r.obj(value, path, _RELATED)
        relationship = data.get("relationship")
        if relationship is None:
            r.fail(f"{path}.relationship", "required")
        out.append(
            RelatedPersonInput(
                person=_person(r, data.get("person", {}), f"{path}.person"),
                relationship=r.choice(
                    data, "relationship", f"{path}.relationship", Relationship, Relationship.OTHER
                ),
                note=r.text(data, "note", f"{path}.note"),
            )
        )
    return tuple(out)


def _needs(r: _Reader, raw: list[Any], areas: Mapping[str, str]) -> tuple[NeedInput, ...]:
    """``areas`` maps programme codes to their support area: a need may name only the
    programme, as a counselor ticks it on the checklist."""
    out = []
    for i, value in enumerate(raw):
        path = f"needs.{i}"
        data = r.obj(value, path, _NEED)
        programme = r.text(data, "programme", f"{path}.programme") or None
        area = r.text(data, "support_area", f"{path}.support_area")
        if not area and programme is not None:
            area = areas.get(programme, "")
            if not area:
                r.fail(f"{path}.programme", "unknown_code", codes=[programme])
                continue
        if not area:
            r.fail(f"{path}.support_area", "required")
            continue
        out.append(
            NeedInput(
                support_area=area,
                programme_code=programme,
                status=r.choice(data, "status", f"{path}.status", NeedStatus, NeedStatus.NEEDED),
                note=r.text(data, "note", f"{path}.note"),
            )
        )
    return tuple(out)


def _consents(r: _Reader, raw: list[Any]) -> tuple[ConsentInput, ...]:
    out = []
    for i, value in enumerate(raw):
        path = f"consents.{i}"
        data = r.obj(value, path, _CONSENT)
        agency = r.text(data, "agency", f"{path}.agency")
        given_on = r.day(data, "given_on", f"{path}.given_on")
        if not agency:
            r.fail(f"{path}.agency", "required")
        if given_on is None and data.get("given_on") is None:
            r.fail(f"{path}.given_on", "required")
        if "method" not in data:
            r.fail(f"{path}.method", "required")
        items = []
        for j, item in enumerate(r.items(data, "items", f"{path}.items")):
            try:
                items.append(ConsentItem(item))
            except ValueError:
                r.fail(
                    f"{path}.items.{j}",
                    "unknown_code",
                    codes=[str(item)],
                    allowed=[k.value for k in ConsentItem],
                )
        if not items and "items" not in data:
            r.fail(f"{path}.items", "required")
        kwargs: dict[str, Any] = {}
        for key in ("purpose", "retention"):
            if key in data:
                kwargs[key] = r.text(data, key, f"{path}.{key}")
        out.append(
            ConsentInput(
                agency_code=agency,
                items=frozenset(items),
                given_on=given_on or date.min,
                method=r.choice(
                    data, "method", f"{path}.method", ConsentMethod, ConsentMethod.WRITTEN
                ),
                expires_on=r.day(data, "expires_on", f"{path}.expires_on"),
                **kwargs,
            )
        )
    return tuple(out)


def read_walk_in(data: Any, *, today: date, programme_areas: Mapping[str, str]) -> WalkIn:
    """The walk-in a parsed JSON document describes; ``ValidationError`` naming every bad
    path if it does not describe one."""
    r = _Reader()
    top = r.obj(data, "", _TOP)
    if top.get("format", FORMAT) != FORMAT:
        r.fail("format", "unknown_code", codes=[str(top.get("format"))], allowed=[FORMAT])
    if "person" not in top:
        r.fail("person", "required")
    if "case" not in top:
        r.fail("case", "required")
    person = _person(r, top.get("person", {}), "person")
    related = _related(r, r.items(top, "related", "related"))
    case = _case(r, top.get("case", {}), related, today)
    needs = _needs(r, r.items(top, "needs", "needs"), programme_areas)
    consents = _consents(r, r.items(top, "consents", "consents"))
    if r.errors:
        raise ValidationError(r.errors)
    return WalkIn(person=person, case=case, needs=needs, consents=consents)


def load_json(path: Path) -> Any:
    """The parsed file; a refusal names the file and the position, never its content."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise CliError("intake.unreadable", str(path)) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise CliError("intake.unreadable", f"{path}: larger than {MAX_FILE_BYTES} bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CliError("intake.not_utf8", str(path)) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # exc's message quotes nothing of the document, but only the position is kept.
        raise CliError("intake.not_json", str(path), line=exc.lineno, column=exc.colno) from None


def cmd_intake(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    services = session.services
    data = load_json(Path(args.source))
    areas = {p.code: p.support_area for p in services.directory.programmes()}
    walk_in = read_walk_in(data, today=services.context.clock.today(), programme_areas=areas)
    registered = services.intake.register(walk_in)
    ctx.print(f"접수했습니다 / registered: {registered.case.case_number}")
    for referral in registered.referrals:
        ctx.print(
            f"연계 의뢰서 / referral: {referral.document_number}\t{referral.agency_code}\t"
            f"{referral.agency_name}"
        )
    if not registered.referrals:
        ctx.print("만든 연계가 없습니다 / no referrals drafted")
    for warning in registered.case.print_warnings:
        # Code points, not the characters: the terminal may lack them too, and a field name
        # with code points says where to look without repeating the person's data.
        points = " ".join(f"U+{ord(c):04X}" for c in str(warning.params.get("chars", "")))
        ctx.print(f"인쇄물에 �로 나올 글자 / will print as �: {warning.field}: {points}")
    return EXIT_OK


COMMANDS = (
    Command(
        ("intake",),
        "register a walk-in from a JSON file (docs/admin-guide.ko.md)",
        cmd_intake,
        args=(
            arg("--from", dest="source", required=True, metavar="FILE.json", help="the walk-in"),
        ),
    ),
)
