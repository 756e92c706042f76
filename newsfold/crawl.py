"""Running the crawl job in this process: Scrapy's settings, the feeds spider, the run's stats."""

from __future__ import annotations

from pathlib import Path

from scrapy.crawler import AsyncCrawlerProcess
from scrapy.settings import Settings

from newsfold.spiders.feeds import FeedsSpider


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


def run_crawl(config: Path, db: Path | None = None, progress: bool = False) -> dict:
    """Crawl every source of `config` once, storing into `db`; returns the run's Scrapy stats.

    Blocks until the crawl ends. Twisted's reactor cannot start twice, so call this once per process.
    """
    process = AsyncCrawlerProcess(crawl_settings(config, db, progress))
    crawler = process.create_crawler(FeedsSpider)
    process.crawl(crawler)
    process.start()
    return crawler.stats.get_stats()


def summary_line(stats: dict) -> str:
    """The one line a cron run prints."""
    kinds = ", ".join(
        f"{stats[key]} {key.split('/')[1]}" for key in sorted(stats)
        if key.startswith("dedup/") and key.split("/")[1] in ("verbatim", "truncated", "spun", "paraphrase")
    )
    elapsed = stats.get("elapsed_time_seconds", 0.0)
    return (
        f"crawl {stats.get('finish_reason', '?')}: {stats.get('newsfold/stored', 0)} new articles, "
        f"{stats.get('dedup/original', 0)} new stories, {stats.get('dedup/copies', 0)} copies folded"
        f"{f' ({kinds})' if kinds else ''}, {stats.get('feeds/already_stored', 0)} already stored, "
        f"{stats.get('newsfold/source_errors', 0)} source errors, {elapsed:.1f} s"
    )
