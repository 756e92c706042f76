"""`newsfold cluster`: fold a JSONL dump of articles offline, exactly as the crawl folds them.

Input lines: `id`, `text`, and optional `url`, `title`, `published`. Output lines, one per input
article in input order: `id`, `story`, `canonical` (bool), `similarity`, `kind`, and `event` (stories
that report one event independently share it; it needs `published`).
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from newsfold.extract import Extracted
from newsfold.folding import StoryFolder
from newsfold.progress import LiveLine
from newsfold.storage import Store
from newsfold.times import iso, parse_time, utcnow

log = logging.getLogger(__name__)


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


def read_articles(path: Path, skipped: list[str]) -> Iterator[tuple[object, Extracted]]:
    """Yield (id, article) per usable line; a bad line is logged with its number and skipped."""
    seen: dict[str, int] = {}
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
            if json.dumps(key) in seen:
                skipped.append(f"{path}:{number}: id {key} was already used on line {seen[json.dumps(key)]}")
                log.warning(skipped[-1])
                continue
            seen[json.dumps(key)] = number
            url, title = obj.get("url"), obj.get("title")
            published = parse_time(obj.get("published")) if isinstance(obj.get("published"), str) else None
            yield key, Extracted(
                url=url if isinstance(url, str) and url.startswith(("http://", "https://")) else _urn(key),
                title=title if isinstance(title, str) else "", text=text,
                published=iso(published) if published else None,
            )


def cluster(path: Path, out: IO[str]) -> ClusterResult:
    """Fold the articles of `path` in order and write one result line per article to `out`."""
    result = ClusterResult()
    store = Store(":memory:", search=False)  # indexing every text for search was a third of storing it
    folder = StoryFolder(store)
    fetched = iso(utcnow())
    placed: list[tuple[object, int]] = []
    progress = LiveLine("cluster")
    for key, article in read_articles(path, result.skipped):
        folded = folder.fold(article, source="cluster", fetched=fetched)
        if folded is None:  # another line had the same URL: keep this one apart under its id
            folded = folder.fold(Extracted(**{**article.as_dict(), "url": _urn(key)}), source="cluster",
                                 fetched=fetched)
        if folded is None:  # an earlier line's URL was this line's id
            result.skipped.append(f"{path}: article {key} could not be told apart from an earlier line")
            log.warning(result.skipped[-1])
            continue
        placed.append((key, folded.article))
        progress.update(f"{len(placed)} articles")
    canonicals = {row[0] for row in store.db.execute("SELECT canonical FROM stories")}
    rows = {row[0]: row for row in store.db.execute(
        "SELECT a.id, a.story, a.similarity, a.copy_kind, s.event FROM articles a JOIN stories s ON s.id = a.story")}
    for key, article_id in placed:
        _, story, similarity, kind, event = rows[article_id]
        out.write(json.dumps({"id": key, "story": story, "canonical": article_id in canonicals,
                              "similarity": round(similarity or 0.0, 4), "kind": kind,
                              "event": event or story}) + "\n")
    result.articles = len(placed)
    result.stories = len(canonicals)
    progress.done(f"{result.articles} articles in {result.stories} stories")
    store.close()
    return result
