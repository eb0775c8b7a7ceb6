"""``onestop-desk-admin``: the same services as the app, for administrators and scripts.

Every command takes ``--data-dir``. Commands that touch the database need ``--user NAME``; the
password comes from ``ONESTOP_DESK_PASSWORD`` or the first line of standard input (a terminal
asks without echo). A second secret (a new account's password, a reset) comes from
``ONESTOP_DESK_NEW_PASSWORD`` or the next line. Secrets are never taken as arguments: those
end up in shell history and in the process list.

Errors print one line, Korean then English, to standard error: exit status 2 for a usage
mistake, 1 for anything refused or failed. Never a traceback: a traceback can carry data.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn, TextIO

from onestop_desk import paths
from onestop_desk.db.repositories import MaintenanceRepository, SettingsRepository
from onestop_desk.domain.errors import DomainError, ValidationError
from onestop_desk.domain.labels import CASE_STATUS
from onestop_desk.domain.security import SecurityError
from onestop_desk.domain.text import csv_row, mask_name
from onestop_desk.domain.vocab import AuditAction, Role
from onestop_desk.services.access_log import AuditFilter, AuditReview
from onestop_desk.services.auth import AuthService, AuthSession
from onestop_desk.services.export import generate_passphrase

PASSWORD_ENV = "ONESTOP_DESK_PASSWORD"
NEW_PASSWORD_ENV = "ONESTOP_DESK_NEW_PASSWORD"
DEMO_SETTING = "demo.database"
DEMO_FLAG = "--yes-this-is-a-demo-database"

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

# Error codes -> (Korean, English). Codes come from the services; unknown codes fall back to
# the base class's text so a new error never shows as a bare code.
MESSAGES: dict[str, tuple[str, str]] = {
    "auth.invalid_credentials": (
        "사용자 이름 또는 비밀번호가 틀렸습니다",
        "wrong user name or password",
    ),
    "auth.locked": ("계정이 잠겼습니다", "the account is locked"),
    "auth.disabled": ("사용이 중지된 계정입니다", "the account is disabled"),
    "auth.not_set_up": (
        "아직 설정되지 않았습니다. 먼저 init 을 실행하세요",
        "not set up yet; run init first",
    ),
    "auth.already_set_up": (
        "이 데이터 폴더는 이미 설정되어 있습니다",
        "this data folder is already set up",
    ),
    "auth.keyring_corrupt": ("키 파일(keyring.json)이 손상되었습니다", "keyring.json is damaged"),
    "permission_denied": ("이 역할로는 할 수 없는 작업입니다", "your role may not do this"),
    "not_found": ("찾을 수 없습니다", "not found"),
    "conflict": ("지금 상태로는 할 수 없습니다", "conflicts with the current state"),
    "validation": ("입력값이 올바르지 않습니다", "invalid input"),
    "too_long": ("입력한 내용이 너무 깁니다", "input too long"),
    "store": ("데이터베이스를 열 수 없습니다", "the database cannot be opened"),
    "store.too_new": (
        "더 새 버전이 만든 데이터베이스입니다",
        "the database was made by a newer version",
    ),
    "security.wrong_secret": ("복구 키가 맞지 않습니다", "wrong recovery key"),
    "security.corrupt_data": ("저장된 보안 정보가 손상되었습니다", "stored security data damaged"),
    "recovery_key.invalid": ("복구 키 형식이 틀렸습니다", "malformed recovery key"),
    "recovery_key.checksum_mismatch": (
        "복구 키에 오타가 있습니다",
        "the recovery key has a typo",
    ),
    "recovery_key.wrong_length": ("복구 키 길이가 맞지 않습니다", "recovery key length is wrong"),
    "recovery_key.hangul_input": (
        "한글 입력 상태입니다. 한/영 키를 눌러 주세요",
        "keyboard is in Hangul mode",
    ),
    "password.too_short": ("비밀번호가 너무 짧습니다", "password too short"),
    "password.too_few_classes": (
        "비밀번호는 8자 이상이면 2종류 이상, 10자 이상이면 1종류 이상의 문자가 필요합니다",
        "8+ characters of 2 kinds, or 10+ characters",
    ),
    "password.reused": ("지금 쓰는 비밀번호는 다시 쓸 수 없습니다", "password reused"),
    "password.empty": ("비밀번호가 비어 있습니다", "empty password"),
    "password.too_long": ("비밀번호가 너무 깁니다", "password too long"),
    "demo.real_data": (
        "실제 사례가 있는 데이터베이스에는 데모 자료를 넣을 수 없습니다",
        "refusing to add demo data to a database with real cases",
    ),
    "demo.flag": (
        f"데모 자료는 {DEMO_FLAG} 를 붙여야 넣습니다",
        f"demo data needs {DEMO_FLAG}",
    ),
    "secret.missing": (
        f"비밀번호가 없습니다 ({PASSWORD_ENV} 또는 표준 입력)",
        f"no password given ({PASSWORD_ENV} or standard input)",
    ),
    "file": ("파일을 쓸 수 없습니다", "cannot write the file"),
    "consent_required": (
        "이 기관에 대한 유효한 제3자 제공 동의가 없습니다",
        "no valid consent to share with this agency",
    ),
    "no_open_referral": (
        "이 기관으로 진행 중인 연계가 없습니다",
        "no open referral to this agency",
    ),
    "internal": ("예상하지 못한 오류입니다", "unexpected error"),
}


class CliError(Exception):
    """A refusal of the CLI itself (not of a service), with a code from :data:`MESSAGES`."""

    def __init__(self, code: str, extra: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.extra = extra


def describe(code: str, extra: str = "") -> str:
    """One line for an error code: ``오류: … / error: …``."""
    ko, en = MESSAGES.get(code) or MESSAGES.get(code.split(".")[0]) or ("오류", code)
    tail = f" ({extra})" if extra else ""
    return f"오류: {ko}{tail} / error: {en}{tail}"


def _error_line(exc: BaseException) -> str:
    if isinstance(exc, CliError):
        return describe(exc.code, exc.extra)
    if isinstance(exc, ValidationError):
        codes = [e.code for e in exc.errors]
        first = next((c for c in codes if c in MESSAGES), "validation")
        fields = ", ".join(f"{e.field}={e.code}" for e in exc.errors)
        return describe(first, fields)
    if isinstance(exc, DomainError):
        extra = ""
        until = exc.params.get("until")
        if until is not None:
            extra = f"until {until.astimezone():%Y-%m-%d %H:%M}"
        else:
            # Account and case identifiers only; params never carry a person's data.
            extra = ", ".join(
                str(exc.params[k]) for k in ("username", "case_number") if k in exc.params
            )
        return describe(exc.code, extra)
    if isinstance(exc, SecurityError):
        return describe(exc.code)
    return describe("internal", type(exc).__name__)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one line, exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"오류: 사용법이 틀렸습니다 / usage error: {message}\n")
        raise SystemExit(EXIT_USAGE)


class Secrets:
    """Reads the password(s) once each: environment first, then stdin line by line."""

    def __init__(self, stdin: TextIO, environ: dict[str, str] | os._Environ[str]) -> None:
        self._stdin = stdin
        self._environ = environ

    def _line(self, prompt: str) -> str:
        if self._stdin.isatty():
            return getpass.getpass(prompt)
        line = self._stdin.readline()
        if not line:
            raise CliError("secret.missing")
        return line.rstrip("\r\n")

    def password(self) -> str:
        value = self._environ.get(PASSWORD_ENV)
        return value if value else self._line("비밀번호 / password: ")

    def new_password(self) -> str:
        value = self._environ.get(NEW_PASSWORD_ENV)
        return value if value else self._line("새 비밀번호 / new password: ")

    def recovery_key(self) -> str:
        return self._line("복구 키 / recovery key: ")


# --- the commands -----------------------------------------------------------------------------

Handler = Callable[[argparse.Namespace, "Context"], int]


AuthFactory = Callable[[Path], AuthService]


class Context:
    """What a command gets: output streams, the secrets and a way to log in."""

    def __init__(
        self, args: argparse.Namespace, out: TextIO, secrets: Secrets, auth_factory: AuthFactory
    ) -> None:
        self.out = out
        self.secrets = secrets
        self.auth = auth_factory(paths.data_dir(args.data_dir))

    def print(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def login(self, args: argparse.Namespace) -> AuthSession:
        return self.auth.login(args.user, self.secrets.password())


def _session_command(func: Callable[[argparse.Namespace, Context, AuthSession], int]) -> Handler:
    """Log in as ``--user``, run ``func``, always log out (the logout is logged too)."""

    def run(args: argparse.Namespace, ctx: Context) -> int:
        session = ctx.login(args)
        try:
            return func(args, ctx, session)
        finally:
            session.logout("cli")

    return run


def _write_private(path: Path, data: bytes) -> None:
    """Exports hold personal data or secrets: readable by the owner only, and written whole
    or not at all (a temporary name beside the target, synced, then renamed)."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CliError("file", str(path)) from exc


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    from onestop_desk.reports.recovery_sheet import render_recovery_sheet

    result = ctx.auth.set_up(args.center, args.username, args.display_name, ctx.secrets.password())
    session = result.session
    try:
        if args.recovery_sheet:
            pdf = render_recovery_sheet(
                center_name=args.center.strip(),
                recovery_key=result.recovery_key,
                administrator=session.username,
                created_at=ctx.auth.clock.now(),
            )
            _write_private(Path(args.recovery_sheet), pdf)
            session.record_event(AuditAction.PRINT, detail="recovery key sheet")
        ctx.print(f"센터를 만들었습니다 / center created: {ctx.auth.data_dir}")
        ctx.print("복구 키 (한 번만 표시됩니다; 인쇄해서 금고에 보관하세요):")
        ctx.print("recovery key (shown once; print it and keep it in the safe):")
        ctx.print(result.recovery_key)
        if args.recovery_sheet:
            ctx.print(f"복구 키 용지 / recovery sheet: {args.recovery_sheet}")
    finally:
        session.logout("cli init")
    return EXIT_OK


