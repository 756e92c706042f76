"""What every newsfold spider shares: its kind of sources from `sources.toml`, a conditional GET of
each source, article links followed only when not stored yet, one `PageItem` per article page, and
every failure reported once, as a warning naming its source.

A spider subclass says which `kind` of source it reads and how a source's response lists articles
(`parse_source`); Scrapy does the fetching, robots.txt, retries, throttling and redirects.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from datetime import datetime
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from newsfold import signals as newsfold_signals
from newsfold.config import Config, Source, load_config
from newsfold.items import PageItem
from newsfold.storage import Store
from newsfold.times import iso, utcnow
from newsfold.urls import normalize_url

#: Content types of article pages; a server that declares none gets the benefit of the doubt.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})


def content_type(response: Response) -> str:
    """The media type of a response, lower case, without parameters ('' when none is declared)."""
    return response.headers.get("Content-Type", b"").decode("latin-1").split(";")[0].strip().lower()


def is_html(response: Response) -> bool:
    kind = content_type(response)
    return isinstance(response, TextResponse) and (not kind or kind in HTML_TYPES)


def describe(failure: Failure) -> tuple[str, int | None]:
    """A failed request in a few words ("HTTP 500", "DownloadTimeoutError: ..."), and its status."""
    if failure.check(HttpError):
        status = failure.value.response.status
        return f"HTTP {status}", status
    return f"{type(failure.value).__name__}: {failure.value}".rstrip(": "), None


def one_line_per_failure() -> None:
    """Silence Scrapy's own reports of failures that the errback reports, naming the source: the
    download handler's warning about a page past DOWNLOAD_MAXSIZE, and the robots.txt middleware's
    traceback for a host it cannot reach (the request itself then fails and is reported)."""
    logging.getLogger("scrapy.core.downloader.handlers.http11").setLevel(logging.ERROR)
    logging.getLogger("scrapy.downloadermiddlewares.robotstxt").setLevel(logging.CRITICAL)


def apply_config(settings: BaseSettings, config: Config) -> None:
    """Apply a sources file's [scrapy] overrides and proxy routes below command-line settings."""
    settings.setdict(config.scrapy, priority="spider")
    if config.proxy:
        settings.set("NEWSFOLD_PROXY", config.proxy, priority="spider")
        settings.set("NEWSFOLD_PROXY_HOSTS", list(config.proxy_hosts), priority="spider")
    if config.db:
        settings.set("NEWSFOLD_DB", config.db, priority="spider")


