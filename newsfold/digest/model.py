"""The digest as data: what every format shows, built once from the database and already made safe.

Titles, summaries and names arrive here untrusted; they leave as clean plain text of bounded length and
links leave as http(s) or not at all, so a format only has to escape for its own syntax.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime

from sqlite_utils import Database

from newsfold.digest.text import TITLE_LIMIT, clean_text, lead_sentences, safe_url
from newsfold.storage.queries import (
    MIRROR_SCORE,
    FailedSource,
    MirrorRow,
    RunFigures,
    count_since,
    database_key,
    mirror_report,
    run_figures,
    stories_since,
)
from newsfold.storage.records import RelatedStory, StoryRow
from newsfold.times import iso

#: Entry ids are name-based UUIDs of the story id within its database: a story keeps its id when
#: copies join it, its canonical changes or it absorbs another story.
ENTRY_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://newsfold.invalid/story")
NAME_LIMIT = 100


@dataclass(frozen=True)
class Link:
    """A titled link; `url` is None when the page gave no http(s) one."""

    title: str
    url: str | None
    domain: str


@dataclass(frozen=True)
class DigestStory:
    rank: int
    id: int
    entry_id: str
    title: str
    url: str | None
    domain: str
    published: str | None
    updated: str | None
    summary: str
    section: str | None
    domains: int
    articles: int
    #: Other domains that published it and are not mirrors.
    also_published: tuple[str, ...]
    #: Articles of it on mirror domains, shown as one count.
    mirror_copies: int
    #: The other stories of its event: independent reports.
    also_covered: tuple[Link, ...]


@dataclass(frozen=True)
class Section:
    name: str | None
    stories: tuple[DigestStory, ...]


@dataclass(frozen=True)
class Digest:
    generated: datetime
    since: datetime
    stories: tuple[DigestStory, ...]
    figures: RunFigures
    mirrors: tuple[MirrorRow, ...]
    #: The Atom feed's id, of the database like its entries' ids.
    feed_id: str
    #: Stories in the window; more than `stories` when the limit cut the rest.
    in_window: int = 0

    def sections(self) -> list[Section]:
        """Stories grouped by the section their pages declare, sections in the order of their best
        story, ranking kept inside each; stories without one come last, under no name."""
        groups: dict[str | None, list[DigestStory]] = {}
        for story in self.stories:
            groups.setdefault(story.section, []).append(story)
        named = [Section(name, tuple(items)) for name, items in groups.items() if name is not None]
        return named + ([Section(None, tuple(groups[None]))] if None in groups else [])


def entry_id(database: str, story: int) -> str:
    return uuid.uuid5(ENTRY_NAMESPACE, f"{database}#{story}").urn


def _section(value: str | None) -> str | None:
    name = clean_text(value, NAME_LIMIT)
    return name.capitalize() if name.islower() else (name or None)


def digest_story(rank: int, row: StoryRow, database: str) -> DigestStory:
    """One story made safe to show; `database` is the key of the file it came from."""
    mirrors = {domain for domain, score in row.other_domains if score > MIRROR_SCORE}
    return DigestStory(
        rank=rank, id=row.id, entry_id=entry_id(database, row.id),
        title=clean_text(row.title, TITLE_LIMIT) or clean_text(row.url, TITLE_LIMIT) or "(untitled)",
        url=safe_url(row.url), domain=clean_text(row.domain, NAME_LIMIT), published=row.published,
        updated=row.last_seen or row.published, summary=lead_sentences(row.text), section=_section(row.section),
        domains=row.domains, articles=row.articles,
        also_published=tuple(clean_text(d, NAME_LIMIT) for d, _ in row.other_domains if d not in mirrors),
        mirror_copies=row.mirror_copies,
        also_covered=tuple(_link(related) for related in row.also_covered),
    )


def _link(story: RelatedStory) -> Link:
    return Link(clean_text(story.title, TITLE_LIMIT) or "(untitled)", safe_url(story.url),
                clean_text(story.domain, NAME_LIMIT))


def _clean_figures(figures: RunFigures) -> RunFigures:
    """Source names come from the user's config and errors quote servers: show them as plain text."""
    failed = tuple(FailedSource(clean_text(s.name, NAME_LIMIT), s.failures_in_row, clean_text(s.last_error, 200))
                   for s in figures.failed)
    return replace(figures, failed=failed)


def build_digest(db: Database, since: datetime, now: datetime, limit: int = 200) -> Digest:
    """The digest of the stories published in [since, now], most widely carried first."""
    rows, database = stories_since(db, iso(since), limit), database_key(db)
    return Digest(
        generated=now, since=since,
        stories=tuple(digest_story(rank, row, database) for rank, row in enumerate(rows, 1)),
        figures=_clean_figures(run_figures(db, iso(since))),
        mirrors=tuple(row for row in mirror_report(db) if row.copies),
        feed_id=uuid.uuid5(ENTRY_NAMESPACE, f"{database}#feed").urn,
        in_window=count_since(db, iso(since)),
    )
