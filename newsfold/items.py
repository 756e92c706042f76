"""The item every spider yields: one fetched article page, before extraction."""

from __future__ import annotations

from dataclasses import dataclass

from newsfold.extract import Extracted


@dataclass
class PageItem:
    """A fetched page and what its source said about it. `article` is filled by the extract pipeline."""

    url: str
    link: str  # the URL the source linked; differs from `url` when the link redirected
    source: str
    html: str
    fetched: str
    feed_title: str | None = None
    feed_published: str | None = None
    article: Extracted | None = None
