"""A crawl killed with SIGKILL at several points and started again: every article stored exactly once,
stories intact, the database sound."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from conftest import ROOT, Web, module_web, newsfold
from newsfold.scoring import score_grouping


def count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def spider_running(db: Path, spider: str) -> bool:
    if not db.exists():
        return False
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return bool(conn.execute("SELECT 1 FROM runs WHERE spider = ? AND status = 'running'", [spider]
                                     ).fetchone())
    except sqlite3.OperationalError:
        return False


KILL_POINTS: list[tuple[str, Callable[[Path, int], bool]]] = [
    ("as soon as it writes", lambda db, _: db.with_name(db.name + "-wal").exists()),
    ("after the first article", lambda db, _: count(db) >= 1),
    ("a third of the way", lambda db, total: count(db) >= total // 3),
    ("two thirds of the way", lambda db, total: count(db) >= 2 * total // 3),
    ("once the sitemaps spider has started", lambda db, _: spider_running(db, "sitemaps")),
]


def crawl_until_killed(config: Path, db: Path, kill_now: Callable[[Path], bool], timeout: float = 120) -> int:
    """Start a crawl, SIGKILL it by pid as soon as `kill_now(db)`, and return how many articles were
    stored when it died."""
    process = subprocess.Popen([sys.executable, "-m", "newsfold", "crawl", "--config", str(config), "--db", str(db)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and process.poll() is None:
            if kill_now(db):
                break
            time.sleep(0.01)
        assert process.poll() is None, "the crawl ended before the kill point"
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
    return count(db)


web = module_web("crash", "--seed", "8", "--articles", "150")


def test_killed_and_restarted_crawls_store_every_article_once(web: Web, tmp_path: Path) -> None:
    truth = web.truth()
    config = web.config("crash", [*web.site_sources("feed"), *web.site_sources("sitemap", max_age="60d")])
    db = tmp_path / "news.db"
    counts = [crawl_until_killed(config, db, lambda db, when=when: when(db, len(truth))) for _, when in KILL_POINTS]
    assert counts == sorted(counts) and counts[-2] < len(truth)  # killed mid-run each time, nothing lost
    result = newsfold("crawl", "--config", str(config), "--db", str(db))
    assert result.returncode == 0, result.stderr

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        urls = [u for (u,) in conn.execute("SELECT url FROM articles")]
        assert sorted(urls) == sorted(row["url"] for row in truth)  # every article, exactly once
        # Stories intact: counts match their members, each canonical is a member, no article without one.
        assert conn.execute("""SELECT COUNT(*) FROM stories s WHERE s.articles !=
                               (SELECT COUNT(*) FROM articles a WHERE a.story = s.id)""").fetchone()[0] == 0
        assert conn.execute("""SELECT COUNT(*) FROM stories s JOIN articles a ON a.id = s.canonical
                               WHERE a.story != s.id""").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM articles WHERE story IS NULL OR story NOT IN "
                            "(SELECT id FROM stories)").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM urls WHERE article NOT IN (SELECT id FROM articles)"
                            ).fetchone()[0] == 0
        runs = conn.execute("SELECT status FROM runs ORDER BY id").fetchall()
        stored = dict(conn.execute("SELECT url, story FROM articles"))
    assert runs[-1] == ("finished",) and ("running",) in runs  # the killed runs are left as they died
    report = score_grouping(truth, stored)
    assert report.missing == 0 and report.pairs.precision >= 0.99
    assert report.copies["verbatim"][0] >= 0.99
