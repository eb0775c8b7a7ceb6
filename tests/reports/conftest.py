"""Fixtures for the documents tests."""

from __future__ import annotations

import pytest

from onestop_desk.reports import register_fonts


@pytest.fixture(scope="session", autouse=True)
def _fonts() -> None:
    register_fonts()
