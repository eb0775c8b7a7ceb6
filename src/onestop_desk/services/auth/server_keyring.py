"""The keyring of a center server store: the same :class:`.Keyring` as ``keyring.json``,
kept in the server's database (tables of migration 0006) so that every PC of the center can
log any account in, and counted under a row lock so that two PCs cannot both grant a fifth
try. It has the interface of :class:`.KeyringFile` (``exists``, ``load``, ``save``,
``updating``, ``restored_on_error``), so the login, the lockout, the key copies of the user
administration and the access log's head (:class:`.KeyringHeads`) work on it unchanged.

The tables hold nothing readable without a password: the copies of the data key are wrapped
(argon2id + AES-GCM), the head is sealed with a key derived from the data key, and a failed
login records an account name only when it is one (see ``AuthService.UNKNOWN_ACCOUNT``).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from onestop_desk.db.keyring import KeyringRepository
from onestop_desk.db.models import KeyringAccount, KeyringFailure, KeyringMeta
from onestop_desk.domain.security.audit_chain import AuditHead
from onestop_desk.domain.security.errors import NotSetUpError
from onestop_desk.services.audit_trail import HeadStoreError
from onestop_desk.services.auth.keyring import KEYRING_FORMAT, Keyring


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _ring_from_rows(
    meta: KeyringMeta, accounts: list[KeyringAccount], failures: list[KeyringFailure]
) -> Keyring:
    data = {
        "format": KEYRING_FORMAT,
        "recovery": meta.recovery,
        "policy": meta.policy,
        "accounts": {
            a.username: {
                "wrapped": a.wrapped,
                "failed_logins": a.failed_logins,
                "locked_until": _iso(_aware(a.locked_until)),
                "must_change_password": a.must_change_password,
            }
            for a in accounts
        },
        "queued_failures": [
            {"at": _iso(_aware(f.at)), "username": f.username, "pc": f.pc_name, "detail": f.detail}
            for f in failures
        ],
        "dropped_failures": meta.dropped_failures,
        "audit_head": meta.audit_head,
    }
    return Keyring.from_json(json.dumps(data))


class ServerKeyring:
    """The keyring in the server database (see the module docstring)."""

    def __init__(self, sessions: sessionmaker[Session], location: Path) -> None:
        self._sessions = sessions
        self.heads = ServerHeads(sessions)
        """The access log's head in the same row (:class:`.audit_trail.HeadStore`)."""
        self.path = location
        """Where the connection is described (the data folder's ``server.json``), for
        messages; the keyring itself is in the database."""

    def exists(self) -> bool:
        with self._sessions() as s:
            return KeyringRepository(s).meta() is not None

    def load(self) -> Keyring:
        with self._sessions() as s:
            repo = KeyringRepository(s)
            meta = repo.meta()
            if meta is None:
                raise NotSetUpError("no keyring in the center database")
            return _ring_from_rows(meta, repo.accounts(), repo.failures())

    def save(self, ring: Keyring) -> None:
        with self._sessions.begin() as s:
            repo = KeyringRepository(s)
            repo.lock()
            _write(repo, ring)

    @contextlib.contextmanager
    def updating(self) -> Iterator[Keyring]:
        """Load under the row lock, let the caller change it, write it back, commit."""
        with self._sessions.begin() as s:
            repo = KeyringRepository(s)
            meta = repo.lock()
            if meta is None:
                raise NotSetUpError("no keyring in the center database")
            ring = _ring_from_rows(meta, repo.accounts(), repo.failures())
            yield ring
            _write(repo, ring)

    @contextlib.contextmanager
    def restored_on_error(self) -> Iterator[None]:
        """Around a database transaction that changes the keyring before it commits: if it
        fails afterwards, put the keyring of before back (as :class:`.KeyringFile` does)."""
        before = self.load()
        try:
            yield
        except BaseException:
            self.save(before)
            raise


class ServerHeads:
    """The access log's head in the keyring row of the server database.

    It moves after every commit that adds access-log rows, from every PC. Reading and
    writing the whole keyring for that (as :class:`.KeyringHeads` does with the file) would
    rewrite every account's row and hold the row that logins lock, once per saved walk-in:
    this reads and writes the head's column alone, under the same row lock.
    """

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def load(self) -> AuditHead | None:
        with self._sessions() as s:
            found = KeyringRepository(s).audit_head()
        return None if found is None else _head(found[0])

    def advance(self, head: AuditHead) -> None:
        with self._sessions.begin() as s:
            repo = KeyringRepository(s)
            found = repo.audit_head(lock=True)
            if found is None:
                return  # the set-up's next write, once its keyring exists, starts the head
            try:
                current = AuditHead.from_json(found[0])
            except ValueError:
                return  # a damaged head is evidence: leave it for the checks to report
            if current is None or head.seq > current.seq:
                repo.set_audit_head(head.to_json())

    def forget(self) -> None:
        with self._sessions.begin() as s:
            repo = KeyringRepository(s)
            if repo.audit_head(lock=True) is not None:
                repo.set_audit_head(None)


def _head(value: object) -> AuditHead | None:
    """A damaged head cannot be read; the audit trail reports that."""
    try:
        return AuditHead.from_json(value)
    except ValueError as exc:
        raise HeadStoreError(str(exc)) from exc


def _write(repo: KeyringRepository, ring: Keyring) -> None:
    data: dict[str, Any] = json.loads(ring.to_json())
    repo.write(
        recovery=data["recovery"],
        policy=data["policy"],
        dropped_failures=int(data["dropped_failures"]),
        audit_head=data["audit_head"],
        accounts=[
            {
                "username": name,
                "wrapped": entry["wrapped"],
                "failed_logins": int(entry["failed_logins"]),
                "locked_until": (
                    None
                    if entry["locked_until"] is None
                    else datetime.fromisoformat(entry["locked_until"])
                ),
                "must_change_password": bool(entry["must_change_password"]),
            }
            for name, entry in data["accounts"].items()
        ],
        failures=[(f.at, f.username, f.pc_name, f.detail) for f in ring.queued_failures],
    )
