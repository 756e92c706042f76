"""Metadata that pages state outright: Open Graph and article meta tags, JSON-LD, <link rel=canonical>.

Read before trafilatura runs, because trafilatura prunes the tree it is given, and because these
fields carry what its own metadata pass rounds away (the publication *time*, not just the day, which
orders an original before copies published the same day).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement

from newsfold.boilerplate import class_words

ARTICLE_TYPES = {"newsarticle", "article", "reportagenews", "blogposting", "analysisnewsarticle", "webpage"}


@dataclass
class PageMeta:
    titles: list[str] = field(default_factory=list)
    h1: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    image: str | None = None


def _meta(tree: HtmlElement, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            values = tree.xpath(f'//meta[@{attr}="{key}"]/@content')
            if values and values[0].strip():
                return values[0].strip()
    return None


def _json_ld(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of an article type, @graph members included; broken blocks are skipped."""
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if not isinstance(item, dict):
                continue
            stack.extend(item.get("@graph", []))
            kinds = item.get("@type", [])
            kinds = [kinds] if isinstance(kinds, str) else kinds
            if any(str(k).lower() in ARTICLE_TYPES for k in kinds):
                yield item


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


#: Class words of the element a page prints its byline in, when it declares no author.
BYLINE_CLASSES = frozenset({"by", "byline", "author", "authors"})
BYLINE_LEAD = re.compile(r"^(?:(?:posted|written|reported)\s+)?(?:by|authors?:)\s*", re.IGNORECASE)
NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
BYLINE_WORDS = 12


def _byline(tree: HtmlElement) -> list[str]:
    """Author names from the first short printed byline: "By A and B" -> ["A", "B"]."""
    for element in tree.xpath('//body//*[@rel="author" or @itemprop="author" or @class]'):
        if element.get("class") and not class_words(element) & BYLINE_CLASSES:
            continue
        text = " ".join(element.text_content().split())
        if text and len(text.split()) <= BYLINE_WORDS:
            names = [n for n in NAME_SPLIT.split(BYLINE_LEAD.sub("", text)) if n and n[0].isupper()]
            if names:
                return names
    return []


def read_meta(tree: HtmlElement, url: str) -> PageMeta:
    """Collect what the page declares about itself."""
    meta = PageMeta()
    ld = list(_json_ld(tree))
    headline = next((i["headline"] for i in ld if isinstance(i.get("headline"), str)), None)
    title = tree.findtext(".//title")
    meta.titles = [t.strip() for t in (_meta(tree, "og:title", "twitter:title"), headline, title) if t and t.strip()]
    h1 = tree.xpath("//h1")
    meta.h1 = " ".join(h1[0].text_content().split()) if h1 else None
    meta.site_name = _meta(tree, "og:site_name", "application-name")
    canonical = tree.xpath('//link[@rel="canonical"]/@href') or [_meta(tree, "og:url")]
    meta.canonical_url = urljoin(url, canonical[0].strip()) if canonical[0] else None
    meta.published = (
        _meta(tree, "article:published_time", "datePublished", "pubdate", "date")
        or next((str(i["datePublished"]) for i in ld if i.get("datePublished")), None)
        or next(iter(tree.xpath("//article//time/@datetime | //time[@pubdate]/@datetime")), None)
    )
    meta.authors = (
        _names(next((i["author"] for i in ld if i.get("author")), None))
        or [a for a in (_meta(tree, "author", "article:author"),) if a]
        or _byline(tree)
    )
    lang = tree.xpath("/html/@lang")
    meta.language = lang[0].split("-")[0].lower() if lang and lang[0].strip() else None
    meta.image = _meta(tree, "og:image", "twitter:image")
    return meta
