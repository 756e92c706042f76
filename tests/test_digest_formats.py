"""Every digest format rendered from a real crawl of the simulated web, checked against the database."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import feedparser
import jsonschema
import pytest
from lxml import html as lxml_html

from conftest import newsfold, start_web, stop_web
from newsfold.digest.json_doc import SCHEMA
from newsfold.storage.queries import MIRROR_SCORE

SEED, ARTICLES, LATER = "11", "90", "40"


def crawl(db: Path, folder: Path, *web_args: str) -> None:
    web = start_web(folder, "--seed", SEED, "--articles", ARTICLES, *web_args)
    try:
        result = newsfold("crawl", "--config", str(web.sources), "--db", str(db))
        assert result.returncode == 0, result.stderr
    finally:
        stop_web(web)


def digest_all(db: Path, out: Path) -> dict[str, Path]:
    out.mkdir()
    result = newsfold("digest", "--db", str(db), "--since", "30d", "--all", "-o", str(out / "digest.md"))
    assert result.returncode == 0, result.stderr
    return {name: out / f"digest.{name}" for name in ("md", "html", "xml", "json")}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path], Path]:
    """A crawl of a web with broken sources, its digest in every format, and the path of a copy of
    the database that a later crawl (new copies of the same stories) extended, with its digest."""
    base = tmp_path_factory.mktemp("digest")
    db = base / "news.db"
    crawl(db, base / "web", "--broken")
    files = digest_all(db, base / "first")
    later = base / "later.db"
    later.write_bytes(db.read_bytes())
    crawl(later, base / "web-later", "--later", LATER)
    return db, files, later


def stories(db: Path) -> dict[str, tuple[int, int, str]]:
    """canonical url -> (story id, distinct domains, canonical text) of every stored story."""
    with sqlite3.connect(db) as conn:
        return {url: (sid, domains, text) for sid, url, domains, text in conn.execute(
            "SELECT s.id, s.url, s.domains, a.text FROM stories s JOIN articles a ON a.id = s.canonical")}


def load_json(files: dict[str, Path]) -> dict:
    return json.loads(files["json"].read_text())


def test_json_follows_its_schema_and_ranks_every_story_once(crawled) -> None:
    db, files, _ = crawled
    data = load_json(files)
    jsonschema.validate(data, SCHEMA)
    known = stories(db)
    urls = [s["url"] for s in data["stories"]]
    assert len(urls) == len(set(urls)) == len(known)  # every story once; the simulated web is within 30 days
    assert [s["rank"] for s in data["stories"]] == list(range(1, len(urls) + 1))
    domains = [known[url][1] for url in urls]
    assert domains == sorted(domains, reverse=True) and domains[0] > 1
    for story in data["stories"]:
        assert story["domains"] == known[story["url"]][1] and story["id"] == known[story["url"]][0]


def test_summaries_are_the_lead_in_whole_words(crawled) -> None:
    db, files, _ = crawled
    known = stories(db)
    for story in load_json(files)["stories"]:
        text = " ".join(known[story["url"]][2].split())
        lead = story["summary"].removesuffix("…")
        assert lead and text.startswith(lead), story["url"]
        assert len(text) == len(lead) or text[len(lead)] == " ", f"cut mid-word: {lead[-30:]!r}"


def test_mirror_copies_are_counted_not_listed(crawled) -> None:
    db, files, _ = crawled
    with sqlite3.connect(db) as conn:
        mirrors = {d for (d,) in conn.execute("SELECT domain FROM mirror_domains WHERE copy_share > ?",
                                              [MIRROR_SCORE])}
        per_story: dict[int, int] = {}
        for story, domain, canonical_domain in conn.execute(
                """SELECT s.id, a.domain, c.domain FROM articles a JOIN stories s ON s.id = a.story
                   JOIN articles c ON c.id = s.canonical"""):
            if domain in mirrors and domain != canonical_domain:
                per_story[story] = per_story.get(story, 0) + 1
    assert mirrors and per_story
    data = load_json(files)
    for story in data["stories"]:
        assert story["mirror_copies"] == per_story.get(story["id"], 0)
        assert not mirrors & set(story["also_published"])
    md = files["md"].read_text()
    assert re.search(r"Also published by: .*\+\d+ mirror cop(y|ies)", md)
    assert not any(f"Also published by: {m}" in md or f", {m}" in md for m in mirrors)


def test_markdown_lists_the_same_stories_in_the_same_order(crawled) -> None:
    _, files, _ = crawled
    data = load_json(files)
    headings = re.findall(r"^### (\d+)\. \[.*\]\(<(.+)>\)$", files["md"].read_text(), re.MULTILINE)
    by_rank = sorted((int(rank), url) for rank, url in headings)
    assert [url for _, url in by_rank] == [s["url"] for s in data["stories"]]
    sections = [line for line in files["md"].read_text().splitlines() if line.startswith("## ")]
    assert "## Other news" in sections and len(sections) > 2  # pages declare sections; some do not


def test_html_is_self_contained_and_complete(crawled) -> None:
    _, files, _ = crawled
    data = load_json(files)
    page = lxml_html.fromstring(files["html"].read_bytes())
    ranks = [int(a.get("data-rank")) for a in page.xpath("//article[@class='story']")]
    assert sorted(ranks) == list(range(1, len(data["stories"]) + 1))
    assert not page.xpath("//script | //iframe | //object | //embed | //img | //link[@rel='stylesheet']")
    assert not page.xpath("//@src | //@srcset | //@style")
    assert "default-src 'none'" in page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert all(h.startswith(("http://", "https://", "#")) for h in page.xpath("//@href"))
    assert page.xpath("//section[@id='mirrors']//tr/td[1]/text()")  # the mirror report
    footer = page.xpath("string(//footer)")
    assert f"{data['figures']['collected']} articles collected" in footer
    assert data["figures"]["failed_sources"] and all(s["name"] in footer for s in data["figures"]["failed_sources"])


def test_footer_counts_the_crawl(crawled) -> None:
    db, files, _ = crawled
    with sqlite3.connect(db) as conn:
        stats = [json.loads(s) for (s,) in conn.execute("SELECT stats FROM runs WHERE stats IS NOT NULL")]
        failing = {n for (n,) in conn.execute("SELECT name FROM sources WHERE failures_in_row > 0")}
    figures = load_json(files)["figures"]
    assert figures["collected"] == sum(s.get("newsfold/stored", 0) for s in stats) > 0
    assert figures["copies"] == sum(s.get("dedup/copies", 0) for s in stats) > 0
    assert {s["name"] for s in figures["failed_sources"]} == failing


def test_atom_parses_cleanly_with_one_entry_per_story(crawled) -> None:
    _, files, _ = crawled
    feed = feedparser.parse(files["xml"].read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    data = load_json(files)
    assert [e.id for e in feed.entries] == [s["entry_id"] for s in data["stories"]]
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    assert [e.link for e in feed.entries] == [s["url"] for s in data["stories"]]


def test_later_copies_keep_entry_ids_and_move_updated(crawled, tmp_path: Path) -> None:
    _, files, later = crawled
    again = digest_all(later, tmp_path / "again")
    first = {e.id: e for e in feedparser.parse(files["xml"].read_bytes()).entries}
    second_feed = feedparser.parse(again["xml"].read_bytes())
    assert not second_feed.bozo
    second = {e.id: e for e in second_feed.entries}
    assert len(second) == len(second_feed.entries)  # still one entry per story
    assert set(first) <= set(second)  # no story of the first digest came back under a new id
    before = {s["entry_id"]: s for s in load_json(files)["stories"]}
    grown = [s for s in load_json(again)["stories"]
             if s["entry_id"] in before and s["articles"] > before[s["entry_id"]]["articles"]]
    assert grown, "the later crawl added copies to stories of the first"
    for story in grown:
        assert second[story["entry_id"]].updated_parsed > first[story["entry_id"]].updated_parsed
