"""The simulated news web: determinism, sizes, pages over real loopback HTTP, feeds, broken sources, and
the text relations the truth promises (copies, look-alikes, independent reports)."""

from __future__ import annotations

import datetime as dt
import http.client
import itertools
import json
import re
import socket
import statistics
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from newsfold.simweb import SimWebServer, World, build_world

TODAY = dt.date(2026, 3, 10)
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
SENTENCE_END = re.compile(r'(?<=[.!?])\s+(?=["A-Z0-9])|(?<=[.!?]")\s+(?=["A-Z0-9])')
STOPWORDS = set("a an the of to in on at for by with and or but from as is was were be been has have had it its "
                "their this that these those which who would will".split())


@pytest.fixture(scope="module")
def world() -> World:
    return build_world(11, 400, today=TODAY)


@pytest.fixture(scope="module")
def server(world: World) -> Iterator[SimWebServer]:
    with SimWebServer(world) as running:
        yield running


def host_path(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.hostname or "", parts.path + (f"?{parts.query}" if parts.query else "")


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


def get(server: SimWebServer, url: str, absolute: bool = True, timeout: float = 5,
        method: str = "GET", headers: dict[str, str] | None = None) -> Reply:
    """One request, in absolute form (as Scrapy sends it through a proxy) or origin form with a Host header."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    try:
        host, path = host_path(url)
        conn.request(method, url if absolute else path, headers={"Host": f"{host}:80", **(headers or {})})
        response = conn.getresponse()
        return Reply(response.status, dict(response.getheaders()), response.read())
    finally:
        conn.close()


def originals(world: World) -> dict[str, str]:
    """story -> URL of its original report."""
    return {row.story: row.url for row in world.truth if row.kind == "original"}


def words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z]+(?:'[a-z]+)?", text)]


def content(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS]


def shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def numbers(text: str) -> set[str]:
    return set(re.findall(r"\d[\d,.]*\d|\d", text))


def names(text: str) -> set[str]:
    """Capitalised words inside sentences: names of people, places and organisations."""
    return set(re.findall(r"(?<=[a-z,] )[A-Z][a-z]+", text))


# -- building ------------------------------------------------------------------------------------------


def test_same_seed_same_world_and_bytes() -> None:
    first, second = build_world(5, 120, today=TODAY), build_world(5, 120, today=TODAY)
    assert first.truth == second.truth
    for row in first.truth[::7]:
        assert first.respond(*host_path(row.url)) == second.respond(*host_path(row.url))
    for site in first.sites:
        assert first.respond(*host_path(site.feed_url)) == second.respond(*host_path(site.feed_url))
    other = build_world(6, 120, today=TODAY)
    assert {r.url for r in other.truth} != {r.url for r in first.truth}


@pytest.mark.parametrize("size", [0, 1, 7, 50, 400])
def test_exact_article_count(size: int) -> None:
    world = build_world(3, size, today=TODAY)
    assert len(world.truth) == size
    assert len({row.url for row in world.truth}) == size


def test_mix_of_originals_wire_and_copies(world: World) -> None:
    roles = {site.domain: site.role for site in world.sites}
    wire = sum(1 for r in world.truth
               if roles[r.site] == "wire" or (roles[r.site] == "original" and r.kind != "original"))
    mirrored = sum(1 for r in world.truth if roles[r.site] == "mirror")
    own = len(world.truth) - wire - mirrored
    assert abs(own / 400 - 0.45) < 0.05 and abs(wire / 400 - 0.15) < 0.05 and abs(mirrored / 400 - 0.40) < 0.05
    assert {r.kind for r in world.truth} == {"original", "verbatim", "truncated", "spun", "paraphrase"}
    assert sum(s.role == "original" for s in world.sites) >= 6
    assert sum(s.role == "mirror" for s in world.sites) == 3 and sum(s.role == "wire" for s in world.sites) == 1
    assert all(s.domain.endswith(".test") for s in world.sites)


def test_later_batch_keeps_base_and_copies_base_stories() -> None:
    base = build_world(8, 150, today=TODAY)
    grown = build_world(8, 150, later=60, today=TODAY)
    assert grown.truth[:150] == base.truth
    for row in base.truth:
        assert grown.respond(*host_path(row.url)) == base.respond(*host_path(row.url))
    later = grown.truth[150:]
    assert len(later) == 60
    assert min(grown.published(r.url) for r in later) > max(base.published(r.url) for r in base.truth)
    base_stories = {r.story for r in base.truth}
    assert sum(r.story in base_stories and r.kind != "original" for r in later) >= 20
    assert any(r.story not in base_stories for r in later)


def test_today_moves_dates_only() -> None:
    march, june = build_world(4, 60, today=TODAY), build_world(4, 60, today=dt.date(2026, 6, 1))
    assert march.truth == june.truth
    for row in march.truth[::5]:
        assert march.body(row.url) == june.body(row.url)
        assert march.published(row.url) + dt.timedelta(days=83) == june.published(row.url)


def test_default_today_lies_in_the_past_and_covers_the_last_day() -> None:
    world = build_world(2, 200, later=10)
    now = dt.datetime.now(dt.timezone.utc)
    times = [world.published(r.url) for r in world.truth]
    assert max(times) <= now
    assert sum(now - t < dt.timedelta(hours=24) for t in times) >= 5
    assert now - min(times) < dt.timedelta(days=15)
    assert times == sorted(times)


def test_write_truth(world: World, tmp_path) -> None:
    path = tmp_path / "truth.jsonl"
    world.write_truth(path)
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(rows) == 400
    assert set(rows[0]) == {"id", "url", "story", "cluster", "event", "kind", "series", "site"}
    assert all(r["id"] == r["url"] and r["cluster"] == r["story"] for r in rows)


# -- serving -------------------------------------------------------------------------------------------


def test_every_truth_url_answers_in_both_request_forms(world: World, server: SimWebServer) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)  # one keep-alive connection
    for i, row in enumerate(world.truth):
        host, path = host_path(row.url)
        if i % 2:
            conn.request("GET", row.url)
        else:
            conn.request("GET", path, headers={"Host": f"{host}:8080"})
        response = conn.getresponse()
        body = response.read()
        assert response.status == 200, row.url
        assert response.getheader("Content-Type") == "text/html; charset=utf-8"
        assert f"<h1>{world.headline(row.url)}</h1>".encode() in body
    conn.close()


def test_head_conditional_get_and_unknowns(world: World, server: SimWebServer) -> None:
    url = world.truth[0].url
    full = get(server, url)
    head = get(server, url, method="HEAD")
    assert head.status == 200 and head.body == b"" and head.headers["Content-Length"] == str(len(full.body))
    assert get(server, url, headers={"If-None-Match": full.headers["ETag"]}).status == 304
    assert get(server, url, headers={"If-Modified-Since": full.headers["Last-Modified"]}).status == 304
    assert get(server, "http://nowhere.test/").status == 404
    assert get(server, "http://harbor-herald.test/no/such/page.html").status == 404


def test_pages_carry_each_sites_chrome(world: World) -> None:
    titles = {}
    for row in world.truth:
        html = world.respond(*host_path(row.url))[2].decode()
        titles.setdefault(row.site, re.search(r"<title>(.*?)</title>", html).group(1))
        assert "cookie" in html.lower() and '<a href="/section/' in html and 'href="/privacy"' in html
    styles = {re.sub(re.escape(world.headline(next(r.url for r in world.truth if r.site == s))), "H", t)
              for s, t in titles.items()}
    assert len(styles) == len(titles)  # every site words its <title> differently
    sample = next(r for r in world.truth if r.site == "harbor-herald.test" and r.kind == "original")
    html = world.respond(*host_path(sample.url))[2].decode()
    assert f'<link rel="canonical" href="{sample.url}">' in html and "Related posts" in html
    assert 'property="article:published_time"' in html and "By " in html


def test_mirror_canonical_policies(world: World) -> None:
    source = originals(world)
    for row in world.truth:
        html = world.respond(*host_path(row.url))[2].decode()
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
        if row.site == "headline-digest.test":
            assert canonical is None
        elif row.site == "repost-daily.test" and row.kind == "verbatim":
            assert canonical.group(1) == source[row.story]
        else:
            assert canonical.group(1) == row.url


# -- feeds, sitemaps, robots ---------------------------------------------------------------------------


def feed_items(body: bytes) -> list[tuple[str, str, str]]:
    """(link, date, summary) per entry, from RSS 2.0 or Atom."""
    root = ET.fromstring(body)
    if root.tag == "rss":
        return [(i.findtext("link"), i.findtext("pubDate"), i.findtext("description"))
                for i in root.iter("item")]
    return [(e.find(f"{ATOM}link").get("href"), e.findtext(f"{ATOM}published"), e.findtext(f"{ATOM}summary"))
            for e in root.iter(f"{ATOM}entry")]


def resolve(world: World, link: str) -> str:
    """Follow a feed link to the article URL: drop tracking parameters, follow a redirect."""
    status, headers, _ = world.respond(*host_path(link))
    if status == 301:
        return headers["Location"]
    return link.split("?utm_")[0]


def test_feeds_list_every_article_newest_first(world: World, server: SimWebServer) -> None:
    by_site = defaultdict(list)
    for row in world.truth:
        by_site[row.site].append(row.url)
    formats = set()
    for site in world.sites:
        response = get(server, site.feed_url)
        assert response.status == 200
        assert response.headers["Content-Type"] in (
            "application/rss+xml; charset=utf-8", "application/atom+xml; charset=utf-8")
        items = feed_items(response.body)
        urls = [resolve(world, link) for link, _, _ in items]
        assert urls == by_site[site.domain][::-1]
        first_url, (_, _, summary) = urls[0], items[0]
        assert summary == world.body(first_url)[0]
        formats.add(ET.fromstring(response.body).tag)
    assert formats == {"rss", f"{ATOM}feed"}


def test_news_sitemaps_and_robots(world: World, server: SimWebServer) -> None:
    for site in world.sites:
        sitemap = get(server, site.sitemap_url)
        assert sitemap.status == 200
        root = ET.fromstring(sitemap.body)
        locs = [u.findtext(f"{SITEMAP}loc") for u in root.iter(f"{SITEMAP}url")]
        assert set(locs) == {r.url for r in world.truth if r.site == site.domain}
        assert all(n.findtext(f"{NEWS}publication_date") and n.findtext(f"{NEWS}title")
                   for n in root.iter(f"{NEWS}news"))
        robots = get(server, f"http://{site.domain}/robots.txt", absolute=False)
        text = robots.body.decode()
        assert robots.headers["Content-Type"].startswith("text/plain")
        assert "Disallow: /private/" in text and f"Sitemap: {site.sitemap_url}" in text
        assert get(server, f"http://{site.domain}/").status == 200


def test_sitemap_index_lists_the_news_sitemap_and_one_archive_per_day(world: World, server: SimWebServer) -> None:
    for site in world.sites[:3]:
        index = ET.fromstring(get(server, site.sitemap_index_url).body)
        assert index.tag == f"{SITEMAP}sitemapindex"
        children = [(s.findtext(f"{SITEMAP}loc"), s.findtext(f"{SITEMAP}lastmod")) for s in index]
        assert children[0][0] == site.sitemap_url
        found, days = set(), [loc for loc, _ in children[1:]]
        assert len(days) == len(set(days)) > 5
        for loc, lastmod in children[1:]:
            urlset = ET.fromstring(get(server, loc).body)
            entries = [(u.findtext(f"{SITEMAP}loc"), u.findtext(f"{SITEMAP}lastmod")) for u in urlset]
            assert max(modified for _, modified in entries) == lastmod  # the index says when each day last changed
            assert all(modified.startswith(loc.rsplit("day-", 1)[1][:10]) for _, modified in entries)
            found.update(url for url, _ in entries)
        assert found == {r.url for r in world.truth if r.site == site.domain}
        robots = get(server, f"http://{site.domain}/robots.txt").body.decode()
        assert f"Sitemap: {site.sitemap_index_url}" in robots
    assert get(server, f"http://{world.sites[0].domain}/sitemaps/day-1999-01-01.xml").status == 404


def test_sources_of_every_kind(world: World) -> None:
    sources = world.sources(("feed", "sitemap", "section"))
    assert {s["kind"] for s in sources} == {"feed", "sitemap", "section"}
    assert len({s["name"] for s in sources}) == len(sources) == 3 * len(world.sites)
    per_site = Counter(row.site for row in world.truth)
    assert all((s["depth"] + 1) * 40 >= per_site[urlsplit(s["url"]).hostname]  # every page of the front page
               for s in sources if s["kind"] == "section")
    broken = build_world(9, 30, broken=True, today=TODAY)
    assert {s["kind"] for s in broken.sources(("sitemap",)) if "broken.test" in s["url"]} == {"sitemap"}
    assert all(s["kind"] == "feed" for s in broken.feed_sources())


def test_legacy_and_malformed_feeds_are_what_they_claim() -> None:
    from newsfold.simweb.broken import LEGACY

    world = build_world(9, 30, broken=True, today=TODAY)
    for path, encoding, _, titles in LEGACY:
        _, _, body = world.respond("broken.test", path)
        assert titles[0] in body.decode(encoding)
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
    _, _, malformed = world.respond("broken.test", "/feeds/malformed.xml")
    with pytest.raises(ET.ParseError):
        ET.fromstring(malformed)


def test_home_and_section_pages_page_through_every_article(world: World) -> None:
    for site in world.sites:
        found, path = set(), "/"
        while path:
            html = world.respond(site.domain, path)[2].decode()
            found.update(re.findall(r'<li><a href="(http[^"]+)"', html))
            older = re.search(r'rel="next" href="([^"]+)"', html)
            path = older.group(1) if older else None
        assert found == {r.url for r in world.truth if r.site == site.domain}
    business = world.respond("harbor-herald.test", "/section/business")[2].decode()
    assert "<h1>Business</h1>" in business


# -- broken sources ------------------------------------------------------------------------------------


def test_broken_sources_misbehave_as_specified() -> None:
    world = build_world(9, 30, broken=True, today=TODAY)
    sources = {s["name"]: s["url"] for s in world.feed_sources()}
    assert any(s.role == "broken" for s in world.sites)
    assert not any("broken.test" in r.url for r in world.truth)
    with SimWebServer(world) as server:
        not_xml = get(server, sources["Broken: not XML"])
        assert not_xml.status == 200 and not_xml.headers["Content-Type"].startswith("text/html")
        with pytest.raises(ET.ParseError):
            ET.fromstring(not_xml.body)
        assert get(server, sources["Broken: missing"]).status == 404
        assert get(server, sources["Broken: server error"]).status == 500
        url, seen = sources["Broken: redirect loop"], []
        for _ in range(4):
            response = get(server, url)
            assert response.status == 302
            seen.append(url)
            url = response.headers["Location"]
        assert url in seen
        links = [link for link, _, _ in feed_items(get(server, sources["Broken: bad pages"]).body)]
        assert len(links) == 6
        missing, image, empty, slow, huge, good = (get(server, link, timeout=1) if "slow" not in link else link
                                                   for link in links)
        assert huge.status == 200 and len(huge.body) > 8 * 1024 * 1024
        assert missing.status == 404
        assert image.status == 200 and image.headers["Content-Type"] == "image/png"
        assert image.body.startswith(b"\x89PNG")
        assert empty.status == 200 and empty.body == b""
        with pytest.raises((socket.timeout, TimeoutError)):
            get(server, slow, timeout=0.3)
        assert good.status == 200 and b"<h1>" in good.body


# -- text relations ------------------------------------------------------------------------------------


def test_articles_read_like_news(world: World) -> None:
    for row in world.truth:
        if row.kind == "original":
            body = world.body(row.url)
            assert 5 <= len(body) <= 10
            assert 240 <= len(words(" ".join(body))) <= 600


def test_copies_keep_their_relation_to_the_original(world: World) -> None:
    source = originals(world)
    spun_shares = []
    for row in world.truth:
        if row.kind == "original":
            continue
        original, copy = world.body(source[row.story]), world.body(row.url)
        assert world.published(row.url) > world.published(source[row.story])
        if row.kind == "verbatim":
            assert copy == original
        elif row.kind == "truncated":
            assert 1 <= len(copy) < len(original) and copy == original[:len(copy)]
            page = world.respond(*host_path(row.url))[2].decode()
            assert f'Read the full story at <a href="{source[row.story]}">' in page
        elif row.kind == "spun":
            assert len(copy) == len(original) and copy != original
            before, after = content(" ".join(original)), content(" ".join(copy))
            kept = sum((Counter(before) & Counter(after)).values())
            spun_shares.append(1 - kept / len(before))
        else:
            assert_paraphrase(original, copy)
    assert 0.45 <= statistics.mean(spun_shares) <= 0.65  # spinners swap about half the content words
    assert min(spun_shares) > 0.15


def assert_paraphrase(original: tuple[str, ...], copy: tuple[str, ...]) -> None:
    """Same content words, reworded sentences, and sentences in another order."""
    assert len(copy) == len(original) and copy != original
    assert jaccard(set(content(" ".join(original))), set(content(" ".join(copy)))) > 0.75
    sentences = [s for p in original for s in SENTENCE_END.split(p)]
    rewritten = [s for p in copy for s in SENTENCE_END.split(p)]
    assert len(set(rewritten) - set(sentences)) >= 3  # sentences reworded by rule
    positions = [max(range(len(sentences)), key=lambda i: jaccard(set(content(s)), set(content(sentences[i]))))
                 for s in rewritten]
    assert positions != sorted(positions)  # and moved


def test_lookalikes_in_a_series_differ_in_figures_and_dates(world: World) -> None:
    by_series_site = defaultdict(list)
    for row in world.truth:
        if row.series and row.kind == "original":
            by_series_site[(row.series, row.site)].append(row)
    pairs = [rows[:2] for rows in by_series_site.values() if len({r.event for r in rows}) >= 2]
    assert pairs
    similar = []
    for first, second in pairs:
        assert first.event != second.event and first.story != second.story
        a, b = " ".join(world.body(first.url)), " ".join(world.body(second.url))
        assert numbers(a) != numbers(b)
        assert world.published(first.url).date() != world.published(second.url).date() or \
            world.published(first.url) != world.published(second.url)
        similar.append(jaccard(set(content(a)), set(content(b))))
    assert statistics.mean(similar) > 0.4  # one outlet's series reports read alike


def test_independent_reports_share_facts_not_wording(world: World) -> None:
    by_event = defaultdict(list)
    for row in world.truth:
        if row.kind == "original":
            by_event[row.event].append(row)
    overlaps, shared_numbers = [], 0
    for rows in by_event.values():
        for first, second in itertools.combinations(rows, 2):
            assert first.site != second.site
            a, b = " ".join(world.body(first.url)), " ".join(world.body(second.url))
            assert len(names(a) & names(b)) >= 2  # the same people, places and organisations
            shared_numbers += bool(numbers(a) & numbers(b))
            overlaps.append(jaccard(shingles(a), shingles(b)))
    assert len(overlaps) > 20
    assert shared_numbers / len(overlaps) > 0.6
    assert statistics.mean(overlaps) < 0.12
