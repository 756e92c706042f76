"""Item pipelines: extract the article from each page, then fold it into a story and store it."""

from __future__ import annotations

import dataclasses

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from newsfold import signals as newsfold_signals
from newsfold.extract import Extracted, ExtractionError, extract
from newsfold.extractbatch import strip_learned
from newsfold.folding import StoryFolder
from newsfold.items import PageItem
from newsfold.sitechrome import SiteChrome
from newsfold.storage import Store
from newsfold.times import iso, more_precise, parse_time
from newsfold.urls import domain_of


def utc(stamp: str | None) -> str | None:
    moment = parse_time(stamp)
    return iso(moment) if moment else None


class ExtractPipeline:
    """Turns a fetched page into an `Extracted` article; a page with no article is reported and dropped.

    Each domain's chrome lines are learned as pages arrive (`newsfold.sitechrome`) and stripped from
    the pages after them; the counts are loaded from and saved to the database, so the next crawl
    strips them from a site's first page too.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.chrome = SiteChrome()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        store = Store(self.crawler.settings["NEWSFOLD_DB"])
        self.chrome.load(*store.site_chrome())
        store.close()
        self.stats.set_value("extract/site_chrome_domains", len(self.chrome.pages))

    def close_spider(self) -> None:
        store = Store(self.crawler.settings["NEWSFOLD_DB"])
        store.save_site_chrome(*self.chrome.learned())
        store.close()

    def process_item(self, item: PageItem) -> PageItem:
        try:
            article = self._extract(item)
        except ExtractionError as exc:
            self.stats.inc_value("extract/failed")
            self.crawler.spider.logger.warning("%s: %s: %s", item.source, item.url, exc)
            self.crawler.signals.send_catch_log(
                newsfold_signals.source_failed, source=item.source, url=item.url, error=str(exc),
                status=None, fatal=False,
            )
            raise DropItem(f"no article at {item.url}: {exc}", log_level="INFO") from None
        # The feed entry knows what some pages leave out; storage keeps times in UTC.
        item.article = dataclasses.replace(
            article,
            title=article.title or item.feed_title or "",
            published=more_precise(utc(article.published), item.feed_published),
            modified=utc(article.modified),
        )
        item.html = ""  # the page is not needed past this point; do not keep it in memory
        self.stats.inc_value("extract/ok")
        self.stats.inc_value(f"extract/body_{article.body_source}")
        return item

    def _extract(self, item: PageItem) -> Extracted:
        article = extract(item.html, item.url)
        domain = domain_of(article.url)
        cleaned = strip_learned(self.chrome, article)
        self.chrome.observe(domain, article.text)
        if cleaned is not article:
            self.stats.inc_value("extract/site_chrome_stripped")
        return cleaned


class StoryPipeline:
    """Folds each article into a story (newsfold.dedup) and stores it (newsfold.storage)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.folder: StoryFolder | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoryPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.folder = StoryFolder(Store(self.crawler.settings["NEWSFOLD_DB"]))
        self.stats.set_value("dedup/index_loaded", self.folder.loaded)

    def close_spider(self) -> None:
        if self.folder is not None:
            self.folder.save()
            self.folder.store.close()

    def process_item(self, item: PageItem) -> PageItem:
        assert self.folder is not None and item.article is not None
        folded = self.folder.fold(item.article, item.source, item.fetched, aliases=(item.link,))
        if folded is None:
            self.stats.inc_value("dedup/already_stored")
            raise DropItem(f"already stored: {item.url}", log_level="DEBUG")
        self.stats.inc_value("newsfold/stored")
        self.stats.inc_value(f"dedup/{folded.kind}")
        if folded.kind != "original":
            self.stats.inc_value("dedup/copies")
        if folded.lookalike:
            self.stats.inc_value("dedup/rejected_lookalike")
        if folded.merged:
            self.stats.inc_value("dedup/merged_stories", folded.merged)
        if folded.linked:
            self.stats.inc_value("dedup/event_linked")
        return item
