"""The `discover` spider: the feeds a home page offers, for `newsfold sources add`.

Candidates are the page's `<link rel="alternate">` feeds (the autodiscovery convention browsers and
feed readers follow) and, only when it declares none, the paths where CMSes put feeds. Each candidate
is fetched and kept only if feedparser reads it as a feed. A URL that is itself a feed is kept as it is.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urljoin

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings

from newsfold.config import load_config
from newsfold.spiders.base import apply_config, describe, one_line_per_failure
from newsfold.spiders.feeds import read_feed_response

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
              "application/json")
#: Where WordPress, Ghost, Drupal, Hugo, Jekyll and hand-made sites put their main feed.
COMMON_PATHS = ("/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml", "/feed/", "/feeds/posts/default",
                "/rss/index.xml", "/?feed=rss2")


@dataclass(frozen=True)
class FoundFeed:
    url: str
    title: str
    version: str


def feed_links(response: TextResponse) -> list[tuple[str, str]]:
    """(absolute URL, title) of the page's declared feeds, in page order."""
    found = []
    for link in response.css("link[rel~=alternate], a[rel~=alternate]"):
        kind = (link.attrib.get("type") or "").split(";")[0].strip().lower()
        href = link.attrib.get("href")
        if href and kind in FEED_TYPES:
            found.append((urljoin(response.url, href), (link.attrib.get("title") or "").strip()))
    return found


class DiscoverSpider(scrapy.Spider):
    """Not part of the crawl job: it stores nothing, and takes from the sources file (if there is one
    yet) only its proxy routes and Scrapy settings."""

    name = "discover"
    custom_settings: ClassVar[dict[str, Any]] = {
        "ITEM_PIPELINES": {},
        "EXTENSIONS": {"newsfold.extensions.CrawlRecorder": None, "newsfold.extensions.ProgressLine": None},
        "RETRY_TIMES": 0,
    }

    def __init__(self, url: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_url = url
        self.found: list[FoundFeed] = []
        self.problems: list[str] = []

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        if Path(settings["NEWSFOLD_CONFIG"]).exists():  # else `sources add` is about to create it
            apply_config(settings, load_config(settings["NEWSFOLD_CONFIG"], require_sources=False))

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> DiscoverSpider:
        one_line_per_failure()
        return super().from_crawler(crawler, *args, **kwargs)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield scrapy.Request(self.start_url, callback=self.parse_page, errback=self.fetch_failed, dont_filter=True)

    def parse_page(self, response: Response) -> Iterator[scrapy.Request]:
        if self._keep_if_feed(response, ""):
            return
        if not isinstance(response, TextResponse):
            self.problems.append(f"{response.url}: neither a feed nor an HTML page")
            return
        candidates = feed_links(response) or [(urljoin(response.url, path), "") for path in COMMON_PATHS]
        for url, title in candidates:
            yield scrapy.Request(url, callback=self.parse_candidate, errback=self.candidate_failed,
                                 cb_kwargs={"title": title})

    def parse_candidate(self, response: Response, title: str) -> None:
        self._keep_if_feed(response, title)

    def _keep_if_feed(self, response: Response, title: str) -> bool:
        reading = read_feed_response(response)
        if not reading.version or not reading.usable:
            return False
        if all(f.url != response.url for f in self.found):
            self.found.append(FoundFeed(response.url, title or reading.title or response.url, reading.version))
        return True

    def fetch_failed(self, failure: Any) -> None:
        self.problems.append(f"{failure.request.url}: {describe(failure)[0]}")

    def candidate_failed(self, failure: Any) -> None:
        """A common path that is not there is the normal case, not a problem."""
