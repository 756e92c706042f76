"""Story assignment: a new article joins the story of its best verified match, or starts one.

There is no chaining through weak links. An article joins a story only through a verified match with one
of its members; it never joins a story that holds a verified look-alike of it (a truncated copy of the
7th prisoner swap must not pull the 8th into its story) unless it is a near-exact copy of a member;
and two stories merge only when the new article is a strong copy (`MERGE_AT`) of a member of each,
which happens when copies arrive before their original and do not match each other (a truncation and
a reordered copy). One borderline link cannot snowball into a giant cluster (transitive closure over
raw LSH hits is what produced 859,091-member clusters elsewhere).
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

#: A new article that is a copy of members of several stories at least this strongly merges them.
MERGE_AT = 0.9


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

    def merge(self, into: Hashable, others: tuple[Hashable, ...]) -> None:
        """Move every member of `others` into the story `into`."""
        gone = set(others)
        for key, story in self.stories.items():
            if story in gone:
                self.stories[key] = into


@dataclass(frozen=True)
class Assignment:
    """Where a new article goes.

    `story` is None when the article starts a story of its own (`kind` "original"); otherwise it is
    the story of `match`, the member it was verified against, and `kind` says what kind of copy it is.
    `lookalikes` counts candidates refused because their figures disagreed. `merges` are other
    stories the article is a strong copy of: the caller folds them into `story`.
    """

    story: Hashable | None
    match: Hashable | None
    kind: str
    similarity: float
    lookalikes: int
    features: Features
    signatures: dict[str, LeanMinHash]
    merges: tuple[Hashable, ...] = ()


def signatures_of(feats: Features) -> dict[str, LeanMinHash]:
    """One signature per index view."""
    return {"lead": signature(feats.lead), "skeleton": signature(feats.skeleton)}


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
        best: dict[Hashable, tuple[Verdict, Hashable]] = {}  # story -> its best verified copy match
        barred: set[Hashable] = set()  # stories holding a look-alike of this article
        lookalikes = 0
        for key in self.index.query(sigs):
            candidate = self._features(key)
            story = self.corpus.story(key)
            if candidate is None or story is None:
                continue
            verdict = verify(feats, candidate)
            if verdict.kind == "lookalike":
                lookalikes += 1
                barred.add(story)
            elif verdict.is_copy and (story not in best or _rank(verdict, key) > _rank(*best[story])):
                best[story] = (verdict, key)
        # A near-exact copy of a member belongs with it even if another member reads as a look-alike:
        # that member, not this article, is the one out of place.
        ranked = sorted(((v, k, s) for s, (v, k) in best.items() if s not in barred or v.similarity >= MERGE_AT),
                        key=lambda t: _rank(t[0], t[1]), reverse=True)
        if not ranked:
            return Assignment(None, None, "original", 0.0, lookalikes, feats, sigs)
        verdict, match, story = ranked[0]
        strong = sorted((s for v, _, s in ranked if v.similarity >= MERGE_AT), key=_story_order)
        if verdict.similarity >= MERGE_AT and len(strong) > 1:
            story, merges = strong[0], tuple(strong[1:])  # the oldest-keyed story absorbs the others
        else:
            merges = ()
        return Assignment(story, match, verdict.kind, verdict.similarity, lookalikes, feats, sigs, merges)

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


def _story_order(story: Hashable) -> tuple[int, int, str]:
    """Oldest first: numeric story ids by value, others by their text."""
    return (0, story, "") if isinstance(story, int) else (1, 0, str(story))


def _rank(verdict: Verdict, key: Hashable) -> tuple[float, float, str]:
    # Ties broken by key so that the choice does not depend on the order LSH returns candidates in.
    return (verdict.containment, verdict.similarity, str(key))
