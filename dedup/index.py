"""Candidate search: one MinHashLSH per feature view.

The index only proposes candidates; nothing is folded on an LSH hit alone (datasketch #105:
LSH answers approximately; verification decides). Storage is datasketch's own `storage_config`,
so the in-memory default can be swapped for its Redis backend without touching callers.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

from datasketch import LeanMinHash, MinHashLSH

from newsfold.dedup.signatures import NUM_PERM

#: Views and the Jaccard threshold each is queried at. The skeleton view (function words and figures,
#: see `text`) finds verbatim, reordered, spun and paraphrased copies; the lead view (word 3-shingles of
#: the first words) finds truncated copies, whose whole-body similarity falls with their length. Both
#: thresholds sit well below the verified copies' similarities: on fundus-copies the two views propose
#: every copy at a median of 4 candidates; on the simulated web, whose outlets word a series from one
#: template, they propose 97-100 % of each kind among dozens, most of them refused by their figures.
VIEWS: Mapping[str, float] = {"lead": 0.5, "skeleton": 0.4}


class CandidateIndex:
    """Keys of stored articles, findable by the similarity of their signatures in any view.

    >>> index = CandidateIndex()
    >>> index.insert("a1", {"lead": sig_lead, "skeleton": sig_skeleton})   # doctest: +SKIP
    >>> index.query({"lead": other_lead, "skeleton": other_skeleton})      # doctest: +SKIP
    {'a1'}
    """

    def __init__(self, storage_config: dict | None = None) -> None:
        self._lsh = {
            view: MinHashLSH(threshold=threshold, num_perm=NUM_PERM, storage_config=storage_config)
            for view, threshold in VIEWS.items()
        }

    def insert(self, key: Hashable, signatures: Mapping[str, LeanMinHash]) -> None:
        """Add one article's signatures (one per view)."""
        for view, lsh in self._lsh.items():
            lsh.insert(key, signatures[view], check_duplication=False)

    def load(self, rows: Iterable[tuple[Hashable, Mapping[str, LeanMinHash]]]) -> int:
        """Bulk-insert stored signatures; returns how many articles were loaded."""
        count = 0
        sessions = {view: lsh.insertion_session() for view, lsh in self._lsh.items()}
        try:
            for key, signatures in rows:
                for view, session in sessions.items():
                    session.insert(key, signatures[view], check_duplication=False)
                count += 1
        finally:
            for session in sessions.values():
                session.close()
        return count

    def query(self, signatures: Mapping[str, LeanMinHash]) -> set[Hashable]:
        """Keys whose signatures resemble these in at least one view."""
        found: set[Hashable] = set()
        for view, lsh in self._lsh.items():
            found.update(lsh.query(signatures[view]))
        return found

    def __len__(self) -> int:
        return self._lsh[next(iter(VIEWS))].keys.size()
