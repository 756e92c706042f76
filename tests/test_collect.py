"""Collection end to end: each spider kind over the simulated web, conditional GET on a second run,
one article per URL whatever form it is linked in, max age, broken sources of every kind, the lock."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import ROOT, Web, module_web, newsfold

SEED, ARTICLES = "3", "90"


def stored(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [url for (url,) in conn.execute("SELECT url FROM articles")]


def last_stats(db: Path, spider: str) -> dict:
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT stats FROM runs WHERE spider = ? ORDER BY id DESC LIMIT 1", [spider]).fetchone()
    return json.loads(row[0])


def sources_table(db: Path) -> dict[str, dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return {row["name"]: dict(row) for row in conn.execute("SELECT * FROM sources")}


web = module_web("collect", "--seed", SEED, "--articles", ARTICLES, "--broken")


def crawl(web: Web, name: str, sources: list[dict], db: Path, *args: str) -> subprocess.CompletedProcess:
    result = newsfold("crawl", "--config", str(web.config(name, sources)), "--db", str(db), *args)
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.parametrize("kind", ["sitemap", "section"])
def test_each_spider_kind_collects_every_article(web: Web, tmp_path: Path, kind: str) -> None:
    db = tmp_path / "news.db"
    result = crawl(web, kind, web.site_sources(kind, max_age="60d"), db)
    urls = stored(db)
    assert sorted(urls) == sorted(row["url"] for row in web.truth())
    assert result.stderr == ""  # healthy sources: not one warning
    assert f"{len(urls)} new articles" in result.stdout


@pytest.mark.parametrize("path", ["/robots.txt", "/news-sitemap.xml.gz"])
def test_a_sitemap_source_may_be_a_robots_txt_or_gzipped(web: Web, tmp_path: Path, path: str) -> None:
    db = tmp_path / "news.db"
    source = {"name": "Herald", "url": f"http://harbor-herald.test{path}", "kind": "sitemap", "max_age": "60d"}
    result = crawl(web, "one", [source], db)
    assert result.stderr == ""
    assert sorted(stored(db)) == sorted(row["url"] for row in web.truth() if row["site"] == "harbor-herald.test")


def test_sitemap_max_age_skips_old_entries_and_whole_archive_sitemaps(web: Web, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    crawl(web, "recent", web.site_sources("sitemap", max_age="3d"), db)
    stats = last_stats(db, "sitemaps")
    assert stats["sitemaps/too_old"] > 0
    with sqlite3.connect(db) as conn:
        published = [p for (p,) in conn.execute("SELECT published FROM articles")]
    assert 0 < len(published) < len(web.truth())
    # Some outlets' pages give only the day of publication: compare days.
    cutoff = (datetime.now(timezone.utc) - timedelta(days=3, hours=1)).date()
    assert all(datetime.fromisoformat(p).astimezone(timezone.utc).date() >= cutoff for p in published)
    # The index lists one archive sitemap per day of the 14-day timeline: the old ones are not fetched.
    fetched_sitemaps = stats["sitemaps/urlset"]
    assert fetched_sitemaps <= 10 * (1 + 4)  # per site: the news sitemap and at most 4 recent days


def test_every_kind_at_once_stores_each_article_once_and_a_second_run_gets_304s(web: Web, tmp_path: Path) -> None:
    """The Daily Meridian's feed links with utm_* parameters and Repost Daily's through a redirect, the
    sitemaps and front pages link the plain URLs: one article each."""
    db = tmp_path / "news.db"
    sources = [*web.site_sources("feed"), *web.site_sources("sitemap", max_age="60d"), *web.site_sources("section")]
    crawl(web, "all", sources, db)
    urls = stored(db)
    assert len(urls) == len(set(urls)) == len(web.truth())
    with sqlite3.connect(db) as conn:
        aliases = [u for (u,) in conn.execute("SELECT url FROM urls WHERE url LIKE '%/go/%'")]
    assert aliases  # the redirecting feed links are remembered, so they are not fetched again

    second = crawl(web, "all", sources, db)
    assert "0 new articles" in second.stdout
    feeds, sitemaps = last_stats(db, "feeds"), last_stats(db, "sitemaps")
    assert feeds["feeds/conditional_requests"] == feeds["feeds/not_modified"] == 10
    assert sitemaps["sitemaps/not_modified"] == 10
    assert last_stats(db, "sections")["sections/not_modified"] == 10
    assert "feeds/entries" not in feeds and "sitemaps/entries" not in sitemaps  # a 304 costs no parsing
    assert "30 sources unchanged" in second.stdout


BROKEN = [  # (source, kind, fatal, what its one warning says)
    ("Broken: not XML", "feed", True, "not a feed"),
    ("Broken: malformed XML", "feed", False, "malformed feed"),
    ("Broken: wrong declared encoding", "feed", False, "declared as utf-8"),
    ("Broken: server error", "feed", True, "HTTP 500"),
    ("Broken: redirect loop", "feed", True, "redirect"),
    ("Broken: sitemap not XML", "sitemap", True, "not a sitemap"),
    ("Broken: section missing", "section", True, "HTTP 404"),
]


@pytest.fixture(scope="module")
def broken_crawl(web: Web, tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("broken") / "news.db"
    from newsfold.simweb.broken import SOURCES

    broken = [{"name": name, "url": f"http://broken.test{path}", "kind": kind} for name, path, kind in SOURCES]
    good = web.site_sources("feed")[:2]
    result = crawl(web, "broken", [*good, *broken], db)
    return db, result, web.truth()


@pytest.mark.parametrize("name, kind, fatal, error", BROKEN)
def test_each_broken_source_costs_one_warning_and_a_recorded_error(broken_crawl, name, kind, fatal, error) -> None:
    db, result, _ = broken_crawl
    lines = [line for line in result.stderr.splitlines() if f" {name}: " in line]
    assert len(lines) == 1, lines
    assert error in lines[0]
    row = sources_table(db)[name]
    assert row["kind"] == kind and error.lower() in row["last_error"].lower()
    assert (row["failures_in_row"] or 0) == (1 if fatal else 0)


def test_broken_sources_leave_the_rest_of_the_job_alone(broken_crawl) -> None:
    db, result, truth = broken_crawl
    urls = set(stored(db))
    good_sites = {"harbor-herald.test", "northgate-courier.test"}
    assert {row["url"] for row in truth if row["site"] in good_sites} | {"http://broken.test/articles/good.html"} \
        == urls
    assert "crawl finished" in result.stdout
    for line in result.stderr.splitlines():
        assert " WARNING " in line, line
    huge = [line for line in result.stderr.splitlines() if "huge.html" in line]
    assert len(huge) == 1 and "Broken: bad pages: " in huge[0] and "larger than download max size" in huge[0]


def test_feeds_in_legacy_encodings_are_read_right(broken_crawl) -> None:
    db, result, _ = broken_crawl
    rows = sources_table(db)
    for name in ("Legacy: windows-1251", "Legacy: ISO-8859-1"):
        assert rows[name]["last_error"] is None and rows[name]["last_success"]
        assert f"{name}: " not in result.stderr


def test_a_rate_limited_feed_is_retried_after_a_backoff(broken_crawl) -> None:
    db, result, _ = broken_crawl
    row = sources_table(db)["Busy: rate limited"]
    assert row["last_success"] and row["last_error"] is None and "Busy: " not in result.stderr
    stats = last_stats(db, "feeds")
    assert stats["newsfold/backoff"] == 1 and stats["retry/reason_count/429 Unknown Status"] == 1


def test_the_retry_of_a_rate_limited_feed_waits_as_long_as_it_asks(web: Web, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    busy = [{"name": "Busy: rate limited", "url": "http://broken.test/feeds/busy.xml", "kind": "feed"}]
    crawl(web, "busy", busy, db)
    stats = last_stats(db, "feeds")
    assert stats["newsfold/backoff"] == 1 and stats["elapsed_time_seconds"] >= 1.0  # Retry-After: 1
    assert stored(db) == ["http://broken.test/articles/good.html"]


def test_legacy_encoding_titles_come_through_the_feed_parser() -> None:
    from newsfold.simweb import build_world
    from newsfold.simweb.broken import LEGACY
    from newsfold.spiders.feeds import read_feed

    world = build_world(1, 10, broken=True)
    for path, _, _, titles in LEGACY:
        _, headers, body = world.respond("broken.test", path)
        reading = read_feed(body, f"http://broken.test{path}", {"content-type": headers["Content-Type"]})
        assert tuple(e.title for e in reading.entries) == titles


def test_sources_failing_five_times_are_still_tried_and_flagged(broken_crawl, web: Web, tmp_path: Path) -> None:
    db, _, _ = broken_crawl
    copy = tmp_path / "news.db"
    copy.write_bytes(db.read_bytes())
    sources = [{"name": "Broken: server error", "url": "http://broken.test/feeds/error.xml", "kind": "feed"}]
    for _ in range(4):
        crawl(web, "failing", sources, copy)
    assert sources_table(copy)["Broken: server error"]["failures_in_row"] == 5
    listing = newsfold("sources", "list", "--db", str(copy))
    assert listing.returncode == 0, listing.stderr
    line = next(line for line in listing.stdout.splitlines() if "Broken: server error" in line)
    assert "5 failures in a row" in line and "FAILING" in line


def test_a_second_crawl_on_the_same_database_exits_with_one_line(web: Web, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    slow = [{"name": "Broken: bad pages", "url": "http://broken.test/feeds/bad-pages.xml", "kind": "feed"}]
    config = web.config("slow", slow)
    first = subprocess.Popen([sys.executable, "-m", "newsfold", "crawl", "--config", str(config), "--db", str(db)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lock = db.with_name("news.db.lock")
        deadline = time.monotonic() + 30
        while not (lock.exists() and lock.read_text().strip() == str(first.pid)) and time.monotonic() < deadline:
            time.sleep(0.05)
        second = newsfold("crawl", "--config", str(config), "--db", str(db))
        assert first.poll() is None, "the first crawl ended too soon to test the lock"
    finally:
        first.wait(timeout=60) if first.poll() is None else None
        first.stdout.close()
        first.stderr.close()
    assert second.returncode == 1
    assert second.stderr.strip().count("\n") == 0 and f"another crawl (pid {first.pid})" in second.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 1  # only the first one ran


def test_lock_is_released_when_its_holder_is_killed(web: Web, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    config = web.config("slow2", [{"name": "Broken: bad pages", "url": "http://broken.test/feeds/bad-pages.xml"}])
    first = subprocess.Popen([sys.executable, "-m", "newsfold", "crawl", "--config", str(config), "--db", str(db)],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    lock = db.with_name("news.db.lock")
    deadline = time.monotonic() + 30
    while not (lock.exists() and lock.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    quick = web.config("quick", web.site_sources("feed")[:1])
    again = newsfold("crawl", "--config", str(quick), "--db", str(db))
    assert again.returncode == 0, again.stderr
