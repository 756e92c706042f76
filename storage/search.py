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
    _scope_update_trigger(db)


def _scope_update_trigger(db: Database) -> None:
    """Re-index an article only when its title or text changes. sqlite-utils' update trigger fires on
    every update of the row, and folding updates each new article's story (and merges, older files'
    signatures): that re-tokenised the whole text, 45 % of what storing an article cost. The trigger
    keeps sqlite-utils' name, so `enable_fts(replace=True)` still finds the index set up."""
    trigger = {t.name: t.sql for t in db["articles"].triggers}.get("articles_au", "")
    if not trigger or "UPDATE OF" in trigger:
        return
    columns = ", ".join(f"[{c}]" for c in FTS_COLUMNS)
    old = ", ".join(f"old.[{c}]" for c in FTS_COLUMNS)
    new = ", ".join(f"new.[{c}]" for c in FTS_COLUMNS)
    db.executescript(f"""
        DROP TRIGGER [articles_au];
        CREATE TRIGGER [articles_au] AFTER UPDATE OF {columns} ON [articles] BEGIN
          INSERT INTO [articles_fts] ([articles_fts], rowid, {columns}) VALUES('delete', old.rowid, {old});
          INSERT INTO [articles_fts] (rowid, {columns}) VALUES (new.rowid, {new});
        END;""")


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
