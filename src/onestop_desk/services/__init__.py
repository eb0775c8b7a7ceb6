"""The services the UI and the CLI use, bound to one actor (the logged-in account).

One call is one user action and one transaction. ``Services`` and ``build_services`` load on
first use (PEP 562): the login window imports ``services.auth`` and must appear before
SQLAlchemy, alembic and reportlab have been imported, which the full registry needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from onestop_desk.services.registry import Services, build_services

__all__ = ["Services", "build_services"]


def __getattr__(name: str) -> Any:
    if name in ("Services", "build_services"):
        from onestop_desk.services import registry

        return getattr(registry, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
