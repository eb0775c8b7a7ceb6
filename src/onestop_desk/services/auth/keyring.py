"""``keyring.json``: each account's wrapped copy of the data key, the lockout counters and
policy, the queue of failed logins, and the access log's last head (see the package
docstring). The format, the file under its lock, and :class:`KeyCopies`, through which the
user administration keeps the copies in step with the accounts."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.security import (
    CorruptDataError,
    KdfParams,
    WrappedKey,
    wrap_key,
)
from onestop_desk.domain.security.audit_chain import AuditHead
from onestop_desk.domain.security.errors import KeyringError, NotSetUpError
from onestop_desk.paths import KEYRING_FILE
from onestop_desk.services.audit_trail import HeadStoreError
from onestop_desk.services.auth.files import file_lock, write_atomic

KEYRING_FORMAT = 1
RECOVERY_AAD = b"recovery"
MAX_QUEUED_FAILURES = 1000
"""Beyond this the oldest queued failures are dropped (and counted): a script hammering the
login must not grow the file without bound."""


def user_aad(username: str) -> bytes:
    """The associated data of an account's copy: a copy cannot be moved to another name."""
    return f"user:{username}".encode()


@dataclass(frozen=True)
class LockoutPolicy:
    """How many failures lock an account, for how long, and when an idle screen locks."""

    max_failures: int = 5
    lock_minutes: int = 10
    idle_lock_minutes: int = 10

    def problems(self) -> list[FieldError]:
        errors = []
        if not 1 <= self.max_failures <= 20:
            errors.append(FieldError("policy.max_failures", "out_of_range"))
        if not 1 <= self.lock_minutes <= 24 * 60:
            errors.append(FieldError("policy.lock_minutes", "out_of_range"))
        # PIPC §6④ asks for a disconnect after inactivity; more than an hour is not that.
        if not 1 <= self.idle_lock_minutes <= 60:
            errors.append(FieldError("policy.idle_lock_minutes", "out_of_range"))
        return errors


class _Counting:
    """Failed attempts towards a lock and the lock's end (``failed_logins``,
    ``locked_until``), for an account and for a name that is none."""

    failed_logins: int
    locked_until: datetime | None

    def count_failure(self, policy: LockoutPolicy, now: datetime) -> bool:
        """One more failure; returns whether it locked the account."""
        if self.locked_until is not None and self.locked_until <= now:
            self.locked_until = None
        self.failed_logins += 1
        if self.failed_logins >= policy.max_failures:
            self.failed_logins = 0
            self.locked_until = now + timedelta(minutes=policy.lock_minutes)
            return True
        return False

    def remaining(self, policy: LockoutPolicy) -> int:
        """Failures still allowed before the account locks."""
        return max(0, policy.max_failures - self.failed_logins)


@dataclass
class FailureCounter(_Counting):
    failed_logins: int = 0
    locked_until: datetime | None = None


@dataclass
class AccountState(_Counting):
    """One account's entry: its copy of the data key and its lockout counters."""

    wrapped: WrappedKey
    failed_logins: int = 0
    locked_until: datetime | None = None
    must_change_password: bool = False


@dataclass(frozen=True)
class QueuedFailure:
    at: datetime
    username: str
    pc_name: str
    detail: str


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


def _parse_time(value: object) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise KeyringError("keyring time is not text")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise KeyringError("keyring time cannot be parsed") from exc
    if moment.tzinfo is None:
        raise KeyringError("keyring time has no time zone")
    return moment


def _wrapped_from(value: object) -> WrappedKey:
    try:
        return WrappedKey.from_json(json.dumps(value))
    except CorruptDataError as exc:
        raise KeyringError(f"wrapped key damaged: {exc}") from exc


@dataclass
class Keyring:
    """The parsed ``keyring.json``. Load, change, save (through :class:`KeyringFile`)."""

    recovery: WrappedKey
    accounts: dict[str, AccountState] = field(default_factory=dict)
    policy: LockoutPolicy = field(default_factory=LockoutPolicy)
    queued_failures: list[QueuedFailure] = field(default_factory=list)
    dropped_failures: int = 0
    audit_head: object = None
    """The access log's head as :class:`KeyringHeads` stores it (opaque to the keyring)."""

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "format": KEYRING_FORMAT,
            "recovery": json.loads(self.recovery.to_json()),
            "policy": {
                "max_failures": self.policy.max_failures,
                "lock_minutes": self.policy.lock_minutes,
                "idle_lock_minutes": self.policy.idle_lock_minutes,
            },
            "accounts": {
                name: {
                    "wrapped": json.loads(state.wrapped.to_json()),
                    "failed_logins": state.failed_logins,
                    "locked_until": _iso(state.locked_until),
                    "must_change_password": state.must_change_password,
                }
                for name, state in sorted(self.accounts.items())
            },
            "queued_failures": [
                {"at": _iso(f.at), "username": f.username, "pc": f.pc_name, "detail": f.detail}
                for f in self.queued_failures
            ],
            "dropped_failures": self.dropped_failures,
            "audit_head": self.audit_head,
        }
        return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Keyring:
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != KEYRING_FORMAT:
                raise KeyringError("unknown keyring format")
            policy = LockoutPolicy(**data.get("policy", {}))
            accounts = {
                str(name): AccountState(
                    wrapped=_wrapped_from(entry["wrapped"]),
                    failed_logins=int(entry.get("failed_logins", 0)),
                    locked_until=_parse_time(entry.get("locked_until")),
                    must_change_password=bool(entry.get("must_change_password", False)),
                )
                for name, entry in data["accounts"].items()
            }
            failures = []
            for item in data.get("queued_failures", []):
                at = _parse_time(item["at"])
                assert at is not None
                failures.append(
                    QueuedFailure(at, str(item["username"]), str(item["pc"]), str(item["detail"]))
                )
            return cls(
                recovery=_wrapped_from(data["recovery"]),
                accounts=accounts,
                policy=policy,
                queued_failures=failures,
                dropped_failures=int(data.get("dropped_failures", 0)),
                audit_head=data.get("audit_head"),
            )
        except KeyringError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, AssertionError) as exc:
            raise KeyringError(f"keyring file cannot be read: {exc}") from exc

    def queue_failure(self, failure: QueuedFailure) -> None:
        self.queued_failures.append(failure)
        overflow = len(self.queued_failures) - MAX_QUEUED_FAILURES
        if overflow > 0:
            del self.queued_failures[:overflow]
            self.dropped_failures += overflow


