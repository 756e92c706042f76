#!/usr/bin/env python3
"""Pages per second of the crawl job end to end against a bare Scrapy fetch of the same pages.

usage: python bench/crawl_bench.py [--articles 5000] [--runs 3] [--profile]

The simulated web is served from this process; every crawl runs in its own process, as cron runs it.
- job: `newsfold crawl` on a fresh database (fetch, extract, dedup, store).
- baseline, in the same run: a bare Scrapy spider with the job's settings that fetches the same URLs
  (the feeds and every link they list, redirects and tracking parameters as published) and does
  nothing with them.
- extraction alone, in this process: `newsfold.extract.extract` over the same article pages (rendered
  beforehand), the part of the job's cost that is trafilatura's and the extraction engineer's.
Both crawl figures come from Scrapy's own `elapsed_time_seconds`, so interpreter start-up is left out.
`--profile` runs the job once more under cProfile and shares its own time out by where it goes.
"""

from __future__ import annotations

import argparse
import io
import json
import pstats
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import feedparser
import scrapy

#: Where the self time of a crawl goes, by the file a function lives in (first match wins).
CATEGORIES = (
    ("extraction (trafilatura, htmldate, lxml, newsfold.extract)",
     ("trafilatura", "htmldate", "justext", "lxml", "courlan", "charset_normalizer", "newsfold/extract",
      "newsfold/boilerplate", "newsfold/pagemeta", "newsfold/titles", "newsfold/times", "dateparser", "tld")),
    ("dedup (newsfold.dedup, folding, datasketch, rensa, numpy)",
     ("dedup/", "newsfold/folding", "datasketch", "rensa", "numpy", "scipy")),
    ("storage (sqlite-utils, sqlite3)", ("storage/", "sqlite_utils", "sqlite3")),
    ("feed parsing (feedparser)", ("feedparser", "sgmllib")),
    ("newsfold's spiders, pipelines, extensions", ("spiders/", "newsfold/")),
    ("Scrapy, Twisted, asyncio, networking", ("scrapy", "twisted", "parsel", "w3lib", "asyncio", "selectors",
                                              "socket", "zope", "protego", "queuelib", "hyperlink")),
)


class BareSpider(scrapy.Spider):
    """Fetches a list of URLs and drops every response."""

    name = "bare"
    custom_settings: ClassVar[dict] = {"ITEM_PIPELINES": {}}

    def __init__(self, urls: str = "", **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.urls = Path(urls).read_text().split()

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.urls:
            yield scrapy.Request(url, callback=self.drop, errback=self.drop)

    def drop(self, _: object) -> None:
        pass


def bare_worker(urls: Path, config: Path, stats_out: Path) -> None:
    """Run in its own process: the bare spider with the job's settings and the web's proxy route."""
    from scrapy.crawler import AsyncCrawlerProcess

    from newsfold.config import load_config
    from newsfold.crawl import crawl_settings
    from newsfold.spiders.base import apply_config

    settings = crawl_settings(config, None, progress=False)
    apply_config(settings, load_config(config))
    settings.set("EXTENSIONS", {"scrapy.extensions.telnet.TelnetConsole": None})
    process = AsyncCrawlerProcess(settings)
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, urls=str(urls))
    process.start()
    stats = crawler.stats.get_stats()
    stats_out.write_text(json.dumps(stats, default=str))


def job_seconds(db: Path) -> tuple[float, int]:
    """Scrapy's elapsed time summed over the job's spiders, and the pages it stored."""
    with sqlite3.connect(db) as conn:
        runs = [json.loads(s) for (s,) in conn.execute("SELECT stats FROM runs")]
        stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    return sum(r["elapsed_time_seconds"] for r in runs), stored


def listed_urls(world, sources: list[dict]) -> list[str]:
    """The feeds and every link they list, as the job requests them."""
    urls = []
    for source in sources:
        parts = urlsplit(source["url"])
        _, _, body = world.respond(parts.hostname, parts.path)
        urls.append(source["url"])
        urls += [e.link for e in feedparser.parse(io.BytesIO(body)).entries]
    return urls


def category(filename: str) -> str | None:
    name = filename.replace("\\", "/")
    return next((label for label, keys in CATEGORIES if any(k in name for k in keys)), None)


