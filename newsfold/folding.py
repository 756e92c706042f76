"""Folding: dedup's decisions carried out in storage, one article at a time.

The crawl pipeline and `newsfold cluster` both go through `StoryFolder`, so an offline run over the
same articles in the same order groups them exactly as the crawl did.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from newsfold.dedup import Contender, Deduplicator, prefer
from newsfold.dedup.canonical import is_mirror
from newsfold.dedup.events import MEMORY as EVENT_MEMORY
from newsfold.dedup.events import EventLinker, report
from newsfold.dedup.index import VIEWS, CandidateIndex
from newsfold.dedup.signatures import VERSION, pack, sign_views, unpack
from newsfold.dedup.text import analyse
from newsfold.extract import Extracted
from newsfold.storage import NewArticle, Placement, Store
from newsfold.times import parse_time
from newsfold.urls import domain_of, normalize_url, variants

log = logging.getLogger(__name__)

#: Articles published this long before the newest stored one leave the candidate index: copies appear
#: within days of their original, and the window bounds the index's memory.
INDEX_WINDOW = timedelta(days=30)


class StoreCorpus:
    """dedup's `Corpus` read from the database."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def text(self, key: int) -> str | None:
        return self.store.article_text(key)

    def stories(self, keys: Iterable[int]) -> dict[int, int]:
        return self.store.article_stories(keys)

    def articles_of(self, stories: Iterable[int]) -> dict[int, int]:
        return self.store.story_members(stories)


@dataclass(frozen=True)
class Folded:
    """What happened to one article: stored as `article` in `story`, judged `kind`."""

    article: int
    story: int
    kind: str
    similarity: float
    lookalike: bool  # a look-alike of it (same wording, other figures) was refused
    canonical: bool
    merged: int = 0  # other stories this article showed to be the same story
    linked: bool = False  # a new story linked to the event of an earlier one