class KeyringStore(Protocol):
    """Where a keyring is kept: :class:`KeyringFile` beside an embedded store, or
    :class:`.server_keyring.ServerKeyring` in a center server's database."""

    path: Path

    def exists(self) -> bool: ...

    def load(self) -> Keyring: ...

    def save(self, ring: Keyring) -> None: ...

    def updating(self) -> contextlib.AbstractContextManager[Keyring]: ...

    def restored_on_error(self) -> contextlib.AbstractContextManager[None]: ...


class KeyringFile:
    """``keyring.json`` in one data folder: read it, change it under the file lock, or put
    the bytes of an earlier moment back when the database change it went with failed."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / KEYRING_FILE
        self._lock_path = Path(data_dir) / f".{KEYRING_FILE}.lock"

    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> Keyring:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise NotSetUpError("no keyring in the data folder") from exc
        return Keyring.from_json(text)

    def save(self, ring: Keyring) -> None:
        write_atomic(self.path, ring.to_json().encode("utf-8"))

    @contextlib.contextmanager
    def updating(self) -> Iterator[Keyring]:
        """Load under the file lock, let the caller change it, write it back."""
        with file_lock(self._lock_path):
            ring = self.load()
            yield ring
            self.save(ring)

    @contextlib.contextmanager
    def restored_on_error(self) -> Iterator[None]:
        """Around a database transaction that writes this file before it commits: if the
        transaction (its commit included) fails after the file was written, put the old file
        back, so an account and its key copy never disagree."""
        before = self.path.read_bytes()
        try:
            yield
        except BaseException:
            if self.path.read_bytes() != before:
                write_atomic(self.path, before)
            raise


class KeyCopies:
    """The keyring side of the user administration, bound to an open database's key.

    :class:`~onestop_desk.services.users.UserService` takes one of these and calls it inside
    each account change's transaction; it is the only way accounts are administered, so a
    password set in the database always has the matching copy of the key.
    """

    def __init__(
        self, file: KeyringStore, data_key: bytes, kdf_params: Callable[[], KdfParams]
    ) -> None:
        self._file = file
        self._data_key = data_key
        self._kdf_params = kdf_params

    def wrap(self, username: str, password: str) -> WrappedKey:
        """A copy of the data key under ``password`` (slow: argon2id). Made before the
        transaction so the database is not held while it runs."""
        return wrap_key(self._data_key, password, params=self._kdf_params(), aad=user_aad(username))

    def holds(self, username: str) -> bool:
        return username in self._file.load().accounts

    def put(self, username: str, copy: WrappedKey, *, must_change_password: bool) -> None:
        """Give ``username`` this copy; counters and lock start again."""
        with self._file.updating() as ring:
            ring.accounts[username] = AccountState(copy, must_change_password=must_change_password)

    def remove(self, username: str) -> None:
        with self._file.updating() as ring:
            ring.accounts.pop(username, None)

    def restored_on_error(self) -> contextlib.AbstractContextManager[None]:
        return self._file.restored_on_error()

    def forget_key(self) -> None:
        self._data_key = b""


class KeyringHeads:
    """The access log's head in the keyring file (:class:`.audit_trail.HeadStore`).

    The keyring sits beside the database but is not in it: someone who rewrites the table
    cannot rewrite this with it, and the seal needs the data key.
    """

    def __init__(self, file: KeyringStore) -> None:
        self._file = file

    def load(self) -> AuditHead | None:
        if not self._file.exists():
            return None  # the first rows of a set-up, written before its keyring
        try:
            return AuditHead.from_json(self._file.load().audit_head)
        except (KeyringError, NotSetUpError, OSError, ValueError) as exc:
            raise HeadStoreError(str(exc)) from exc

    def advance(self, head: AuditHead) -> None:
        if not self._file.exists():
            return  # the set-up's next write, once its keyring exists, starts the head
        try:
            with self._file.updating() as ring:
                try:
                    current = AuditHead.from_json(ring.audit_head)
                except ValueError:
                    return  # a damaged head is evidence: leave it for the checks to report
                if current is None or head.seq > current.seq:
                    ring.audit_head = head.to_json()
        except (KeyringError, NotSetUpError, OSError) as exc:
            raise HeadStoreError(str(exc)) from exc

    def forget(self) -> None:
        try:
            with self._file.updating() as ring:
                ring.audit_head = None
        except (KeyringError, NotSetUpError, OSError) as exc:
            raise HeadStoreError(str(exc)) from exc
