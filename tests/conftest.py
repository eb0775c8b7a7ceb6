"""Shared fixtures: a real (encrypted) SQLite store in tmp_path and services bound to users."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.world import World
from onestop_desk.db.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "onestop.db", key=os.urandom(32), backup_dir=tmp_path / "backups")
    yield s
    s.close()


@pytest.fixture
def world(store: Store) -> World:
    return World(store)
