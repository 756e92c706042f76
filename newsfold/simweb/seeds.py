"""Stable random streams: every choice in the simulated web is derived from the world's seed here.

`hash()` of a string changes with PYTHONHASHSEED and the global `random` is shared state, so neither is
used; a blake2b digest of the parts gives the same sub-seed in every process.
"""
from __future__ import annotations

import hashlib
import random


def derive(*parts: object) -> int:
    """A 64-bit seed determined only by `parts` (compared through their `str()`)."""
    data = "\x1f".join(map(str, parts)).encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def stream(*parts: object) -> random.Random:
    """A private random stream for `parts`, e.g. `stream(seed, "later")`."""
    return random.Random(derive(*parts))
