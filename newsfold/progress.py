"""A live line of counts on a terminal, and nothing at all when the output is not one (cron)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class LiveLine:
    """Redraws one status line at most every `interval` seconds while running on a terminal."""

    def __init__(self, label: str, stream: TextIO = sys.stderr, interval: float = 0.25) -> None:
        self.label = label
        self.stream = stream
        self.enabled = stream.isatty()
        self.interval = interval
        self._last = 0.0

    def update(self, text: str, force: bool = False) -> None:
        now = time.monotonic()
        if self.enabled and (force or now - self._last >= self.interval):
            self.stream.write(f"\r{self.label}: {text}\x1b[K")
            self.stream.flush()
            self._last = now

    def done(self, text: str) -> None:
        if self.enabled:
            self.update(text, force=True)
            self.stream.write("\n")
