"""Candidate search: banded MinHash LSH over each feature view, compact, time-partitioned, persisted.

The index only proposes candidates; nothing is folded on an LSH hit alone (datasketch #105: LSH answers
approximately; verification decides). Bands and rows per view are those datasketch's `MinHashLSH`
chooses for the view's threshold, so a candidate is exactly what MinHashLSH would return. The storage is
written here because no maintained library offers what the crawl needs at a million articles:
MinHashLSH keeps about 9 KB an article per view in Python dicts (about 27 GB for three views at a
million), its Redis and Cassandra backends are servers to run, and rensa's LSH is neither persisted
nor windowed by time. Here each band of a signature is one 64-bit key, and keys live in sorted numpy
*segments* (key, article position): 12 bytes a band, about 1.1 KB an article.

Segments hold articles in arrival order, so each covers a stretch of publication times: a query
within a time window skips the segments outside it, and the oldest segments expire whole. New
articles go to a small dict first and become a segment every `FLUSH_AT` keys; small segments merge
with their neighbours up to `SEGMENT_KEYS`. `save` writes segments once each as `.npy` files (a
segment never changes) and a manifest; `open` maps them back without reading them.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import BinaryIO, NamedTuple

import numpy as np
from datasketch import MinHashLSH

from newsfold.dedup.signatures import EMPTY, NUM_PERM, VERSION
from newsfold.dedup.text import WEIGHTS, mix64

#: Views and the Jaccard threshold each is queried at. The skeleton view (function words and figures,
#: see `text`) finds verbatim, reordered, spun and paraphrased copies; the lead view (word 3-shingles of
#: the first words) finds truncated copies, whose whole-body similarity falls with their length. Those
#: thresholds sit well below the verified copies' similarities: on fundus-copies those two views propose
#: every copy at a median of 4 candidates; on the simulated web, whose outlets word a series from one
#: template, they propose 97-100 % of each kind among dozens, most of them refused by their figures.
#: The words view (distinct words longer than function words) finds fluent paraphrases, which keep
#: about half their original's vocabulary (Jaccard 0.53 on the dedup issue's real pages, where another
#: outlet's report of the event keeps 0.29), a short one rewritten hard a third (Jaccard 0.33, the
#: market report in the tests): at 0.3 datasketch's 37 bands of 3 rows propose those pairs 100 % and
#: 74 % of the time, where 0.4 (32 bands of 4) proposed them 93 % and 32 %. Most of the extra
#: candidates are a series' look-alikes, refused by the figure sketches: `dedup_bench` gave 0.28x the
#: baseline on simweb-20000 with either threshold (a single pair of `cluster` runs, up to 29 % slower).
VIEWS: Mapping[str, float] = {"lead": 0.5, "skeleton": 0.4, "words": 0.3}
#: New keys held in a dict before they become a segment (about 1,100 articles).
FLUSH_AT = 1 << 16
#: Segments stop merging at this many keys (about 150,000 articles, 100 MB): merging costs memory
#: twice the size of what merges, and a bounded segment can expire whole.
SEGMENT_KEYS = 1 << 23
MANIFEST = "manifest.json"

def bands_of(threshold: float) -> tuple[int, int]:
    """(bands, rows) of the view: datasketch's own choice, minimising its false positive and negative
    weights at the threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


class Candidate(NamedTuple):
    """An article the index proposes, with its publication time (POSIX seconds, NaN when unknown)."""

    key: Hashable
    published: float


@dataclass
class Segment:
    """Band keys in sorted order with the article position of each, and the publication times of its
    articles (NaN for none) as a range: `undated` says whether any article has no time."""

    keys: np.ndarray  # uint64, sorted
    positions: np.ndarray  # uint32
    earliest: float
    latest: float
    undated: bool

    def overlaps(self, start: float, end: float) -> bool:
        return self.undated or (self.earliest <= end and self.latest >= start)

    def find(self, keys: np.ndarray) -> np.ndarray:
        """Positions of the articles holding any of `keys` (repeats possible)."""
        low = np.searchsorted(self.keys, keys, side="left")
        high = np.searchsorted(self.keys, keys, side="right")
        counts = high - low
        total = int(counts.sum())
        if not total:
            return self.positions[:0]
        starts = np.repeat(low - (np.cumsum(counts) - counts), counts)
        return self.positions[starts + np.arange(total)]


