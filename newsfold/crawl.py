"""Running the crawl job in this process: Scrapy's settings, one spider per kind of source, one after
the other, under the database's lock; and the job's one-line summary."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from scrapy.crawler import AsyncCrawlerProcess, Crawler
from scrapy.settings import Settings

from newsfold import settings as default_settings
from newsfold.config import load_config
from newsfold.joblock import crawl_lock
from newsfold.spiders.base import SourceSpider
from newsfold.spiders.feeds import FeedsSpider
from newsfold.spiders.sections import SectionsSpider
from newsfold.spiders.sitemaps import SitemapsSpider

#: Spiders by name, in the order a job runs them: feeds and sitemaps name their articles directly,
#: so sections, which guess article links, find most of them stored already.
SPIDERS: dict[str, type[SourceSpider]] = {s.name: s for s in (FeedsSpider, SitemapsSpider, SectionsSpider)}


def crawl_settings(config: Path, db: Path | None, progress: bool) -> Settings:
    """newsfold's Scrapy settings for one run; the sources file's own [scrapy] table is applied by
    the spider, below these command-line choices."""
    settings = Settings()
    settings.setmodule("newsfold.settings", priority="project")
    settings.set("NEWSFOLD_CONFIG", str(config), priority="cmdline")
    if db is not None:
        settings.set("NEWSFOLD_DB", str(db), priority="cmdline")
    settings.set("NEWSFOLD_PROGRESS", progress, priority="cmdline")
    return settings


def spiders_for(config: Path, names: Sequence[str] = ()) -> list[type[SourceSpider]]:
    """The spiders a job runs: those named, else one for each kind of source the file lists."""
    if names:
        return [SPIDERS[name] for name in names]
    kinds = {source.kind for source in load_config(config).sources}
    return [spider for spider in SPIDERS.values() if spider.kind in kinds]


def database_of(config: Path, db: Path | None) -> Path:
    """--db, else the sources file's [crawl] db, else ./news.db (what the spiders will open)."""
    return db or Path(load_config(config).db or default_settings.NEWSFOLD_DB)


def run_crawl(config: Path, db: Path | None = None, progress: bool = False, spiders: Sequence[str] = ()) -> dict:
    """Crawl every source of `config` once, storing into `db`; returns the run's Scrapy stats, summed
    over the spiders. Raises `LockHeld` if another crawl holds the database.

    Blocks until the crawl ends. Twisted's reactor cannot start twice, so call this once per process.
    """
    with crawl_lock(database_of(config, db)):
        process = AsyncCrawlerProcess(crawl_settings(config, db, progress))
        crawlers = [process.create_crawler(spider) for spider in spiders_for(config, spiders)]
        # One after the other, not at once: each spider's pipeline folds into stories with the index
        # as the previous spiders left it, so a copy found by two spiders is folded, not stored twice.
        asyncio.get_event_loop().create_task(_one_after_another(process, crawlers))
        process.start(stop_after_crawl=False)
    return merge_stats([crawler.stats.get_stats() for crawler in crawlers])


async def _one_after_another(process: AsyncCrawlerProcess, crawlers: list[Crawler]) -> None:
    from twisted.internet import reactor

    try:
        for crawler in crawlers:
            await process.crawl(crawler)
            if crawler.stats.get_value("finish_reason") != "finished":
                break  # a shutdown signal: leave the other spiders for the next run
    finally:
        reactor.callFromThread(reactor.stop)


def merge_stats(runs: list[dict]) -> dict:
    """One job's stats from its spiders' runs: counts added up, the first unfinished reason kept."""
    merged: dict = {}
    for stats in runs:
        for key, value in stats.items():
            if _is_count(value) and _is_count(merged.get(key)):
                merged[key] += value
            elif merged.get(key) is None:
                merged[key] = value
        if stats.get("finish_reason", "finished") != "finished":
            merged["finish_reason"] = stats["finish_reason"]
    return merged


def _is_count(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def summary_line(stats: dict) -> str:
    """The one line a cron run prints."""
    kinds = ", ".join(
        f"{stats[key]} {key.split('/')[1]}" for key in sorted(stats)
        if key.startswith("dedup/") and key.split("/")[1] in ("verbatim", "truncated", "spun", "paraphrase")
    )
    elapsed = stats.get("elapsed_time_seconds", 0.0)
    not_modified = sum(v for k, v in stats.items() if k.endswith("/not_modified"))
    return (
        f"crawl {stats.get('finish_reason', '?')}: {stats.get('newsfold/stored', 0)} new articles, "
        f"{stats.get('dedup/original', 0)} new stories, {stats.get('dedup/copies', 0)} copies folded"
        f"{f' ({kinds})' if kinds else ''}, {stats.get('newsfold/already_stored', 0)} already stored, "
        f"{not_modified} sources unchanged, {stats.get('newsfold/source_errors', 0)} source errors, {elapsed:.1f} s"
    )
