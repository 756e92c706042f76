"""Page text made fit to show: whole lead sentences, no control characters, bounded length, safe links.

Everything a crawled page says is untrusted. These functions only make it *plain text* of a sane size;
each format then escapes that text for its own syntax (Jinja's autoescape, lxml, json, Markdown).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from w3lib.url import safe_url_string

from newsfold.times import parse_time

#: A sentence ends at . ! or ?, maybe followed by a closing quote or bracket (which it keeps).
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])")
#: Bidirectional overrides and isolates reorder the text around them ("Trojan Source" spoofing).
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), " ")
TITLE_LIMIT = 200
SUMMARY_LIMIT = 400
URL_LIMIT = 2048


def clean_text(value: str | None, limit: int) -> str:
    """One line of printable text, at most `limit` characters, cut at a word with an ellipsis.

    Control characters (which XML 1.0 forbids), lone surrogates, non-characters and bidi controls go;
    runs of whitespace become one space.
    """
    return shorten(plain(value), limit)


def plain(value: str | None) -> str:
    text = (value or "").translate(BIDI_CONTROLS)
    return " ".join("".join(ch if _printable(ch) else " " for ch in text).split())


def _printable(ch: str) -> bool:
    if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
        return False
    return not (0xFDD0 <= ord(ch) <= 0xFDEF or (ord(ch) & 0xFFFE) == 0xFFFE)


def shorten(text: str, limit: int) -> str:
    """`text` if it fits, else its words up to `limit` characters and an ellipsis (never mid-word,
    unless a single word is longer than the limit)."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut and not text[limit].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def lead_sentences(text: str, count: int = 2, limit: int = SUMMARY_LIMIT) -> str:
    """The first `count` sentences of the article, as clean text, cut at a word past `limit`."""
    paragraphs = [p.strip() for p in (text or "").splitlines() if p.strip()]
    sentences = SENTENCE_END.split(" ".join(paragraphs))
    return clean_text(" ".join(sentences[:count]), limit)


def safe_url(url: str | None) -> str | None:
    """An absolute http(s) URL, percent-encoded to plain ASCII; None for any other scheme
    (`javascript:`, `data:`, `file:`...) or a URL without a host."""
    if not url:
        return None
    text = plain(url)
    if len(text) > URL_LIMIT:
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return safe_url_string(text)


def when(value: str | None) -> str:
    """A stored time as readers read it, in UTC."""
    moment = parse_time(value)
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "date unknown"


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"
