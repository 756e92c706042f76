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
    signatures: dict[str, bytes]
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    canonical_url: str | None = None
    #: Other URLs that led to this article (a feed link that redirected here).
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Placement:
    """Where dedup put the article: `story` None starts a new story with the article as canonical."""

    copy_kind: str
    story: int | None = None
    matched: int | None = None
    similarity: float = 0.0
    canonical: bool = True


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
