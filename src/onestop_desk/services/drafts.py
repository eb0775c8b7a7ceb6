"""Unfinished intake forms, kept inside the encrypted database so a crash loses nothing.

A draft holds victim data, so it never goes to a plain file: it is one ``settings`` row per
account (``draft:intake:<user_id>``) holding the form's fields as JSON.

On the center server store there is one more place: when the server does not answer, the
draft is kept on this PC instead (:class:`LocalDrafts`, a file encrypted with a key derived
from the center's data key, which is only in memory while someone is logged in). The next
save or load that reaches the server moves it there and deletes the PC's copy, so a counselor
who was typing when the network went away loses nothing, and the server never holds half a
form that was not saved as a draft.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import event
from sqlalchemy.orm import Session

from onestop_desk.domain.access import require_case_work
from onestop_desk.domain.errors import ServerUnreachableError
from onestop_desk.services.base import Service, ServiceContext
from onestop_desk.services.files import write_atomic
from onestop_desk.services.settings import INTAKE_DRAFTS

log = logging.getLogger(__name__)

LOCAL_DRAFTS_DIR = "drafts"
_MAGIC = b"OSD-DRAFT1"
_KDF_INFO = b"onestop-desk local intake draft v1"


@dataclass(frozen=True)
class IntakeDraft:
    saved_at: datetime
    fields: dict[str, Any]
    on_this_pc: bool = False
    """Kept on this PC (encrypted) because the center server did not answer."""


class LocalDrafts:
    """Intake drafts of a server store's accounts, in this PC's data folder, encrypted.

    One file per account (``drafts/intake-<user id>.bin``; the name holds no victim data):
    AES-256-GCM under a key derived (HKDF-SHA256) from the center's data key, a fresh nonce
    per write, the server and the account bound in as associated data so a file cannot be
    passed off as another account's or another center's. Written whole or not at all.
    """

    def __init__(self, folder: Path, data_key: bytes, server_name: str) -> None:
        self.folder = Path(folder) / LOCAL_DRAFTS_DIR
        self._aead = AESGCM(
            HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_KDF_INFO).derive(data_key)
        )
        self._server = server_name

    def path(self, owner: int) -> Path:
        return self.folder / f"intake-{owner}.bin"

    def _aad(self, owner: int) -> bytes:
        return f"intake-draft|{self._server}|{owner}".encode()

    def write(self, owner: int, value: dict[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            self.folder.chmod(0o700)
        nonce = os.urandom(12)
        plain = json.dumps(value, ensure_ascii=False).encode("utf-8")
        write_atomic(
            self.path(owner), _MAGIC + nonce + self._aead.encrypt(nonce, plain, self._aad(owner))
        )

    def read(self, owner: int) -> dict[str, Any] | None:
        """The kept draft, or ``None`` when there is none or it does not open with this
        center's key (it is then left alone, never overwritten by a guess)."""
        try:
            blob = self.path(owner).read_bytes()
        except FileNotFoundError:
            return None
        head, nonce, sealed = blob[: len(_MAGIC)], blob[len(_MAGIC) : len(_MAGIC) + 12], blob[22:]
        if head != _MAGIC:
            log.warning("local intake draft %s is not a draft file", self.path(owner).name)
            return None
        try:
            value = json.loads(self._aead.decrypt(nonce, sealed, self._aad(owner)))
        except (InvalidTag, ValueError):
            log.warning("local intake draft %s does not open here", self.path(owner).name)
            return None
        return value if isinstance(value, dict) else None

    def remove(self, owner: int) -> None:
        self.path(owner).unlink(missing_ok=True)


def _draft(value: Any, *, on_this_pc: bool = False) -> IntakeDraft | None:
    if not isinstance(value, dict) or not isinstance(value.get("fields"), dict):
        return None
    return IntakeDraft(
        saved_at=datetime.fromisoformat(value["saved_at"]),
        fields=dict(value["fields"]),
        on_this_pc=on_this_pc,
    )


class DraftService(Service):
    def __init__(self, ctx: ServiceContext, local: LocalDrafts | None = None) -> None:
        super().__init__(ctx)
        self._local = local

    def _owner(self) -> int:
        return self.actor.user_id if self.actor.user_id is not None else 0

    def save_intake(self, fields: dict[str, Any]) -> IntakeDraft:
        """Replace this account's intake draft with ``fields`` (JSON-serialisable values).

        On a server store that does not answer, the draft is kept on this PC (encrypted) and
        the returned draft says so; once a save reaches the server, the PC's copy goes."""
        require_case_work(self.actor)
        saved_at = self._ctx.clock.now()
        value = {"saved_at": saved_at.isoformat(), "fields": fields}
        try:
            with self._ctx.transaction() as s:
                INTAKE_DRAFTS.of(self._owner()).write(s, value)
        except ServerUnreachableError:
            if self._local is None:
                raise
            self._local.write(self._owner(), value)
            return IntakeDraft(saved_at=saved_at, fields=dict(fields), on_this_pc=True)
        if self._local is not None:
            self._local.remove(self._owner())
        return IntakeDraft(saved_at=saved_at, fields=dict(fields))

    def load_intake(self) -> IntakeDraft | None:
        """This account's unfinished intake, if any.

        A draft kept on this PC while the server did not answer is newer than the server's:
        it is moved to the server now (and the PC's copy deleted); if the server still does
        not answer, it is handed out from the PC."""
        require_case_work(self.actor)
        kept = self._local.read(self._owner()) if self._local is not None else None
        if kept is not None and _draft(kept) is not None:
            assert self._local is not None
            try:
                with self._ctx.transaction() as s:
                    INTAKE_DRAFTS.of(self._owner()).write(s, kept)
            except ServerUnreachableError:
                return _draft(kept, on_this_pc=True)
            self._local.remove(self._owner())
            return _draft(kept)
        with self._ctx.transaction() as s:
            value = INTAKE_DRAFTS.of(self._owner()).read(s)
        return _draft(value)

    def discard_intake(self) -> None:
        """Forget the draft (the case was created, or the counselor threw the form away).

        The PC's copy goes once the transaction is committed: a registration that fails
        leaves it (and the form) as they were."""
        require_case_work(self.actor)
        with self._ctx.transaction() as s:
            INTAKE_DRAFTS.clear(s, self._owner())
            if self._local is not None:
                self._forget_local_after_commit(s)

    def _forget_local_after_commit(self, session: Session) -> None:
        local, owner = self._local, self._owner()
        assert local is not None

        def forget(_session: Session) -> None:
            local.remove(owner)

        event.listen(session, "after_commit", forget, once=True)
