"""Per-domain chrome: learned from recurring lines, kept in SQLite, applied by the next crawl."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import newsfold
from newsfold.sitechrome import MAX_WORDS, SiteChrome
from newsfold.storage import Store

HOUSE = "Republished from our partner network under licence."


def story(n: int) -> str:
    return "\n".join([f"Officials said on day {n} that the bridge would reopen after repairs costing {n} million.",
                      HOUSE, f"Traders said {n} stalls would move to the old market hall."])


def test_a_line_on_enough_pages_of_a_domain_is_its_chrome() -> None:
    chrome = SiteChrome(min_pages=3, min_share=0.3)
    for n in range(2):
        chrome.observe("mirror.test", story(n))
    assert not chrome.is_chrome("mirror.test", HOUSE)  # two pages are not yet a pattern
    chrome.observe("mirror.test", story(2))
    assert chrome.is_chrome("mirror.test", HOUSE) and not chrome.is_chrome("other.test", HOUSE)
    text, cut = chrome.strip("mirror.test", story(7))
    assert cut == 1 and HOUSE not in text and "bridge" in text


def test_a_line_on_a_small_share_of_a_big_domain_is_not_chrome() -> None:
    chrome = SiteChrome(min_pages=3, min_share=0.3)
    for n in range(20):
        chrome.observe("big.test", story(n) if n < 4 else f"Unrelated report number {n} about the weather.")
    assert not chrome.is_chrome("big.test", HOUSE)  # 4 of 20 pages: a recurring quote, not a template


def test_long_lines_are_never_chrome() -> None:
    chrome = SiteChrome(min_pages=2, min_share=0.1)
    paragraph = " ".join(["word"] * (MAX_WORDS + 1))
    for _ in range(5):
        chrome.observe("wire.test", paragraph)
    assert not chrome.is_chrome("wire.test", paragraph)


def test_counts_survive_in_the_database(tmp_path: Path) -> None:
    chrome = SiteChrome()
    for n in range(3):
        chrome.observe("mirror.test", story(n))
    store = Store(tmp_path / "news.db")
    store.save_site_chrome(*chrome.learned())
    store.close()
    again = SiteChrome()
    store = Store(tmp_path / "news.db")
    again.load(*store.site_chrome())
    store.close()
    assert again.pages["mirror.test"] == 3 and again.is_chrome("mirror.test", HOUSE)
    assert again.learned() == ([], [])  # nothing new to save
    again.observe("mirror.test", story(9))
    store = Store(tmp_path / "news.db")
    store.save_site_chrome(*again.learned())
    assert dict(store.site_chrome()[0]) == {"mirror.test": 4}
    store.close()


def test_a_crawl_stores_what_it_learned_and_the_next_one_starts_from_it(web_factory, tmp_path: Path) -> None:
    web = web_factory("--seed", "4", "--articles", "40")
    db = tmp_path / "news.db"
    for _ in range(2):
        result = newsfold("crawl", "--config", str(web.sources), "--db", str(db))
        assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        domains = dict(conn.execute("SELECT domain, pages FROM site_pages"))
        first, stats = (json.loads(row[0]) for row in conn.execute("SELECT stats FROM runs ORDER BY id"))
    assert len(domains) >= 5 and sum(domains.values()) >= 40
    assert stats["extract/site_chrome_domains"] == len(domains)
    assert first["extract/body_trafilatura"] == first["extract/ok"] > 0  # every simulated body is in the DOM
    with sqlite3.connect(db) as conn:  # the extracted fields reach storage, times in UTC
        rows = conn.execute("SELECT authors, published, modified, canonical_url FROM articles").fetchall()
    assert rows and all(published.endswith("+00:00") for _, published, _, _ in rows)
    assert any(modified for _, _, modified, _ in rows)  # the templates with JSON-LD declare it
    assert sum(authors not in (None, "[]") for authors, _, _, _ in rows) > len(rows) / 2
