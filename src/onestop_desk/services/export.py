"""Encrypted case summaries on removable media (개인정보의 안전성 확보조치 기준 §7: personal data
on USB must be encrypted; §8: the reason for a download is recorded).

A file is written whole or not at all. It goes to a temporary name in the target folder (the
same volume, so the final rename is atomic), is flushed and ``fsync``-ed, read back and opened
with the password, and only then renamed to ``<case_number>_<YYYYMMDD>.pdf``; the folder is
synced last. When the stick is full or pulled out half-way, the temporary file is removed (if
the device is still there) and an :class:`ExportError` names what happened; the database then
holds nothing new but the access-log rows of the attempt.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import math
import os
import secrets
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from sqlalchemy.orm import Session

from onestop_desk import reports
from onestop_desk.db import models
from onestop_desk.db.convert import case_detail, consent_record, referral_record, timeline_entry
from onestop_desk.db.repositories import (
    ConsentRepository,
    DirectoryRepository,
    NeedRepository,
    ReferralRepository,
    TimelineRepository,
)
from onestop_desk.domain.errors import (
    ConsentRequiredError,
    DomainError,
    FieldError,
    ValidationError,
)
from onestop_desk.domain.labels import (
    CASE_STATUS,
    CONSENT_ITEM,
    GENDER,
    NEED_STATUS,
    REFERRAL_STATUS,
    TIMELINE_KIND,
    timeline_text,
)
from onestop_desk.domain.records import CaseDetail
from onestop_desk.domain.security.passwords import check_password_policy
from onestop_desk.domain.timeline import read as read_timeline
from onestop_desk.domain.vocab import AuditAction, NeedStatus, Relationship
from onestop_desk.services.base import Service
from onestop_desk.services.center import CenterDetails
from onestop_desk.services.documents import DocumentService
from onestop_desk.services.settings import CENTER

# No 0/o, 1/l/i: a passphrase is read off a screen and typed in by someone else.
PASSPHRASE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
PASSPHRASE_GROUPS = 5
PASSPHRASE_GROUP_LENGTH = 4
TEMP_SUFFIX = ".partial"

Progress = Callable[[int, int], bool | None]


class ExportError(DomainError):
    """Writing the file failed; ``code`` says why (the UI turns it into words).

    ``export.disk_full``, ``export.device_gone``, ``export.not_writable``,
    ``export.target_missing``, ``export.verify_failed``, ``export.io_error``.
    ``params["done"]`` holds the files of a multi-case export written before the failure.
    """

    code = "export"

    def __init__(self, code: str, message: str = "", **params: object) -> None:
        super().__init__(message or code, **params)
        self.code = code


@dataclass(frozen=True)
class ExportResult:
    case_id: int
    case_number: str
    path: Path
    pages: int
    size: int
    letters_included: bool


@dataclass(frozen=True)
class Volume:
    """A mounted removable drive (USB stick, SD card) the export can write to."""

    path: Path
    label: str
    total_bytes: int
    free_bytes: int


def passphrase_bits(
    groups: int = PASSPHRASE_GROUPS, length: int = PASSPHRASE_GROUP_LENGTH
) -> float:
    return groups * length * math.log2(len(PASSPHRASE_ALPHABET))


def generate_passphrase(
    groups: int = PASSPHRASE_GROUPS, length: int = PASSPHRASE_GROUP_LENGTH
) -> str:
    """``k7mq-x4fp-…``: ASCII only (typed on any keyboard layout), ~99 bits at the default."""
    return "-".join(
        "".join(secrets.choice(PASSPHRASE_ALPHABET) for _ in range(length)) for _ in range(groups)
    )


def export_file_name(case_number: str, day_stamp: str, taken: Callable[[str], bool]) -> str:
    """``2026-0001_20261125.pdf``; a second export the same day gets ``_2``, ``_3``…"""
    base = f"{case_number}_{day_stamp}"
    name, n = f"{base}.pdf", 1
    while taken(name):
        n += 1
        name = f"{base}_{n}.pdf"
    return name


# --- writing ---------------------------------------------------------------------------------


def _free_bytes(directory: Path) -> int | None:
    """Free space, or ``None`` where the file system does not say (some FUSE drivers
    report a total of 0)."""
    try:
        usage = shutil.disk_usage(directory)
    except OSError:
        return None
    return usage.free if usage.total > 0 else None


def classify_os_error(exc: OSError, directory: Path, needed: int, *, writing: bool) -> str:
    """The export code for ``exc``. Drivers differ (a full FAT stick on fusefat says EPERM
    and reports no free space), so the folder's presence, the free space and whether the
    file had already been created count as well as the errno."""
    number = exc.errno
    if number in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "export.disk_full"
    if number in (errno.ENODEV, errno.ENXIO, errno.ESTALE, errno.EIO) or not directory.is_dir():
        return "export.device_gone"
    free = _free_bytes(directory)
    if free is not None and free < needed:
        return "export.disk_full"
    if number == errno.EROFS:
        return "export.not_writable"
    if number in (errno.EACCES, errno.EPERM):
        # Refused after the folder let us create the file: the space ran out.
        return "export.disk_full" if writing and free is None else "export.not_writable"
    return "export.io_error"


def _fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; NTFS/FAT rename metadata is journaled
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        # Some file systems (FUSE drivers among them) do not sync folders at all.
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def check_encrypted_pdf(data: bytes, password: str, pages: int, marker: str) -> None:
    """Raise ``ExportError('export.verify_failed')`` unless ``data`` opens with ``password``
    (and not without it), has ``pages`` pages and shows ``marker`` on the first page."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if not reader.is_encrypted or reader.decrypt(password) == 0:
            raise ExportError("export.verify_failed", "does not open with the password")
        if len(reader.pages) != pages:
            raise ExportError("export.verify_failed", f"{len(reader.pages)} pages, not {pages}")
        if marker not in (reader.pages[0].extract_text() or ""):
            raise ExportError("export.verify_failed", "first page text missing")
    except ExportError:
        raise
    except Exception as exc:  # pypdf raises many types for a damaged file
        raise ExportError("export.verify_failed", str(exc)) from exc


