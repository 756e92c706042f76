"""End to end: the simulated web over loopback, the crawl in a subprocess, checks on what was stored."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import ROOT, Web, newsfold, stop_web
from newsfold.scoring import score_events, score_grouping
from newsfold.storage import Store

SEED, ARTICLES, LATER = "5", "150", "60"


def stored(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT url, story FROM articles"))


def partition(assignments: dict) -> set[frozenset]:
    groups: dict = defaultdict(set)
    for key, story in assignments.items():
        groups[story].add(key)
    return {frozenset(g) for g in groups.values()}


@pytest.fixture(scope="module")
def first_crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess, list]:
    """One crawl of a web with broken sources; shared by the checks below."""
    from conftest import start_web

    web = start_web(tmp_path_factory.mktemp("web1") / "web", "--seed", SEED, "--articles", ARTICLES, "--broken")
    try:
        db = web.folder.parent / "news.db"
        result = newsfold("crawl", "--config", str(web.sources), "--db", str(db))
        return db, result, web.truth()
    finally:
        stop_web(web)


def test_crawl_stores_every_article_and_folds_copies(first_crawl) -> None:
    db, result, truth = first_crawl
    assert result.returncode == 0, result.stderr
    report = score_grouping(truth, stored(db))
    assert report.missing == 0
    assert report.copies["verbatim"][0] >= 0.99 and report.copies["truncated"][0] >= 0.99
    assert report.lookalikes_folded[0] == 0 and report.lookalikes_folded[1] > 0
    assert report.pairs.precision >= 0.99
    assert report.copies["spun"][0] >= 0.95 and report.copies["paraphrase"][0] >= 0.9
    assert report.same_event_folded[0] == 0


def test_independent_reports_share_an_event_and_look_alikes_do_not(first_crawl) -> None:
    db, _, truth = first_crawl
    event_of = {row["url"]: row["event"] for row in truth}
    with sqlite3.connect(db) as conn:
        linked = defaultdict(set)
        for url, event in conn.execute("SELECT url, event FROM stories WHERE url LIKE '%.test/%'"):
            if url in event_of:
                linked[event].add(event_of[url])
    assert [group for group in linked.values() if len(group) > 1] == []  # an event is one true event
    store = Store(db)
    try:
        events = score_events(truth, store.event_of_urls())
    finally:
        store.close()
    # The crawl meets pages in no order of publication: linking must not depend on it.
    assert events is not None and events.pairs.f1 >= 0.8 and events.lookalikes_linked[0] == 0


def test_each_story_is_represented_by_its_original(first_crawl) -> None:
    db, _, truth = first_crawl
    originals = {row["url"] for row in truth if row["kind"] == "original"}
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT s.url, a.url FROM stories s JOIN articles a ON a.story = s.id "
                            "WHERE s.articles > 1").fetchall()
    holding_original = {canonical for canonical, member in rows if member in originals}
    assert holding_original and holding_original <= originals


def test_cron_output_is_warnings_and_one_summary_line(first_crawl) -> None:
    _, result, truth = first_crawl
    assert result.stdout.count("\n") == 1 and result.stdout.startswith("crawl finished:")
    assert f"{len(truth) + 1} new articles" in result.stdout  # and broken.test's one good page
    for line in result.stderr.splitlines():
        assert " WARNING " in line, line


@pytest.mark.parametrize("name, fatal, error", [
    ("Broken: not XML", True, "not a feed"),
    ("Broken: missing", True, "HTTP 404"),
    ("Broken: server error", True, "HTTP 500"),
    ("Broken: redirect loop", True, "redirect"),
    ("Broken: bad pages", False, ""),
    ("Broken: malformed XML", False, "malformed feed"),
    ("Broken: wrong declared encoding", False, "declared as utf-8"),
])
def test_each_broken_source_is_reported_and_recorded(first_crawl, name: str, fatal: bool, error: str) -> None:
    db, result, _ = first_crawl
    warnings = [line for line in result.stderr.splitlines() if f"{name}: " in line]
    assert warnings, f"no warning names {name}"
    with sqlite3.connect(db) as conn:
        failures, last_error = conn.execute(
            "SELECT COALESCE(failures_in_row, 0), last_error FROM sources WHERE name = ?", [name]).fetchone()
    assert (failures >= 1) == fatal
    assert error.lower() in (last_error or "").lower()


def test_bad_pages_behind_a_good_feed_each_cost_one_warning(first_crawl) -> None:
    db, result, _ = first_crawl
    lines = [line for line in result.stderr.splitlines() if "Broken: bad pages: " in line]
    reasons = " ".join(lines)
    assert "HTTP 404" in reasons and "not an HTML page" in reasons and "empty page" in reasons
    assert "TimeoutError" in reasons or "timeout" in reasons.lower()
    assert "larger than download max size" in reasons
    with sqlite3.connect(db) as conn:  # the one good page behind that feed was stored
        assert conn.execute("SELECT COUNT(*) FROM articles WHERE domain = 'broken.test'").fetchone()[0] == 1


def test_database_tables_and_runs(first_crawl) -> None:
    db, _, truth = first_crawl
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        status, stats = conn.execute("SELECT status, stats FROM runs").fetchone()
        stories = conn.execute("SELECT COUNT(*), SUM(articles) FROM stories").fetchone()
    assert status == "finished" and json.loads(stats)["dedup/copies"] > 0
    assert stories[1] == len(truth) + 1  # every article in exactly one story (+ broken.test's good page)


def test_second_crawl_adds_nothing(first_crawl, web_factory) -> None:
    db, _, _ = first_crawl
    before = stored(db)
    web = web_factory("--seed", SEED, "--articles", ARTICLES, "--broken")
    result = newsfold("crawl", "--config", str(web.sources), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert stored(db) == before
    assert "crawl finished: 0 new articles" in result.stdout and "already stored" in result.stdout


def test_later_copies_fold_into_stories_of_the_first_crawl(first_crawl, web_factory, tmp_path: Path) -> None:
    db, _, first_truth = first_crawl
    later_db = tmp_path / "news.db"
    later_db.write_bytes(db.read_bytes())
    web = web_factory("--seed", SEED, "--articles", ARTICLES, "--later", LATER)
    result = newsfold("crawl", "--config", str(web.sources), "--db", str(later_db))
    assert result.returncode == 0, result.stderr
    truth, after = web.truth(), stored(later_db)
    base_urls = {row["url"] for row in first_truth}
    base_story = {row["story"]: after[row["url"]] for row in truth
                  if row["url"] in base_urls and row["kind"] == "original"}
    late_copies = [row for row in truth if row["url"] not in base_urls and row["story"] in base_story
                   and row["kind"] in ("verbatim", "truncated")]
    assert late_copies, "the simulated web published no late copies of base stories"
    for row in late_copies:
        assert after[row["url"]] == base_story[row["story"]], row
    assert score_grouping(truth, after).lookalikes_folded[0] == 0


def test_cluster_of_exported_articles_groups_as_the_crawl_did(first_crawl, tmp_path: Path) -> None:
    db, _, _ = first_crawl
    articles, stories = tmp_path / "articles.jsonl", tmp_path / "stories.jsonl"
    assert newsfold("export", "--db", str(db), "-o", str(articles)).returncode == 0
    result = newsfold("cluster", str(articles), "-o", str(stories))
    assert result.returncode == 0, result.stderr
    crawled = {o["id"]: o["story"] for o in map(json.loads, articles.read_text().splitlines())}
    clustered = {o["id"]: o["story"] for o in map(json.loads, stories.read_text().splitlines())}
    assert partition(clustered) == partition(crawled)
    lines = [json.loads(line) for line in stories.read_text().splitlines()]
    assert sum(o["canonical"] for o in lines) == len(partition(crawled))


def test_scrapy_crawl_from_the_root_uses_the_same_spider(web_factory, tmp_path: Path) -> None:
    web: Web = web_factory("--seed", "9", "--articles", "30")
    db = tmp_path / "scrapy.db"
    result = subprocess.run(
        [str(Path(sys.executable).parent / "scrapy"), "crawl", "feeds", "-s", f"NEWSFOLD_CONFIG={web.sources}",
         "-s", f"NEWSFOLD_DB={db}"], capture_output=True, text=True, cwd=ROOT, timeout=180)
    assert result.returncode == 0, result.stderr
    assert set(stored(db)) == {row["url"] for row in web.truth()}


@pytest.mark.parametrize("content, expected", [
    (None, "cannot read"),
    ("[[sources]]\nurl = 'http://a.test/rss'\n[[sources]]\nurl = \n", ":4: invalid TOML"),
    ("[[sources]]\nname = 'a'\n", ":1: source needs an http(s) 'url'"),
])
def test_bad_sources_file_exits_with_one_line(tmp_path: Path, content: str | None, expected: str) -> None:
    config = tmp_path / "sources.toml"
    if content is not None:
        config.write_text(content)
    result = newsfold("crawl", "--config", str(config), "--db", str(tmp_path / "n.db"))
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1 and str(config) in result.stderr
    assert expected in result.stderr


def test_demo_writes_database_digest_and_scores(tmp_path: Path) -> None:
    result = newsfold("demo", "--articles", "60", "--seed", "2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "news.db").exists() and (tmp_path / "digest.md").read_text().count("\n### ") > 5
    assert all((tmp_path / f"digest.{ext}").stat().st_size > 0 for ext in ("html", "xml", "json"))
    assert "pairwise precision" in result.stdout and "recall[truncated]" in result.stdout
    assert "truncated copies folded into their original's story 1.0000" in result.stdout
    assert "look-alike story pairs linked: 0/" in result.stdout
    again = newsfold("demo", "--articles", "60", "--seed", "2", cwd=tmp_path)  # starts from a fresh database
    scores = [line for line in result.stdout.splitlines() if "pairwise" in line or "into their" in line]
    assert scores == [line for line in again.stdout.splitlines() if "pairwise" in line or "into their" in line]


def test_demo_never_replaces_a_database_of_real_sources(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "news.db") as conn:
        conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, url TEXT, domain TEXT)")
        conn.execute("INSERT INTO articles (url, domain) VALUES ('https://example.org/a', 'example.org')")
    result = newsfold("demo", "--articles", "30", cwd=tmp_path)
    assert result.returncode != 0 and "real sources" in result.stderr
    with sqlite3.connect(tmp_path / "news.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
