"""broken.test: a site whose sources misbehave, so the crawler's error handling can be tested.

Its pages are not in the truth. The one good article is written by the same grammar as the rest of the
web, about an event of its own.
"""
from __future__ import annotations

import functools
import itertools
import random
import struct
import time
import zlib
from datetime import datetime, timedelta

from .events import ONE_OFF
from .feeds import Entry, news_sitemap, robots, rss
from .grammar import LAYOUTS, Voice, write_report
from .seeds import derive, stream
from .sites import BROKEN, Site
from .templates import THEMES, Page, render_article, render_listing

DOMAIN = "broken.test"
HTML = "text/html; charset=utf-8"
Response = tuple[int, dict[str, str], bytes]

SITE = Site(DOMAIN, "Broken Test Site", BROKEN, f"http://{DOMAIN}/feeds/bad-pages.xml", "rss",
            f"http://{DOMAIN}/news-sitemap.xml")

SOURCES = (
    ("Broken: not XML", "/feeds/not-xml.xml", "feed"),
    ("Broken: missing", "/feeds/missing.xml", "feed"),
    ("Broken: server error", "/feeds/error.xml", "feed"),
    ("Broken: redirect loop", "/feeds/loop-a.xml", "feed"),
    ("Broken: bad pages", "/feeds/bad-pages.xml", "feed"),
    ("Broken: malformed XML", "/feeds/malformed.xml", "feed"),
    ("Broken: wrong declared encoding", "/feeds/wrong-encoding.xml", "feed"),
    ("Legacy: windows-1251", "/feeds/cp1251.xml", "feed"),
    ("Legacy: ISO-8859-1", "/feeds/latin1.xml", "feed"),
    ("Busy: rate limited", "/feeds/busy.xml", "feed"),
    ("Broken: sitemap not XML", "/sitemaps/not-xml.xml", "sitemap"),
    ("Broken: section missing", "/section/gone", "section"),
)

# The bad-pages feed links these, in this order.
BAD_PAGES = ("/articles/missing.html", "/articles/image.html", "/articles/empty.html", "/articles/slow.html",
             "/articles/huge.html", "/articles/good.html")

#: Titles of the feeds in legacy encodings: (path, encoding, declared in the HTTP header?, titles).
#: Only a right reading of the bytes gives these strings back.
LEGACY = (
    ("/feeds/cp1251.xml", "windows-1251", True, ("Шторм закрыл северный порт", "Паром «Заря» вернулся в гавань")),
    ("/feeds/latin1.xml", "iso-8859-1", False, ("Überschwemmung: Fähre fällt aus", "Café « Le Phare » rouvre")),
    # Declared as UTF-8 in both header and XML, written in windows-1252: a common CMS misconfiguration.
    ("/feeds/wrong-encoding.xml", "windows-1252", False, ("The café’s “résumé” — a correction",)),
)
#: Larger than newsfold's DOWNLOAD_MAXSIZE (8 MiB), so the crawler must give up on it.
HUGE_PAGE_BYTES = 9 * 1024 * 1024


