"""Page chrome that trafilatura keeps on short pages, removed before and after it runs.

On a long page trafilatura's own pruning finds the article; on a short one (a teaser, a truncated
copy on a mirror) it falls back to looser extractors that take in the headline, the byline, the
"Read the full story at ..." link and the cookie notice. Those lines are what make one article's
copies look different to dedup, so they are cut here by two generic signals that hold on real sites:
the class and id names of chrome blocks, and the shape of the lines themselves. No publisher is
named: a rule that only fits one site would be a defect.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

#: Class or id words that name a chrome block. Matched as whole words of the attribute (split on
#: spaces, dashes and underscores), so "cookie-banner" and "hd-cookie" match but "shares" does not.
CHROME_WORDS = frozenset(
    "by byline byline-block author authors cookie cookies consent gdpr cmp share sharing social "
    "newsletter subscribe related readmore read-more source-credit credit credits promo sponsored "
    "advert advertisement ad ads also-read".split()
)
SPLIT = re.compile(r"[-_]+")

#: A byline on a line of its own: "By A and B", "Author: A", "Posted by A", "Written by A".
BYLINE = re.compile(r"^(?:(?:posted|written|reported)\s+)?(?:by|author:|authors:)\s+\S", re.IGNORECASE)
#: Lines that point away from the article or belong to the site, not the story.
TRAILER = re.compile(
    r"^(?:read (?:the )?(?:full|whole|original) (?:story|article)|continue reading|read more at|"
    r"this (?:story|article) (?:was )?(?:originally|first) (?:published|appeared)|originally published (?:at|on|by)|"
    r"©|\(c\)|copyright\b|all rights reserved)",
    re.IGNORECASE,
)
#: Chrome blocks are small; a bigger element whose class names a chrome word is a wrapper (WordPress
#: tags its article "tag-social-media", layouts wrap the page in "gate-ad"), and is kept.
CHROME_CHARS = 300
#: A byline or trailer longer than this is prose that happens to start the same way.
SHORT_LINE = 16


def class_words(element: HtmlElement) -> set[str]:
    """The words of an element's class and id, whole and split on dashes and underscores."""
    words: set[str] = set()
    for value in (element.get("class", ""), element.get("id", "")):
        for name in value.split():
            words.add(name.lower())
            words.update(p.lower() for p in SPLIT.split(name) if p)
    return words


def strip_chrome(tree: HtmlElement) -> HtmlElement:
    """Remove small blocks whose class or id names chrome (bylines, share bars, cookie notices, credits)."""
    for element in tree.xpath("//body//*[@class or @id]"):
        if element.getparent() is None or element.tag in ("body", "html"):
            continue
        if class_words(element) & CHROME_WORDS and len(element.text_content()) <= CHROME_CHARS:
            element.drop_tree()
    return tree


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def trim_lines(text: str, title: str) -> str:
    """Drop a leading copy of the headline, short byline lines and short trailer lines."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and title and _key(lines[0]) == _key(title):
        lines = lines[1:]
    return "\n".join(
        line for line in lines
        if not (len(line.split()) <= SHORT_LINE and (BYLINE.match(line) or TRAILER.match(line)))
    )
