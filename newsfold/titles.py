"""Headlines without the site's name and section around them.

Pages title themselves "Headline | World | outlet.test", "Outlet: Headline" or "Headline - Outlet",
and state the headline up to four times (JSON-LD, og:title, twitter:title, <title>) besides the <h1>.
The declared headline is trusted first: JSON-LD, then Open Graph, then the <h1> (when it is a
headline and not a logo or a "Log in" link), then <title>. Site names are cut from either end, and
with them the short section labels beside them; when one candidate is another plus a tail after a
separator ("Headline | Sport" beside "Headline"), the tail is chrome too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsfold.boilerplate import text_key, word_count

SEPARATOR = re.compile(r"(\s+[|\-–—·•»:]\s+|\s*[|｜ㅣ]\s*|\s*[：]\s*)")
PREFIX = re.compile(r"^([^:]{2,60}):\s+(.+)$")
SECTION_WORDS = 2
#: An <h1> shorter than this is a logo, a section name or a login link, not a headline.
H1_WORDS = 3
#: The shortest candidate another may be cut back to ("„Unermüdlicher Einsatz“ - Site Name").
TAIL_WORDS = 2


#: A title segment that is only a date: "Headline | DW | 28.04.2023" (day.month.year or ISO).
DATE_SEGMENT = re.compile(r"^(?:(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})-(\d{2})-(\d{2}))$")


def title_date(titles: Iterable[str]) -> str | None:
    """The date a title states as a segment of its own, as YYYY-MM-DD; some sites date their titles."""
    for title in titles:
        for piece in SEPARATOR.split(" ".join(title.split()))[2::2]:
            match = DATE_SEGMENT.match(piece)
            if match:
                day, month, year, iso_year, iso_month, iso_day = match.groups()
                if iso_year:
                    return f"{iso_year}-{iso_month}-{iso_day}"
                return f"{year}-{int(month):02d}-{int(day):02d}"
    return None


def site_keys(site_name: str | None, host: str) -> set[str]:
    """Forms a site's name takes in titles: its stated name, the host and the host without TLD."""
    host = host.removeprefix("www.")
    keys = {text_key(host), text_key(host.rsplit(".", 1)[0])}
    if site_name:
        keys |= {text_key(site_name), text_key(site_name.removeprefix("The "))}
    return {k for k in keys if k}


def clean_title(titles: Iterable[str], h1: str | None, sites: set[str]) -> str:
    """The headline from the page's declared candidates (in order of trust) and its <h1>."""
    declared = [strip_site(t, sites) for t in titles if t]
    headline = h1 if h1 and word_count(h1) >= H1_WORDS else None
    order = [t for t in declared[:-1] if t] + ([headline] if headline else []) + declared[-1:]
    if not order:
        return h1 or ""
    return _cut_tail(order[0], [*order[1:], *([h1] if h1 else [])])


def _cut_tail(title: str, others: list[str]) -> str:
    """`title` without a tail that another candidate lacks: "Headline | Sport" beside "Headline"."""
    for other in sorted(others, key=len):
        if len(other) < len(title) and title.startswith(other) and word_count(other) >= TAIL_WORDS:
            rest = title[len(other):]
            if SEPARATOR.match(rest) or rest[:1] in "-|":
                return other
    return title


def strip_site(title: str, sites: set[str]) -> str:
    """Cut the site's name (and a section label next to it) from the ends of a title."""
    title = " ".join(title.split())
    prefix = PREFIX.match(title)
    if prefix and text_key(prefix.group(1)) in sites:
        title = prefix.group(2)
    pieces = SEPARATOR.split(title)  # headline, separator, segment, separator, ...
    cut = False
    while len(pieces) > 2 and text_key(pieces[0]) in sites:
        pieces, cut = pieces[2:], True
    while len(pieces) > 2 and DATE_SEGMENT.match(pieces[-1]):
        pieces = pieces[:-2]
    while len(pieces) > 2 and (
        text_key(pieces[-1]) in sites or (cut and word_count(pieces[-1]) <= SECTION_WORDS)
    ):
        cut = cut or text_key(pieces[-1]) in sites
        pieces = pieces[:-2]
    return "".join(pieces).strip()
