"""Type-to-filter for a checklist: a line edit above a checkable list or tree.

A counselor at the desk types part of a name (상해, 치료, or the 초성 ㅅㅎ) and only the
matching rows stay; Down moves from the line edit into the list on the first match, Space
ticks it, Up from the first row goes back to the line edit, Escape clears the filter. Without
this the only way through a long checklist was one arrow press per row.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QTreeWidget, QTreeWidgetItem

from onestop_desk.domain.text import initials, is_initials_query

_INTO_LIST = (Qt.Key.Key_Down, Qt.Key.Key_PageDown)


def matches(query: str, *texts: str) -> bool:
    """Case-insensitive substring, or the 초성 of the text when only 초성 were typed."""
    query = query.strip().casefold()
    if not query:
        return True
    if is_initials_query(query):
        wanted = query.replace(" ", "")
        return any(wanted in initials(text) for text in texts)
    return any(query in text.casefold() for text in texts)


class ChecklistFilter(QObject):
    """Filters ``view`` by what is typed in ``edit``; see the module docstring.

    For a tree, a child (programme) shows when it or its parent (area) matches, and a parent
    shows when it or any child matches; every column's text counts (a programme is found by
    the agency offering it too).
    """

    def __init__(self, edit: QLineEdit, view: QListWidget | QTreeWidget) -> None:
        super().__init__(edit)
        self._edit = edit
        self._view = view
        edit.setClearButtonEnabled(True)
        edit.textChanged.connect(self.refilter)
        edit.installEventFilter(self)
        view.installEventFilter(self)

    def refilter(self) -> None:
        """Apply the current text again (after the rows were filled)."""
        query = self._edit.text()
        if isinstance(self._view, QListWidget):
            for i in range(self._view.count()):
                item = self._view.item(i)
                item.setHidden(not matches(query, item.text()))
            return
        for i in range(self._view.topLevelItemCount()):
            parent = self._view.topLevelItem(i)
            parent_hit = matches(query, *_texts(parent))
            any_child = False
            for j in range(parent.childCount()):
                child = parent.child(j)
                hit = parent_hit or matches(query, *_texts(child))
                child.setHidden(not hit)
                any_child = any_child or hit
            parent.setHidden(not (parent_hit or any_child))

    def first_match(self) -> QListWidgetItem | QTreeWidgetItem | None:
        """The visible row that matches best by itself: the exact name, then one starting
        with the text, then the first containing it (상해 before 교통(사망·중상해); a
        programme before its area). Without text, the first visible row."""
        query = self._edit.text()
        candidates: list[QListWidgetItem | QTreeWidgetItem] = []
        texts: list[list[str]] = []
        if isinstance(self._view, QListWidget):
            for i in range(self._view.count()):
                item = self._view.item(i)
                if not item.isHidden():
                    candidates.append(item)
                    texts.append([item.text()])
        else:
            for i in range(self._view.topLevelItemCount()):
                parent = self._view.topLevelItem(i)
                if parent.isHidden():
                    continue
                children = [parent.child(j) for j in range(parent.childCount())]
                for item in [*(c for c in children if not c.isHidden()), parent]:
                    candidates.append(item)
                    texts.append(_texts(item))
        if not candidates:
            return None
        ranks = [_rank(query, t) for t in texts]
        best = min(range(len(candidates)), key=lambda i: (ranks[i], i))
        return candidates[best] if query.strip() else candidates[0]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if watched is self._edit:
            if key in _INTO_LIST and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self._enter_list()
                return True
            if key == Qt.Key.Key_Escape and self._edit.text():
                # Escape clears the filter first; only an empty filter lets the dialog close.
                self._edit.clear()
                return True
        elif watched is self._view and key == Qt.Key.Key_Up and self._at_first_row():
            self._edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self._edit.selectAll()
            return True
        return False

    def _enter_list(self) -> None:
        item = self.first_match()
        if item is None:
            return
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
        # Both views take their own item type; the pair always matches (see first_match).
        self._view.setCurrentItem(item)  # type: ignore[arg-type]

    def _at_first_row(self) -> bool:
        if isinstance(self._view, QListWidget):
            current = self._view.currentRow()
            return all(self._view.item(i).isHidden() for i in range(current))
        current_item = self._view.currentItem()
        return current_item is None or self._view.itemAbove(current_item) is None


def _rank(query: str, texts: list[str]) -> int:
    """0 exact, 1 prefix, 2 contains (or 초성), 3 no match of its own."""
    wanted = query.strip().casefold()
    names = [t.casefold() for t in texts]
    if wanted in names:
        return 0
    if any(n.startswith(wanted) for n in names):
        return 1
    return 2 if matches(query, *texts) else 3


def _texts(item: QTreeWidgetItem) -> list[str]:
    return [item.text(c) for c in range(item.columnCount())]
