"""The `feeds` spider: every RSS/Atom source of `sources.toml`, then each entry's article page.

Scrapy fetches (robots.txt, retries, throttling, redirects, conditional GET); feedparser only parses
the bytes, since its own HTTP options are going away in its next major version.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

import feedparser
import scrapy
from scrapy.http import Response

from newsfold.config import Source
from newsfold.spiders.base import SourceSpider
from newsfold.times import from_struct

#: Response headers feedparser reads: the declared charset, the base URL, the default language.
FEED_HEADERS = ("content-type", "content-location", "content-language")


@dataclass(frozen=True)
class FeedEntry:
    link: str | None
    title: str | None
    published: datetime | None


@dataclass(frozen=True)
class FeedReading:
    """What a feed's bytes held: its entries, and `problem` when it was malformed (`usable` says whether
    it still counts as a feed: a malformed feed that yields entries is a warning, not a failure)."""

    entries: tuple[FeedEntry, ...]
    version: str
    problem: str | None
    title: str = ""

    @property
    def usable(self) -> bool:
        """Entries were found, or feedparser recognised a feed format (one that lists nothing now)."""
        return bool(self.entries) or bool(self.version)


def read_feed(body: bytes, url: str, headers: Mapping[str, str]) -> FeedReading:
    """Parse a feed's bytes as Scrapy received them. `headers` (lower-case names) carry the charset the
    server declared, which feedparser weighs against the XML declaration, and the base URL that makes
    relative links absolute (`content-location`, else `url`)."""
    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": url, **headers})
    entries = tuple(
        FeedEntry(e.get("link"), e.get("title"), from_struct(e.get("published_parsed") or e.get("updated_parsed")))
        for e in parsed.entries
    )
    problem = None
    error = parsed.get("bozo_exception")
    # A missing or non-XML Content-Type on a document that parses as a feed is the server's quirk,
    # not the feed's: feedparser reads it all the same, and a warning every hour would help nobody.
    if parsed.bozo and not (isinstance(error, feedparser.NonXMLContentType) and parsed.version):
        problem = str(error or "malformed")
    elif not parsed.version and not entries:
        problem = "no entries"
    return FeedReading(entries, parsed.version or "", problem, parsed.feed.get("title") or "")


def read_feed_response(response: Response) -> FeedReading:
    """`read_feed` of a Scrapy response, with the headers feedparser uses."""
    headers = {name: response.headers[name].decode("latin-1") for name in FEED_HEADERS if response.headers.get(name)}
    if "content-location" in headers:
        headers["content-location"] = urljoin(response.url, headers["content-location"])
    return read_feed(response.body, response.url, headers)


class FeedsSpider(SourceSpider):
    name = "feeds"
    kind = "feed"

    def parse_source(self, response: Response, source: Source) -> Iterator[scrapy.Request]:
        reading = read_feed_response(response)
        if not reading.usable:
            self.failed(source, response.url, f"not a feed: {reading.problem}", response.status, fatal=True)
            return
        self.source_ok(response, source)
        if reading.problem:
            # A malformed feed that still yields entries is a warning, not a failure of the source
            # (lemon24/reader#270): its error is recorded, its failures in a row are not counted.
            self.crawler.stats.inc_value("feeds/bozo")
            self.failed(source, response.url, f"malformed feed, {len(reading.entries)} entries read anyway "
                        f"({reading.problem})", response.status, fatal=False)
        for entry in reading.entries:
            self.crawler.stats.inc_value("feeds/entries")
            if not entry.link:
                self.crawler.stats.inc_value("feeds/entries_without_link")
                continue
            if self.too_old(source, entry.published):
                continue
            request = self.follow_article(entry.link, source, entry.title, entry.published)
            if request is not None:
                yield request
