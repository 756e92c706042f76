"""Headlines without the site's name and section around them.

Pages title themselves "Headline | World | outlet.test", "Outlet: Headline" or "Headline - Outlet";
the <h1> usually holds the bare headline, so it wins when the title contains it. Otherwise segments
that name the site are cut from either end, and with them the short section labels beside them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SEPARATOR = re.compile(r"(\s+[|\-–—·•»]\s+|\s*\|\s*)")
PREFIX = re.compile(r"^([^:]{2,60}):\s+(.+)$")
SECTION_WORDS = 2


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def site_keys(site_name: str | None, host: str) -> set[str]:
    """Forms a site's name takes in titles: its stated name, the host and the host without TLD."""
    host = host.removeprefix("www.")
    keys = {_key(host), _key(host.rsplit(".", 1)[0])}
    if site_name:
        keys |= {_key(site_name), _key(site_name.removeprefix("The "))}
    return {k for k in keys if k}


def clean_title(titles: Iterable[str], h1: str | None, sites: set[str]) -> str:
    """The headline from the page's title candidates (og:title, JSON-LD headline, <title>)."""
    titles = [t for t in titles if t]
    if h1 and len(h1.split()) >= 3 and any(_key(h1) in _key(t) for t in titles):
        return h1
    if not titles:
        return h1 or ""
    return strip_site(titles[0], sites)


def strip_site(title: str, sites: set[str]) -> str:
    """Cut the site's name (and a section label next to it) from the ends of a title."""
    title = " ".join(title.split())
    prefix = PREFIX.match(title)
    if prefix and _key(prefix.group(1)) in sites:
        title = prefix.group(2)
    pieces = SEPARATOR.split(title)  # headline, separator, segment, separator, ...
    cut = False
    while len(pieces) > 2 and _key(pieces[0]) in sites:
        pieces, cut = pieces[2:], True
    while len(pieces) > 2 and (
        _key(pieces[-1]) in sites or (cut and len(pieces[-1].split()) <= SECTION_WORDS)
    ):
        cut = cut or _key(pieces[-1]) in sites
        pieces = pieces[:-2]
    return "".join(pieces).strip()
