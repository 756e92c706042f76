"""One page in, one article out: body text by trafilatura, metadata from the page's own statements.

trafilatura's `deduplicate` stays off: it is a process-wide cache whose output depends on the order
pages arrive in (its issues #17, #778); cross-document dedup is `newsfold.dedup`'s job.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

import htmldate
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import load_html

from newsfold.boilerplate import italic_paragraphs, strip_chrome, trigrams, word_count
from newsfold.chromelines import trim_lines, trim_notes
from newsfold.embedded import embedded_article_html
from newsfold.pagemeta import LEAD_HOLDS, PageMeta, classed_lead, clean_authors, printed_lead, read_meta
from newsfold.times import parse_time
from newsfold.titles import clean_title, site_keys, title_date

#: Fewer words than this is a navigation page or a stub, not an article (a short brief has 40-60).
MIN_WORDS = 20
#: Real article pages stay under ~3 MB (the largest of 258 real ones is 2.2 MB); a bigger one is a dump
#: or an attack, and parsing it would stall the crawl for tens of seconds.
MAX_BYTES = 8_000_000
#: The page's declared articleBody replaces trafilatura's text when it is this much longer and holds
#: nearly all of it: trafilatura stopped at the first of several body containers. A longer
#: articleBody that holds less of it carries other text (teasers, captions) and is not used.
DECLARED_LONGER = 1.5
DECLARED_HOLDS = 0.95


class ExtractionError(Exception):
    """The page holds no article we can use; the message says why in a few words."""


@dataclass(frozen=True)
class Extracted:
    """An article as extracted from its page.

    `published` and `modified` are ISO 8601 in the offset the page states them in (UTC when it states
    none), so their day is the publisher's day; `ExtractPipeline` turns them to UTC for storage.
    """

    url: str
    title: str
    text: str
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    site_name: str | None = None
    section: str | None = None
    modified: str | None = None
    #: Where the body came from: "trafilatura", "declared" (JSON-LD articleBody) or "hydration"
    #: (an app shell's inline data); counted in the crawl's stats.
    body_source: str = "trafilatura"

    def as_dict(self) -> dict:
        return asdict(self)


def extract(html: str | bytes, url: str) -> Extracted:
    """Extract the article of a page fetched from `url`; raise `ExtractionError` if there is none."""
    tree = _parse(html)
    meta = read_meta(tree, url)
    doc = _body(strip_chrome(tree), url, with_metadata=True) or Document()
    notes = italic_paragraphs(tree)
    site_name = meta.site_name or doc.sitename
    title = clean_title(meta.titles or [doc.title or ""], meta.h1,
                        site_keys(site_name, urlsplit(url).hostname or ""))
    text, source = _article_text(doc.text or "", meta, html, url, title)
    text = _with_lead(trim_notes(text, notes), tree, meta.description)
    published = (parse_time(meta.published) or parse_time(title_date(meta.titles))
                 or parse_time(_htmldate(html, url)))
    return Extracted(
        url=url,
        title=title,
        text=text,
        authors=meta.authors or clean_authors((doc.author or "").split(";")),
        published=stated(published),
        language=meta.language or doc.language,
        canonical_url=meta.canonical_url,
        image=meta.image or doc.image,
        site_name=site_name,
        section=meta.section,
        modified=stated(parse_time(meta.modified)),
        body_source=source,
    )


def _parse(html: str | bytes) -> HtmlElement:
    if not html or not html.strip():
        raise ExtractionError("empty page")
    if len(html) > MAX_BYTES:
        raise ExtractionError(f"page too large ({len(html) / 1e6:.1f} MB, limit {MAX_BYTES / 1e6:.0f} MB)")
    tree = load_html(html)
    if tree is None:
        raise ExtractionError("not parseable as HTML")
    return tree


def _article_text(found: str, meta: PageMeta, html: str | bytes, url: str, title: str) -> tuple[str, str]:
    """trafilatura's text, cleaned, and its source; when trafilatura found (nearly) nothing, the page's
    declared articleBody or an app shell's data; when the declared articleBody extends it, that."""
    source = "trafilatura"
    if word_count(found) < MIN_WORDS:
        hydrated = None if meta.article_body else _hydrated_body(html, url)
        source = "declared" if meta.article_body else "hydration" if hydrated else source
        found = meta.article_body or hydrated or found
    if not found.strip():
        raise ExtractionError("no article text found")
    headlines = [*meta.titles, meta.h1 or ""]
    text = trim_lines(found, title, headlines)
    if source == "trafilatura" and meta.article_body and _extends(meta.article_body, text):
        text, source = trim_lines(meta.article_body, title, headlines), "declared"
    if word_count(text) < MIN_WORDS:
        raise ExtractionError(f"too little text for an article ({word_count(text)} words)")
    return text, source


def stated(moment: datetime | None) -> str | None:
    """ISO 8601 in the moment's own offset, to the second."""
    return moment.replace(microsecond=0).isoformat() if moment else None


def _body(tree: HtmlElement, url: str, with_metadata: bool = False) -> Document | None:
    return bare_extraction(tree, url=url, with_metadata=with_metadata, include_comments=False,
                           include_tables=False, deduplicate=False)


def _extends(declared: str, found: str) -> bool:
    """Whether `declared` holds nearly all of `found` (by word trigrams) and much more."""
    if word_count(declared) < DECLARED_LONGER * max(word_count(found), 1):
        return False
    ours = trigrams(found)
    return bool(ours) and len(ours & trigrams(declared)) >= DECLARED_HOLDS * len(ours)


def _with_lead(text: str, tree: HtmlElement, description: str | None) -> str:
    """The text led by the page's printed standfirst when trafilatura left it out (it stands beside the
    headline, not among the body's paragraphs). trafilatura works on a copy: `tree` is still whole."""
    if description and _holds(text, description):
        return text
    lead = printed_lead(tree, description) or classed_lead(tree)
    return f"{lead}\n{text}" if lead and not _holds(text, lead) else text


def _holds(text: str, part: str) -> bool:
    """Whether `text` already carries most of `part` (by word trigrams)."""
    wanted = trigrams(part)
    return len(wanted & trigrams(text)) >= LEAD_HOLDS * len(wanted)


def _hydrated_body(html: str | bytes, url: str) -> str | None:
    """The body of an app-shell page, from the article HTML in its inline data (`newsfold.embedded`)."""
    fresh = load_html(html)  # trafilatura has pruned the first tree, scripts included
    embedded = embedded_article_html(fresh) if fresh is not None else None
    if embedded is None:
        return None
    tree = load_html(f"<html><body><article>{embedded}</article></body></html>")
    doc = _body(tree, url) if tree is not None else None
    return doc.text if doc is not None else None


def _htmldate(html: str | bytes, url: str) -> str | None:
    """htmldate looks where pages hide dates (URLs, visible text, copyright lines) when nothing is declared."""
    return htmldate.find_date(html, url=url, original_date=True, extensive_search=True)

