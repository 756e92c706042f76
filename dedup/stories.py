"""Story assignment: a new article joins the story of its best verified match, or starts one.

There is no chaining through weak links. An article joins a story only through a verified match with one
of its members; it never joins a story that holds a verified look-alike of it (a truncated copy of the
7th prisoner swap must not pull the 8th into its story) unless it is a near-exact copy of a member;
and two stories merge only when the new article is strong evidence for both (`MERGE_AT` word-shingle
containment, or a whole rewrite sharing a figure) and their members it matched are not look-alikes of
each other, which happens when copies arrive before their original and do not match each other (a
truncation and a reordered or spun copy). One borderline link cannot snowball into a giant cluster
(transitive closure over raw LSH hits is what produced 859,091-member clusters elsewhere).
"""

from __future__ import annotations

import functools
import math
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

import numpy as np

from newsfold.dedup import align
from newsfold.dedup.index import Candidate, CandidateIndex
from newsfold.dedup.signatures import sign_views
from newsfold.dedup.sketches import FigureSketches
from newsfold.dedup.text import Features, analyse, features
from newsfold.dedup.verify import TRUNCATED_BELOW, Verdict, can_be_copies, could_be_retold, verify

#: Candidates published further apart than this are not compared: copies follow their original within
#: days, while a series' look-alikes recur all year, so the window also spares most comparisons.
MATCH_WINDOW = timedelta(days=7)
#: An article that starts a story reports whether a look-alike was refused (a crawl statistic) by
#: comparing the candidates the index ranks closest: a look-alike shares most bands, and comparing all of a
#: series' reports cost a tenth of the time folding took.
LOOKALIKE_CHECKS = 5
#: A new article whose word shingles are at least this contained in members of several stories merges
#: them, and joins a story despite a look-alike in it. Word shingles, not the skeleton: a lead without
#: figures has the skeleton of every report in its series.
MERGE_AT = 0.9
#: A whole spun or paraphrased copy sharing this many figures with a member also merges: a spun copy
#: that arrived before its original, and a truncation that did too, otherwise stay apart (they do not
#: match each other).
MERGE_FIGURES = 1
#: Stored articles whose sentence embeddings are kept (`align`), the most recently used: about 15 KB each.
EMBEDDINGS_CACHED = 2048


class Corpus(Protocol):
    """The articles already assigned: how the deduplicator reads back what it stored."""

    def text(self, key: Hashable) -> str | None:
        """The body of a stored article, or None if it is gone."""

    def stories(self, keys: Iterable[Hashable]) -> Mapping[Hashable, Hashable]:
        """The stories of several stored articles at once (those gone are left out)."""

    def articles_of(self, stories: Iterable[Hashable]) -> Mapping[Hashable, Hashable]:
        """Every stored article of these stories, with its story."""


@dataclass
class MemoryCorpus:
    """A `Corpus` held in a dict, for offline clustering and tests."""

    texts: dict[Hashable, str] = field(default_factory=dict)
    members: dict[Hashable, Hashable] = field(default_factory=dict)  # article -> story

    def put(self, key: Hashable, text: str, story: Hashable) -> None:
        self.texts[key] = text
        self.members[key] = story

    def text(self, key: Hashable) -> str | None:
        return self.texts.get(key)

    def stories(self, keys: Iterable[Hashable]) -> Mapping[Hashable, Hashable]:
        return {key: self.members[key] for key in keys if key in self.members}

    def articles_of(self, stories: Iterable[Hashable]) -> Mapping[Hashable, Hashable]:
        wanted = set(stories)
        return {key: story for key, story in self.members.items() if story in wanted}

    def merge(self, into: Hashable, others: tuple[Hashable, ...]) -> None:
        """Move every member of `others` into the story `into`."""
        gone = set(others)
        for key, story in self.members.items():
            if story in gone:
                self.members[key] = into


@dataclass(frozen=True)
class Assignment:
    """Where a new article goes.

    `story` is None when the article starts a story of its own (`kind` "original"); otherwise it is
    the story of `match`, the member it was verified against, and `kind` says what kind of copy it is.
    `lookalike` says whether a look-alike of the article (the same wording, other figures) was refused:
    a story it would have joined held one, or, for an article that starts a story, a candidate was one.
    `merges` are other stories the article is a strong copy of: the caller folds them into `story`.
    """

    story: Hashable | None
    match: Hashable | None
    kind: str
    similarity: float
    lookalike: bool
    features: Features
    signatures: dict[str, np.ndarray]
    bands: np.ndarray  # the signatures' LSH band keys (`CandidateIndex.band_keys`)
    merges: tuple[Hashable, ...] = ()
    published: datetime | None = None


