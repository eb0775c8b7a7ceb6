"""Work-arounds for bugs in the pinned Qt binding, applied once when ``ui`` is imported."""

from __future__ import annotations

import sys


def guard_emit_refcount() -> None:
    """Keep PySide6 6.12.0's ``Signal.emit()`` from crashing a long session.

    In that release ``emit()`` called from Python returns ``True`` without a new reference, so
    every emit (the task runner emits once per database job) lowers ``True``'s reference count
    by one. On CPython 3.12+ booleans are immortal and nothing happens; on 3.11 (Debian 12)
    the count reaches zero after some hundreds of emits and the interpreter aborts with
    "bool_dealloc" (a 1,000-emit loop reproduces it). Raising the count by 2**40 puts that out
    of reach for any real session. Remove once the pinned PySide6 no longer has the bug.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for value in (True, False):
        refcount = ctypes.c_ssize_t.from_address(id(value))  # ob_refcnt is the first field
        if refcount.value < 1 << 40:
            refcount.value += 1 << 40
