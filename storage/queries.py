"""Queries behind the digest, the mirror report and the footer's run figures, and the record of digest runs.

Nothing is cached: a digest always reflects the file as it is.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from newsfold.storage.records import RelatedStory, StoryRow

#: A domain is a mirror when most of its articles (more than this share) copy another domain's story.
MIRROR_SCORE = 0.5

STORY_SELECT = """
SELECT s.id, s.title, s.url, a.domain, COALESCE(s.published, s.first_seen) AS at, a.text, s.articles,
       s.domains, s.last_seen, s.event, a.section
FROM stories s JOIN articles a ON a.id = s.canonical
"""


def stories_since(db: Database, since: str, limit: int = 200) -> list[StoryRow]:
    """Stories first published (or, without a date, first seen) since `since`, most widely carried
    first, then most recent, each with its other domains and the other stories of its event."""
    rows = db.execute(
        STORY_SELECT + "WHERE at >= ? ORDER BY s.domains DESC, at DESC, s.id DESC LIMIT ?", [since, limit]
    ).fetchall()
    return _story_rows(db, rows)


def count_since(db: Database, since: str) -> int:
    """How many stories `stories_since` would return without a limit."""
    return db.execute("SELECT COUNT(*) FROM stories WHERE COALESCE(published, first_seen) >= ?", [since]).fetchone()[0]


def stories_by_id(db: Database, ids: list[int]) -> list[StoryRow]:
    """The stories with these ids, in the order given."""
    marks = ",".join("?" * len(ids))
    rows = {row[0]: row for row in db.execute(STORY_SELECT + f"WHERE s.id IN ({marks})", ids).fetchall()}
    return _story_rows(db, [rows[i] for i in ids if i in rows])


def _story_rows(db: Database, rows: list[tuple]) -> list[StoryRow]:
    carriers = _carriers(db, [row[0] for row in rows])
    related = _same_event(db, {row[9] for row in rows if row[9] is not None})
    shares = {domain: copies / total for domain, (total, copies) in copy_counts(db).items()}
    result = []
    for (sid, title, url, domain, at, text, articles, domains, last_seen, event, section) in rows:
        others = sorted(((d, shares.get(d, 0.0), n) for d, n in carriers.get(sid, []) if d != domain),
                        key=lambda other: (other[1], other[0]))  # originals first, mirrors last
        result.append(StoryRow(
            sid, title, url, domain, at, text or "", articles, domains,
            other_domains=[(d, score) for d, score, _ in others],
            mirror_copies=sum(n for _, score, n in others if score > MIRROR_SCORE),
            last_seen=last_seen, section=section or None, event=event,
            also_covered=tuple(r for r in related.get(event, ()) if r.id != sid),
        ))
    return result


def _carriers(db: Database, stories: list[int]) -> dict[int, list[tuple[str, int]]]:
    """Per story: (domain, articles) of every domain that carried it."""
    found: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for chunk in _chunks(stories):
        marks = ",".join("?" * len(chunk))
        for story, domain, count in db.execute(
            f"SELECT story, domain, COUNT(*) FROM articles WHERE story IN ({marks}) GROUP BY story, domain", chunk
        ):
            found[story].append((domain, count))
    return found


def _same_event(db: Database, events: set[int]) -> dict[int, list[RelatedStory]]:
    """Every story of each event, most widely carried first, whatever its date."""
    found: dict[int, list[RelatedStory]] = defaultdict(list)
    for chunk in _chunks(sorted(events)):
        marks = ",".join("?" * len(chunk))
        for event, sid, title, url, domain in db.execute(
            f"""SELECT s.event, s.id, s.title, s.url, a.domain FROM stories s
                JOIN articles a ON a.id = s.canonical WHERE s.event IN ({marks})
                ORDER BY s.domains DESC, s.id""",
            chunk,
        ):
            found[event].append(RelatedStory(sid, title, url, domain))
    return found


def database_key(db: Database) -> str:
    """What tells this database from another with the same story ids: its first article's URL and
    fetch time (never rewritten, even when dedup merges stories)."""
    row = db.execute("SELECT url, fetched FROM articles ORDER BY id LIMIT 1").fetchone()
    return f"{row[0]} {row[1]}" if row else ""


def _chunks(values: list[int], size: int = 500) -> Iterable[list[int]]:
    """Keep IN lists under SQLite's bound-parameter limit."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