def profile_shares(profile: Path) -> list[tuple[str, float]]:
    """Self time by category. Time in a built-in or the standard library (sqlite3's execute, a regex,
    a socket send, deepcopy) goes to whoever called it, in proportion to what each caller spent there,
    up through the callers until a categorised file is reached."""
    stats = pstats.Stats(str(profile)).stats
    memo: dict[tuple, dict[str, float]] = {}

    def owners(func: tuple, depth: int = 0) -> dict[str, float]:
        label = category(func[0]) if func[0] != "~" else None
        if label:
            return {label: 1.0}
        callers = stats.get(func, (0, 0, 0, 0, {}))[4]
        if depth > 8 or not callers:
            return {"other (interpreter, imports)": 1.0}
        if func not in memo:
            memo[func] = {}
            spent = sum(c[2] for c in callers.values()) or 1.0
            for caller, numbers in callers.items():
                for owner, part in owners(caller, depth + 1).items():
                    memo[func][owner] = memo[func].get(owner, 0.0) + part * numbers[2] / spent
        return memo[func] or {"other (interpreter, imports)": 1.0}

    totals: dict[str, float] = {}
    for func, (_, _, tottime, _, _) in stats.items():
        for owner, part in owners(func).items():
            totals[owner] = totals.get(owner, 0.0) + tottime * part
    whole = sum(totals.values())
    return sorted(((label, t / whole) for label, t in totals.items()), key=lambda item: -item[1])


def extraction_seconds(world) -> tuple[float, int]:
    """Seconds `extract` takes over every article page of the web, pages rendered beforehand."""

    from newsfold.extract import ExtractionError, extract

    pages = []
    for row in world.truth:
        parts = urlsplit(row.url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        pages.append((row.url, world.respond(parts.hostname, path)[2]))
    started = time.perf_counter()
    for url, html in pages:
        try:
            extract(html.decode("utf-8"), url)
        except ExtractionError:
            pass
    return time.perf_counter() - started, len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--bare-worker", nargs=3, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_worker:
        bare_worker(*args.bare_worker)
        return

    from newsfold.config import dump_config
    from newsfold.demo import SIMWEB_SCRAPY
    from newsfold.simweb import SimWebServer, build_world

    world = build_world(args.seed, args.articles)
    with SimWebServer(world) as server, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = world.feed_sources()
        config = folder / "sources.toml"
        config.write_text(dump_config(sources, {"proxy": server.proxy_url, "proxy_hosts": [".test"]}, SIMWEB_SCRAPY))
        urls = folder / "urls.txt"
        urls.write_text("\n".join(listed_urls(world, sources)))
        job, bare = [], []
        for run in range(args.runs):
            db = folder / f"job{run}.db"
            subprocess.run([sys.executable, "-m", "newsfold", "crawl", "--config", str(config), "--db", str(db)],
                           check=True, capture_output=True)
            seconds, stored = job_seconds(db)
            job.append(stored / seconds)
            stats_file = folder / f"bare{run}.json"
            subprocess.run([sys.executable, __file__, "--bare-worker", str(urls), str(config), str(stats_file)],
                           check=True, capture_output=True)
            stats = json.loads(stats_file.read_text())
            bare.append(stats["response_received_count"] / stats["elapsed_time_seconds"])
            print(f"run {run + 1}: job {stored} pages stored at {job[-1]:.1f} pages/s; bare fetch "
                  f"{stats['response_received_count']} responses at {bare[-1]:.1f}/s", flush=True)
        seconds, pages = extraction_seconds(world)
        per_page = {"job": 1 / statistics.median(job), "bare": 1 / statistics.median(bare), "extract": seconds / pages}
        rest = per_page["job"] - per_page["bare"] - per_page["extract"]
        print(f"per page: job {per_page['job'] * 1000:.1f} ms = bare fetch {per_page['bare'] * 1000:.1f} ms + "
              f"extraction {per_page['extract'] * 1000:.1f} ms + the rest (feed parsing, dedup, storage, Scrapy's "
              f"item handling) {rest * 1000:.1f} ms")
        print(f"articles {args.articles}: job median {statistics.median(job):.1f} pages/s "
              f"(runs {', '.join(f'{v:.1f}' for v in job)}); bare Scrapy fetch median {statistics.median(bare):.1f}"
              f" responses/s (runs {', '.join(f'{v:.1f}' for v in bare)}); "
              f"ratio bare/job {statistics.median(bare) / statistics.median(job):.2f}x")
        if args.profile:
            profile = folder / "crawl.prof"
            subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "newsfold", "crawl",
                            "--config", str(config), "--db", str(folder / "profiled.db")],
                           check=True, capture_output=True)
            print("where the job's own time goes (cProfile self time, one run):")
            for label, share in profile_shares(profile):
                print(f"  {share:6.1%}  {label}")


if __name__ == "__main__":
    main()
