"""The simulated news web: build it from a seed and a size, answer requests for its pages, write its truth."""
from __future__ import annotations

import functools
import gzip
import json
import math
import pathlib
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from email.utils import format_datetime
from urllib.parse import parse_qs, urlsplit

from . import rewrite
from .broken import DOMAIN as BROKEN_DOMAIN
from .broken import SITE as BROKEN_SITE
from .broken import BrokenSite
from .events import BY_NAME
from .feeds import Entry, atom, news_sitemap, plain_sitemap, robots, rss, sitemap_index
from .grammar import write_report
from .planner import DAY, HOUR, MINUTE, SPIN_RATE, Article, Ids, Ledger, Planner, Roster, finish, voice
from .seeds import derive, stream
from .sites import MIRROR, PARAPHRASE, PROFILES, SPUN, TRUNCATED, VERBATIM, Profile, Site
from .templates import THEMES, Page, render_article, render_listing

HTML = "text/html; charset=utf-8"
FEED_TYPES = {"rss": "application/rss+xml; charset=utf-8", "atom": "application/atom+xml; charset=utf-8"}
BASE_SPAN = 14 * DAY
#: A bigger web spans more days, so that its recurring series (a dozen countries' daily closes) can
#: keep their occurrences a day apart: at most this many base articles a day.
ARTICLES_PER_DAY = 600
LATER_SPAN = 3 * HOUR  # later articles appear in the last hours of the timeline, after every base article
UTM = "?utm_source=rss&utm_medium=feed&utm_campaign=latest"
LISTING_SIZE = 40
DAY_SITEMAP = "/sitemaps/day-"
SECTIONS = {t.section.lower() for t in BY_NAME.values()}
Response = tuple[int, dict[str, str], bytes]


@dataclass(frozen=True)
class TruthRow:
    url: str
    story: str
    event: str
    kind: str  # original | verbatim | truncated | spun | paraphrase
    series: str | None
    site: str

    def as_json(self) -> dict[str, str | None]:
        return {"id": self.url, "url": self.url, "story": self.story, "cluster": self.story, "event": self.event,
                "kind": self.kind, "series": self.series, "site": self.site}


@dataclass
class _SiteIndex:
    profile: Profile
    articles: list[Article]  # publication order
    base: list[Article]
    by_path: dict[str, Article]


def timeline_end(today: date | None) -> datetime:
    """The last moment of the timeline: 23:00 UTC on `today`, or the start of the current hour by default,
    so that with the default every timestamp lies in the past."""
    if today is None:
        return datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
    return datetime.combine(today, time(23, 0), tzinfo=timezone.utc)