def write_whole(directory: Path, name: str, data: bytes, verify: Callable[[bytes], None]) -> Path:
    """Write ``data`` to ``directory/name`` all or nothing (see the module docstring)."""
    final = directory / name
    temp = directory / f".{name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    created = False
    try:
        free = _free_bytes(directory)
        if free is not None and free < len(data):
            raise OSError(errno.ENOSPC, "not enough free space", str(directory))
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(temp, flags, 0o600)
        created = True
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with open(temp, "rb") as handle:
            written = handle.read()
        if hashlib.sha256(written).digest() != hashlib.sha256(data).digest():
            raise ExportError("export.verify_failed", "the file read back differs")
        verify(written)
        os.replace(temp, final)
        created = False
        _fsync_directory(directory)
    except OSError as exc:
        if created:
            _remove_quietly(temp)
        code = classify_os_error(exc, directory, len(data), writing=created)
        raise ExportError(code, str(exc), errno=exc.errno) from exc
    except BaseException:
        if created:
            _remove_quietly(temp)
        raise
    return final


def _remove_quietly(path: Path) -> None:
    # When the device is gone there is nothing left to remove the file from.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


# --- removable volumes -----------------------------------------------------------------------


def _unescape_mount(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    for code, ch in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, ch)
    return field


def _block_removable(device: str, sys_block: Path) -> bool:
    if not device.startswith("/dev/"):
        return False
    name = Path(os.path.realpath(device)).name
    disks = [sys_block / name] if (sys_block / name).is_dir() else []
    if not disks and sys_block.is_dir():
        disks = [d for d in sys_block.iterdir() if (d / name).is_dir()]
    for disk in disks:
        try:
            if (disk / "removable").read_text().strip() == "1":
                return True
        except OSError:
            continue
    return False


def _linux_volumes(
    proc_mounts: Path, sys_block: Path, media_roots: Sequence[str]
) -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    try:
        lines = proc_mounts.read_text().splitlines()
    except OSError:
        return found
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        device, mount_point = fields[0], _unescape_mount(fields[1])
        under_media = any(mount_point.startswith(root.rstrip("/") + "/") for root in media_roots)
        if under_media or _block_removable(device, sys_block):
            found.append((Path(mount_point), Path(mount_point).name or mount_point))
    return found


def _mac_volumes(volumes_root: Path) -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    try:
        root_dev = os.stat("/").st_dev
        entries = sorted(volumes_root.iterdir())
    except OSError:
        return found
    for entry in entries:
        try:
            # The boot volume appears here as a link to / ("Macintosh HD").
            if entry.is_symlink() or entry.stat().st_dev == root_dev:
                continue
        except OSError:
            continue
        if os.path.ismount(entry):
            found.append((entry, entry.name))
    return found


def _windows_volumes() -> list[tuple[Path, str]]:  # pragma: no cover - needs Windows
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    drive_removable = 2
    found: list[tuple[Path, str]] = []
    mask = kernel32.GetLogicalDrives()
    for index in range(26):
        if not mask & (1 << index):
            continue
        root = f"{chr(ord('A') + index)}:\\"
        if kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) != drive_removable:
            continue
        label = ctypes.create_unicode_buffer(261)
        ok = kernel32.GetVolumeInformationW(
            ctypes.c_wchar_p(root), label, 261, None, None, None, None, 0
        )
        found.append((Path(root), f"{label.value} ({root[:2]})" if ok and label.value else root))
    return found


