"""Metadata that pages state outright: JSON-LD, Open Graph and article meta tags, <link rel=canonical>.

Read before trafilatura runs, because trafilatura prunes the tree it is given, and because these
fields carry what its own metadata pass rounds away (the publication *time* and its offset, not just
the day, which orders an original before copies published the same day). Where a page states a
field twice, the JSON-LD object describing the page itself wins: on real pages it is what the
publisher's CMS fills from the article record, while meta tags are often left by templates
(a print-edition `date`, a live blog's last update as `article:published_time`).

The page's description also finds its printed standfirst (`printed_lead`, or `classed_lead` by its
class name), which trafilatura leaves out because it stands beside the headline.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from newsfold.boilerplate import class_words, text_key, trigrams
from newsfold.titles import site_keys

ARTICLE_TYPES = {"newsarticle", "article", "reportagenews", "reportagenewsarticle", "blogposting",
                 "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "liveblogposting",
                 "webpage", "report", "socialmediaposting"}


@dataclass
class PageMeta:
    """What a page declares about itself; dates are kept as the page writes them (with their offset)."""

    #: Title candidates in order of trust: JSON-LD headline, og:title, twitter:title, <title>.
    titles: list[str] = field(default_factory=list)
    h1: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    image: str | None = None
    #: The section or topic the page declares (article:section, JSON-LD articleSection).
    section: str | None = None
    #: The article's text as the page's JSON-LD states it (`articleBody`), tags removed.
    article_body: str | None = None
    #: The page's own summary (og:description, description): often its printed standfirst.
    description: str | None = None


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
            graph = item.get("@graph", [])
            stack.extend(graph if isinstance(graph, list) else [graph])
            kinds = item.get("@type", [])
            kinds = [kinds] if isinstance(kinds, str) else kinds
            if isinstance(kinds, list) and any(str(k).lower() in ARTICLE_TYPES for k in kinds):
                yield item


def _path(url: str) -> str:
    return urlsplit(url).path.rstrip("/")


def _about_page(items: list[dict[str, Any]], urls: list[str]) -> list[dict[str, Any]]:
    """The JSON-LD objects that describe this page first: listings of related articles follow it."""
    paths = {_path(u) for u in urls if u}

    def names_page(item: dict[str, Any]) -> bool:
        own = item.get("url") or item.get("mainEntityOfPage")
        own = own.get("@id") if isinstance(own, dict) else own
        return isinstance(own, str) and _path(own) in paths

    return sorted(items, key=lambda item: not names_page(item))


def _first(items: list[dict[str, Any]], key: str) -> str | None:
    for item in items:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return html.unescape(value.strip())
    return None


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
BYLINE_LEAD = re.compile(
    r"^(?:(?:posted|written|reported|text|story|words)\s+)?(?:(?:by|von|par|por|di|av|af)(?:\s*:\s*|\s+|$)|authors?:\s*)",
    re.IGNORECASE,
)
NAME_SPLIT = re.compile(r"\s*(?:,|;|\||/|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bog\b|&)\s*")
#: Job titles that bylines print after a name: "Ana Ortiz, Political Editor".
ROLE = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|journalist|columnist|contributor|staff|redaktion|"
    r"redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|photographer|news desk|agencies)\b",
    re.IGNORECASE,
)
BYLINE_WORDS = 12
NAME_WORDS = 5


#: Small words that stand lower-case inside names: "Ursula von der Leyen", "Ahmad bin Said".
PARTICLES = frozenset("von van de da di der den del la le du dos bin al ter zu y e".split())
#: Initials or a date a byline prints after a name: "Elena Oberholzer (obe)", "Sweidah 05.01.2025".
NAME_TAIL = re.compile(r"\s*(?:\([^)]{1,12}\)|\d[\d./:-]*)\s*$")
#: Words glued from a menu ("HomeEnglishESG"): lower-upper humps twice in one word.
GLUED = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ].*[a-zà-ÿ][A-ZÀ-Þ]")


def is_name(text: str) -> bool:
    """Whether `text` is shaped like a person's (or a desk's) name, not a menu, a label or a sentence."""
    words = text.split()
    return (
        0 < len(words) <= NAME_WORDS and not ROLE.search(text) and not any(ch.isdigit() for ch in text)
        and ":" not in text and "www." not in text.lower() and text[0].isupper()
        and all(w[0].isupper() or w.lower() in PARTICLES or not w[0].isalpha() for w in words)
        and not any(GLUED.search(w) for w in words)
    )


def clean_authors(names: list[str], site: set[str] = frozenset()) -> list[str]:
    """Names from author strings: "By A and B, Senior Reporter" -> ["A", "B"]; URLs, roles, menus and
    the site's own name (`site`: its keys, see `titles.site_keys`) go."""
    people: list[str] = []
    for raw in names:
        text = " ".join(html.unescape(raw).split())
        if not text or "://" in text or "@" in text:
            continue
        for part in NAME_SPLIT.split(BYLINE_LEAD.sub("", text)):
            part = NAME_TAIL.sub("", part.strip(" .:-–—")).strip()
            if is_name(part) and text_key(part) not in site and part not in people:
                people.append(part)
    return people


