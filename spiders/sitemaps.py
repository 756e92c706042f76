"""The `sitemaps` spider: sitemap indexes, sitemaps and Google News sitemaps, then each article page.

A source is a sitemap, a sitemap index, or a site's robots.txt (its `Sitemap:` lines). Entries older
than the source's `max_age` (7 days unless set) are skipped by their `news:publication_date` or
`lastmod`, and so are whole child sitemaps of an index whose `lastmod` is older: a 50,000-URL archive
sitemap costs one line in the index, not 50,000 requests.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import lxml.etree
import scrapy
from scrapy.http import Response
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import sitemap_urls_from_robots

from newsfold.config import Source
from newsfold.spiders.base import SourceSpider
from newsfold.times import parse_time


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: str | None = None
    published: str | None = None  # news:publication_date
    title: str | None = None  # news:title


@dataclass(frozen=True)
class SitemapReading:
    kind: str  # "urlset" | "sitemapindex" | "" when the bytes are not a sitemap
    entries: tuple[SitemapEntry, ...]


def read_sitemap(body: bytes) -> SitemapReading:
    """Parse a sitemap or sitemap index, keeping the news fields.

    Written here because Scrapy's `Sitemap` flattens each entry one level deep and so loses the nested
    `news:news` fields, the only publication time many news sitemaps give. Parsed with the same
    guards (recovering parser, no entity resolution, no network).
    """
    parser = lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True, remove_comments=True,
                                  remove_pis=True, huge_tree=False)
    try:
        root = lxml.etree.parse(io.BytesIO(body), parser).getroot()
    except lxml.etree.XMLSyntaxError:
        return SitemapReading("", ())
    if root is None or _local(root.tag) not in ("urlset", "sitemapindex"):
        return SitemapReading("", ())
    entries = []
    for element in root:
        fields = _fields(element)
        if fields.get("loc"):
            entries.append(SitemapEntry(fields["loc"], fields.get("lastmod"), fields.get("publication_date"),
                                        fields.get("title")))
    return SitemapReading(_local(root.tag), tuple(entries))


def _fields(element: Any) -> dict[str, str]:
    """Text of an entry's fields by local name: its own children (loc, lastmod), then nested ones
    (news:publication_date, news:title), never a nested `loc` such as an image's."""
    fields: dict[str, str] = {}
    for depth, children in enumerate((list(element), list(element.iterdescendants()))):
        for child in children:
            name = _local(child.tag) if isinstance(child.tag, str) else ""
            if name and child.text and child.text.strip() and not (depth and name == "loc"):
                fields.setdefault(name, child.text.strip())
    return fields


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class SitemapsSpider(SourceSpider):
    name = "sitemaps"
    kind = "sitemap"

    def source_request(self, source: Source, url: str, conditional: bool = False, fatal: bool = True,
                       **cb_kwargs: Any) -> scrapy.Request:
        """Sitemaps may be larger than any article page: up to NEWSFOLD_SITEMAP_MAXSIZE (the protocol's
        50 MB) rather than DOWNLOAD_MAXSIZE."""
        request = super().source_request(source, url, conditional, fatal, **cb_kwargs)
        limit = self.crawler.settings.getint("NEWSFOLD_SITEMAP_MAXSIZE")
        request.meta.update(download_maxsize=limit, download_warnsize=limit)  # big is normal for a sitemap
        return request

    def parse_source(self, response: Response, source: Source) -> Iterator[scrapy.Request]:
        if response.url.endswith("/robots.txt"):
            self.source_ok(response, source)
            for url in sitemap_urls_from_robots(response.body, base_url=response.url):
                yield self.source_request(source, url)
            return
        body = self._body(response, source)
        if body is None:
            return
        reading = read_sitemap(body)
        if not reading.kind:
            self.failed(source, response.url, "not a sitemap", response.status, fatal=True)
            return
        self.source_ok(response, source)
        self.crawler.stats.inc_value(f"sitemaps/{reading.kind}")
        for entry in reading.entries:
            self.crawler.stats.inc_value("sitemaps/entries")
            if self.too_old(source, parse_time(entry.published or entry.lastmod)):
                continue
            if reading.kind == "sitemapindex":
                yield self.source_request(source, entry.loc)
                continue
            request = self.follow_article(entry.loc, source, entry.title, parse_time(entry.published))
            if request is not None:
                yield request

    def _body(self, response: Response, source: Source) -> bytes | None:
        """The sitemap's XML; gzipped sitemaps (`.xml.gz`, served as files) are unpacked within the
        sitemap size limit."""
        if not gzip_magic_number(response):
            return response.body
        try:
            return gunzip(response.body, max_size=self.crawler.settings.getint("NEWSFOLD_SITEMAP_MAXSIZE"))
        except (OSError, ValueError) as exc:
            self.failed(source, response.url, f"bad gzip: {exc}", response.status, fatal=True)
            return None