class StoryFolder:
    """Assigns articles to stories and stores them.

    The candidate index is saved beside the database (`save`, a folder named after the file) and
    opened by the next run, which adds only the articles stored since; it is rebuilt from the stored
    signatures when it is missing, damaged, stale or another database's.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.index_folder = None if store.in_memory else store.path.with_name(store.path.name + "-index")
        index, since = self._open_index()
        self.dedup = Deduplicator(StoreCorpus(store), index)
        self.dedup.load(since)
        self.loaded = len(index)
        self.domains = store.domain_copies()
        self.events = EventLinker()
        for story, text, published, event in store.recent_canonicals(EVENT_MEMORY):
            self.events.remember(story, report(text, parse_time(published)), event or story)

    def _open_index(self) -> tuple[CandidateIndex, Iterator[tuple[int, dict[str, np.ndarray], datetime | None]]]:
        """The saved index and the stored articles it lacks; or an empty index and the window's articles."""
        if self.index_folder is not None and self.index_folder.exists():
            try:
                index, mark = CandidateIndex.open(self.index_folder)
                if self.store.article_url(mark.get("article", 0)) != mark.get("url"):
                    raise ValueError(f"index in {self.index_folder} belongs to another database")
            except ValueError as exc:
                log.warning("%s: building it anew from the stored signatures", exc)
            else:
                return index, self._stored_signatures(after=mark["article"])
        return CandidateIndex(), self._stored_signatures(INDEX_WINDOW)

    def save(self) -> None:
        """Save the candidate index for the next run, less the articles older than `INDEX_WINDOW`. A
        failure costs the next run a rebuild, never an article: it is logged, not raised."""
        if self.index_folder is None:
            return
        index = self.dedup.index
        index.expire(INDEX_WINDOW.total_seconds())
        article, url = self.store.last_article()
        try:
            index.save(self.index_folder, {"article": article, "url": url})
        except OSError as exc:
            log.warning("could not save the candidate index to %s (%s): the next run rebuilds it",
                        self.index_folder, exc)

    def _stored_signatures(self, span: timedelta | None = None, after: int = 0
                           ) -> Iterator[tuple[int, dict[str, np.ndarray], datetime | None]]:
        """Stored articles' signatures (those within `span` of the newest, or with an id above `after`);
        those made by another dedup version are made anew from the stored text (and saved), since
        signatures of two versions are not comparable."""
        for key, blob, version, published in self.store.signatures(span, after):
            if blob is not None and version == VERSION:
                yield key, unpack(blob, tuple(VIEWS)), parse_time(published)
                continue
            text = self.store.article_text(key)
            if text:
                sigs = sign_views(analyse(text)[1])
                self.store.set_signature(key, pack(sigs, tuple(VIEWS)), VERSION)
                yield key, sigs, parse_time(published)

    def fold(self, article: Extracted, source: str, fetched: str, aliases: tuple[str, ...] = ()) -> Folded | None:
        """Store one article in its story; None if its URL is already stored. `aliases` are other URLs
        that led to it (a redirecting feed link), remembered so they are not fetched again."""
        if self.store.has_url(article.url):
            self.store.add_aliases(article.url, aliases)
            return None
        assignment = self.dedup.assign(article.text, parse_time(article.published))
        if assignment.merges:
            self._merge(assignment.story, assignment.merges)
        length = assignment.features.words
        canonical = assignment.story is None or self._better_canonical(assignment.story, article, length)
        record = NewArticle(
            url=article.url, domain=domain_of(article.url), source=source, title=article.title,
            text=article.text, fetched=fetched, words=length, content_hash=assignment.features.fingerprint,
            signature=pack(assignment.signatures, tuple(VIEWS)), signature_version=VERSION,
            published=article.published, authors=article.authors, language=article.language,
            canonical_url=article.canonical_url,
            aliases=tuple(a for a in (*aliases, *sorted(variants(article.url))) if a != article.url),
            section=article.section, modified=article.modified, image=article.image,
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
        articles, copies = self.domains.get(record.domain, (0, 0))
        self.domains[record.domain] = (articles + 1, copies + (not canonical))
        linked = canonical and self._link_event(story_id, article, assignment.features.numbers,
                                                again=assignment.story is not None)
        return Folded(article_id, story_id, assignment.kind, assignment.similarity, assignment.lookalike, canonical,
                      len(assignment.merges), linked)

    def _link_event(self, story: int, article: Extracted, figures: frozenset[str], again: bool) -> bool:
        """Link a story to its event by its canonical article (`again` when a later member became the
        canonical: the first arrival may have been a copy that spun the names); True if linked to an
        earlier story's event."""
        canonical = report(article.text, parse_time(article.published), figures)
        event = self.events.relink(story, canonical) if again else self.events.link(story, canonical)
        self.store.set_event(story, event)
        return event != story

    def _merge(self, story: int, others: tuple[int, ...]) -> None:
        """Fold `others` into `story`, keeping the best of their canonicals."""
        contenders = [self._incumbent(member) for member in (story, *others)]
        self.store.merge_stories(story, others, functools.reduce(prefer, contenders).key)
        for other in others:
            self.events.forget(other)

    def _better_canonical(self, story: int, article: Extracted, length: int) -> bool:
        challenger = Contender(None, parse_time(article.published), length, article.url,
                               _elsewhere(article.url, article.canonical_url), self._mirror(domain_of(article.url)))
        return prefer(self._incumbent(story), challenger) is challenger

    def _incumbent(self, story: int) -> Contender:
        key, published, words_, url, canonical_url, domain = self.store.canonical_of(story)
        return Contender(key, parse_time(published), words_, url, _elsewhere(url, canonical_url), self._mirror(domain))

    def _mirror(self, domain: str) -> bool:
        """Whether a domain is a mirror: its record at the start of the run, kept up as articles arrive."""
        return is_mirror(*self.domains.get(domain, (0, 0)))


def _elsewhere(url: str, named: str | None) -> str | None:
    """The page a URL's page names as the original, if that is another page."""
    if not named:
        return None
    named = normalize_url(named)
    return named if named != url else None
