"""`newsfold demo`: the whole job against the simulated news web, scored against its truth."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from newsfold.config import dump_config
from newsfold.crawl import run_crawl
from newsfold.digest import FORMATS, output_paths, write_digest
from newsfold.scoring import EventReport, GroupingReport, score_events, score_grouping
from newsfold.simweb import SimWebServer, World, build_world
from newsfold.storage import Store
from newsfold.times import utcnow

#: Settings for crawling the loopback web: it answers in milliseconds, so throttling and long
#: timeouts would only make the demo slow. AutoThrottle stays on, adapting to that latency.
SIMWEB_SCRAPY = {
    "DOWNLOAD_DELAY": 0.0,
    "AUTOTHROTTLE_START_DELAY": 0.0,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": 16.0,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "DOWNLOAD_TIMEOUT": 3,
    "RETRY_TIMES": 1,
}
DEMO_WINDOW = timedelta(days=30)


def write_web_files(world: World, server: SimWebServer, folder: Path) -> Path:
    """Write the simulated web's `sources.toml` (pointing at `server`) and `truth.jsonl`."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = folder / "sources.toml"
    sources.write_text(
        dump_config(world.feed_sources(), {"proxy": server.proxy_url, "proxy_hosts": [".test"]}, SIMWEB_SCRAPY),
        encoding="utf-8",
    )
    world.write_truth(folder / "truth.jsonl")
    return sources


class DemoError(Exception):
    """The demo cannot run as asked; the message says what to do instead."""


def fresh_database(db: Path) -> None:
    """Remove a previous demo's database so each demo scores its own crawl; refuse to touch a
    database that holds articles from real sources."""
    if not db.exists():
        return
    store = Store(db)
    try:
        real = store.db.execute("SELECT COUNT(*) FROM articles WHERE domain NOT LIKE '%.test'").fetchone()[0]
    finally:
        store.close()
    if real:
        raise DemoError(f"{db} holds {real} articles from real sources; pass --db to run the demo elsewhere")
    for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        path.unlink(missing_ok=True)


@dataclass(frozen=True)
class DemoResult:
    stats: dict
    report: GroupingReport
    events: EventReport | None
    stories: int
    seconds: float


def run_demo(seed: int, articles: int, db: Path, digest: Path, progress: bool) -> DemoResult:
    """Serve a simulated web, crawl it into `db`, write the digest, score the grouping."""
    started = time.monotonic()
    fresh_database(db)
    world = build_world(seed, articles)
    with tempfile.TemporaryDirectory(prefix="newsfold-demo-") as tmp, SimWebServer(world) as server:
        sources = write_web_files(world, server.start(), Path(tmp))
        stats = run_crawl(sources, db, progress=progress)
    store = Store(db)
    try:
        now = utcnow()
        rendered = write_digest(store, now - DEMO_WINDOW, now, output_paths(digest, list(FORMATS)), limit=100_000)
        truth = [row.as_json() for row in world.truth]
        report = score_grouping(truth, store.story_of_urls())
        events = score_events(truth, store.event_of_urls())
    finally:
        store.close()
    return DemoResult(stats, report, events, len(rendered.stories), time.monotonic() - started)
