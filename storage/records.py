"""Records that cross the storage boundary."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NewArticle:
    """An extracted article ready to be stored. Times are ISO 8601 strings in UTC."""

    url: str
    domain: str
    source: str
    title: str
    text: str
    fetched: str
    words: int
    content_hash: str
    #: dedup's packed MinHash signatures and the version of features and hashing they were made with.
    signature: bytes
    signature_version: str
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    canonical_url: str | None = None
    #: Other URLs that led to this article (a feed link that redirected here).
    aliases: tuple[str, ...] = ()
    #: The section or topic the page declares, for grouping the digest.
    section: str | None = None
    #: When the page says it last changed (UTC), and its lead image URL.
    modified: str | None = None
    image: str | None = None


@dataclass(frozen=True)
class Placement:
    """Where dedup put the article: `story` None starts a new story with the article as canonical."""

    copy_kind: str
    story: int | None = None
    matched: int | None = None
    similarity: float = 0.0
    canonical: bool = True


@dataclass(frozen=True)
class RelatedStory:
    """Another story of the same event: an independent report, shown as "also covered by"."""

    id: int
    title: str
    url: str
    domain: str


@dataclass(frozen=True)
class StoryRow:
    """A story as the digest shows it: the canonical article and the domains that carried it."""

    id: int
    title: str
    url: str
    domain: str
    published: str | None
    text: str
    articles: int
    domains: int
    other_domains: list[tuple[str, float]]
    #: Articles from mirror domains (most of whose articles copy other domains' stories).
    mirror_copies: int = 0
    #: When the story last gained an article; moves the Atom entry's `updated`.
    last_seen: str | None = None
    #: The section the canonical's page declares, if any.
    section: str | None = None
    event: int | None = None
    also_covered: tuple[RelatedStory, ...] = ()