class World:
    """A built simulated web. Pages are rendered when requested; only small records are kept."""

    def __init__(self, seed: int, roster: Roster, articles: list[Article], base_count: int, end: datetime,
                 broken: BrokenSite | None) -> None:
        self.seed, self.end, self.base_count = seed, end, base_count
        self._roster, self._articles, self._broken = roster, articles, broken
        self.sites: list[Site] = [p.site for p in PROFILES] + ([BROKEN_SITE] if broken else [])
        self.truth: list[TruthRow] = [
            TruthRow(a.url, a.story, a.event.id, a.kind, a.event.series, a.profile.site.domain) for a in articles]
        self._index = {p.site.domain: _SiteIndex(p, [], [], {}) for p in PROFILES}
        self._by_url: dict[str, Article] = {}
        for a in articles:
            index = self._index[a.profile.site.domain]
            index.articles.append(a)
            if a.idx < base_count:
                index.base.append(a)
            index.by_path[a.path] = a
            self._by_url[a.url] = a
        self._facts = functools.lru_cache(maxsize=4096)(lambda event: event.facts())
        self._body = functools.lru_cache(maxsize=4096)(self._compute_body)
        self._sources: dict[tuple[str, str], bytes] = {}

    # -- public API -----------------------------------------------------------------------------------

    def respond(self, host: str, path: str) -> Response:
        """Status, headers and body for a GET of `path` on `host` (a `:port` is ignored)."""
        host = host.lower().split(":")[0]
        if self._broken and host == BROKEN_DOMAIN:
            return self._broken.respond(path)
        index = self._index.get(host)
        if index is None:
            return 404, {"Content-Type": "text/plain; charset=utf-8"}, b"Unknown host\n"
        return self._respond_site(index, path or "/")

    def feed_sources(self) -> list[dict[str, str]]:
        return self.sources(("feed",))

    def sources(self, kinds: tuple[str, ...] = ("feed",)) -> list[dict[str, str]]:
        """`[[sources]]` entries for every outlet, one per kind asked for (feed, sitemap, section), and
        the broken site's misbehaving sources of those kinds."""
        sources = [p.site.source(kind) for kind in kinds for p in PROFILES]
        if "section" in kinds:
            pages = max((len(index.articles) for index in self._index.values()), default=0) // LISTING_SIZE + 1
            sources = [dict(s, depth=pages) if s["kind"] == "section" else s for s in sources]
        return sources + (self._broken.sources(kinds) if self._broken else [])

    def write_truth(self, path: pathlib.Path) -> None:
        with open(path, "w", encoding="utf-8") as fh:
            for row in self.truth:
                fh.write(json.dumps(row.as_json()) + "\n")

    def body(self, url: str) -> tuple[str, ...]:
        """The article's text at `url`, one string per paragraph: extraction ground truth. The page adds chrome
        around it and, on some sites, an inline insert, a "Read the full story" teaser link or a source credit."""
        return self._body(self._by_url[url])

    def headline(self, url: str) -> str:
        return self._by_url[url].headline

    def published(self, url: str) -> datetime:
        return self._time(self._by_url[url])

    # -- text -----------------------------------------------------------------------------------------

    def _time(self, article: Article) -> datetime:
        return self.end + timedelta(seconds=article.t)

    def _report(self, article: Article, limit: int | None) -> tuple[str, ...]:
        facts = self._facts(article.event)
        return write_report(article.event.etype, facts, voice(self._roster, article, facts), limit).paragraphs

    def _compute_body(self, article: Article) -> tuple[str, ...]:
        if article.source is None:
            return self._report(article, None)
        source = self._body(article.source)
        rng = random.Random(article.seed)
        if article.kind == TRUNCATED:
            return tuple(rewrite.truncate(source, rng))
        if article.kind == SPUN:
            return tuple(rewrite.spin(p, rng, SPIN_RATE) for p in source)
        if article.kind == PARAPHRASE:
            return tuple(rewrite.paraphrase(source, rng))
        return source

    def _lead(self, article: Article) -> str:
        """The first paragraph alone, cheaply: a feed needs thousands of them."""
        if article.source is None:
            return self._report(article, 1)[0]
        lead = self._lead(article.source)
        if article.kind == SPUN:
            return rewrite.spin(lead, random.Random(article.seed), SPIN_RATE)
        if article.kind == PARAPHRASE:
            return rewrite.paraphrase([lead], random.Random(article.seed))[0]
        return lead

    # -- pages ----------------------------------------------------------------------------------------

    def _respond_site(self, index: _SiteIndex, path: str) -> Response:
        site = index.profile.site
        clean = path.split("#")[0].split("?")[0]
        if clean in ("/", "/index.html") or clean.startswith("/section/"):
            return self._listing(index, clean, path)
        if clean == "/robots.txt":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, robots(site)
        if clean == urlsplit(site.feed_url).path:
            return self._source(index, "feed", FEED_TYPES[site.feed_format])
        if clean == "/news-sitemap.xml":
            return self._source(index, "sitemap", "application/xml; charset=utf-8")
        if clean == "/news-sitemap.xml.gz":  # the same, as the static file many sites serve
            status, headers, body = self._source(index, "sitemap", "application/xml; charset=utf-8")
            return status, dict(headers, **{"Content-Type": "application/gzip"}), gzip.compress(body, mtime=0)
        if clean == urlsplit(site.sitemap_index_url).path:
            return self._sitemap_index(index)
        if clean.startswith(DAY_SITEMAP) and clean.endswith(".xml"):
            return self._day_sitemap(index, clean.removeprefix(DAY_SITEMAP).removesuffix(".xml"))
        if index.profile.feed_links == "redirect" and clean.startswith("/go/"):
            target = self._by_number(index, clean.removeprefix("/go/"))
            if target:
                return 301, {"Content-Type": HTML, "Location": target.url}, b""
        article = index.by_path.get(path) or index.by_path.get(clean)
        if article is None:
            page = render_listing(THEMES[site.domain], site, "Page not found", [])
            return 404, {"Content-Type": HTML}, page.encode()
        headers = {"Content-Type": HTML, "Last-Modified": format_datetime(self._time(article), usegmt=True)}
        return 200, headers, render_article(THEMES[site.domain], self._page(index, article)).encode()

    def _listing(self, index: _SiteIndex, clean: str, path: str) -> Response:
        """The home page (every article) or a section page, newest first, LISTING_SIZE a page."""
        site = index.profile.site
        section = clean.removeprefix("/section/").strip("/") if clean.startswith("/section/") else ""
        articles = [a for a in reversed(index.articles)
                    if section not in SECTIONS or a.event.etype.section.lower() == section]
        page_arg = parse_qs(urlsplit(path).query).get("page", ["1"])[0]
        page = int(page_arg) if page_arg.isdigit() and int(page_arg) > 0 else 1
        chunk = articles[(page - 1) * LISTING_SIZE:page * LISTING_SIZE]
        if page > 1 and not chunk:
            return 404, {"Content-Type": HTML}, render_listing(THEMES[site.domain], site, "Page not found", []).encode()
        more = f"{clean}?page={page + 1}" if page * LISTING_SIZE < len(articles) else None
        heading = section.title() if section else "Latest news"
        items = [(a.url, a.headline, self._time(a)) for a in chunk]
        return 200, {"Content-Type": HTML}, render_listing(THEMES[site.domain], site, heading, items, more).encode()

    def _by_number(self, index: _SiteIndex, number: str) -> Article | None:
        if not number.isdigit() or not 0 <= int(number) - 10_000 < len(self._articles):
            return None
        article = self._articles[int(number) - 10_000]
        return article if article.profile is index.profile else None

    def _page(self, index: _SiteIndex, article: Article) -> Page:
        source = article.source
        profile = index.profile
        canonical: str | None = article.url
        read_more = credit = None
        if source is not None and profile.site.role == MIRROR:
            if profile.canonical == "none":
                canonical = None
            elif profile.canonical == "source" and article.kind == VERBATIM:
                canonical = source.url
            if article.kind == TRUNCATED:
                read_more = (source.profile.site.name, source.url)
            if profile.credit:
                credit = (profile.credit.format(name=source.profile.site.name), source.url)
        elif source is not None:
            credit = (f"Distributed by {source.profile.site.name}", source.url)
        body = self._body(article)
        return Page(profile.site, article.url, article.headline, article.event.etype.section, self._time(article),
                    article.authors, body, body[0], canonical, self._related(index, article), read_more, credit)

    def _related(self, index: _SiteIndex, article: Article) -> list[tuple[str, str]]:
        """Other base articles of the site, so base pages never depend on the later batch."""
        others = index.base
        rng = random.Random(derive(article.seed, "related"))
        picks = rng.sample(range(len(others)), min(6, len(others)))
        return [(others[i].url, others[i].headline) for i in picks if others[i] is not article][:5]

    def _source(self, index: _SiteIndex, kind: str, content_type: str) -> Response:
        site = index.profile.site
        key = (site.domain, kind)
        if key not in self._sources:
            entries = [self._entry(index.profile, a, summary=kind == "feed") for a in reversed(index.articles)]
            if kind == "sitemap":
                self._sources[key] = news_sitemap(site, entries)
            elif site.feed_format == "atom":
                self._sources[key] = atom(site, entries, self.end)
            else:
                self._sources[key] = rss(site, entries, permalink_guids=index.profile.feed_links == "plain")
        headers = {"Content-Type": content_type}
        if index.articles:
            headers["Last-Modified"] = format_datetime(self._time(index.articles[-1]), usegmt=True)
        return 200, headers, self._sources[key]

    def _days(self, index: _SiteIndex) -> dict[str, list[Article]]:
        """The site's articles by UTC day of publication, newest first within a day."""
        days: dict[str, list[Article]] = {}
        for article in reversed(index.articles):
            days.setdefault(self._time(article).date().isoformat(), []).append(article)
        return days

    def _sitemap_index(self, index: _SiteIndex) -> Response:
        """The news sitemap and one archive sitemap per day, each with the time of its newest article."""
        site = index.profile.site
        days = self._days(index)
        children = [(site.sitemap_url, self._time(index.articles[-1]))] if index.articles else []
        children += [(f"http://{site.domain}{DAY_SITEMAP}{day}.xml", self._time(articles[0]))
                     for day, articles in days.items()]
        return 200, {"Content-Type": "application/xml; charset=utf-8"}, sitemap_index(children)

    def _day_sitemap(self, index: _SiteIndex, day: str) -> Response:
        articles = self._days(index).get(day)
        if not articles:
            site = index.profile.site
            return 404, {"Content-Type": HTML}, render_listing(THEMES[site.domain], site, "Page not found", []).encode()
        entries = [self._entry(index.profile, a, summary=False) for a in articles]
        headers = {"Content-Type": "application/xml; charset=utf-8",
                   "Last-Modified": format_datetime(self._time(articles[0]), usegmt=True)}
        return 200, headers, plain_sitemap(entries)

    def _entry(self, profile: Profile, article: Article, summary: bool) -> Entry:
        number = 10_000 + article.idx
        link = {"plain": article.url, "utm": article.url + UTM,
                "redirect": f"http://{profile.site.domain}/go/{number}"}[profile.feed_links]
        guid = f"tag:{profile.site.domain},2020:{number}"
        return Entry(article.headline, link, guid, self._time(article), article.authors,
                     self._lead(article) if summary else "", article.url)