class SourceSpider(scrapy.Spider):
    """Base of the feeds, sitemaps and sections spiders."""

    #: The `kind` of `[[sources]]` this spider reads.
    kind: ClassVar[str]

    def __init__(self, sources: tuple[Source, ...] = (), db: str = "news.db", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sources = sources
        self.store = Store(db)

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        apply_config(settings, load_config(settings["NEWSFOLD_CONFIG"]))

    @classmethod
    def from_crawler(cls, crawler: scrapy.crawler.Crawler, *args: Any, **kwargs: Any) -> SourceSpider:
        config = load_config(crawler.settings["NEWSFOLD_CONFIG"])
        kwargs.setdefault("sources", tuple(s for s in config.sources if s.kind == cls.kind))
        kwargs.setdefault("db", crawler.settings["NEWSFOLD_DB"])
        one_line_per_failure()
        return super().from_crawler(crawler, *args, **kwargs)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for source in self.sources:
            yield self.source_request(source, source.url, conditional=True)

    def closed(self, reason: str) -> None:
        self.store.close()

    # -- sources --------------------------------------------------------------------------------------
    def source_request(self, source: Source, url: str, conditional: bool = False, fatal: bool = True,
                       **cb_kwargs: Any) -> scrapy.Request:
        """A request for the source itself (or a part of it: a child sitemap, a listing's next page).
        `conditional` sends the validators saved from the last complete run, so an unchanged
        source costs a 304 and no parsing; `fatal` says a failure counts against the source."""
        headers = {}
        if conditional:
            etag, modified = self.store.validators(source.name)
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
            if headers:
                self.crawler.stats.inc_value(f"{self.name}/conditional_requests")
        return scrapy.Request(
            url, callback=self._source_response, errback=self.source_failed if fatal else self.page_failed,
            headers=headers, dont_filter=conditional, cb_kwargs={"source": source, **cb_kwargs},
            meta={"handle_httpstatus_list": [304], "newsfold_validated": conditional},
        )

    def _source_response(self, response: Response, source: Source, **cb_kwargs: Any) -> Iterable[Any]:
        if response.status == 304:
            self.crawler.stats.inc_value(f"{self.name}/not_modified")
            self.crawler.signals.send_catch_log(newsfold_signals.source_fetched, source=source.name, status=304)
            return ()
        return self.parse_source(response, source, **cb_kwargs)

    def parse_source(self, response: Response, source: Source, **cb_kwargs: Any) -> Iterable[Any]:
        """Read a source's response; yield article requests (`follow_article`) and more source requests."""
        raise NotImplementedError

    def source_ok(self, response: Response, source: Source) -> None:
        """The source answered with something usable: record it, with the validators to save if
        every entry it lists gets handled in this run."""
        # Only the source's own URL is requested conditionally; a child sitemap's validators are not its.
        own = response.meta.get("newsfold_validated", False)
        self.crawler.signals.send_catch_log(
            newsfold_signals.source_fetched, source=source.name, status=response.status,
            etag=_header(response.headers, b"ETag") if own else None,
            last_modified=_header(response.headers, b"Last-Modified") if own else None,
        )

    def too_old(self, source: Source, published: datetime | None) -> bool:
        """Whether an entry falls outside the source's `max_age` (an undated entry never does)."""
        if source.max_age is None or published is None or published >= utcnow() - source.max_age:
            return False
        self.crawler.stats.inc_value(f"{self.name}/too_old")
        return True

    # -- articles -------------------------------------------------------------------------------------
    def follow_article(self, link: str, source: Source, title: str | None = None,
                       published: datetime | None = None) -> scrapy.Request | None:
        """A request for an article page, unless its normalised URL already led to a stored article."""
        self.crawler.stats.inc_value(f"{self.name}/links")
        if not link.startswith(("http://", "https://")):
            self.crawler.stats.inc_value(f"{self.name}/links_not_http")
            return None
        url = normalize_url(link)
        if self.store.has_url(url):
            self.crawler.stats.inc_value("newsfold/already_stored")
            return None
        return scrapy.Request(
            url, callback=self.parse_article, errback=self.page_failed,
            cb_kwargs={"source": source, "link": url, "feed_title": title,
                       "feed_published": iso(published) if published else None},
        )

    def parse_article(self, response: Response, source: Source, link: str, feed_title: str | None,
                      feed_published: str | None) -> Iterable[PageItem]:
        if not is_html(response):
            self.failed(source, response.url, f"not an HTML page ({content_type(response) or 'unknown type'})",
                        response.status, fatal=False)
            return
        if not response.body.strip():
            self.failed(source, response.url, "empty page", response.status, fatal=False)
            return
        yield PageItem(
            url=normalize_url(response.url), link=link, source=source.name, html=response.text,
            fetched=iso(utcnow()), feed_title=feed_title, feed_published=feed_published,
        )

    # -- failures -------------------------------------------------------------------------------------
    def source_failed(self, failure: Failure) -> None:
        self._errback(failure, fatal=True)

    def page_failed(self, failure: Failure) -> None:
        self._errback(failure, fatal=False)

    def _errback(self, failure: Failure, fatal: bool) -> None:
        error, status = describe(failure)
        self.failed(failure.request.cb_kwargs["source"], failure.request.url, error, status, fatal)

    def failed(self, source: Source, url: str, error: str, status: int | None, fatal: bool) -> None:
        """Report one failure: one warning line naming the source, a count, a recorded error.
        `fatal` when the source itself is broken, not one page behind it."""
        self.crawler.stats.inc_value("newsfold/source_errors")
        self.logger.warning("%s: %s: %s", source.name, url, error)
        self.crawler.signals.send_catch_log(
            newsfold_signals.source_failed, source=source.name, url=url, error=error, status=status, fatal=fatal
        )


def _header(headers: Any, name: bytes) -> str | None:
    value = headers.get(name)
    return value.decode("latin-1") if value else None

