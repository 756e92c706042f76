"""Figure sketches: the figure test of `verify.can_be_copies` for a whole candidate list in numpy.

Most candidates are refused by their figures alone: on the simulated web, whose series repeat one
template with other figures, 96 of the 103 candidates an article meets inside the window. Testing them
one by one in Python was a third of folding time. A sketch keeps, per recently stored article, its
length (words and shingles, which say which text of a pair is the shorter) and its figures as bits of
a 64-bit mask. Figures of the shorter text whose bits are missing from the longer's mask are surely
missing from it, so their count is a lower bound of what `can_be_copies` counts: a pair the sketch
refuses, the exact test refuses too, and every other pair still goes to the exact test.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from itertools import repeat

import numpy as np

from newsfold.dedup.text import Features
from newsfold.dedup.verify import NUMBERS_SLACK

#: Articles sketched, the most recent arrivals (about 24 bytes each, and a dict entry).
SKETCHED = 1 << 18
_BITS = 64
#: Shingle counts stay below this: a text's length sorts as words * _LENGTHS + shingles.
_LENGTHS = 1 << 32


def _mask(figures: frozenset[str]) -> int:
    """The figures' bits. Python's string hash: sketches live in one process."""
    bits = 0
    for figure in figures:
        bits |= 1 << (hash(figure) % _BITS)
    return bits


def _length(feats: Features) -> int:
    """What `verify.ordered` compares, as one number: words, then shingles."""
    return feats.words * _LENGTHS + len(feats.shingles)


class FigureSketches:
    """Sketches of the `SKETCHED` most recently added articles, in a ring of numpy rows."""

    def __init__(self, size: int = SKETCHED) -> None:
        self._row: dict[Hashable, int] = {}
        self._keys: list[Hashable | None] = [None] * size
        self._masks = np.zeros(size, dtype=np.uint64)
        self._lengths = np.zeros(size, dtype=np.int64)
        self._figures = np.zeros(size, dtype=np.int64)
        self._next = 0

    def add(self, key: Hashable, feats: Features) -> None:
        if key in self._row:
            return
        row = self._next % len(self._keys)
        self._row.pop(self._keys[row], None)
        self._keys[row], self._row[key] = key, row
        self._masks[row], self._lengths[row] = _mask(feats.numbers), _length(feats)
        self._figures[row] = len(feats.numbers)
        self._next += 1

    def refused(self, feats: Features, keys: Sequence[Hashable]) -> list[bool]:
        """Per key, whether the figures surely rule out a copy between it and `feats` (False for a key
        not sketched: the exact test decides)."""
        rows = np.fromiter(map(self._row.get, keys, repeat(-1)), np.int64, len(keys))
        ours, theirs = np.uint64(_mask(feats.numbers)), self._masks[rows]
        ours_shorter = _length(feats) <= self._lengths[rows]  # as `verify.ordered` decides
        missing = np.bitwise_count(np.where(ours_shorter, ours & ~theirs, theirs & ~ours))
        figures = np.where(ours_shorter, len(feats.numbers), self._figures[rows])
        return ((missing > NUMBERS_SLACK * figures) & (rows >= 0)).tolist()