@_session_command
def cmd_demo(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    from onestop_desk.demo import generate_demo

    if session.role not in (Role.ADMIN, Role.TEAM_LEAD):
        raise CliError("permission_denied")
    if not args.yes_this_is_a_demo_database:
        raise CliError("demo.flag")
    with session.store.sessions.begin() as s:
        settings = SettingsRepository(s)
        has_cases = bool(MaintenanceRepository(s).all_case_ids())
        if has_cases and not settings.get(DEMO_SETTING, False):
            raise CliError("demo.real_data")
        settings.set(DEMO_SETTING, True)
    written = generate_demo(session.store.sessions, args.cases, seed=args.seed)
    session.record_event(AuditAction.CREATE, detail=f"demo data: {written} cases")
    ctx.print(f"데모 사례 {written}건을 만들었습니다 / {written} demo cases written")
    return EXIT_OK


@_session_command
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


@_session_command
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


@_session_command
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
    _write_private(out, pdf)
    services.documents.record_output(
        case_id, packet.document_numbers, printed=False, destination=str(out), reason=args.reason
    )
    ctx.print(
        f"{out}: {len(packet.document_numbers)} letters ({', '.join(packet.document_numbers)})"
    )
    for code in packet.skipped_without_consent:
        ctx.print(f"skipped {code}: {describe('consent_required')}")
    return EXIT_OK


@_session_command
def cmd_agencies_list(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    for agency in session.services.directory.agencies(active_only=not args.all):
        where = "입주" if agency.resident else "외부"
        ctx.print(f"{agency.code}\t{agency.name}\t{agency.phone or '-'}\t{where}")
    return EXIT_OK


@_session_command
def cmd_users_add(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    record = session.add_user(
        args.username, args.display_name, Role(args.role), ctx.secrets.new_password(), args.phone
    )
    ctx.print(f"계정을 만들었습니다 / account created: {record.username} ({record.role.value})")
    return EXIT_OK


@_session_command
def cmd_users_list(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    for user in session.list_users():
        state = "active" if user.active else "disabled"
        locked = ctx.auth.locked_until(user.username)
        if locked is not None:
            state += f", locked until {locked.astimezone():%H:%M}"
        ctx.print(f"{user.username}\t{user.display_name}\t{user.role.value}\t{state}")
    return EXIT_OK


@_session_command
def cmd_users_disable(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    session.disable_user(args.username)
    ctx.print(f"사용을 중지했습니다 / disabled: {args.username}")
    return EXIT_OK


@_session_command
def cmd_users_enable(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    session.enable_user(args.username, ctx.secrets.new_password())
    ctx.print(f"다시 사용하게 했습니다 / re-enabled: {args.username} (must change the password)")
    return EXIT_OK


@_session_command
def cmd_users_reset(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    session.reset_password(args.username, ctx.secrets.new_password())
    ctx.print(f"비밀번호를 바꿨습니다 / password reset: {args.username}")
    return EXIT_OK


@_session_command
def cmd_users_set_role(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    record = session.set_role(args.username, Role(args.role))
    ctx.print(f"역할을 바꿨습니다 / role set: {record.username} -> {record.role.value}")
    return EXIT_OK


@_session_command
def cmd_audit_verify(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    report = session.verify_audit()
    if report.ok:
        ctx.print(f"이상 없음 / OK: {report.rows_checked} rows")
        return EXIT_OK
    if report.missing is not None:
        first, last = report.missing
        sys.stderr.write(
            f"오류: 접속기록 {first}~{last}번 행이 없습니다 / error: access-log rows "
            f"{first}-{last} are missing ({report.reason})\n"
        )
    elif report.first_bad_seq is None:
        sys.stderr.write(
            "오류: 접속기록의 끝을 확인할 기록(keyring.json)이 손상되었습니다 / error: the "
            f"remembered end of the access log is damaged ({report.reason})\n"
        )
    else:
        sys.stderr.write(
            f"오류: 접속기록 {report.first_bad_seq}번 행에서 체인이 끊어졌습니다 / error: chain "
            f"broken at row {report.first_bad_seq} ({report.reason})\n"
        )
    return EXIT_FAILED


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from exc


@_session_command
def cmd_audit_export(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    flt = AuditFilter(start=args.start, end=args.end, username=args.username or "")
    text = session.audit_log.export_csv(args.reason, flt)
    _write_private(Path(args.out), text.encode("utf-8-sig"))  # BOM: Excel reads it as UTF-8
    ctx.print(f"내보냈습니다 / exported: {args.out}")
    return EXIT_OK


def review_csv(review: AuditReview) -> str:
    """The monthly review as CSV: the counts, then the findings."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "user", "action/kind", "count", "detail"])
    for c in review.counts:
        writer.writerow(csv_row(["count", c.username, c.action, c.count, ""]))
    for f in review.findings:
        writer.writerow(csv_row(["finding", f.username, f.kind, f.count, f.detail]))
    return out.getvalue()


@_session_command
def cmd_audit_review(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    review = session.audit_log.review(args.month)
    ctx.print(f"{review.month} 접속기록 점검 / access-log review: {review.total} rows")
    for c in review.counts:
        ctx.print(f"  {c.username}\t{c.action}\t{c.count}")
    if review.findings:
        ctx.print("확인할 점 / findings:")
        for f in review.findings:
            ctx.print(f"  [{f.kind}] {f.username}: {f.count} {f.detail}".rstrip())
    else:
        ctx.print("특이사항 없음 / nothing unusual")
    if args.out:
        _write_private(Path(args.out), review_csv(review).encode("utf-8-sig"))
        session.record_event(
            AuditAction.DOWNLOAD, detail=f"audit review {review.month}", reason="monthly review"
        )
    return EXIT_OK


@_session_command
def cmd_audit_purge(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    result = session.audit_log.purge(args.reason)
    ctx.print(
        f"보존기간이 지난 접속기록 {result.removed}행을 지웠습니다 / removed {result.removed} rows"
    )
    return EXIT_OK


def cmd_recover(args: argparse.Namespace, ctx: Context) -> int:
    key = ctx.secrets.recovery_key()
    session = ctx.auth.recover(key, args.username, ctx.secrets.new_password())
    session.logout("cli recover")
    ctx.print(f"새 비밀번호를 정했습니다 / new password set: {args.username}")
    return EXIT_OK


# --- the parser -------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    # SUPPRESS: a --data-dir given before the command is not overwritten by the leaf's default.
    common = _Parser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help="data folder")
    with_user = _Parser(add_help=False, parents=[common])
    with_user.add_argument("--user", required=True, help="your account (password on stdin)")

    parser = _Parser(
        prog="onestop-desk-admin",
        description="원스톱 데스크 관리 도구 / OneStop Desk administration",
    )
    parser.add_argument("--data-dir", default=None, help="data folder")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = commands.add_parser("init", parents=[common], help="first-run setup")
    p.add_argument("--center", required=True, help="center name")
    p.add_argument("--username", required=True)
    p.add_argument("--display-name", required=True)
    p.add_argument("--recovery-sheet", metavar="FILE", help="write the recovery-key PDF here")
    p.set_defaults(handler=cmd_init)

    p = commands.add_parser("recover", parents=[common], help="recovery key, new admin password")
    p.add_argument("--username", required=True, help="administrator to give a new password")
    p.set_defaults(handler=cmd_recover)

    p = commands.add_parser("demo", parents=[with_user], help="demo data (never real centers)")
    p.add_argument("--cases", type=int, required=True)
    p.add_argument("--seed", type=int, default=1701)
    p.add_argument(DEMO_FLAG, action="store_true")
    p.set_defaults(handler=cmd_demo)

    cases = commands.add_parser("cases").add_subparsers(
        dest="cases_command", required=True, parser_class=_Parser
    )
    p = cases.add_parser("search", parents=[with_user])
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(handler=cmd_cases_search)
    p = cases.add_parser("show", parents=[with_user])
    p.add_argument("case_number")
    p.add_argument("--reveal", action="store_true", help="show the full name (logged)")
    p.set_defaults(handler=cmd_cases_show)

    p = commands.add_parser(
        "packet", parents=[with_user], help="referral packet PDF (take-home sheet + letters)"
    )
    p.add_argument("case_number")
    p.add_argument("--out", required=True, help="PDF file to write")
    p.add_argument("--agency", action="append", help="only this agency (repeatable)")
    p.add_argument("--discreet", action="store_true", help="neutral take-home sheet")
    p.add_argument("--consent-form", action="store_true", help="add the consent form")
    p.add_argument("--reason", default="연계 안내문 출력", help="logged reason for the file")
    p.add_argument("--generate-password", action="store_true", help="make a passphrase, shown once")
    p.set_defaults(handler=cmd_packet)

    agencies = commands.add_parser("agencies").add_subparsers(
        dest="agencies_command", required=True, parser_class=_Parser
    )
    p = agencies.add_parser("list", parents=[with_user])
    p.add_argument("--all", action="store_true", help="include inactive agencies")
    p.set_defaults(handler=cmd_agencies_list)

    roles = [Role.COUNSELOR.value, Role.TEAM_LEAD.value, Role.ADMIN.value]
    users = commands.add_parser("users").add_subparsers(
        dest="users_command", required=True, parser_class=_Parser
    )
    p = users.add_parser("add", parents=[with_user])
    p.add_argument("username")
    p.add_argument("--display-name", required=True)
    p.add_argument("--role", choices=roles, required=True)
    p.add_argument("--phone", default="")
    p.set_defaults(handler=cmd_users_add)
    p = users.add_parser("list", parents=[with_user])
    p.set_defaults(handler=cmd_users_list)
    p = users.add_parser("disable", parents=[with_user])
    p.add_argument("username")
    p.set_defaults(handler=cmd_users_disable)
    p = users.add_parser("enable", parents=[with_user], help="re-enable with a new password")
    p.add_argument("username")
    p.set_defaults(handler=cmd_users_enable)
    p = users.add_parser("reset-password", parents=[with_user])
    p.add_argument("username")
    p.set_defaults(handler=cmd_users_reset)
    p = users.add_parser("set-role", parents=[with_user])
    p.add_argument("username")
    p.add_argument("role", choices=roles)
    p.set_defaults(handler=cmd_users_set_role)

    audit = commands.add_parser("audit").add_subparsers(
        dest="audit_command", required=True, parser_class=_Parser
    )
    p = audit.add_parser("verify", parents=[with_user])
    p.set_defaults(handler=cmd_audit_verify)
    p = audit.add_parser("export", parents=[with_user])
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--reason", required=True)
    p.add_argument("--from", dest="start", type=_day)
    p.add_argument("--to", dest="end", type=_day)
    p.add_argument("--username", help="only this account's rows")
    p.set_defaults(handler=cmd_audit_export)
    p = audit.add_parser("review", parents=[with_user])
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--out", metavar="FILE.csv")
    p.set_defaults(handler=cmd_audit_review)
    p = audit.add_parser("purge", parents=[with_user], help="remove rows past retention")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_audit_purge)

    from onestop_desk.cli_maintenance import add_commands  # it imports this module

    add_commands(commands, common=common, with_user=with_user)
    from onestop_desk.cli_stats import add_commands as add_stats_commands

    add_stats_commands(commands, with_user=with_user)
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    environ: dict[str, str] | None = None,
    auth_factory: AuthFactory = AuthService,
) -> int:
    """Run one command; returns the exit status (the console script exits with it).

    The keyword arguments exist for tests: in-memory streams, a fixed environment, and an
    :class:`AuthService` with cheap key derivation.
    """
    out = stdout or sys.stdout
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    secrets = Secrets(stdin or sys.stdin, environ if environ is not None else os.environ)
    try:
        ctx = Context(args, out, secrets, auth_factory)
        return int(args.handler(args, ctx))
    except BrokenPipeError:
        # The reader went away (``| head``): not an error worth a line. Point stdout at
        # devnull so the interpreter's final flush does not raise again.
        if out is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        sys.stderr.write("중단했습니다 / interrupted\n")
        return 130
    except Exception as exc:  # one line, never a traceback (see the module docstring)
        sys.stderr.write(_error_line(exc) + "\n")
        return EXIT_FAILED


if __name__ == "__main__":
    raise SystemExit(main())
