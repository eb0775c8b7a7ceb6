"""What the auth screens need from the account services, as protocols.

The UI may not import the database layer, and the account services open databases; so the
screens are written against these shapes and the composition root (``app.py``) passes the
real :class:`~onestop_desk.services.auth.AuthService`. Tests may pass the same.
"""

from __future__ import annotations

from typing import Any, Protocol

from onestop_desk.domain.records import Actor
from onestop_desk.domain.vocab import Role


class SessionLike(Protocol):
    """A logged-in account (``AuthSession``)."""

    actor: Actor
    must_change_password: bool
    services: Any

    @property
    def username(self) -> str: ...

    @property
    def role(self) -> Role: ...

    def unlock(self, password: str) -> None: ...

    def record_lock(self, detail: str = "") -> None: ...

    def change_password(self, current: str, new: str) -> None: ...

    def center_name(self) -> str: ...

    def logout(self, detail: str = "") -> None: ...


class SetupResultLike(Protocol):
    recovery_key: str
    session: Any


class PolicyLike(Protocol):
    idle_lock_minutes: int


class AuthGateway(Protocol):
    """Before a session exists (``AuthService``)."""

    def is_set_up(self) -> bool: ...

    def set_up(
        self,
        center_name: str,
        username: str,
        display_name: str,
        password: str,
        *,
        address: str = "",
        phone: str = "",
    ) -> Any: ...

    def login(self, username: str, password: str) -> Any: ...

    def recover(self, recovery_key: str, username: str, new_password: str) -> Any: ...

    def policy(self) -> Any: ...
