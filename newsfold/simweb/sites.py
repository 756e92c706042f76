"""The outlets of the simulated web: who they are, how their URLs look and how they behave.

`Site` is the public record; `Profile` carries the behaviour the generator and the pages need (URL
pattern, paragraph layout, dateline, what a mirror does with what it copies, how its feed links).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ORIGINAL, WIRE, MIRROR, BROKEN = "original", "wire", "mirror", "broken"
VERBATIM, TRUNCATED, SPUN, PARAPHRASE = "verbatim", "truncated", "spun", "paraphrase"


@dataclass(frozen=True)
class Site:
    domain: str
    name: str
    role: str  # original | wire | mirror | broken
    feed_url: str
    feed_format: str  # rss | atom
    sitemap_url: str

    @property
    def sitemap_index_url(self) -> str:
        return f"http://{self.domain}/sitemap-index.xml"

    @property
    def home_url(self) -> str:
        return f"http://{self.domain}/"

    def source(self, kind: str) -> dict[str, str]:
        """The site as a `[[sources]]` entry of the given kind: its feed, its sitemap index, or its
        front page (a section source)."""
        if kind == "feed":
            return {"name": self.name, "url": self.feed_url, "kind": "feed"}
        if kind == "sitemap":
            return {"name": f"{self.name} (sitemap)", "url": self.sitemap_index_url, "kind": "sitemap"}
        if kind == "section":
            return {"name": f"{self.name} (front page)", "url": self.home_url, "kind": "section"}
        raise ValueError(f"unknown source kind {kind!r}")


@dataclass(frozen=True)
class Profile:
    """How one site behaves.

    path: URL path pattern with {section}, {slug}, {id} (decimal) or {hex} (scrambled id).
    layout: index into grammar.LAYOUTS, the site's paragraph order.
    dateline: prefix pattern for the lead, with {CITY}, {country} and {name}.
    copy_kinds: for mirrors, (kind, weight) pairs of what they do with a copied article.
    canonical: "self" (rel=canonical to its own URL), "source" (to the original when it copies verbatim,
               as some syndication partners do) or "none".
    feed_links: "plain", "utm" (tracking parameters on every link) or "redirect" (links to /go/<id>,
                which answers 301 to the article).
    credit: for mirrors, a line naming the source outlet ({name}) and linking its article; "" for none.
    """

    site: Site
    path: str
    layout: int = 0
    dateline: str = ""
    copy_kinds: tuple[tuple[str, int], ...] = ()
    canonical: str = "self"
    feed_links: str = "plain"
    credit: str = ""


def _site(domain: str, name: str, role: str, feed_path: str, feed_format: str) -> Site:
    return Site(domain, name, role, f"http://{domain}{feed_path}", feed_format, f"http://{domain}/news-sitemap.xml")


PROFILES: tuple[Profile, ...] = (
    Profile(_site("harbor-herald.test", "The Harbor Herald", ORIGINAL, "/rss.xml", "rss"),
            "/{section}/{slug}-{id}.html", layout=0, dateline="{CITY} — "),
    Profile(_site("northgate-courier.test", "Northgate Courier", ORIGINAL, "/feed.atom", "atom"),
            "/news/{id}/{slug}", layout=1),
    Profile(_site("daily-meridian.test", "The Daily Meridian", ORIGINAL, "/feeds/latest.xml", "rss"),
            "/article/{slug}-{hex}", layout=2, dateline="{CITY}, {country} — ", feed_links="utm"),
    Profile(_site("valley-ledger.test", "Valley Ledger", ORIGINAL, "/atom.xml", "atom"),
            "/stories/{id}-{slug}/", layout=3),
    Profile(_site("coastline-times.test", "The Coastline Times", ORIGINAL, "/rss/all.xml", "rss"),
            "/{section}/story/{slug}.{id}", layout=4, dateline="{CITY} — "),
    Profile(_site("evening-compass.test", "The Evening Compass", ORIGINAL, "/feed/", "rss"),
            "/p/{hex}/{slug}", layout=5),
    Profile(_site("lantern-wire.test", "Lantern Wire", WIRE, "/wire.atom", "atom"),
            "/story/{id}", layout=6, dateline="{CITY} ({name}) — "),
    Profile(_site("newsmirror-hub.test", "News Mirror Hub", MIRROR, "/rss.xml", "rss"),
            "/mirror/{id}.html", copy_kinds=((VERBATIM, 4), (TRUNCATED, 3), (SPUN, 2), (PARAPHRASE, 1)),
            credit="Via {name}"),
    Profile(_site("repost-daily.test", "Repost Daily", MIRROR, "/feed.xml", "rss"),
            "/post/{slug}-{id}/", copy_kinds=((VERBATIM, 3), (TRUNCATED, 1), (SPUN, 3), (PARAPHRASE, 2)),
            canonical="source", feed_links="redirect", credit="Source: {name}"),
    Profile(_site("headline-digest.test", "Headline Digest", MIRROR, "/atom.xml", "atom"),
            "/read.php?id={id}", copy_kinds=((VERBATIM, 1), (TRUNCATED, 2), (SPUN, 2), (PARAPHRASE, 4)),
            canonical="none"),
)

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(headline: str, words: int = 8) -> str:
    return "-".join(_NON_WORD.sub(" ", headline.lower()).split()[:words])


def scrambled(n: int) -> str:
    """An opaque-looking but unique hex id (multiplication by an odd constant is a bijection mod 2**32)."""
    return f"{(n * 2654435761 + 0x5BD1E995) % 2**32:08x}"


def article_path(profile: Profile, section: str, headline: str, number: int) -> str:
    return profile.path.format(section=section.lower(), slug=slugify(headline), id=number, hex=scrambled(number))
