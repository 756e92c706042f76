"""The database schema, created idempotently so that every run can open any existing file."""

from __future__ import annotations

from sqlite_utils import Database

from newsfold.storage.search import ensure_fts
from newsfold.storage.views import ensure_views

TABLES: dict[str, tuple[dict[str, type], str]] = {
    "sources": (
        {
            "name": str, "url": str, "kind": str, "last_attempt": str, "last_success": str,
            "last_status": int, "last_error": str, "failures_in_row": int, "articles": int,
            # Conditional GET: the validators of the last response whose entries were all handled.
            "etag": str, "last_modified": str,
            # The user's hints from sources.toml.
            "language": str, "role": str,
        },
        "name",
    ),
    "stories": (
        {
            "id": int, "canonical": int, "title": str, "url": str, "published": str,
            "first_seen": str, "last_seen": str, "articles": int, "domains": int,
            # Stories with the same event report one event independently ("also covered by"); set by
            # event linking, NULL until a story is linked.
            "event": int,
        },
        "id",
    ),
    "articles": (
        {
            "id": int, "url": str, "domain": str, "source": str, "title": str, "text": str,
            "authors": str, "published": str, "language": str, "canonical_url": str, "fetched": str,
            "words": int, "content_hash": str, "signature": bytes, "signature_version": str, "story": int,
            "copy_kind": str, "similarity": float, "matched": int,
            # The section or topic the page declares (article:section, JSON-LD articleSection).
            "section": str,
            # When the page says it was last changed, and its lead image (extraction fills both).
            "modified": str, "image": str,
        },
        "id",
    ),
    # Every URL an article answered to (its own, and the feed link that redirected to it), so
    # that "already stored?" is one lookup whatever form the next feed links it in.
    "urls": ({"url": str, "article": int}, "url"),
    "domains": ({"domain": str, "articles": int, "copies": int, "mirror_score": float}, "domain"),
    "runs": ({"id": int, "started": str, "finished": str, "status": str, "stats": str, "spider": str}, "id"),
    # Every digest written, so that `digest --since-last` covers what came after the previous one.
    "digests": ({"id": int, "generated": str, "since": str, "stories": int, "formats": str}, "id"),
    # Site chrome learned by extraction (newsfold.sitechrome): short lines counted per domain, with
    # the pages seen per domain, so the next crawl strips a site's house lines from its first page.
    "site_pages": ({"domain": str, "pages": int}, "domain"),
    "site_lines": ({"id": str, "domain": str, "key": str, "line": str, "pages": int}, "id"),
}

INDEXES: list[tuple[str, list[str], bool]] = [
    ("articles", ["url"], True),
    ("articles", ["story"], False),
    ("stories", ["published"], False),
]


def ensure_schema(db: Database, search: bool = True) -> None:
    """Create missing tables and indexes; leave existing data alone. Without `search`, no full-text
    index is made (a scratch store nobody searches); opening the file with it later indexes it in full."""
    backfill_urls = "urls" not in db.table_names() and "articles" in db.table_names()
    for name, (columns, pk) in TABLES.items():
        db[name].create(columns, pk=pk, not_null={pk} if pk != "id" else None, if_not_exists=True)
    for table, columns, unique in INDEXES:
        db[table].create_index(columns, unique=unique, if_not_exists=True)
    _add_missing_columns(db)
    if backfill_urls:
        db.execute("INSERT OR IGNORE INTO urls (url, article) SELECT url, id FROM articles")
    if search:
        ensure_fts(db)
    ensure_views(db)


def _add_missing_columns(db: Database) -> None:
    """Columns added to a table after a database was created (a migration by addition)."""
    for name, (columns, _) in TABLES.items():
        existing = db[name].columns_dict
        for column, kind in columns.items():
            if column not in existing:
                db[name].add_column(column, kind)
