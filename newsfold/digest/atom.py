"""The digest as an Atom 1.0 feed (RFC 4287): one entry per canonical story.

Entry ids name the story, not an article (see `model.entry_id`), so a copy arriving later never makes
a reader show the story twice; `updated` is when the story last gained an article. Written with
lxml's element tree (escaping is its job; control characters were removed in `model`); a feed
generator library would add a dependency to write a dozen elements.
"""

from __future__ import annotations

from lxml import etree

from newsfold.digest import wording
from newsfold.digest.model import Digest, DigestStory
from newsfold.times import iso, parse_time

ATOM = "http://www.w3.org/2005/Atom"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    node = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        node.text = text
    return node


def _stamp(value: str | None, fallback: str) -> str:
    moment = parse_time(value)
    return iso(moment) if moment else fallback


def _entry(feed: etree._Element, story: DigestStory, generated: str) -> None:
    entry = _el(feed, "entry")
    _el(entry, "id", story.entry_id)
    _el(entry, "title", story.title, type="text")
    published = _stamp(story.published, generated)
    _el(entry, "published", published)
    _el(entry, "updated", max(_stamp(story.updated, published), published))
    _el(_el(entry, "author"), "name", story.domain)
    if story.url:
        _el(entry, "link", rel="alternate", type="text/html", href=story.url)
    for link in story.also_covered:
        if link.url:
            _el(entry, "link", rel="related", type="text/html", href=link.url, title=link.title)
    if story.section:
        _el(entry, "category", term=story.section)
    lines = [line for line in (story.summary, wording.byline(story), _also(story)) if line]
    # Without an alternate link RFC 4287 asks for content; a summary says the same to readers.
    _el(entry, "summary" if story.url else "content", "\n\n".join(lines), type="text")


def _also(story: DigestStory) -> str:
    also = wording.also_published(story)
    return f"Also published by: {also}" if also else ""


def render_atom(digest: Digest) -> str:
    generated = iso(digest.generated)
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    _el(feed, "id", digest.feed_id)
    _el(feed, "title", "newsfold digest", type="text")
    _el(feed, "subtitle", wording.intro(digest), type="text")
    updates = [_stamp(s.updated or s.published, generated) for s in digest.stories]
    _el(feed, "updated", max(updates, default=generated))
    _el(feed, "generator", "newsfold")
    for story in digest.stories:
        _entry(feed, story, generated)
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True).decode("utf-8")