def _byline(tree: HtmlElement, site: set[str]) -> list[str]:
    """Author names from the first short printed byline: "By A and B" -> ["A", "B"]."""
    for element in tree.xpath('//body//*[@rel="author" or @itemprop="author" or @class]'):
        if element.get("class") and not class_words(element) & BYLINE_CLASSES:
            continue
        text = " ".join(element.text_content().split())
        if text and len(text.split()) <= BYLINE_WORDS:
            names = clean_authors([text], site)
            if names:
                return names
    return []


def _h1(tree: HtmlElement) -> str | None:
    for element in tree.xpath("//body//h1"):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return None


def read_meta(tree: HtmlElement, url: str) -> PageMeta:
    """Collect what the page declares about itself."""
    meta = PageMeta()
    canonical = tree.xpath('//link[@rel="canonical"]/@href') or [_meta(tree, "og:url")]
    meta.canonical_url = urljoin(url, canonical[0].strip()) if canonical[0] else None
    ld = _about_page(list(_json_ld(tree)), [url, meta.canonical_url or ""])
    title = tree.findtext(".//title")
    candidates = (_first(ld, "headline"), _meta(tree, "og:title"), _meta(tree, "twitter:title"), title)
    meta.titles = [" ".join(html.unescape(t).split()) for t in candidates if t and t.strip()]
    meta.h1 = _h1(tree)
    meta.site_name = _meta(tree, "og:site_name", "application-name")
    meta.published = (
        _first(ld, "datePublished")
        or _meta(tree, "article:published_time", "datePublished", "og:published_time", "pubdate",
                 "publishdate", "dc.date.issued", "DC.date.issued", "date")
        or next(iter(tree.xpath("//article//time/@datetime | //time[@pubdate]/@datetime")), None)
    )
    meta.modified = _first(ld, "dateModified") or _meta(
        tree, "article:modified_time", "dateModified", "og:updated_time", "last-modified")
    site = site_keys(meta.site_name, urlsplit(url).hostname or "")
    meta.authors = clean_authors(
        _names(next((i["author"] for i in ld if i.get("author")), None))
        or [a for a in (_meta(tree, "author", "article:author", "dc.creator"),) if a]
    ) or _byline(tree, site)  # a printed "byline" that names the site is a logo or a credit line
    lang = tree.xpath("/html/@lang") or [_meta(tree, "og:locale", "language", "content-language") or ""]
    meta.language = re.split(r"[-_]", lang[0].strip())[0].lower() or None if lang[0].strip() else None
    meta.image = _meta(tree, "og:image", "twitter:image")
    sections = [s for i in ld for s in _names(i.get("articleSection")) if s.strip()]
    meta.section = _meta(tree, "article:section") or (html.unescape(sections[0].strip()) if sections else None)
    body = _first(ld, "articleBody")
    meta.article_body = re.sub(r"<[^>]+>", " ", body) if body else None
    meta.description = _meta(tree, "og:description", "description", "twitter:description")
    return meta


