"""Typed errors with stable codes; the UI and the CLI turn codes into words."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)


class DomainError(Exception):
    """Base of every error a service raises on purpose."""

    code = "error"

    def __init__(self, message: str = "", **params: Any) -> None:
        super().__init__(message or self.code)
        self.params = params


class ValidationError(DomainError):
    code = "validation"

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.code}" for e in errors))
        self.errors = errors


class NotFoundError(DomainError):
    code = "not_found"


class PermissionDeniedError(DomainError):
    code = "permission_denied"


class ConsentRequiredError(DomainError):
    """The person has no valid consent on file for sharing with this agency."""

    code = "consent_required"


class IllegalTransitionError(DomainError):
    code = "illegal_transition"


class ConflictError(DomainError):
    code = "conflict"


class StoreError(DomainError):
    """The database cannot be opened or migrated."""

    code = "store"


class DatabaseTooNewError(StoreError):
    code = "store.too_new"


class WrongKeyError(StoreError):
    """The file is there but does not decrypt with this key (or is not a database at all)."""

    code = "store.wrong_key"
