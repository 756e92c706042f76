"""What the spiders read out of bytes: sitemaps with their news fields, a page's declared feeds."""

from __future__ import annotations

from scrapy.http import HtmlResponse

from newsfold.spiders.discover import feed_links
from newsfold.spiders.sitemaps import SitemapEntry, read_sitemap

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <image:image><image:loc>https://news.test/img/storm.jpg</image:loc></image:image>
    <loc>https://news.test/2026/12/01/storm</loc>
    <news:news>
      <news:publication><news:name>News</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2026-12-01T06:30:00+01:00</news:publication_date>
      <news:title>Storm &amp; flood</news:title>
    </news:news>
  </url>
  <url><loc>https://news.test/2026/11/30/older</loc><lastmod>2026-11-30</lastmod></url>
  <url><lastmod>2026-11-30</lastmod></url>
</urlset>"""


def test_news_fields_are_kept_and_an_images_loc_is_not_the_articles() -> None:
    reading = read_sitemap(NEWS_SITEMAP)
    assert reading.kind == "urlset"
    assert reading.entries == (
        SitemapEntry("https://news.test/2026/12/01/storm", None, "2026-12-01T06:30:00+01:00", "Storm & flood"),
        SitemapEntry("https://news.test/2026/11/30/older", "2026-11-30"),
    )


def test_an_index_and_things_that_are_not_sitemaps() -> None:
    index = read_sitemap(b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
                         b"<loc>https://news.test/s1.xml</loc><lastmod>2026-12-01</lastmod></sitemap></sitemapindex>")
    assert index.kind == "sitemapindex" and index.entries == (SitemapEntry("https://news.test/s1.xml", "2026-12-01"),)
    for body in (b"", b"<html><body>Not here</body></html>", b"\x1f\x8b\x08garbage", b'<rss version="2.0"/>'):
        assert read_sitemap(body).kind == ""


def test_entities_are_not_expanded() -> None:
    body = (b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://n.test/&x;</loc></url>'
            b"</urlset>")
    assert all("root:" not in e.loc for e in read_sitemap(body).entries)


def test_a_pages_declared_feeds() -> None:
    html = b"""<html><head>
      <link rel="alternate" type="application/rss+xml" title="All news" href="/rss.xml">
      <link rel="alternate" type="application/atom+xml; charset=utf-8" href="https://news.test/atom">
      <link rel="alternate" hreflang="de" href="/de/">
      <link rel="stylesheet" type="text/css" href="/a.css">
    </head><body><a rel="alternate" type="application/rss+xml" href="sport.xml">Sport</a></body></html>"""
    page = HtmlResponse("https://news.test/world/", body=html, encoding="utf-8")
    assert feed_links(page) == [("https://news.test/rss.xml", "All news"), ("https://news.test/atom", ""),
                                ("https://news.test/world/sport.xml", "")]
