"""`newsfold cluster`: fold a JSONL dump of articles offline, exactly as the crawl folds them.

Input lines: `id`, `text`, and optional `url`, `title`, `published`. Output lines, one per input
article in input order: `id`, `story`, `canonical` (bool), `similarity`, `kind`, and `event` (stories
that report one event independently share it; it needs `published`).
"""

from __future__ import annotations

import gc
import gzip
import json
import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from newsfold.extract import Extracted
from newsfold.folding import StoryFolder
from newsfold.progress import LiveLine
from newsfold.storage import Store
from newsfold.times import iso, parse_time, utcnow

log = logging.getLogger(__name__)

#: Articles folded between two commits of the scratch database.
COMMIT_EVERY = 1000


@dataclass
class ClusterResult:
    articles: int = 0
    stories: int = 0
    skipped: list[str] = field(default_factory=list)


def open_jsonl(path: Path) -> IO[str]:
    """Open a `.jsonl` or `.jsonl.gz` file as text."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def _urn(key: object) -> str:
    # json.dumps tells the id 1 from the id "1"
    return f"urn:newsfold:{json.dumps(key)}"


def read_articles(path: Path, skipped: list[str]) -> Iterator[tuple[int, object, Extracted]]:
    """Yield (line number, id, article) per usable line; a bad line is logged with its number and skipped."""
    with open_jsonl(path) as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                key, text = obj["id"], obj.get("text")  # echoed back as given, number or string
            except (ValueError, KeyError, TypeError) as exc:
                skipped.append(f"{path}:{number}: not a JSON object with an id ({exc.__class__.__name__})")
                log.warning(skipped[-1])
                continue
            if not isinstance(text, str) or not text.strip():
                skipped.append(f"{path}:{number}: article {key} has no text")
                log.warning(skipped[-1])
                continue
            url, title = obj.get("url"), obj.get("title")
            published = parse_time(obj.get("published")) if isinstance(obj.get("published"), str) else None
            yield number, key, Extracted(
                url=url if isinstance(url, str) and url.startswith(("http://", "https://")) else _urn(key),
                title=title if isinstance(title, str) else "", text=text,
                published=iso(published) if published else None,
            )


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run Python's cyclic garbage collector less often: folding allocates millions of small containers
    that live long (the index's newest keys, cached features), and collecting them every 700
    allocations took a tenth of `cluster`'s time."""
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def cluster(path: Path, out: IO[str]) -> ClusterResult:
    """Fold the articles of `path` in order and write one result line per article to `out`."""
    with fewer_collections():
        return _cluster(path, out)


def _cluster(path: Path, out: IO[str]) -> ClusterResult:
    """Fold into a scratch database on disk, so that memory stays flat however long the dump is (the
    index and a bounded cache of features apart); the results are read back from it in input order."""
    result = ClusterResult()
    with tempfile.TemporaryDirectory(prefix="newsfold-cluster-") as scratch:
        store = Store(Path(scratch) / "cluster.db", search=False)  # nobody searches it
        store.db.execute("PRAGMA synchronous = OFF")  # a scratch file: no fsync at WAL checkpoints
        try:
            _fold_all(path, StoryFolder(store), result)
            result.stories = store.db.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
            for key, story, canonical, similarity, kind, event in store.db.execute(
                    """SELECT p.key, a.story, a.id = s.canonical, a.similarity, a.copy_kind, s.event
                       FROM placed p JOIN articles a ON a.id = p.article JOIN stories s ON s.id = a.story
                       ORDER BY p.article"""):
                out.write(json.dumps({"id": json.loads(key), "story": story, "canonical": bool(canonical),
                                      "similarity": round(similarity or 0.0, 4), "kind": kind,
                                      "event": event or story}) + "\n")
        finally:
            store.close()
    return result


def _fold_all(path: Path, folder: StoryFolder, result: ClusterResult) -> None:
    """Fold every usable line of `path`, noting each article's input id in the `placed` table."""
    db = folder.store.db
    db.execute("CREATE TABLE placed (article INTEGER PRIMARY KEY, key TEXT UNIQUE, line INTEGER)")
    fetched = iso(utcnow())
    progress = LiveLine("cluster")
    for number, key, article in read_articles(path, result.skipped):
        wrote = json.dumps(key)  # tells the id 1 from the id "1"
        earlier = db.execute("SELECT line FROM placed WHERE key = ?", [wrote]).fetchone()
        if earlier:
            result.skipped.append(f"{path}:{number}: id {key} was already used on line {earlier[0]}")
            log.warning(result.skipped[-1])
            continue
        folded = folder.fold(article, source="cluster", fetched=fetched)
        if folded is None:  # another line had the same URL: keep this one apart under its id
            folded = folder.fold(Extracted(**{**article.as_dict(), "url": _urn(key)}), source="cluster",
                                 fetched=fetched)
        if folded is None:  # an earlier line's URL was this line's id
            result.skipped.append(f"{path}: article {key} could not be told apart from an earlier line")
            log.warning(result.skipped[-1])
            continue
        # This insert opens a transaction that each article's own then nests in as a savepoint: a
        # scratch database needs no commit per article, and one per `COMMIT_EVERY` keeps the WAL short.
        db.execute("INSERT INTO placed (article, key, line) VALUES (?, ?, ?)", [folded.article, wrote, number])
        result.articles += 1
        if result.articles % COMMIT_EVERY == 0:
            db.conn.commit()
        progress.update(f"{result.articles} articles")
    db.conn.commit()
    progress.done(f"{result.articles} articles")
