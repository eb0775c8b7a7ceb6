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


class ServerUrlError(StoreError):
    """A center-server address that is not PostgreSQL, or asks for less than verified TLS."""

    code = "store.server_url"


class ServerCaFileError(ServerUrlError):
    """The center's CA certificate file named for the server is not there."""

    code = "store.server_ca_file"


class ServerCertificateError(StoreError):
    """The server's certificate does not verify against the center's CA (or names another
    host): someone may be in between, so nothing is sent."""

    code = "store.server_certificate"


class ServerNoTlsError(StoreError):
    """The server does not offer TLS (or refuses encrypted connections from here)."""

    code = "store.server_no_tls"


class ServerLoginError(StoreError):
    """The server refused the database role's password."""

    code = "store.server_login"


class ServerUnreachableError(StoreError):
    """Nothing answers at the server's address and port."""

    code = "store.server_unreachable"
