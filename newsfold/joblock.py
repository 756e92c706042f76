"""One crawl at a time per database: a lock file next to it, held with `flock`.

The kernel drops an `flock` when its process dies, SIGKILL included, so a killed crawl never leaves
a stale lock behind for the next cron run to trip over.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class LockHeld(Exception):
    """Another process is crawling into the same database; the message names the file and the pid."""


@contextmanager
def crawl_lock(db: Path) -> Iterator[Path]:
    """Hold `<db>.lock` for the duration of the block, or raise `LockHeld` at once."""
    path = db.with_name(db.name + ".lock")
    with open(path, "a+", encoding="ascii") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            raise LockHeld(f"{db}: another crawl (pid {holder}) is writing to this database; "
                           f"this one stops (lock {path})") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield path