# -- mirrors -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MirrorRow:
    """A domain's copying: how many of its articles copy another domain's story, and whose."""

    domain: str
    articles: int
    copies: int
    copied: tuple[tuple[str, int], ...]

    @property
    def share(self) -> float:
        return self.copies / self.articles if self.articles else 0.0


#: An article copies another domain when it is not its story's canonical and the canonical is elsewhere.
COPIES = "a.id != s.canonical AND c.domain != a.domain"


JOINS = "FROM articles a JOIN stories s ON s.id = a.story JOIN articles c ON c.id = s.canonical"


def _window(since: str | None) -> tuple[str, list[str]]:
    return ("WHERE COALESCE(a.published, a.fetched) >= ?", [since]) if since else ("WHERE 1", [])


def copy_counts(db: Database, since: str | None = None) -> dict[str, tuple[int, int]]:
    """domain -> (articles, copies of another domain's story): what makes a domain a mirror. Read
    from the stories as they are now, so it follows dedup's later merges and canonical changes."""
    window, args = _window(since)
    return {domain: (articles, copies or 0) for domain, articles, copies in db.execute(
        f"SELECT a.domain, COUNT(*), SUM({COPIES}) {JOINS} {window} GROUP BY a.domain", args)}


def mirror_report(db: Database, since: str | None = None, top: int = 3) -> list[MirrorRow]:
    """Domains ranked by the share of their articles that copy another domain's, then by copies."""
    window, args = _window(since)
    copied: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for domain, source, count in db.execute(
        f"SELECT a.domain, c.domain, COUNT(*) {JOINS} {window} AND {COPIES} GROUP BY 1, 2 ORDER BY 3 DESC, 2",
        args,
    ):
        copied[domain].append((source, count))
    rows = [MirrorRow(domain, articles, copies, tuple(copied[domain][:top]))
            for domain, (articles, copies) in copy_counts(db, since).items()]
    return sorted(rows, key=lambda r: (-r.share, -r.copies, r.domain))


# -- runs and sources ----------------------------------------------------------------------------
@dataclass(frozen=True)
class FailedSource:
    name: str
    failures_in_row: int
    last_error: str


@dataclass(frozen=True)
class RunFigures:
    """What the crawls of a window did (summed Scrapy stats), for the digest's footer."""

    runs: int
    last_finished: str | None
    collected: int
    copies: int
    stories: int
    failed: tuple[FailedSource, ...]


#: Stats keys the footer sums: articles stored, of them copies folded, and new stories (originals).
FIGURE_KEYS = ("newsfold/stored", "dedup/copies", "dedup/original")


def run_figures(db: Database, since: str) -> RunFigures:
    """The crawls finished since `since`, their counts summed, and the sources failing now."""
    totals = dict.fromkeys(FIGURE_KEYS, 0)
    runs, last = 0, None
    for finished, stats in db.execute(
        "SELECT finished, stats FROM runs WHERE finished >= ? AND stats IS NOT NULL ORDER BY finished", [since]
    ):
        runs, last = runs + 1, finished
        values = json.loads(stats)
        for key in FIGURE_KEYS:
            totals[key] += int(values.get(key, 0))
    failed = tuple(
        FailedSource(name, count, error or "")
        for name, count, error in db.execute(
            "SELECT name, failures_in_row, last_error FROM sources WHERE failures_in_row > 0 ORDER BY name"
        )
    )
    return RunFigures(runs, last, *totals.values(), failed)


# -- digest runs ---------------------------------------------------------------------------------
def record_digest(db: Database, generated: str, since: str, stories: int, formats: Iterable[str]) -> None:
    """Remember a digest run, so that the next one can cover what came after it (`--since-last`)."""
    db["digests"].insert({"generated": generated, "since": since, "stories": stories,
                          "formats": ",".join(formats)})


def last_digest(db: Database) -> str | None:
    """When the previous digest was generated, or None before the first."""
    row = db.execute("SELECT MAX(generated) FROM digests").fetchone()
    return row[0] if row else None
