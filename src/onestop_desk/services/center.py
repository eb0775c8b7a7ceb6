"""The center's own details, printed on every document (set at first run, edited by admins)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy.orm import Session

from onestop_desk.domain.access import Permission, require
from onestop_desk.domain.errors import FieldError, ValidationError
from onestop_desk.domain.vocab import AuditAction
from onestop_desk.services.base import Service
from onestop_desk.services.settings import CENTER

CENTER_SETTING = CENTER.key


@dataclass(frozen=True)
class CenterDetails:
    """What setup and 센터 정보 ask for.

    Address and main number have no default: each center has its own, and a default would
    send a person from a regional center to Seoul. ``discreet_phone`` is an ordinary line
    (a desk's 02- number) for the discreet take-home sheet, where the main line, a known
    victim-support number, must not appear.
    """

    name: str = "범죄피해자 원스톱 솔루션센터"
    address: str = ""
    phone: str = ""
    fax: str = ""
    hours: str = ""
    discreet_phone: str = ""


def center_details(session: Session) -> CenterDetails:
    """The stored details inside the caller's transaction (defaults for what was never set)."""
    stored = CENTER.read(session)
    known = {k: v for k, v in stored.items() if k in CenterDetails.__dataclass_fields__}
    return CenterDetails(**known)


class CenterService(Service):
    def get(self) -> CenterDetails:
        with self._ctx.transaction() as s:
            return center_details(s)

    def save(self, details: CenterDetails) -> CenterDetails:
        require(self.actor, Permission.EDIT_CENTER)
        if not details.name.strip():
            raise ValidationError([FieldError("center.name", "required")])
        cleaned = CenterDetails(**{k: v.strip() for k, v in asdict(details).items()})
        with self._ctx.transaction() as s:
            CENTER.write(s, asdict(cleaned))
            self._log(s, AuditAction.UPDATE, "", "center details")
        return cleaned
