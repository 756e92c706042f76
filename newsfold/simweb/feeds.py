"""Machine-readable sources each site serves: RSS 2.0 or Atom 1.0 feed, Google News sitemap, a sitemap index
over it and one plain sitemap per day, robots.txt."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape, quoteattr

from .sites import Site


@dataclass(frozen=True)
class Entry:
    title: str
    link: str  # the URL as the feed publishes it (may carry tracking parameters or go through a redirect)
    guid: str
    published: datetime
    authors: tuple[str, ...]
    summary: str
    url: str  # the article's own URL, for the sitemap


def _iso(t: datetime) -> str:
    return t.isoformat().replace("+00:00", "Z")


def rss(site: Site, entries: Sequence[Entry], permalink_guids: bool) -> bytes:
    """RSS 2.0, newest first; authors as dc:creator, guids either the URL or an opaque id."""
    updated = entries[0].published if entries else None
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
           "<channel>", f"<title>{escape(site.name)}</title>", f"<link>http://{site.domain}/</link>",
           f"<description>Latest news from {escape(site.name)}</description>", "<language>en</language>",
           f'<atom:link href={quoteattr(site.feed_url)} rel="self" type="application/rss+xml"/>']
    if updated:
        out.append(f"<lastBuildDate>{format_datetime(updated, usegmt=True)}</lastBuildDate>")
    for e in entries:
        guid = f"<guid>{escape(e.link)}</guid>" if permalink_guids else \
            f'<guid isPermaLink="false">{escape(e.guid)}</guid>'
        creators = "".join(f"<dc:creator>{escape(a)}</dc:creator>" for a in e.authors)
        out.append(f"<item><title>{escape(e.title)}</title><link>{escape(e.link)}</link>{guid}"
                   f"<pubDate>{format_datetime(e.published, usegmt=True)}</pubDate>{creators}"
                   f"<description>{escape(e.summary)}</description></item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out).encode()


def atom(site: Site, entries: Sequence[Entry], generated: datetime) -> bytes:
    """Atom 1.0, newest first; `generated` stands in for `updated` when the site has no entries."""
    updated = entries[0].published if entries else generated
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"<title>{escape(site.name)}</title>", f"<id>tag:{site.domain},2020:feed</id>",
           f"<updated>{_iso(updated)}</updated>", f'<link rel="self" href={quoteattr(site.feed_url)}/>',
           f'<link rel="alternate" href="http://{site.domain}/"/>']
    for e in entries:
        authors = "".join(f"<author><name>{escape(a)}</name></author>" for a in e.authors)
        out.append(f"<entry><title>{escape(e.title)}</title><link rel=\"alternate\" href={quoteattr(e.link)}/>"
                   f"<id>{escape(e.guid)}</id><published>{_iso(e.published)}</published>"
                   f"<updated>{_iso(e.published)}</updated>{authors}"
                   f"<summary>{escape(e.summary)}</summary></entry>")
    out += ["</feed>", ""]
    return "\n".join(out).encode()


def news_sitemap(site: Site, entries: Sequence[Entry]) -> bytes:
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">']
    for e in entries:
        out.append(f"<url><loc>{escape(e.url)}</loc><news:news><news:publication><news:name>{escape(site.name)}"
                   "</news:name><news:language>en</news:language></news:publication>"
                   f"<news:publication_date>{_iso(e.published)}</news:publication_date>"
                   f"<news:title>{escape(e.title)}</news:title></news:news></url>")
    out += ["</urlset>", ""]
    return "\n".join(out).encode()


def sitemap_index(children: Sequence[tuple[str, datetime]]) -> bytes:
    """A sitemap index of (url, lastmod) children: how sites split an archive of thousands of URLs."""
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    out += [f"<sitemap><loc>{escape(url)}</loc><lastmod>{_iso(lastmod)}</lastmod></sitemap>"
            for url, lastmod in children]
    out += ["</sitemapindex>", ""]
    return "\n".join(out).encode()


def plain_sitemap(entries: Sequence[Entry]) -> bytes:
    """A sitemap without news fields: `loc` and `lastmod` only, as archive sitemaps are."""
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    out += [f"<url><loc>{escape(e.url)}</loc><lastmod>{_iso(e.published)}</lastmod></url>" for e in entries]
    out += ["</urlset>", ""]
    return "\n".join(out).encode()


def robots(site: Site) -> bytes:
    return (f"User-agent: *\nDisallow: /private/\nAllow: /\n\nSitemap: {site.sitemap_url}\n"
            f"Sitemap: {site.sitemap_index_url}\n").encode()
