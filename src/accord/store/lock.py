"""One writer at a time: a lock file beside the store, and DuckDB connections that wait for other processes.

DuckDB lets one process at a time open a file for writing, and no other process may open it at all
meanwhile. Two locks therefore work together: the writer lock (``flock`` on ``STORE.lock``) is held by a
writing Store for its whole life, so a second writer fails at once with a clear message; the DuckDB file
itself is opened only while reading or writing (see ``Store``), and a process that finds it busy waits
up to ``lock_timeout`` seconds. The kernel drops an flock when its process dies, even by SIGKILL, so a
crashed ingest never leaves a stale lock behind.
"""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

import duckdb

from accord.errors import StoreError
from accord.store.schema import first_line

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: DuckDB's own lock is the only guard there
    fcntl = None  # type: ignore[assignment]

_BUSY = "Could not set lock"  # DuckDB's message when another process has the file open


class WriterLock:
    """An exclusive, non-blocking lock on ``<store>.lock``; the holder is the store's one writer."""

    def __init__(self, store: str) -> None:
        self.store = store
        self.path = Path(store + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, or raise StoreError naming the process that holds it."""
        if fcntl is None:
            return
        while True:
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
                os.close(fd)
                raise StoreError(
                    f"store {self.store} is being written by {holder}; wait for it to finish or use another --db"
                ) from None
            if self._still_linked(fd):
                break
            os.close(fd)  # the last holder removed this file while we waited for it: lock the new one
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"Accord pid {os.getpid()} since {datetime.now():%Y-%m-%d %H:%M:%S}".encode(), 0)
        self._fd = fd

    def _open(self) -> int:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot create the lock file {self.path}: {exc.strerror or exc}") from None

    def _still_linked(self, fd: int) -> bool:
        try:
            return os.stat(self.path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            return False

    def release(self) -> None:
        """Let the next writer in and remove the lock file; releasing twice is harmless."""
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                os.unlink(self.path)  # unlinked while still locked: a waiter re-checks the inode
            except OSError:
                pass
            os.close(fd)  # closing the descriptor drops the flock


def connect(name: str, *, read_only: bool, timeout: float) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file, waiting up to timeout seconds while another process has it open."""
    deadline = time.monotonic() + timeout
    pause = 0.02
    while True:
        try:
            return duckdb.connect(name, read_only=read_only)
        except duckdb.Error as exc:
            busy = _BUSY in str(exc)
            if not busy or time.monotonic() >= deadline:
                problem = first_line(exc)
                if busy:
                    problem = f"another process kept it open for over {timeout:g} s ({problem})"
                raise StoreError(f"cannot open store {name}: {problem}") from None
        time.sleep(pause)
        pause = min(pause * 2, 0.5)
