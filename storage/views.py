"""SQL views for browsing the file in Datasette (`datasette news.db`) or any SQLite client.

Views are replaced when their definition changes and left alone otherwise, so opening a file is cheap.
"""

from __future__ import annotations

from sqlite_utils import Database

from newsfold.storage.queries import COPIES, JOINS

VIEWS: dict[str, str] = {
    # The stories as the digest ranks them, with what the digest collapses spelled out.
    "story_digest": """SELECT s.id AS story, s.title, s.url, a.domain, a.section,
       COALESCE(s.published, s.first_seen) AS published, s.last_seen, s.domains, s.articles,
       s.articles - 1 AS copies, s.event
FROM stories s JOIN articles a ON a.id = s.canonical
ORDER BY s.domains DESC, published DESC""",
    # Each article beside its story's canonical: how it was folded and how close it was.
    "story_articles": """SELECT a.story, s.title AS story_title, a.id AS article, a.url, a.domain,
       a.copy_kind, a.similarity, a.published, a.id = s.canonical AS is_canonical
FROM articles a JOIN stories s ON s.id = a.story
ORDER BY a.story, is_canonical DESC, a.published""",
    # Domains ranked as `newsfold mirrors` ranks them.
    "mirror_domains": f"""SELECT a.domain, COUNT(*) AS articles, SUM({COPIES}) AS copies,
       ROUND(1.0 * SUM({COPIES}) / COUNT(*), 3) AS copy_share
{JOINS}
GROUP BY a.domain ORDER BY copy_share DESC, copies DESC, a.domain""",
}


def ensure_views(db: Database) -> None:
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)