#: A description shorter than this is a label ("News from Berlin"), not a standfirst.
LEAD_WORDS = 8
#: Words of the description looked for in the page's text, and the share of its word trigrams the
#: printed element must hold: pages print the description as written or lightly edited.
LEAD_PROBE = 4
LEAD_HOLDS = 0.8
#: An element this much longer than the description is the container of the lead, not the lead.
LEAD_LONGER = 2.0
#: Text nodes holding a probe (no-break spaces read as spaces), outside links and the page's margins.
LEAD_NODES = ("//body//text()[contains(., $word) and contains(normalize-space(translate(., $nbsp, ' ')), $probe)"
              " and not(ancestor::a or ancestor::nav or ancestor::footer or ancestor::aside or ancestor::script)]")


def printed_lead(tree: HtmlElement, description: str | None) -> str | None:
    """The standfirst printed on the page: the smallest element holding the page's own description.

    trafilatura drops it (it stands in the header, beside the headline, not among the body's
    paragraphs), yet it is the article's first paragraph; a description the page does not print is
    a search snippet and is not used.
    """
    words = (description or "").split()
    if len(words) < LEAD_WORDS:
        return None
    wanted = trigrams(description)
    middle = len(words) // 2
    for probe in (words[:LEAD_PROBE], words[middle:middle + LEAD_PROBE]):
        for node in tree.xpath(LEAD_NODES, probe=" ".join(probe), word=max(probe, key=len), nbsp="\u00a0"):
            lead = _holder(node, wanted, LEAD_LONGER * len(words))
            if lead:
                return lead
    return None


def _holder(node: Any, wanted: set[tuple[str, ...]], most_words: float) -> str | None:
    """The text of the smallest element around a text node that holds the wanted trigrams."""
    element = node.getparent()
    if node.is_tail:
        element = element.getparent()
    while element is not None and element.tag != "body":
        text = " ".join(element.text_content().split())
        if len(text.split()) > most_words:
            return None
        if len(wanted & trigrams(text)) >= LEAD_HOLDS * len(wanted):
            return text
        element = element.getparent()
    return None


#: Class words of the element a page prints its standfirst in.
LEAD_CLASSES = frozenset({"lead", "leadtext", "lead-text", "intro", "standfirst", "synopsis", "dek", "deck",
                          "excerpt", "abstract", "preamble", "summary", "teaser-text", "subheadline"})
#: A standfirst is a paragraph: longer than a kicker, shorter than a body.
LEAD_MIN_WORDS = 8
LEAD_MAX_WORDS = 150
#: A block with this share of its text in links is a teaser of another story.
LEAD_LINKED = 0.5
#: How far after the headline (in elements) a standfirst may stand.
LEAD_REACH = 300
LEAD_CANDIDATES = ("(//body//h1)[1]/following::*[@class][position() <= $reach]"
                   "[not(ancestor::a or ancestor::nav or ancestor::footer or ancestor::aside)]")


def classed_lead(tree: HtmlElement) -> str | None:
    """The standfirst by its class name, in the first elements after the headline: for pages whose
    description is not the printed lead."""
    for element in tree.xpath(LEAD_CANDIDATES, reach=LEAD_REACH):
        if class_words(element) & LEAD_CLASSES and not element.xpath(".//img | .//figure | .//h1 | .//h2"):
            text = " ".join(element.text_content().split())
            linked = sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))
            if LEAD_MIN_WORDS <= len(text.split()) <= LEAD_MAX_WORDS and linked < LEAD_LINKED * len(text):
                return text
    return None
