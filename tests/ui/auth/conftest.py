"""The account-screen tests emit many signals from Python; see ``guard_emit_refcount``."""

from __future__ import annotations

import pytest

from onestop_desk.app import guard_emit_refcount


@pytest.fixture(scope="session", autouse=True)
def _emit_refcount_guard() -> None:
    guard_emit_refcount()