def build_world(seed: int, articles: int, later: int = 0, today: date | None = None, broken: bool = False) -> World:
    """Generate the web: `articles` base articles over 14 days (more for a web of over 8,400 articles: at
    most 600 a day) ending at `today`, then `later` more.

    The base batch is identical whatever `later` is; at least a third of the later articles are mirror
    copies or wire carriers of base stories, the rest new events and their copies.
    """
    end = timeline_end(today)
    roster = Roster.build(seed, articles)
    stories, events, ledger = Ids("s"), Ids("e"), Ledger()
    span = max(BASE_SPAN, math.ceil(articles / ARTICLES_PER_DAY) * DAY)
    base = Planner(roster, stream(seed, "base"), -span, -LATER_SPAN, ledger, stories, events).plan(articles)
    finish(roster, base, 0)
    batch = list(base)
    if later:
        quota = min(later, max(math.ceil(later / 3), round(0.4 * later)))
        recent = ledger.recent(-LATER_SPAN - 2 * DAY)  # copies follow their original within two days
        if 3 * len(recent.copyable) < quota:  # a small base has too few recent originals
            recent = ledger.recent(-span)
        planner = Planner(roster, stream(seed, "later"), -LATER_SPAN + MINUTE, 0, recent, stories, events)
        planner.plan_copies_of(quota)
        added = planner.plan(later)
        finish(roster, added, len(base))
        batch += added
    return World(seed, roster, batch, len(base), end, BrokenSite(seed, end) if broken else None)
