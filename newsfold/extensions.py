"""Scrapy extensions of the job: recording runs and source health, and the live progress line."""

from __future__ import annotations

import sys

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from newsfold import signals as newsfold_signals
from newsfold.storage import Store


class CrawlRecorder:
    """Writes each run and each source's successes and failures to the database.

    A source's validators (ETag, Last-Modified) are saved only when the run finishes and every page
    the source listed was handled: were they saved at fetch time, a run killed before storing the
    entries would get a 304 next time and never fetch them.
    """

    def __init__(self, crawler: Crawler, store: Store) -> None:
        self.crawler = crawler
        self.store = store
        self.run: int | None = None
        self.validators: dict[str, tuple[str | None, str | None]] = {}
        self.incomplete: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlRecorder:
        ext = cls(crawler, Store(crawler.settings["NEWSFOLD_DB"]))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.source_fetched, signal=newsfold_signals.source_fetched)
        crawler.signals.connect(ext.source_failed, signal=newsfold_signals.source_failed)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        self.store.register_sources(
            (s.name, s.url, s.kind, s.language, s.role) for s in getattr(spider, "sources", ())
        )
        self.run = self.store.start_run(spider.name)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if reason == "finished":
            for source, (etag, modified) in self.validators.items():
                if source not in self.incomplete:
                    self.store.save_validators(source, etag, modified)
        if self.run is not None:
            self.store.finish_run(self.run, reason, self.crawler.stats.get_stats())
        self.store.close()

    def source_fetched(self, source: str, status: int, etag: str | None = None,
                       last_modified: str | None = None) -> None:
        self.store.record_success(source, status)
        if etag or last_modified:
            self.validators[source] = (etag, last_modified)

    def source_failed(self, source: str, url: str, error: str, status: int | None, fatal: bool) -> None:
        self.incomplete.add(source)
        self.store.record_failure(source, f"{url}: {error}", status, fatal)


class ProgressLine:
    """A live line of counts on the terminal (`NEWSFOLD_PROGRESS`); cron runs leave it off."""

    KEYS = (("pages", "item_scraped_count"), ("new stories", "dedup/original"),
            ("copies", "dedup/copies"), ("errors", "newsfold/source_errors"))

    def __init__(self, crawler: Crawler, interval: float = 0.5) -> None:
        self.crawler = crawler
        self.loop = task.LoopingCall(self.draw)
        self.interval = interval

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressLine:
        if not crawler.settings.getbool("NEWSFOLD_PROGRESS"):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        self.loop.start(self.interval)

    def spider_closed(self, spider: Spider) -> None:
        if self.loop.running:
            self.loop.stop()
        self.draw()
        sys.stderr.write("\n")

    def draw(self) -> None:
        stats = self.crawler.stats
        counts = "  ".join(f"{label} {stats.get_value(key, 0)}" for label, key in self.KEYS)
        sys.stderr.write(f"\rcrawling: requests {stats.get_value('downloader/request_count', 0)}  {counts}")
        sys.stderr.flush()
