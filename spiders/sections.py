"""The `sections` spider: front and section pages, the article links on them, and their next pages.

A source is a listing page. Links on it whose URL looks like an article (the source's `url_pattern`,
else `ARTICLE_LINK`) are followed as articles; its pagination (`rel=next`, `?page=N`, `/page/N`) is
followed as more listing, up to the source's `depth` pages away. Article pages are never mined for
more links, so the crawl stays where the source points.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from scrapy.linkextractors import LinkExtractor

from newsfold.config import Source
from newsfold.spiders.base import SourceSpider, content_type, is_html
from newsfold.urls import domain_of

#: What an article's path looks like on most news sites: a date in the path, a numeric id of four
#: digits or more (in the path or an id parameter), or a slug of four words or more. Matched against
#: the path and query only, so a hyphenated host name does not make every link an article.
ARTICLE_LINK = re.compile(
    r"/(19|20)\d\d/[01]?\d/|\d{4,}|[?&](id|p|story|article|articleid)=[\w-]+|(?:[a-z0-9]+-){3,}[a-z0-9]+",
    re.I,
)
#: Links to the next page of a listing, when the page does not mark them `rel=next`.
NEXT_PAGE = re.compile(r"[?&]page=\d+|/page/\d+/?$", re.I)


def looks_like_article(url: str, pattern: re.Pattern[str] | None = None) -> bool:
    """`pattern` (a source's url_pattern) is searched in the whole URL, the default in its path and query."""
    if pattern is not None:
        return bool(pattern.search(url))
    parts = urlsplit(url)
    return bool(ARTICLE_LINK.search(parts.path + (f"?{parts.query}" if parts.query else "")))


class SectionsSpider(SourceSpider):
    name = "sections"
    kind = "section"

    def parse_source(self, response: Response, source: Source, depth: int = 0) -> Iterator[scrapy.Request]:
        if not is_html(response):
            error = f"not an HTML page ({content_type(response) or 'unknown type'})"
            self.failed(source, response.url, error, response.status, fatal=depth == 0)
            return
        if depth == 0:
            self.source_ok(response, source)
        self.crawler.stats.inc_value("sections/listing_pages")
        pattern = re.compile(source.url_pattern) if source.url_pattern else None
        links = LinkExtractor(allow_domains=[domain_of(source.url)], unique=True).extract_links(response)
        listings = set(response.css('a[rel~="next"]::attr(href), link[rel~="next"]::attr(href)').getall())
        for link in links:
            if looks_like_article(link.url, pattern):
                request = self.follow_article(link.url, source, link.text.strip() or None)
                if request is not None:
                    yield request
            elif NEXT_PAGE.search(link.url):
                listings.add(link.url)
            else:
                self.crawler.stats.inc_value("sections/not_article_links")
        if depth >= source.depth:
            return
        for url in sorted({response.urljoin(href) for href in listings}):
            if domain_of(url) == domain_of(source.url):
                self.crawler.stats.inc_value("sections/next_pages")
                yield self.source_request(source, url, fatal=False, depth=depth + 1)
