"""`Store`: everything newsfold reads from and writes to its SQLite file.

Each stored article is one transaction (`db.atomic()`: in sqlite-utils 4 `with db.conn:` does not roll
back), so a job killed mid-run loses at most the article in flight. The file is in WAL mode, so the
spider can read while the pipeline writes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlite_utils import Database

from newsfold.storage import queries
from newsfold.storage.records import NewArticle, Placement, StoryRow
from newsfold.storage.schema import ensure_schema


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class Store:
    """A newsfold database file (or `":memory:"`). Creates the schema on first open; `search=False`
    leaves out the full-text index (see `ensure_schema`)."""

    def __init__(self, path: str | Path, search: bool = True) -> None:
        self.path = Path(path)
        #: No file: nothing beside it (the candidate index) can be saved.
        self.in_memory = str(path) == ":memory:"
        self.db = Database(memory=True) if self.in_memory else Database(self.path)
        self.db.execute("PRAGMA busy_timeout = 10000")
        if not self.in_memory and self.db.journal_mode != "wal":
            self.db.enable_wal()
        # In WAL mode NORMAL syncs at checkpoints instead of at every commit: a killed job still
        # keeps every committed article (SQLite's WAL docs), only a power cut may roll back the last
        # few. fsync per article took 3.3 s of a profiled 500-article crawl's 28 s, 1.0 s after.
        self.db.execute("PRAGMA synchronous = NORMAL")
        with self.db.atomic():
            ensure_schema(self.db, search)

    def close(self) -> None:
        self.db.close()

    # -- sources ---------------------------------------------------------------------------------
    def register_sources(self, sources: Iterable[tuple[str | None, ...]]) -> None:
        """Record (name, url, kind[, language, role]) for every configured source, keeping their
        fetch history."""
        with self.db.atomic():
            for source in sources:
                row = dict(zip(("name", "url", "kind", "language", "role"), source, strict=False))
                self.db["sources"].upsert(row, pk="name")

    def record_success(self, source: str, status: int) -> None:
        """A source answered: its failures in a row start again from zero."""
        stamp = now_iso()
        self.db["sources"].upsert(
            {"name": source, "last_attempt": stamp, "last_success": stamp, "last_status": status,
             "failures_in_row": 0},
            pk="name",
        )

    def record_failure(self, source: str, error: str, status: int | None = None, fatal: bool = True) -> None:
        """Note an error of a source; `fatal` ones (the source itself failed) count towards the
        failures in a row, a broken page behind a working feed only leaves its message."""
        row = {"name": source, "last_attempt": now_iso(), "last_error": error[:500], "last_status": status}
        with self.db.atomic():
            self.db["sources"].upsert(row, pk="name")
            if fatal:
                self.db.execute(
                    "UPDATE sources SET failures_in_row = COALESCE(failures_in_row, 0) + 1 WHERE name = ?",
                    [source],
                )

    def sources(self) -> list[dict]:
        return list(self.db["sources"].rows_where(order_by="name"))

    # -- articles --------------------------------------------------------------------------------
    def has_url(self, url: str) -> bool:
        """Whether an article was stored at `url` or reached through it."""
        return bool(self.db.execute("SELECT 1 FROM urls WHERE url = ?", [url]).fetchone())

    def add_article(self, article: NewArticle, placement: Placement) -> tuple[int, int] | None:
        """Store an article where dedup placed it; returns (article id, story id), or None if the URL
        was stored meanwhile."""
        if self.has_url(article.url):
            return None
        with self.db.atomic():
            row = {
                "url": article.url, "domain": article.domain, "source": article.source,
                "title": article.title, "text": article.text, "authors": json.dumps(article.authors),
                "published": article.published, "language": article.language,
                "canonical_url": article.canonical_url, "fetched": article.fetched, "words": article.words,
                "content_hash": article.content_hash, "signature": article.signature,
                "signature_version": article.signature_version, "copy_kind": placement.copy_kind,
                "similarity": placement.similarity, "matched": placement.matched,
                "section": article.section, "modified": article.modified, "image": article.image,
            }
            article_id = self._insert("articles", row)
            story_id = placement.story
            if story_id is None:
                story_id = self._insert(
                    "stories",
                    {"canonical": article_id, "title": article.title, "url": article.url,
                     "published": article.published, "first_seen": article.fetched,
                     "last_seen": article.fetched, "articles": 1, "domains": 1},
                )
            else:
                self._join_story(story_id, article_id, article, placement.canonical)
            self.db.execute("UPDATE articles SET story = ? WHERE id = ?", [story_id, article_id])
            self._add_urls(article_id, (article.url, *article.aliases))
            self._count_domain(article.domain, copy=placement.story is not None)
            self.db.execute(
                "UPDATE sources SET articles = COALESCE(articles, 0) + 1 WHERE name = ?", [article.source]
            )
        return article_id, story_id

    def _insert(self, table: str, row: dict) -> int:
        """One row by a plain INSERT: `Table.insert` inspects the table's columns on every call, which
        was a third of the time `newsfold cluster` spent storing an article."""
        columns = ", ".join(f'"{column}"' for column in row)
        marks = ", ".join("?" * len(row))
        return self.db.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', list(row.values())).lastrowid

    def add_aliases(self, url: str, aliases: Iterable[str]) -> None:
        """Remember more URLs that lead to the article stored at `url`."""
        row = self.db.execute("SELECT article FROM urls WHERE url = ?", [url]).fetchone()
        if row:
            with self.db.atomic():
                self._add_urls(row[0], aliases)

    def _add_urls(self, article_id: int, urls: Iterable[str]) -> None:
        self.db.conn.executemany("INSERT OR IGNORE INTO urls (url, article) VALUES (?, ?)",
                                 [(url, article_id) for url in urls])

    def _join_story(self, story: int, article_id: int, article: NewArticle, canonical: bool) -> None:
        domains = self.db.execute(
            "SELECT COUNT(DISTINCT domain) FROM articles WHERE story = ? OR id = ?", [story, article_id]
        ).fetchone()[0]
        self.db.execute(
            """UPDATE stories SET articles = articles + 1, domains = ?, last_seen = ?,
               published = CASE WHEN published IS NULL OR ? < published THEN ? ELSE published END
               WHERE id = ?""",
            [domains, article.fetched, article.published, article.published, story],
        )
        if canonical:
            self.db.execute("UPDATE stories SET canonical = ?, title = ?, url = ? WHERE id = ?",
                            [article_id, article.title, article.url, story])

    def _count_domain(self, domain: str, copy: bool) -> None:
        self.db.execute(
            """INSERT INTO domains (domain, articles, copies, mirror_score) VALUES (?, 1, ?, ?)
               ON CONFLICT(domain) DO UPDATE SET articles = articles + 1, copies = copies + excluded.copies,
               mirror_score = CAST(copies + excluded.copies AS REAL) / (articles + 1)""",
            [domain, int(copy), float(copy)],
        )

    def article_text(self, article_id: int) -> str | None:
        row = self.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else None

    def set_event(self, story: int, event: int) -> None:
        """Record the event a story reports (its own id for a new event)."""
        self.db.execute("UPDATE stories SET event = ? WHERE id = ?", [event, story])

    def _window_start(self, table: str, span: timedelta) -> str | None:
        """The publication time `span` before the newest one in `table` ("articles" or "stories")."""
        newest = self.db.execute(f"SELECT MAX(published) FROM {table}").fetchone()[0]
        return (datetime.fromisoformat(newest) - span).isoformat() if newest else None

    def recent_canonicals(self, span: timedelta) -> list[tuple[int, str, str | None, int | None]]:
        """(story, canonical text, published, event) of stories published within `span` of the newest."""
        since = self._window_start("stories", span)
        if since is None:
            return []
        return self.db.execute(
            "SELECT s.id, a.text, a.published, s.event FROM stories s JOIN articles a ON a.id = s.canonical "
            "WHERE s.published >= ?", [since]).fetchall()

    def article_stories(self, article_ids: Iterable[int]) -> dict[int, int]:
        """The story of each of these stored articles, in one query."""
        ids = list(article_ids)
        marks = ", ".join("?" * len(ids))
        return dict(self.db.execute(f"SELECT id, story FROM articles WHERE id IN ({marks})", ids).fetchall())

    def story_members(self, stories: Iterable[int]) -> dict[int, int]:
        """Every article of these stories, with its story, in one query."""
        ids = list(stories)
        marks = ", ".join("?" * len(ids))
        return dict(self.db.execute(f"SELECT id, story FROM articles WHERE story IN ({marks})", ids).fetchall())

    def canonical_of(self, story: int) -> tuple[int, str | None, int, str, str | None, str]:
        """(article id, published, words, url, canonical url, domain) of a story's canonical article."""
        return self.db.execute(
            "SELECT a.id, a.published, a.words, a.url, a.canonical_url, a.domain FROM stories s "
            "JOIN articles a ON a.id = s.canonical WHERE s.id = ?",
            [story],
        ).fetchone()

    def domain_copies(self) -> dict[str, tuple[int, int]]:
        """Per domain: (articles, copies), where a copy is an article of a story that another domain
        published earlier. Unlike `domains.copies`, this does not depend on the order of the crawl."""
        return {domain: (articles, copies) for domain, articles, copies in self.db.execute(
            """SELECT a.domain, COUNT(*), SUM(EXISTS (SELECT 1 FROM articles b WHERE b.story = a.story
                      AND b.domain != a.domain AND b.published < a.published))
               FROM articles a GROUP BY a.domain""")}

    def merge_stories(self, into: int, others: Iterable[int], canonical: int) -> None:
        """Fold the stories `others` into `into` (one transaction), with `canonical` standing for it."""
        others = [s for s in others if s != into]
        if not others:
            return
        marks = ", ".join("?" * len(others))
        with self.db.atomic():
            self.db.execute(f"UPDATE articles SET story = ? WHERE story IN ({marks})", [into, *others])
            self.db.execute(
                f"""UPDATE stories SET
                    articles = (SELECT COUNT(*) FROM articles WHERE story = ?),
                    domains = (SELECT COUNT(DISTINCT domain) FROM articles WHERE story = ?),
                    published = (SELECT MIN(published) FROM articles WHERE story = ?),
                    first_seen = (SELECT MIN(fetched) FROM articles WHERE story = ?),
                    last_seen = (SELECT MAX(fetched) FROM articles WHERE story = ?),
                    event = COALESCE(event, (SELECT MIN(event) FROM stories WHERE id IN ({marks})))
                    WHERE id = ?""",
                [into] * 5 + others + [into],
            )
            title, url = self.db.execute("SELECT title, url FROM articles WHERE id = ?", [canonical]).fetchone()
            self.db["stories"].update(into, {"canonical": canonical, "title": title, "url": url})
            self.db.execute(f"DELETE FROM stories WHERE id IN ({marks})", others)

    def signatures(self, span: timedelta | None = None, after: int = 0
                   ) -> Iterator[tuple[int, bytes | None, str | None, str | None]]:
        """(id, signature, its version, published) of stored articles with an id above `after`, oldest
        first, to build the index: all of them, or those published within `span` of the newest (and
        those without a date)."""
        since = self._window_start("articles", span) if span else None
        columns = "id, signature, signature_version, published"
        if since is None:
            yield from self.db.execute(f"SELECT {columns} FROM articles WHERE id > ? ORDER BY id", [after])
            return
        yield from self.db.execute(
            f"SELECT {columns} FROM articles WHERE id > ? AND (published >= ? OR published IS NULL) ORDER BY id",
            [after, since])

    def last_article(self) -> tuple[int, str | None]:
        """(id, url) of the newest stored article, (0, None) in an empty store: what a saved index
        notes to tell later whether it belongs to this database and what it lacks."""
        row = self.db.execute("SELECT id, url FROM articles ORDER BY id DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (0, None)

    def article_url(self, article_id: int) -> str | None:
        row = self.db.execute("SELECT url FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else None

    def set_signature(self, article_id: int, signature: bytes, version: str) -> None:
        """Replace a signature made by an older version of dedup."""
        self.db["articles"].update(article_id, {"signature": signature, "signature_version": version})

    def articles(self) -> Iterator[dict]:
        """Every stored article in the order it was stored (the order dedup saw them)."""
        yield from self.db["articles"].rows_where(
            select="id, url, title, text, published, story, copy_kind, similarity, domain", order_by="id"
        )

    def event_of_urls(self) -> dict[str, int]:
        """Each stored article's URL with the event of its story."""
        return dict(self.db.execute(
            "SELECT a.url, COALESCE(s.event, s.id) FROM articles a JOIN stories s ON s.id = a.story").fetchall())

    def story_of_urls(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT url, story FROM articles").fetchall())

    # -- runs ------------------------------------------------------------------------------------
    def start_run(self, spider: str | None = None) -> int:
        return self.db["runs"].insert({"started": now_iso(), "status": "running", "spider": spider}).last_pk

    def finish_run(self, run: int, status: str, stats: dict) -> None:
        self.db["runs"].update(
            run, {"finished": now_iso(), "status": status, "stats": json.dumps(stats, default=str)}
        )

    def last_run(self) -> dict | None:
        rows = list(self.db["runs"].rows_where("finished IS NOT NULL", order_by="id desc", limit=1))
        return rows[0] if rows else None

    # -- digest ----------------------------------------------------------------------------------
    def stories_since(self, since: str, limit: int = 200) -> list[StoryRow]:
        """Stories first published (or, without a date, first seen) since `since`, most widely
        carried first, then most recent."""
        return queries.stories_since(self.db, since, limit)

    # -- conditional GET and source health ---------------------------------------------------------
    def validators(self, source: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) last saved for a source, for a conditional GET."""
        row = self.db.execute("SELECT etag, last_modified FROM sources WHERE name = ?", [source]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_validators(self, source: str, etag: str | None, last_modified: str | None) -> None:
        """Keep a response's validators; saved only once every entry it listed was handled, so a
        304 next time never hides an entry that a killed or failed run did not store."""
        self.db.execute("UPDATE sources SET etag = ?, last_modified = ? WHERE name = ?",
                        [etag, last_modified, source])

    def source_health(self) -> list[dict]:
        """Each source's fetch record with the articles it contributed and the share that were copies."""
        return [dict(zip(("name", "kind", "url", "last_success", "last_attempt", "last_error", "failures_in_row",
                          "articles", "copies"), row, strict=True)) for row in self.db.execute(
            """SELECT s.name, s.kind, s.url, s.last_success, s.last_attempt, s.last_error,
                      COALESCE(s.failures_in_row, 0), COUNT(a.id), COALESCE(SUM(a.copy_kind != 'original'), 0)
               FROM sources s LEFT JOIN articles a ON a.source = s.name
               GROUP BY s.name ORDER BY s.name""")]

    # -- site chrome learned by extraction ---------------------------------------------------------
    def site_chrome(self) -> tuple[list[tuple[str, int]], list[tuple[str, str, str, int]]]:
        """Pages seen per domain, and (domain, key, line, pages) of the lines counted on them."""
        pages = [(row["domain"], row["pages"]) for row in self.db["site_pages"].rows]
        lines = [(row["domain"], row["key"], row["line"], row["pages"]) for row in self.db["site_lines"].rows]
        return pages, lines

    def save_site_chrome(self, pages: Iterable[tuple[str, int]], lines: Iterable[tuple[str, str, str, int]]) -> None:
        """Replace the stored counts with these totals (earlier crawls included), in one transaction."""
        with self.db.atomic():
            self.db["site_pages"].upsert_all(({"domain": d, "pages": n} for d, n in pages), pk="domain")
            self.db["site_lines"].upsert_all(
                ({"id": f"{domain} {key}", "domain": domain, "key": key, "line": line, "pages": count}
                 for domain, key, line, count in lines), pk="id")
