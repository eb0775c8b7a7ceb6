"""Every setting the UI keeps in ``ui.ini``, declared once: key, default and type.

Screens never read or write ``QSettings`` by a string of their own: they use a declared
:class:`Setting` (``LANGUAGE.read(store)``), and a table's column layout goes through
:func:`header_setting`, whose key names the screen *and* the table (``columns/today_page/
due_table``), so two screens with a table of the same name no longer overwrite each other.

The file only ever holds layout and the language, never victim data. ``upgrade`` moves what
older versions wrote to the current keys once, when the main window opens the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

T = TypeVar("T")

SETTINGS_VERSION = 2
"""1: column layouts under ``columns/<table>`` (clashing); 2: ``columns/<screen>/<table>``."""


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One declared value. ``valid`` rejects a stored value that no longer makes sense (an
    edited file, a language that was removed): the default is used instead."""

    key: str
    default: T
    type: type
    valid: Callable[[T], bool] = field(default=lambda _value: True, compare=False)

    def read(self, store: QSettings) -> T:
        raw = store.value(self.key, None)
        if raw is None:
            return self.default
        try:
            value = self._convert(raw)
        except (TypeError, ValueError):
            return self.default
        return value if self.valid(value) else self.default

    def write(self, store: QSettings, value: T) -> None:
        if not isinstance(value, self.type):
            raise TypeError(f"{self.key} takes {self.type.__name__}, not {type(value).__name__}")
        store.setValue(self.key, value)

    def _convert(self, raw: object) -> T:
        if isinstance(raw, self.type):
            return raw  # type: ignore[return-value]
        if self.type is QByteArray and isinstance(raw, bytes):
            return QByteArray(raw)  # type: ignore[return-value]
        if self.type is int:
            return int(str(raw))  # type: ignore[return-value]
        if self.type is str:
            return str(raw)  # type: ignore[return-value]
        raise TypeError(self.key)


REGISTRY: dict[str, Setting[object]] = {}


def declare(setting: Setting[T]) -> Setting[T]:
    """Add ``setting`` to the registry; a second setting with the same key is a bug."""
    if setting.key in REGISTRY:
        raise ValueError(f"setting {setting.key!r} is declared twice")
    REGISTRY[setting.key] = setting  # type: ignore[assignment]
    return setting


LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "ko"

VERSION = declare(Setting("ui/settings_version", 1, int))
LANGUAGE = declare(
    Setting("ui/language", DEFAULT_LANGUAGE, str, valid=lambda value: value in LANGUAGES)
)
"""Written by 설정 → 언어; read by ``app.py`` at the next start."""
MAIN_WINDOW_GEOMETRY = declare(Setting("window/geometry", QByteArray(), QByteArray))

TABLES: dict[str, tuple[str, ...]] = {
    "today_page": ("new_cases_table", "due_table", "unanswered_table"),
    "case_list_page": ("case_table",),
    "case_view": ("timeline_table", "needs_table", "consent_table", "referral_table"),
    "inquiry_page": ("inquiry_table",),
    "referral_page": ("referral_table",),
    "directory_page": ("agency_table",),
    "audit_page": ("event_table",),
    "users_page": ("users_table",),
    "retention_page": ("due_table", "register_table"),
}
"""Each screen (its objectName) and the tables whose column layout it remembers."""

HEADER_STATES: dict[tuple[str, str], Setting[QByteArray]] = {
    (screen, table): declare(Setting(f"columns/{screen}/{table}", QByteArray(), QByteArray))
    for screen, tables in TABLES.items()
    for table in tables
}


def header_setting(view: QWidget) -> Setting[QByteArray]:
    """The declared setting for ``view``'s column layout, found through the screen it sits
    in (the nearest ancestor whose objectName is a screen of :data:`TABLES`)."""
    table = view.objectName()
    widget: QWidget | None = view.parentWidget()
    while widget is not None:
        setting = HEADER_STATES.get((widget.objectName(), table))
        if setting is not None:
            return setting
        widget = widget.parentWidget()
    raise LookupError(f"table {table!r} is not declared in ui/kit/settings.py TABLES")


def upgrade(store: QSettings) -> None:
    """Bring a ``ui.ini`` written by an older version to :data:`SETTINGS_VERSION`.

    Version 1 kept column layouts under the table's name alone: a name used by one screen
    only moves to that screen's key; a name two screens shared (``due_table``) held whichever
    closed last, so it is dropped and both start from the default widths.
    """
    if VERSION.read(store) >= SETTINGS_VERSION:
        return
    owners: dict[str, list[str]] = {}
    for screen, tables in TABLES.items():
        for table in tables:
            owners.setdefault(table, []).append(screen)
    for table, screens in owners.items():
        old = f"columns/{table}"
        if not store.contains(old):
            continue
        if len(screens) == 1:
            state = store.value(old)
            if state is not None:
                store.setValue(HEADER_STATES[(screens[0], table)].key, state)
        store.remove(old)
    VERSION.write(store, SETTINGS_VERSION)
