"""What a counselor reads and prints: ``cases search|show``, ``packet``, ``agencies list``."""

from __future__ import annotations

import argparse
from pathlib import Path

from onestop_desk.cli.base import EXIT_OK, Context, describe, write_private
from onestop_desk.cli.table import Command, arg
from onestop_desk.domain.labels import CASE_STATUS
from onestop_desk.domain.text import mask_name
from onestop_desk.domain.vocab import AuditAction
from onestop_desk.services.auth import AuthSession
from onestop_desk.services.export import generate_passphrase


def cmd_cases_search(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    cases = session.services.cases
    ids = cases.search_ids(args.text, limit=args.limit)
    rows = cases.summaries(ids)
    # The query itself may be a victim's name: log how many rows were shown, not the query.
    session.record_event(AuditAction.SEARCH, detail=f"cli search: {len(rows)} rows")
    for row in rows:
        ctx.print(
            "\t".join(
                [
                    row.case_number,
                    row.masked_name,
                    row.intake_date.isoformat(),
                    CASE_STATUS[row.status],
                    row.counselor_name,
                ]
            )
        )
    if not rows:
        ctx.print("찾은 사례가 없습니다 / no cases found")
    return EXIT_OK


def cmd_cases_show(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    cases = session.services.cases
    case_id = cases.id_by_number(args.case_number)
    detail = cases.get(case_id)  # logged as a view
    name = cases.reveal_name(case_id) if args.reveal else mask_name(detail.person.name)
    person = detail.person
    lines = [
        ("사례번호 case", detail.case_number),
        ("이름 name", name),
        ("생년월일 birth", person.birth_date.isoformat() if person.birth_date else "-"),
        ("성별 gender", person.gender.value),
        ("접수 intake", f"{detail.intake_date.isoformat()} {detail.intake_channel.value}"),
        ("범죄 crimes", ", ".join(detail.crime_types)),
        ("상태 status", CASE_STATUS[detail.status]),
        ("위험도 risk", detail.risk_level.value),
        ("담당 counselor", detail.counselor_name or "-"),
    ]
    for label, value in lines:
        ctx.print(f"{label}: {value}")
    return EXIT_OK


def cmd_packet(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    """The same packet the print button makes: only consented items, AES-256 encrypted with
    a password (the next stdin line, ONESTOP_DESK_NEW_PASSWORD, or --generate-password),
    logged as a download."""
    services = session.services
    case_id = services.cases.id_by_number(args.case_number)
    packet = services.documents.build_packet(
        case_id, args.agency or None, discreet=args.discreet, include_consent_form=args.consent_form
    )
    if args.generate_password:
        password = generate_passphrase()
        ctx.print(f"파일 비밀번호 / file password (shown once): {password}")
    else:
        password = ctx.secrets.new_password()
    pdf = services.documents.encrypt_for_file(packet.pdf, password)
    out = Path(args.out)
    write_private(out, pdf)
    services.documents.record_output(
        case_id, packet.document_numbers, printed=False, destination=str(out), reason=args.reason
    )
    ctx.print(
        f"{out}: {len(packet.document_numbers)} letters ({', '.join(packet.document_numbers)})"
    )
    for code in packet.skipped_without_consent:
        ctx.print(f"skipped {code}: {describe('consent_required')}")
    return EXIT_OK


def cmd_agencies_list(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    for agency in session.services.directory.agencies(active_only=not args.all):
        where = "입주" if agency.resident else "외부"
        ctx.print(f"{agency.code}\t{agency.name}\t{agency.phone or '-'}\t{where}")
    return EXIT_OK


COMMANDS = (
    Command(
        ("cases", "search"),
        "find cases by name, number or phone (names masked)",
        cmd_cases_search,
        args=(arg("text"), arg("--limit", type=int, default=50)),
    ),
    Command(
        ("cases", "show"),
        "one case (name masked unless --reveal)",
        cmd_cases_show,
        args=(
            arg("case_number"),
            arg("--reveal", action="store_true", help="show the full name (logged)"),
        ),
    ),
    Command(
        ("packet",),
        "referral packet PDF (take-home sheet + letters)",
        cmd_packet,
        args=(
            arg("case_number"),
            arg("--out", required=True, help="PDF file to write"),
            arg("--agency", action="append", help="only this agency (repeatable)"),
            arg("--discreet", action="store_true", help="neutral take-home sheet"),
            arg("--consent-form", action="store_true", help="add the consent form"),
            arg("--reason", default="연계 안내문 출력", help="logged reason for the file"),
            arg("--generate-password", action="store_true", help="make a passphrase, shown once"),
        ),
    ),
    Command(
        ("agencies", "list"),
        "the partner directory",
        cmd_agencies_list,
        args=(arg("--all", action="store_true", help="include inactive agencies"),),
    ),
)