def removable_volumes(
    *,
    platform: str | None = None,
    proc_mounts: Path = Path("/proc/mounts"),
    sys_block: Path = Path("/sys/block"),
    media_roots: Sequence[str] = ("/media", "/run/media"),
    volumes_root: Path = Path("/Volumes"),
) -> list[Volume]:
    """Mounted removable drives with their free space; drives without media are left out.

    Linux: mounts whose disk has ``/sys/block/<disk>/removable`` = 1, and anything the
    desktop mounted under ``/media`` or ``/run/media``. macOS: ``/Volumes`` except the boot
    volume. Windows: drives of type ``DRIVE_REMOVABLE``.
    """
    platform = platform or sys.platform
    if platform.startswith("linux"):
        candidates = _linux_volumes(proc_mounts, sys_block, media_roots)
    elif platform == "darwin":
        candidates = _mac_volumes(volumes_root)
    elif platform == "win32":
        candidates = _windows_volumes()
    else:
        candidates = []
    volumes: list[Volume] = []
    seen: set[Path] = set()
    for path, label in candidates:
        if path in seen:
            continue
        seen.add(path)
        try:
            usage = shutil.disk_usage(path)
        except OSError:
            continue
        volumes.append(Volume(path, label, usage.total, usage.free))
    return volumes


# --- the service -----------------------------------------------------------------------------


class ExportService(Service):
    """Case summaries as AES-256 PDFs on a USB stick or in a folder."""

    @staticmethod
    def password_problems(password: str) -> list[str]:
        """The login password rule's codes for ``password`` (empty: acceptable)."""
        return [str(code) for code in check_password_policy(password)]

    @staticmethod
    def generate_passphrase() -> str:
        return generate_passphrase()

    @staticmethod
    def removable_volumes() -> list[Volume]:
        return removable_volumes()

    def export_case(
        self,
        case_id: int,
        target_dir: Path,
        *,
        password: str,
        reason: str,
        include_letters: bool = False,
    ) -> ExportResult:
        return self.export_cases(
            [case_id], target_dir, password=password, reason=reason, include_letters=include_letters
        )[0]

    def export_cases(
        self,
        case_ids: Sequence[int],
        target_dir: Path,
        *,
        password: str,
        reason: str,
        include_letters: bool = False,
        progress: Progress | None = None,
    ) -> list[ExportResult]:
        """One encrypted PDF per case in ``target_dir``, all with the same ``password``.

        ``progress(done, total)`` is called before the first and after every file; when it
        returns ``False`` the export stops after the current file and returns what was
        written. Raises ``ValidationError`` (no reason, weak password), ``ExportError`` (the
        files written before the failure are in ``params['done']``), ``PermissionDeniedError``
        and ``NotFoundError`` (nothing is written for such a case).
        """
        errors = [FieldError("export.password", code) for code in self.password_problems(password)]
        if not reason.strip():
            errors.append(FieldError("export.reason", "required"))
        if not case_ids:
            errors.append(FieldError("export.cases", "required"))
        if errors:
            raise ValidationError(errors)
        target_dir = Path(target_dir)
        if not target_dir.is_dir():
            raise ExportError("export.target_missing", str(target_dir))
        total = len(case_ids)
        done: list[ExportResult] = []
        if progress is not None:
            progress(0, total)
        for case_id in case_ids:
            try:
                done.append(
                    self._export_one(case_id, target_dir, password, reason.strip(), include_letters)
                )
            except ExportError as exc:
                exc.params["done"] = tuple(done)
                raise
            if progress is not None and progress(len(done), total) is False:
                break
        return done

    def _export_one(
        self, case_id: int, target_dir: Path, password: str, reason: str, letters: bool
    ) -> ExportResult:
        day_stamp = self._ctx.clock.today().strftime("%Y%m%d")
        with self._ctx.transaction() as s:
            row = self._load_case(s, case_id)
            summary = self._summary(s, row)
            name = export_file_name(row.case_number, day_stamp, lambda n: (target_dir / n).exists())
            self._log(
                s,
                AuditAction.EXPORT,
                row.case_number,
                f"case summary encrypted file={name} letters={letters}",
                reason=reason,
            )
        pdf = reports.render_case_summary(summary)
        letters_included = False
        if letters:
            try:
                packet = DocumentService(self._ctx).build_packet(case_id)
            except (ValidationError, ConsentRequiredError):
                packet = None  # no open referral with consent: the summary goes alone
            if packet is not None:
                pdf = _concatenate(pdf, packet.pdf)
                letters_included = True
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        encrypted = reports.encrypt_pdf(pdf, password)
        try:
            path = write_whole(
                target_dir,
                name,
                encrypted,
                lambda data: check_encrypted_pdf(data, password, pages, summary.case_number),
            )
        except ExportError as exc:
            with self._ctx.transaction() as s:
                self._log(
                    s,
                    AuditAction.EXPORT,
                    summary.case_number,
                    f"failed {exc.code} file={name}",
                    reason=reason,
                )
            raise
        return ExportResult(
            case_id=case_id,
            case_number=summary.case_number,
            path=path,
            pages=pages,
            size=len(encrypted),
            letters_included=letters_included,
        )

    def _summary(self, s: Session, row: models.Case) -> reports.CaseSummary:
        case = case_detail(row)
        directory = DirectoryRepository(s)
        crime_names = {c.code: c.name for c in directory.crime_types()}
        area_names = {a.code: a.name for a in directory.support_areas()}
        needs = tuple(
            reports.SummaryNeed(
                area=area_names.get(n.support_area, n.support_area),
                programme=n.programme.name if n.programme is not None else "-",
                status=NEED_STATUS[NeedStatus(n.status)],
                note=n.note or None,
            )
            for n in NeedRepository(s).for_case(row.id)
        )
        consents = tuple(
            reports.SummaryConsent(
                agency_name=c.agency_name,
                items=tuple(CONSENT_ITEM[i] for i in sorted(c.items)),
                given_on=c.given_on,
                withdrawn_on=c.withdrawn_on,
            )
            for c in (consent_record(x) for x in ConsentRepository(s).for_case(row.id))
        )
        referrals = tuple(
            reports.SummaryReferral(
                document_number=r.document_number,
                agency_name=r.agency_name,
                status=REFERRAL_STATUS[r.status],
                sent_on=r.sent_at.date() if r.sent_at else None,
                replied_on=r.reply.received_on if r.reply else None,
                reply=(
                    " ".join(x for x in (r.reply.result, r.reply.note) if x) or None
                    if r.reply
                    else None
                ),
            )
            for r in (referral_record(x) for x in ReferralRepository(s).for_case(row.id))
        )
        agency_names = {a.code: a.name for a in DirectoryRepository(s).agencies()}
        timeline = tuple(
            reports.SummaryEvent(
                at=e.at,
                kind=TIMELINE_KIND[e.kind],
                text=timeline_text(read_timeline(e.kind, e.text), agency_names),
            )
            for e in (timeline_entry(t) for t in TimelineRepository(s).for_case(row.id))
        )
        return reports.CaseSummary(
            case_number=case.case_number,
            center=_center_info(s),
            counselor_name=case.counselor_name,
            status=CASE_STATUS[case.status],
            opened_on=case.intake_date,
            person=_person_section(case),
            case=_case_section(case, crime_names),
            needs=needs,
            consents=consents,
            referrals=referrals,
            timeline=timeline,
            printed_by=self.actor.username,
            printed_at=self._ctx.clock.now(),
        )


