"""Story assignment: a new article joins the story of its best verified match, or starts one.

There is no chaining. An article joins a story only through a verified match with one of its members,
and two stories are never merged after the fact, so one borderline link cannot snowball into a giant
cluster (transitive closure over raw LSH hits is what produced 859,091-member clusters elsewhere).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Protocol

from datasketch import LeanMinHash

from newsfold.dedup.index import CandidateIndex
from newsfold.dedup.signatures import signature
from newsfold.dedup.text import Features, features
from newsfold.dedup.verify import Verdict, verify


class Corpus(Protocol):
    """The articles already assigned: how the deduplicator reads back what it stored."""

    def text(self, key: Hashable) -> str | None:
        """The body of a stored article, or None if it is gone."""

    def story(self, key: Hashable) -> Hashable | None:
        """The story a stored article belongs to."""


@dataclass
class MemoryCorpus:
    """A `Corpus` held in a dict, for offline clustering and tests."""

    texts: dict[Hashable, str] = field(default_factory=dict)
    stories: dict[Hashable, Hashable] = field(default_factory=dict)

    def put(self, key: Hashable, text: str, story: Hashable) -> None:
        self.texts[key] = text
        self.stories[key] = story

    def text(self, key: Hashable) -> str | None:
        return self.texts.get(key)

    def story(self, key: Hashable) -> Hashable | None:
        return self.stories.get(key)


@dataclass(frozen=True)
class Assignment:
    """Where a new article goes.

    `story` is None when the article starts a story of its own (`kind` "original"); otherwise it is
    the story of `match`, the member it was verified against, and `kind` says what kind of copy it is.
    `lookalikes` counts candidates refused because their figures disagreed.
    """

    story: Hashable | None
    match: Hashable | None
    kind: str
    similarity: float
    lookalikes: int
    features: Features
    signatures: dict[str, LeanMinHash]


def signatures_of(feats: Features) -> dict[str, LeanMinHash]:
    """One signature per index view."""
    return {"body": signature(feats.shingles), "lead": signature(feats.lead)}


class Deduplicator:
    """Assigns articles to stories against everything added so far.

    Call `assign` for a new article, store it with the story that says, then `add` it so later
    articles can match it. The two steps are apart so that the caller's storage decides the article's
    key and story id inside its own transaction.
    """

    def __init__(self, corpus: Corpus, index: CandidateIndex | None = None, cache_size: int = 4096) -> None:
        self.corpus = corpus
        self.index = index or CandidateIndex()
        self._cache: OrderedDict[Hashable, Features] = OrderedDict()
        self._cache_size = cache_size

    def assign(self, text: str) -> Assignment:
        """Find the story a new article belongs to; changes nothing."""
        feats = features(text)
        sigs = signatures_of(feats)
        best: tuple[Verdict, Hashable] | None = None
        lookalikes = 0
        for key in self.index.query(sigs):
            candidate = self._features(key)
            if candidate is None:
                continue
            verdict = verify(feats, candidate)
            lookalikes += verdict.kind == "lookalike"
            if verdict.is_copy and (best is None or _rank(verdict, key) > _rank(*best)):
                best = (verdict, key)
        if best is None:
            return Assignment(None, None, "original", 0.0, lookalikes, feats, sigs)
        verdict, match = best
        return Assignment(self.corpus.story(match), match, verdict.kind, verdict.similarity, lookalikes, feats, sigs)

    def add(self, key: Hashable, assignment: Assignment) -> None:
        """Make a stored article findable by later ones."""
        self.index.insert(key, assignment.signatures)
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
        self._cache[key] = feats
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)


def _rank(verdict: Verdict, key: Hashable) -> tuple[float, float, str]:
    # Ties broken by key so that the choice does not depend on the order LSH returns candidates in.
    return (verdict.containment, verdict.similarity, str(key))
