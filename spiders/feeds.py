"""The `feeds` spider: every RSS/Atom source of `sources.toml`, then each entry's article page.

Scrapy fetches (robots.txt, retries, throttling, redirects); feedparser only parses the bytes, since
its own HTTP options are going away in its next major version.
"""

from __future__ import annotations

import io
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

import feedparser
import scrapy
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from newsfold import signals as newsfold_signals
from newsfold.config import Source, load_config
from newsfold.items import PageItem
from newsfold.storage import Store
from newsfold.times import from_struct, iso, utcnow
from newsfold.urls import normalize_url

#: Content types of article pages; a server that declares none gets the benefit of the doubt.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})


class FeedsSpider(scrapy.Spider):
    name = "feeds"

    def __init__(self, sources: tuple[Source, ...] = (), db: str = "news.db", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sources = sources
        self.store = Store(db)

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """Apply the sources file's [scrapy] overrides and proxy routes below command-line settings."""
        super().update_settings(settings)
        config = load_config(settings["NEWSFOLD_CONFIG"])
        settings.setdict(config.scrapy, priority="spider")
        if config.proxy:
            settings.set("NEWSFOLD_PROXY", config.proxy, priority="spider")
            settings.set("NEWSFOLD_PROXY_HOSTS", list(config.proxy_hosts), priority="spider")
        if config.db:
            settings.set("NEWSFOLD_DB", config.db, priority="spider")

    @classmethod
    def from_crawler(cls, crawler: scrapy.crawler.Crawler, *args: Any, **kwargs: Any) -> FeedsSpider:
        config = load_config(crawler.settings["NEWSFOLD_CONFIG"])
        kwargs.setdefault("sources", config.sources)
        kwargs.setdefault("db", crawler.settings["NEWSFOLD_DB"])
        # Each failed request is reported once by the errback, as a warning naming its source; Scrapy's
        # retry middleware would add an ERROR line of its own for the same request.
        logging.getLogger("scrapy.downloadermiddlewares.retry").setLevel(logging.CRITICAL)
        return super().from_crawler(crawler, *args, **kwargs)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for source in self.sources:
            yield scrapy.Request(
                source.url, callback=self.parse_feed, errback=self.feed_failed,
                cb_kwargs={"source": source.name}, dont_filter=True,
            )

    def closed(self, reason: str) -> None:
        self.store.close()

    def parse_feed(self, response: Response, source: str) -> Iterator[scrapy.Request]:
        parsed = feedparser.parse(
            io.BytesIO(response.body),
            response_headers={
                "content-location": response.url,
                "content-type": response.headers.get("Content-Type", b"").decode("latin-1"),
            },
        )
        if not parsed.entries and (parsed.bozo or not parsed.version):
            reason = parsed.get("bozo_exception") or "no entries"
            self._failed(source, response.url, f"not a feed: {reason}", response.status, fatal=True)
            return
        if parsed.bozo:
            # A malformed feed that still yields entries is a warning, not a failure (lemon24/reader#270).
            self.crawler.stats.inc_value("feeds/bozo")
            self.logger.warning("%s: %s: malformed feed, %d entries read anyway (%s)", source, response.url,
                                len(parsed.entries), parsed.get("bozo_exception"))
        self.crawler.signals.send_catch_log(newsfold_signals.source_fetched, source=source, status=response.status)
        for entry in parsed.entries:
            yield from self._follow(entry, source)

    def _follow(self, entry: feedparser.FeedParserDict, source: str) -> Iterator[scrapy.Request]:
        self.crawler.stats.inc_value("feeds/entries")
        link = entry.get("link")
        if not link or not link.startswith(("http://", "https://")):
            self.crawler.stats.inc_value("feeds/entries_without_link")
            return
        url = normalize_url(link)
        if self.store.has_url(url):
            self.crawler.stats.inc_value("feeds/already_stored")
            return
        published = from_struct(entry.get("published_parsed") or entry.get("updated_parsed"))
        yield scrapy.Request(
            url, callback=self.parse_article, errback=self.page_failed,
            cb_kwargs={"source": source, "link": url, "feed_title": entry.get("title"),
                       "feed_published": iso(published) if published else None},
        )

    def parse_article(
        self, response: Response, source: str, link: str, feed_title: str | None, feed_published: str | None
    ) -> Iterator[PageItem]:
        kind = response.headers.get("Content-Type", b"").decode("latin-1").split(";")[0].strip().lower()
        if not isinstance(response, TextResponse) or (kind and kind not in HTML_TYPES):
            self._failed(source, response.url, f"not an HTML page ({kind or 'unknown type'})", response.status,
                         fatal=False)
            return
        if not response.body.strip():
            self._failed(source, response.url, "empty page", response.status, fatal=False)
            return
        yield PageItem(
            url=normalize_url(response.url), link=link, source=source, html=response.text, fetched=iso(utcnow()),
            feed_title=feed_title, feed_published=feed_published,
        )

    def feed_failed(self, failure: Failure) -> None:
        self._errback(failure, fatal=True)

    def page_failed(self, failure: Failure) -> None:
        self._errback(failure, fatal=False)

    def _errback(self, failure: Failure, fatal: bool) -> None:
        request = failure.request
        status = None
        if failure.check(HttpError):
            status = failure.value.response.status
            error = f"HTTP {status}"
        else:
            error = f"{type(failure.value).__name__}: {failure.value}".rstrip(": ")
        self._failed(request.cb_kwargs["source"], request.url, error, status, fatal)

    def _failed(self, source: str, url: str, error: str, status: int | None, fatal: bool) -> None:
        self.crawler.stats.inc_value("newsfold/source_errors")
        self.logger.warning("%s: %s: %s", source, url, error)
        self.crawler.signals.send_catch_log(
            newsfold_signals.source_failed, source=source, url=url, error=error, status=status, fatal=fatal
        )