class Deduplicator:
    """Assigns articles to stories against everything added so far.

    Call `assign` for a new article, store it with the story that says, then `add` it so later
    articles can match it. The two steps are apart so that the caller's storage decides the article's
    key and story id inside its own transaction.
    """

    def __init__(self, corpus: Corpus, index: CandidateIndex | None = None, cache_size: int = 8192) -> None:
        self.corpus = corpus
        self.index = index or CandidateIndex()
        self._cache: OrderedDict[Hashable, Features] = OrderedDict()
        self._cache_size = cache_size
        self._sentences = functools.lru_cache(maxsize=EMBEDDINGS_CACHED)(self._embed_stored)
        self._sketches = FigureSketches()

    def load(self, rows: Iterable[tuple[Hashable, Mapping[str, np.ndarray], datetime | None]]) -> int:
        """Take in stored articles (key, signatures, published); returns how many were loaded."""
        return self.index.load((key, sigs, _seconds(published)) for key, sigs, published in rows)

    def assign(self, text: str, published: datetime | None = None) -> Assignment:
        """Find the story a new article belongs to; changes nothing. With `published`, only articles
        published within `MATCH_WINDOW` of it (or without a date) are compared."""
        feats, views = analyse(text)
        sigs = sign_views(views)
        bands = self.index.band_keys(sigs)
        when = _seconds(published)
        candidates = self.index.query(bands, when, MATCH_WINDOW.total_seconds())
        best, ruled_out = self._verified(feats, candidates, when, text)
        # Only a story this article could join needs to know whether it also holds a look-alike of it.
        barred = {story for _, candidate, story in ruled_out
                  if story in best and verify(feats, candidate).kind == "lookalike"}
        # A near-exact copy of a member belongs with it even if another member reads as a look-alike:
        # that member, not this article, is the one out of place.
        ranked = sorted(((v, k, s) for s, (v, k, _) in best.items() if s not in barred or v.containment >= MERGE_AT),
                        key=lambda t: best[t[2]][2], reverse=True)
        seen = {candidate.key for candidate in candidates}
        while ranked and self._bars_from_outside(feats, ranked[0][1], ranked[0][2], seen):
            barred.add(ranked[0][2])
            ranked = ranked[1:]
        if not ranked:
            closest = ruled_out[:LOOKALIKE_CHECKS]
            lookalike = bool(barred) or any(verify(feats, candidate).kind == "lookalike" for _, candidate, _ in closest)
            return Assignment(None, None, "original", 0.0, lookalike, feats, sigs, bands, published=published)
        verdict, match, story = ranked[0]
        merges: tuple[Hashable, ...] = ()
        if self._strong(verdict, feats, match):
            joined = sorted({story} | {s for v, k, s in ranked[1:]
                                       if self._strong(v, feats, k) and not self._lookalikes(match, k)},
                            key=_story_order)
            story, merges = joined[0], tuple(joined[1:])  # the oldest story absorbs the others
        return Assignment(story, match, verdict.kind, verdict.similarity, bool(barred), feats, sigs, bands,
                          merges, published)

    def _strong(self, verdict: Verdict, feats: Features, key: Hashable) -> bool:
        """Evidence enough to merge stories: near-identical word shingles, or a whole spun or paraphrased
        copy (not a lead: a lead has the skeleton of its whole series; not a retelling found by aligning
        sentences) that shares a figure."""
        if verdict.containment >= MERGE_AT:
            return True
        candidate = self._features(key)
        if verdict.kind not in ("spun", "paraphrase") or verdict.retold or candidate is None or not candidate.words:
            return False
        whole = TRUNCATED_BELOW <= feats.words / candidate.words <= 1 / TRUNCATED_BELOW
        return whole and len(feats.numbers & candidate.numbers) >= MERGE_FIGURES

    def _bars_from_outside(self, feats: Features, match: Hashable, story: Hashable, seen: set[Hashable]) -> bool:
        """Whether a story this article would join only through a shorter member (a truncation it
        contains) holds, among the members the index did not propose (published outside the window),
        a look-alike of it: last week's report, whose lead this week's repeats figure for figure."""
        member = self._features(match)
        if member is None or member.words >= TRUNCATED_BELOW * feats.words:
            return False
        others = (self._features(key) for key in self.corpus.articles_of([story]) if key not in seen)
        return any(other is not None and verify(feats, other).kind == "lookalike" for other in others)

    def _lookalikes(self, one: Hashable, other: Hashable) -> bool:
        """Whether two stored articles are look-alikes of each other: then a new article that is strong
        evidence for both (the lead that two meetings' reports share, figure for figure) does not make
        their stories one."""
        first, second = self._features(one), self._features(other)
        return first is not None and second is not None and verify(first, second).kind == "lookalike"

    def _verified(
        self, feats: Features, candidates: list[Candidate], when: float | None, text: str
    ) -> tuple[dict[Hashable, tuple[Verdict, Hashable, Rank]], list[tuple[Hashable, Features, Hashable | None]]]:
        """Per story, the best verified copy match among `candidates` (verdict, key, rank); and the
        candidates whose figures alone rule a copy out, in the index's order, with their features and
        stories: the first `LOOKALIKE_CHECKS` when no copy matched (story None), else those in the
        stories matched, since only there can a look-alike bar one."""
        matches: list[tuple[Hashable, Verdict, Rank]] = []
        refused: list[Hashable] = []
        surely = self._sketches.refused(feats, [candidate.key for candidate in candidates])
        ours = functools.cache(lambda: align.embed(text))  # embedded once, and only if a pair asks
        for (key, published), ruled_out in zip(candidates, surely, strict=True):
            if ruled_out:  # their features are looked up only if a look-alike test needs them
                refused.append(key)
                continue
            candidate = self._features(key)
            if candidate is None:
                continue
            if not can_be_copies(feats, candidate):
                refused.append(key)
                continue
            verdict = verify(feats, candidate)
            if verdict.kind == "different" and could_be_retold(feats, candidate):
                verdict = self._retold(verdict, ours(), key)
            if verdict.is_copy:
                matches.append((key, verdict, _rank(verdict, key, when, published)))
        if not matches:
            return {}, self._with_features(refused, {}, LOOKALIKE_CHECKS)
        stories = self.corpus.stories([key for key, _, _ in matches])
        best: dict[Hashable, tuple[Verdict, Hashable, Rank]] = {}
        for key, verdict, rank in matches:
            story = stories.get(key)
            if story is not None and (story not in best or rank > best[story][2]):
                best[story] = (verdict, key, rank)
        # Refused candidates matter only in a story that could be joined: the members of those few
        # stories are one small query, where every refused candidate's story was dozens of lookups.
        joinable = self.corpus.articles_of(best) if best and refused else {}
        return best, self._with_features([key for key in refused if key in joinable], joinable)

    def _with_features(self, keys: Iterable[Hashable], stories: Mapping[Hashable, Hashable],
                       limit: int | None = None) -> list[tuple[Hashable, Features, Hashable | None]]:
        """(key, features, story) of stored articles, those whose text is gone left out; at most `limit`."""
        found = []
        for key in keys:
            feats = self._features(key)
            if feats is not None:
                found.append((key, feats, stories.get(key)))
                if len(found) == limit:
                    break
        return found

    def _retold(self, verdict: Verdict, ours: np.ndarray, key: Hashable) -> Verdict:
        """A paraphrase verdict if the article retells the stored one sentence by sentence, else `verdict`."""
        theirs = self._sentences(key)
        share = align.aligned(ours, theirs) if theirs is not None else 0.0
        if share < align.ALIGNED:
            return verdict
        return Verdict("paraphrase", share, verdict.containment, verdict.jaccard, retold=True)

    def _embed_stored(self, key: Hashable) -> np.ndarray | None:
        text = self.corpus.text(key)
        return align.embed(text) if text is not None else None

    def add(self, key: Hashable, assignment: Assignment) -> None:
        """Make a stored article findable by later ones."""
        self.index.insert(key, assignment.bands, _seconds(assignment.published))
        self._remember(key, assignment.features)

    def _features(self, key: Hashable) -> Features | None:
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        text = self.corpus.text(key)
        if text is None:
            return None
        feats = features(text)
        self._remember(key, feats)
        return feats

    def _remember(self, key: Hashable, feats: Features) -> None:
        self._sketches.add(key, feats)
        self._cache[key] = feats
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)


def _seconds(when: datetime | None) -> float | None:
    return when.timestamp() if when is not None else None


def _story_order(story: Hashable) -> tuple[int, int, str]:
    """Oldest first: numeric story ids by value, others by their text."""
    return (0, story, "") if isinstance(story, int) else (1, 0, str(story))


Rank = tuple[float, float, float, str]


def _rank(verdict: Verdict, key: Hashable, when: float | None, published: float) -> Rank:
    """Best match first: the most contained, then the most similar, then the closest in time (a lead
    that two reports of a series share is a truncation of the one it was published after, not of last
    week's), then by key, so that the choice does not depend on the order candidates come in."""
    apart = abs(when - published) if when is not None and not math.isnan(published) else math.inf
    return (verdict.containment, verdict.similarity, -apart, str(key))
