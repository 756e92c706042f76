"""Full-text search over stored articles (SQLite FTS5 through sqlite-utils), answered as stories.

The index covers every article, copies included, so a story is found by words that only one of its
copies carries; hits are folded to their stories, best match first.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from newsfold.storage.queries import stories_by_id
from newsfold.storage.records import StoryRow

FTS_COLUMNS = ["title", "text"]
#: Porter stemming on top of unicode61, so "swaps" finds "swap".
TOKENIZE = "porter"


def ensure_fts(db: Database) -> None:
    """Index articles for search, kept current by triggers; a no-op when the index is already set up
    this way, so every run can call it on any older file (a file without one is indexed in full)."""
    db["articles"].enable_fts(FTS_COLUMNS, create_triggers=True, tokenize=TOKENIZE, replace=True)


@dataclass(frozen=True)
class SearchHit:
    """A story that matched, with the URL of its best-matching article and that match's BM25 rank
    (lower is more relevant)."""

    story: StoryRow
    matched_url: str
    rank: float

    @property
    def copies(self) -> int:
        return self.story.articles - 1


def search_stories(db: Database, query: str, since: str | None = None, limit: int = 20) -> list[SearchHit]:
    """Stories whose articles match every word of `query`, most relevant first; with `since`, only
    articles published (or, undated, fetched) since then count. Query syntax is not interpreted."""
    where, args = ("COALESCE(published, fetched) >= :since", {"since": since}) if since else (None, None)
    best: dict[int, tuple[str, float]] = {}
    for row in db["articles"].search(query, columns=["story", "url"], where=where, where_args=args,
                                     include_rank=True, quote=True):
        best.setdefault(row["story"], (row["url"], row["rank"]))
        if len(best) >= limit:
            break
    return [SearchHit(story, *best[story.id]) for story in stories_by_id(db, list(best))]
