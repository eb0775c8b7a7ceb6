"""Every setting stored in the database, declared once: key, default, type and what is valid.

The services read and write the ``settings`` table only through these declarations, so a
key is spelled in one place and a stored value of the wrong type or out of range falls back
to the default instead of reaching a service (a damaged or hand-edited row must not stop the
desk). A write is checked first and refused with a field error named after the key.

The window layout (``ui.ini``) is not here: it is the UI's own file, not the database's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from onestop_desk.db.repositories import SettingsRepository
from onestop_desk.domain.errors import FieldError, ValidationError

T = TypeVar("T")

# What makes a value valid: returns a field-error code and its params, or None when valid.
Check = Callable[[Any], tuple[str, dict[str, Any]] | None]


def in_range(low: int, high: int) -> Check:
    def check(value: Any) -> tuple[str, dict[str, Any]] | None:
        if low <= value <= high:
            return None
        return "out_of_range", {"min": low, "max": high}

    return check


def _always_valid(value: Any) -> None:
    return None


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    type: type
    check: Check = _always_valid
    description: str = ""
    sealed: bool = False
    """Holds victim data: encrypted where the store encrypts fields (the server store)."""

    def valid(self, value: Any) -> bool:
        # bool is an int subclass: True must not pass as a count of years.
        if not isinstance(value, self.type) or (self.type is int and isinstance(value, bool)):
            return False
        return self.check(value) is None

    def read(self, session: Session) -> T:
        """The stored value inside the caller's transaction, or the default."""
        value = SettingsRepository(session).get(self.key)
        return value if value is not None and self.valid(value) else self.default

    def write(self, session: Session, value: T) -> None:
        """Store ``value`` inside the caller's transaction; an invalid one is refused."""
        if not isinstance(value, self.type) or (self.type is int and isinstance(value, bool)):
            raise ValidationError([FieldError(self.key, "invalid")])
        problem = self.check(value)
        if problem is not None:
            code, params = problem
            raise ValidationError([FieldError(self.key, code, params)])
        SettingsRepository(session).set(self.key, value, sealed=self.sealed)


@dataclass(frozen=True, kw_only=True)
class RangedSetting(Setting[int]):
    """A count with bounds the screens that edit it show too (spin boxes)."""

    minimum: int
    maximum: int


def ranged(key: str, default: int, low: int, high: int, description: str) -> RangedSetting:
    return RangedSetting(
        key, default, int, in_range(low, high), description, minimum=low, maximum=high
    )


@dataclass(frozen=True)
class SettingFamily:
    """Settings of one kind with one row per owner (``draft:intake:<user_id>``)."""

    prefix: str
    type: type
    description: str = ""
    sealed: bool = False

    def of(self, owner: object) -> Setting[Any]:
        return Setting(
            f"{self.prefix}{owner}",
            None,
            self.type,
            description=self.description,
            sealed=self.sealed,
        )

    def clear(self, session: Session, owner: object) -> None:
        """Forget the owner's row (kept as a null value: the table has no delete here)."""
        repo = SettingsRepository(session)
        key = f"{self.prefix}{owner}"
        if repo.get(key) is not None:
            repo.set(key, None)


BACKUP_KEEP = ranged("backup.keep", 14, 1, 365, "automatic backups kept")
RETENTION_YEARS = ranged(
    "retention.years", 3, 1, 50, "years a closed case is kept before it is destroyed"
)
CENTER = Setting[dict[str, Any]](
    "center", {}, dict, description="the center's name, address, phone, fax and hours"
)
DEMO_DATABASE = Setting[bool](
    "demo.database", False, bool, description="set by the demo loader; never on a real center"
)
INTAKE_DRAFTS = SettingFamily(
    "draft:intake:",
    dict,
    "an account's unfinished intake form (victim data: stays in the db, sealed on a server)",
    sealed=True,
)

REGISTRY: tuple[Setting[Any] | SettingFamily, ...] = (
    BACKUP_KEEP,
    RETENTION_YEARS,
    CENTER,
    DEMO_DATABASE,
    INTAKE_DRAFTS,
)
