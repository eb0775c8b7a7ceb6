"""The declared settings: one key each, stored values checked on the way in and out."""

from __future__ import annotations

import pytest

from onestop_desk.db.repositories import SettingsRepository
from onestop_desk.domain.errors import ValidationError
from onestop_desk.services import settings
from onestop_desk.services.settings import BACKUP_KEEP, INTAKE_DRAFTS, RETENTION_YEARS


def test_every_key_is_declared_once():
    keys = [s.key if isinstance(s, settings.Setting) else s.prefix for s in settings.REGISTRY]
    assert len(keys) == len(set(keys))
    for setting in settings.REGISTRY:
        if isinstance(setting, settings.Setting):
            assert setting.valid(setting.default), setting.key


def test_a_damaged_stored_value_reads_as_the_default(store):
    with store.sessions.begin() as s:
        assert RETENTION_YEARS.read(s) == 3
        for damaged in ("7", 0, True, 9999, None):
            SettingsRepository(s).set(RETENTION_YEARS.key, damaged)
            assert RETENTION_YEARS.read(s) == RETENTION_YEARS.default
        SettingsRepository(s).set(RETENTION_YEARS.key, 7)
        assert RETENTION_YEARS.read(s) == 7


def test_a_write_is_checked_and_names_the_key(store):
    with store.sessions.begin() as s:
        with pytest.raises(ValidationError) as refused:
            BACKUP_KEEP.write(s, BACKUP_KEEP.maximum + 1)
        [error] = refused.value.errors
        assert (error.field, error.code) == ("backup.keep", "out_of_range")
        assert error.params == {"min": 1, "max": 365}
        with pytest.raises(ValidationError):
            BACKUP_KEEP.write(s, True)  # a bool is not a count
        BACKUP_KEEP.write(s, 30)
        assert BACKUP_KEEP.read(s) == 30


def test_a_family_keeps_one_row_per_owner(store):
    with store.sessions.begin() as s:
        INTAKE_DRAFTS.of(1).write(s, {"fields": {"name": "가"}})
        INTAKE_DRAFTS.of(2).write(s, {"fields": {"name": "나"}})
        INTAKE_DRAFTS.clear(s, 1)
        assert INTAKE_DRAFTS.of(1).read(s) is None
        assert INTAKE_DRAFTS.of(2).read(s) == {"fields": {"name": "나"}}
        assert SettingsRepository(s).get("draft:intake:2") == {"fields": {"name": "나"}}
