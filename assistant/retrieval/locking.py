"""An inter-process write lock for the embedded store.

Chroma's persistent client is not process-safe: two processes writing one directory can
corrupt its index.  The Streamlit app and an ``axis ingest`` in a terminal are two processes,
so every write to a workspace's store happens under this lock (a file under ``AXIS_HOME``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from filelock import FileLock, Timeout

from assistant.config import Settings
from assistant.errors import StoreError


@contextmanager
def write_lock(settings: Settings) -> Iterator[None]:
    settings.home.mkdir(parents=True, exist_ok=True)
    path = settings.home / "store.lock"
    lock = FileLock(str(path), timeout=settings.lock_timeout)
    try:
        lock.acquire()
    except Timeout as exc:
        raise StoreError(
            f"Another Axis process has been writing to the store for over "
            f"{settings.lock_timeout:.0f} s (lock file {path}) — wait for it to finish and "
            "retry, or raise AXIS_LOCK_TIMEOUT"
        ) from exc
    try:
        yield
    finally:
        lock.release()