def _png() -> bytes:
    """A valid 1x1 PNG, built here rather than stored."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x80\x00")) + \
        chunk(b"IEND", b"")


@functools.cache
def _huge_page() -> bytes:
    """An HTML page past the download size limit (a runaway comment thread, an inlined video)."""
    filler = b"<p>" + b"All work and no play. " * 40 + b"</p>\n"
    return b"<!DOCTYPE html><html><body>" + filler * (HUGE_PAGE_BYTES // len(filler) + 1) + b"</body></html>"


class BrokenSite:
    """Answers for broken.test. `delay` is how long the slow page sleeps (in the handler's thread)."""

    delay = 5.0

    def __init__(self, seed: int, end: datetime) -> None:
        self.end = end
        self.busy = itertools.count()  # the rate-limited feed refuses every other request
        self.pages = {path: self._article(seed, path, hours) for path, hours in
                      (("/articles/good.html", 5), ("/articles/slow.html", 4))}

    def _article(self, seed: int, path: str, hours_ago: int) -> tuple[Page, str]:
        rng = stream(seed, "broken", path)
        etype = rng.choice(ONE_OFF)
        facts = etype.facts(random.Random(rng.getrandbits(64)), None, 0)
        voice = Voice(0, derive(seed, "broken-pools", path), derive(seed, "broken-phrases", path), LAYOUTS[0], "",
                      SITE.name)
        report = write_report(etype, facts, voice)
        url = f"http://{DOMAIN}{path}"
        page = Page(SITE, url, report.headline, etype.section, self.end - timedelta(hours=hours_ago),
                    ("Staff Reporter",), report.paragraphs, report.paragraphs[0], url)
        return page, render_article(THEMES[DOMAIN], page)

    def sources(self, kinds: tuple[str, ...] = ("feed",)) -> list[dict[str, str]]:
        return [{"name": name, "url": f"http://{DOMAIN}{path}", "kind": kind} for name, path, kind in SOURCES
                if kind in kinds]

    def _feed(self) -> bytes:
        good = self.pages["/articles/good.html"][0]
        entries = [Entry(f"Item {i}: {good.headline}" if path != "/articles/good.html" else good.headline,
                         f"http://{DOMAIN}{path}", f"broken-{i}", self.end - timedelta(hours=1 + i),
                         ("Staff Reporter",), good.description, f"http://{DOMAIN}{path}")
                   for i, path in enumerate(BAD_PAGES)]
        return rss(SITE, entries, permalink_guids=True)

    def _legacy_feed(self, encoding: str, titles: tuple[str, ...]) -> bytes:
        """An RSS feed of the good page under non-ASCII titles, written in `encoding` (the XML declaration
        names it, unless the feed is the wrongly declared one, which says utf-8)."""
        good = self.pages["/articles/good.html"][0]
        entries = [Entry(title, good.url, f"legacy-{i}", self.end - timedelta(hours=2 + i), ("Staff Reporter",),
                         title, good.url) for i, title in enumerate(titles)]
        declared = "utf-8" if encoding == "windows-1252" else encoding
        text = rss(SITE, entries, permalink_guids=True).decode()
        return text.replace('encoding="utf-8"', f'encoding="{declared}"', 1).encode(encoding)

    def _good_feed(self) -> bytes:
        """A well-formed feed of the good page alone."""
        good = self.pages["/articles/good.html"][0]
        entry = Entry(good.headline, good.url, "good-0", good.published, good.authors, good.description, good.url)
        return rss(SITE, [entry], permalink_guids=True)

    def _malformed_feed(self) -> bytes:
        """The good page's feed with an unescaped ampersand and its closing tags cut off: not XML, but
        a loose parser still reads its item."""
        text = self._good_feed().decode()
        text = text.replace("<title>Broken Test Site</title>", "<title>Broken & Test Site</title>")
        return text.removesuffix("</channel>\n</rss>\n").encode()

    def respond(self, path: str) -> Response:
        path = path.split("?")[0]
        if path in ("/", "/index.html"):
            items = [(p.url, p.headline, p.published) for p, _ in self.pages.values()]
            return 200, {"Content-Type": HTML}, render_listing(THEMES[DOMAIN], SITE, "Latest", items).encode()
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, robots(SITE)
        if path == "/news-sitemap.xml":
            good = self.pages["/articles/good.html"][0]
            entry = Entry(good.headline, good.url, good.url, good.published, good.authors, "", good.url)
            return 200, {"Content-Type": "application/xml; charset=utf-8"}, news_sitemap(SITE, [entry])
        if path == "/feeds/bad-pages.xml":
            return 200, {"Content-Type": "application/rss+xml; charset=utf-8"}, self._feed()
        if path == "/feeds/busy.xml":
            if next(self.busy) % 2 == 0:
                return 429, {"Content-Type": "text/plain; charset=utf-8", "Retry-After": "1"}, b"Too Many Requests\n"
            return 200, {"Content-Type": "application/rss+xml; charset=utf-8"}, self._good_feed()
        if path == "/feeds/malformed.xml":
            return 200, {"Content-Type": "application/rss+xml; charset=utf-8"}, self._malformed_feed()
        for legacy_path, encoding, in_header, titles in LEGACY:
            if path == legacy_path:
                charset = "utf-8" if encoding == "windows-1252" else encoding
                kind = f"application/rss+xml; charset={charset}" if in_header or charset == "utf-8" else \
                    "application/rss+xml"  # no charset: the XML declaration decides
                return 200, {"Content-Type": kind}, self._legacy_feed(encoding, titles)
        if path == "/sitemaps/not-xml.xml":
            return 200, {"Content-Type": HTML}, render_listing(THEMES[DOMAIN], SITE, "Sitemap", []).encode()
        if path == "/articles/huge.html":
            return 200, {"Content-Type": HTML}, _huge_page()
        if path == "/feeds/not-xml.xml":
            page = render_listing(THEMES[DOMAIN], SITE, "Our feeds have moved", [])
            return 200, {"Content-Type": HTML}, page.encode()
        if path == "/feeds/error.xml":
            return 500, {"Content-Type": "text/plain; charset=utf-8"}, b"Internal Server Error\n"
        if path in ("/feeds/loop-a.xml", "/feeds/loop-b.xml"):
            other = "/feeds/loop-b.xml" if path.endswith("a.xml") else "/feeds/loop-a.xml"
            return 302, {"Content-Type": HTML, "Location": f"http://{DOMAIN}{other}"}, b""
        if path == "/articles/image.html":
            return 200, {"Content-Type": "image/png"}, _png()
        if path == "/articles/empty.html":
            return 200, {"Content-Type": HTML}, b""
        if path == "/articles/slow.html":
            time.sleep(self.delay)
        if path in self.pages:
            return 200, {"Content-Type": HTML}, self.pages[path][1].encode()
        return 404, {"Content-Type": HTML}, render_listing(THEMES[DOMAIN], SITE, "Page not found", []).encode()