def _center_info(s: Session) -> reports.CenterInfo:
    stored = CENTER.read(s)
    details = CenterDetails(
        **{k: v for k, v in stored.items() if k in CenterDetails.__dataclass_fields__}
    )
    return reports.CenterInfo(
        name=details.name,
        address=details.address,
        phone=details.phone,
        fax=details.fax or None,
        hours=details.hours or None,
    )


def _person_section(case: CaseDetail) -> reports.PersonSection:
    person = case.person
    safe = person.safe_contact
    ways = [
        w
        for w, on in (
            ("전화 가능", safe.may_call),
            ("메시지 남김 가능", safe.may_leave_message),
            ("우편 가능", safe.may_send_mail),
        )
        if on
    ]
    safe_words = ", ".join(ways) or "연락 전 센터 확인"
    if safe.safe_hours:
        safe_words += f" ({safe.safe_hours})"
    guardian = next((r for r in case.related if r.relationship is Relationship.GUARDIAN), None)
    return reports.PersonSection(
        name=person.name,
        gender=GENDER[person.gender],
        birth_date=person.birth_date or "",  # unknown, not withheld
        safe_contact=safe_words,
        guardian=guardian.person.name if guardian else "",
        language=person.language,
        interpreter_needed=person.interpreter_needed,
        disability=person.disability,
        phone=person.phone,
        # A confidential address stays off every document (see documents.py).
        address=None if person.confidential_address else person.address,
        contact_warning=safe.note.strip(),
    )


def _case_section(case: CaseDetail, crime_names: dict[str, str]) -> reports.CaseSection:
    return reports.CaseSection(
        crime_types=tuple(crime_names.get(c, c) for c in case.crime_types),
        incident_date=case.incident_date or "",  # unknown, not withheld
        reported_to_police="" if case.reported_to_police is None else case.reported_to_police,
        police_office=case.police_office,
        prosecution_office=case.prosecution_office,
        case_reference=case.police_case_number,
        offender_relation=case.offender_relation,
        sensitive_facts=case.summary,
    )


def _concatenate(*pdfs: bytes) -> bytes:
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(PdfReader(io.BytesIO(pdf)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