class CandidateIndex:
    """Keys of stored articles, findable by the similarity of their signatures in any view and, if
    asked, by publication time.

    >>> index = CandidateIndex()
    >>> index.insert("a1", index.band_keys(sign_views(analyse(text)[1])), published=1.7e9)  # doctest: +SKIP
    >>> index.query(index.band_keys(sign_views(analyse(other_text)[1])))                   # doctest: +SKIP
    [Candidate(key='a1', published=1700000000.0)]
    """

    def __init__(self) -> None:
        self.layout = {view: bands_of(threshold) for view, threshold in VIEWS.items()}
        # Every band of every view as rows of one gather: band i takes the values `_take[i]` of the
        # views' signatures laid end to end, weighted by `_weights[i]` (0 where a band has fewer rows);
        # its key is that weighted sum, salted with its view and band, mixed by `mix64`.
        take, weights, self._view_bands = [], [], []
        widest = max(rows for _, rows in self.layout.values())
        for number, (bands, rows) in enumerate(self.layout.values()):
            for band in range(bands):
                first = number * NUM_PERM + band * rows
                take.append([first + min(j, rows - 1) for j in range(widest)])
                weights.append([WEIGHTS[j] if j < rows else 0 for j in range(widest)])
            self._view_bands.append(bands)
        self._take = np.array(take, dtype=np.int64)
        self._weights = np.array(weights, dtype=np.uint64)
        self._salts = mix64(np.arange(1, len(take) + 1, dtype=np.uint64))
        self._keys: list[Hashable] = []
        self._times = np.empty(0, dtype=np.float64)
        self._segments: list[Segment] = []
        self._pending: dict[int, list[int]] = {}
        self._pending_keys = 0
        self._base = 0  # position of `_keys[0]`: expired articles' positions are not reused

    def band_keys(self, signatures: Mapping[str, np.ndarray]) -> np.ndarray:
        """One key per band of every view (an empty view, without grams, has none), in sorted order:
        what `insert` and `query` take, computed once per article. Sorted keys search a large segment
        about a tenth faster (each binary search starts where the last one ended)."""
        values = np.concatenate([signatures[view] for view in self.layout]).astype(np.uint64)
        keys = (values[self._take] * self._weights).sum(axis=1, dtype=np.uint64)
        keys ^= self._salts
        keys = mix64(keys)
        empty = values.reshape(len(self.layout), NUM_PERM).min(axis=1) == EMPTY
        return np.sort(keys[~np.repeat(empty, self._view_bands)] if empty.any() else keys)

    def insert(self, key: Hashable, keys: np.ndarray, published: float | None = None) -> None:
        """Add one article by its band keys and its publication time (POSIX seconds)."""
        position = self._append(key, published)
        for band in keys.tolist():
            self._pending.setdefault(band, []).append(position)
        self._pending_keys += len(keys)
        if self._pending_keys >= FLUSH_AT:
            self._flush()

    def load(self, rows: Iterable[tuple[Hashable, Mapping[str, np.ndarray], float | None]]) -> int:
        """Bulk-insert stored articles (key, signatures, published); returns how many were loaded."""
        keys, positions, count, held = [], [], 0, 0
        for key, signatures, published in rows:
            position = self._append(key, published)
            band = self.band_keys(signatures)
            keys.append(band)
            positions.append(np.full(len(band), position, dtype=np.uint32))
            count, held = count + 1, held + len(band)
            if held >= SEGMENT_KEYS:
                self._add_segment(np.concatenate(keys), np.concatenate(positions))
                keys, positions, held = [], [], 0
        if keys:
            self._add_segment(np.concatenate(keys), np.concatenate(positions))
        return count

    def query(self, keys: np.ndarray, published: float | None = None, window: float | None = None
              ) -> list[Candidate]:
        """The articles sharing a band key with these (resembling them in at least one view), those
        sharing most bands first; with `published` and `window` (seconds), only those published within
        the window of it, or undated."""
        timed = published is not None and window is not None
        start, end = (published - window, published + window) if timed else (-math.inf, math.inf)
        pending = self._pending
        found = [np.fromiter(chain.from_iterable(pending[b] for b in keys.tolist() if b in pending), np.int64)]
        found += [segment.find(keys) for segment in self._segments if segment.overlaps(start, end)]
        positions, hits = np.unique(np.concatenate(found), return_counts=True)
        positions = positions.astype(np.int64) - self._base
        if timed:
            times = self._times[positions]
            inside = np.isnan(times) | ((times >= start) & (times <= end))
            positions, hits = positions[inside], hits[inside]
        order = positions[np.lexsort((positions, -hits))]
        return [Candidate(self._keys[p], t) for p, t in zip(order.tolist(), self._times[order].tolist(), strict=True)]

    def __len__(self) -> int:
        return len(self._keys)

    def _append(self, key: Hashable, published: float | None) -> int:
        if len(self._keys) == len(self._times):
            self._times = np.resize(self._times, max(1024, 2 * len(self._times)))
        self._times[len(self._keys)] = np.nan if published is None else published
        self._keys.append(key)
        return self._base + len(self._keys) - 1

    def _flush(self) -> None:
        if not self._pending:
            return
        keys = np.fromiter(self._pending, np.uint64, len(self._pending))
        counts = np.fromiter(map(len, self._pending.values()), np.int64, len(self._pending))
        positions = np.fromiter((p for ps in self._pending.values() for p in ps), np.uint32, int(counts.sum()))
        self._pending, self._pending_keys = {}, 0
        self._add_segment(np.repeat(keys, counts), positions)

    def _add_segment(self, keys: np.ndarray, positions: np.ndarray) -> None:
        """Sort new keys into a segment, then merge the newest segments while they are of like size."""
        order = np.argsort(keys, kind="stable")
        self._segments.append(self._segment(keys[order], positions[order]))
        while len(self._segments) > 1:
            older, newer = self._segments[-2], self._segments[-1]
            if len(older.keys) > 2 * len(newer.keys) or len(older.keys) + len(newer.keys) > SEGMENT_KEYS:
                break
            self._segments[-2:] = [self._merge(older, newer)]

    def _segment(self, keys: np.ndarray, positions: np.ndarray) -> Segment:
        """A segment of new keys; their articles are the latest positions, so a range holds them."""
        first, last = (int(positions.min()), int(positions.max())) if len(positions) else (0, -1)
        times = self._times[first - self._base : last - self._base + 1]
        dated = times[~np.isnan(times)]
        return Segment(keys, positions, float(dated.min()) if len(dated) else math.inf,
                       float(dated.max()) if len(dated) else -math.inf, len(dated) < len(times))

    def _merge(self, older: Segment, newer: Segment) -> Segment:
        """Merge two sorted segments by inserting the smaller into the larger (no sort, no index array)."""
        at = np.searchsorted(older.keys, newer.keys, side="right") + np.arange(len(newer.keys))
        size = len(older.keys) + len(newer.keys)
        keys, positions = np.empty(size, dtype=np.uint64), np.empty(size, dtype=np.uint32)
        rest = np.ones(size, dtype=bool)
        rest[at] = False
        keys[at], keys[rest] = newer.keys, older.keys
        positions[at], positions[rest] = newer.positions, older.positions
        return Segment(keys, positions, min(older.earliest, newer.earliest), max(older.latest, newer.latest),
                       older.undated or newer.undated)

    # -- persistence ----------------------------------------------------------------------------
    def expire(self, keep: float) -> int:
        """Drop the segments whose articles were all published more than `keep` seconds before the
        newest one, and those articles; returns how many articles went. Undated articles go with
        their segment (one of undated articles alone stays)."""
        dated = self._times[: len(self._keys)]
        if not len(dated) or np.isnan(dated).all():
            return 0
        before = float(np.nanmax(dated)) - keep
        self._flush()
        kept = [s for s in self._segments if s.latest >= before or s.earliest == math.inf]
        if len(kept) == len(self._segments):
            return 0
        self._segments = kept
        live = min((int(s.positions.min()) for s in kept if len(s.positions)), default=self._base + len(self._keys))
        gone, held = live - self._base, len(self._keys)
        self._keys, self._times = self._keys[gone:], self._times[gone:held].copy()
        self._base = live
        return gone

    def save(self, folder: Path, mark: Mapping[str, object]) -> None:
        """Write the index to `folder`: new segments as files, and a manifest (written last, replacing
        the old one) naming them, with `mark`, the caller's note of what the index holds (JSON; newsfold
        notes its last article). Keys must be integers. Files no manifest names are removed."""
        folder.mkdir(parents=True, exist_ok=True)
        self._flush()
        names = []
        for segment in self._segments:
            name = f"segment-{int(segment.positions.min()) if len(segment.positions) else 0}-{len(segment.keys)}"
            if not (folder / f"{name}.keys.npy").exists():
                _save_array(folder / f"{name}.keys.npy", segment.keys)
                _save_array(folder / f"{name}.positions.npy", segment.positions)
            names.append([name, segment.earliest, segment.latest, segment.undated])
        _save_array(folder / "articles.npy", np.asarray(self._keys, dtype=np.int64))
        _save_array(folder / "times.npy", self._times[: len(self._keys)])
        manifest = {"version": VERSION, "layout": self.layout, "base": self._base, "mark": dict(mark),
                    "articles": len(self._keys), "segments": names}
        _replace(folder / MANIFEST, lambda out: out.write(json.dumps(manifest).encode()))
        named = {f"{n}.{part}.npy" for n, *_ in names for part in ("keys", "positions")}
        for path in folder.glob("segment-*.npy"):
            if path.name not in named:
                path.unlink()

    @classmethod
    def open(cls, folder: Path) -> tuple[CandidateIndex, dict]:
        """The index saved in `folder` and its mark. Raises ValueError, naming the folder, when it cannot
        be used (missing, damaged, or made by another version of dedup): the caller rebuilds it."""
        index = cls()
        try:
            return index, index._read(folder)
        except (OSError, EOFError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"index in {folder} cannot be used: {exc}") from exc

    def _read(self, folder: Path) -> dict:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if manifest["version"] != VERSION or manifest["layout"] != {k: list(v) for k, v in self.layout.items()}:
            raise ValueError("made by another version of dedup")
        self._keys = np.load(folder / "articles.npy").tolist()
        self._times = np.array(np.load(folder / "times.npy"), dtype=np.float64)
        self._base = int(manifest["base"])
        if len(self._keys) != manifest["articles"] or len(self._times) != len(self._keys):
            raise ValueError("its article list is incomplete")
        for name, earliest, latest, undated in manifest["segments"]:
            segment = Segment(np.load(folder / f"{name}.keys.npy", mmap_mode="r"),
                              np.load(folder / f"{name}.positions.npy", mmap_mode="r"),
                              float(earliest), float(latest), bool(undated))
            self._check(segment, name)
            self._segments.append(segment)
        return dict(manifest["mark"])

    def _check(self, segment: Segment, name: str) -> None:
        """Refuse a segment whose files do not match (a damaged or foreign file would mislead queries)."""
        if segment.keys.dtype != np.uint64 or segment.positions.dtype != np.uint32:
            raise ValueError(f"segment {name} has the wrong types")
        if len(segment.keys) != len(segment.positions):
            raise ValueError(f"segment {name} is damaged")
        if len(segment.positions) and not self._base <= int(segment.positions.min()) <= int(
                segment.positions.max()) < self._base + len(self._keys):
            raise ValueError(f"segment {name} names articles the index does not hold")


def _save_array(path: Path, array: np.ndarray) -> None:
    _replace(path, lambda out: np.save(out, np.ascontiguousarray(array)))


def _replace(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write a file so that a crash or power cut leaves either the old one or the new one, never half
    of either: the data reaches the disk before the rename, and the rename before the call returns
    (so a manifest written after its segments never names one that is not there)."""
    temporary = path.with_suffix(".tmp")
    with temporary.open("wb") as out:
        write(out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
