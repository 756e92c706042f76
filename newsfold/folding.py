"""Folding: dedup's decisions carried out in storage, one article at a time.

The crawl pipeline and `newsfold cluster` both go through `StoryFolder`, so an offline run over the
same articles in the same order groups them exactly as the crawl did.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from newsfold.dedup import Contender, Deduplicator, prefer
from newsfold.dedup.signatures import from_bytes, to_bytes
from newsfold.dedup.text import words
from newsfold.extract import Extracted
from newsfold.storage import NewArticle, Placement, Store
from newsfold.times import parse_time
from newsfold.urls import domain_of


class StoreCorpus:
    """dedup's `Corpus` read from the database."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def text(self, key: int) -> str | None:
        return self.store.article_text(key)

    def story(self, key: int) -> int | None:
        return self.store.article_story(key)


@dataclass(frozen=True)
class Folded:
    """What happened to one article: stored as `article` in `story`, judged `kind`."""

    article: int
    story: int
    kind: str
    similarity: float
    lookalikes: int
    canonical: bool


class StoryFolder:
    """Assigns articles to stories and stores them; the candidate index is rebuilt from the database."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.dedup = Deduplicator(StoreCorpus(store))
        self.loaded = self.dedup.index.load(
            (key, {view: from_bytes(blob) for view, blob in sigs.items()}) for key, sigs in store.signatures()
        )

    def fold(self, article: Extracted, source: str, fetched: str, aliases: tuple[str, ...] = ()) -> Folded | None:
        """Store one article in its story; None if its URL is already stored. `aliases` are other URLs
        that led to it (a redirecting feed link), remembered so they are not fetched again."""
        if self.store.has_url(article.url):
            self.store.add_aliases(article.url, aliases)
            return None
        assignment = self.dedup.assign(article.text)
        tokens = words(article.text)
        canonical = assignment.story is None or self._better_canonical(assignment.story, article, len(tokens))
        record = NewArticle(
            url=article.url, domain=domain_of(article.url), source=source, title=article.title,
            text=article.text, fetched=fetched, words=len(tokens),
            content_hash=hashlib.sha1(" ".join(tokens).encode()).hexdigest(),
            signatures={view: to_bytes(sig) for view, sig in assignment.signatures.items()},
            published=article.published, authors=article.authors, language=article.language,
            canonical_url=article.canonical_url, aliases=tuple(a for a in aliases if a != article.url),
            section=article.section,
        )
        placement = Placement(
            copy_kind=assignment.kind, story=assignment.story, matched=assignment.match,
            similarity=assignment.similarity, canonical=canonical,
        )
        stored = self.store.add_article(record, placement)
        if stored is None:
            return None
        article_id, story_id = stored
        self.dedup.add(article_id, assignment)
        return Folded(article_id, story_id, assignment.kind, assignment.similarity, assignment.lookalikes, canonical)

    def _better_canonical(self, story: int, article: Extracted, length: int) -> bool:
        key, published, words_ = self.store.canonical_of(story)
        incumbent = Contender(key, parse_time(published), words_)
        challenger = Contender(None, parse_time(article.published), length)
        return prefer(incumbent, challenger) is challenger
