"""Writing a small file whole or not at all, and a lock between processes around it."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from onestop_desk.services.files import write_atomic

__all__ = ["file_lock", "write_atomic"]


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Serialise read-modify-write of a file between processes (two app windows, the CLI).
    The lock file holds nothing; the OS lock dies with the process."""
    with open(path, "a+b") as handle:
        if sys.platform != "win32":
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        else:
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
