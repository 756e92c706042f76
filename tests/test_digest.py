"""digest: whole sentences, ranking kept, mirrors collapsed, events linked, page text kept inert."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import newsfold
from newsfold.digest import build_digest, lead_sentences, render_markdown, window_start
from newsfold.digest.text import clean_text, safe_url
from newsfold.storage import NewArticle, Placement, Store
from newsfold.storage.queries import record_digest
from newsfold.times import iso

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
TEXT = "Officials said the pier would reopen. The mayor agreed on Tuesday. A third sentence follows."


def put(store: Store, url: str, title: str = "A headline", story: int | None = None, text: str = TEXT,
        hours_ago: float = 2, section: str | None = None) -> int:
    """Store an article through `Store` as the crawl would: a new story, or a copy joining `story`."""
    at = iso(NOW - timedelta(hours=hours_ago))
    domain = url.split("/")[2] if "//" in url else "herald.test"
    article = NewArticle(url=url, domain=domain, source=domain, title=title, text=text, fetched=at,
                         words=len(text.split()), content_hash=url, signature=b"", signature_version="test",
                         published=at, section=section)
    placement = Placement("original") if story is None else Placement("verbatim", story, canonical=False)
    return store.add_article(article, placement)[1]


@pytest.fixture
def store() -> Store:
    store = Store(":memory:")
    yield store
    store.close()


def test_lead_is_two_whole_sentences() -> None:
    text = 'Officials said the pier would reopen. "It is safe," the mayor said.\nA third sentence.'
    assert lead_sentences(text) == 'Officials said the pier would reopen. "It is safe," the mayor said.'


def test_long_lead_is_cut_at_a_word() -> None:
    lead = lead_sentences("word " * 200, limit=50)
    assert lead.endswith("…") and lead[:-1].split() == ["word"] * len(lead[:-1].split())
    assert len(lead) <= 51


def test_hostile_text_becomes_one_short_printable_line() -> None:
    title = "Breaking\x00\x1b[31m news\u202e\ufffe\n" + "x" * 10_000
    text = clean_text(title, 200)
    assert text.startswith("Breaking [31m news") and text.endswith("…") and len(text) <= 201
    assert not any(ord(ch) < 32 or ch in "\u202e\ufffe" for ch in text)
    assert clean_text("words " * 100, 30) == "words words words words words…"


@pytest.mark.parametrize("url, safe", [
    ("http://herald.test/a b?q=<x>", "http://herald.test/a%20b?q=%3Cx%3E"),
    ("HTTPS://herald.test/", "https://herald.test/"),
    ("javascript:alert(1)", None),
    (" JaVaScRiPt:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("/relative/path", None),
    ("http:///no-host", None),
    ("http://" + "a" * 3000 + ".test/", None),
])
def test_links_are_http_only(url: str, safe: str | None) -> None:
    assert safe_url(url) == safe


def test_stories_ranked_by_domains_then_recency_with_mirrors_collapsed(store: Store) -> None:
    small = put(store, "http://herald.test/small", "Small", hours_ago=1)
    big = put(store, "http://herald.test/big", "Big", hours_ago=5)
    for n in range(2):  # times.test publishes its own stories: no mirror
        put(store, f"http://times.test/own-{n}", "Times' own story", hours_ago=30)
    put(store, "http://times.test/big-copy", story=big)
    for n in range(3):  # a mirror: every article it has is a copy
        put(store, f"http://copycat.test/{n}", story=big)
    newer = put(store, "http://herald.test/newer", "Newer", hours_ago=0.5)
    put(store, "http://times.test/newer-copy", story=newer)
    digest = build_digest(store.db, NOW - timedelta(days=1), NOW)
    assert [s.id for s in digest.stories] == [big, newer, small]
    top = digest.stories[0]
    assert top.also_published == ("times.test",) and top.mirror_copies == 3
    md = render_markdown(digest)
    assert md.index("### 1. [Big]") < md.index("### 2. [Newer]") < md.index("### 3. [Small]")
    assert "Also published by: times.test, +3 mirror copies" in md
    assert "Officials said the pier would reopen. The mayor agreed on Tuesday." in md
    assert "A third sentence" not in md and "copycat.test" not in md


def test_window_excludes_older_stories(store: Store) -> None:
    put(store, "http://herald.test/old", "Old", hours_ago=48)
    fresh = put(store, "http://herald.test/fresh", "Fresh", hours_ago=1)
    assert [s.id for s in build_digest(store.db, NOW - timedelta(hours=24), NOW).stories] == [fresh]


def test_stories_of_one_event_are_also_covered(store: Store) -> None:
    first = put(store, "http://herald.test/strike", "Nurses strike")
    second = put(store, "http://times.test/walkout", "Nurses walk out")
    alone = put(store, "http://herald.test/other", "Other")
    for story in (first, second):
        store.db["stories"].update(story, {"event": 7})
    digest = build_digest(store.db, NOW - timedelta(days=1), NOW)
    covered = {s.id: [(link.title, link.domain) for link in s.also_covered] for s in digest.stories}
    assert covered == {first: [("Nurses walk out", "times.test")], second: [("Nurses strike", "herald.test")],
                       alone: []}
    assert "Also covered by: [Nurses walk out](<http://times.test/walkout>) (times.test)" in render_markdown(digest)


def test_sections_group_stories_in_rank_order(store: Store) -> None:
    world = put(store, "http://herald.test/w", "W", section="world")
    put(store, "http://times.test/w", story=world)
    plain = put(store, "http://herald.test/p", "P")
    business = put(store, "http://herald.test/b", "B", section="Business", hours_ago=3)
    digest = build_digest(store.db, NOW - timedelta(days=1), NOW)
    assert [(s.name, [x.id for x in s.stories]) for s in digest.sections()] == [
        ("World", [world]), ("Business", [business]), (None, [plain])]
    md = render_markdown(digest)
    assert md.index("## World") < md.index("## Business") < md.index("## Other news")


def test_page_text_cannot_inject_markdown(store: Store) -> None:
    put(store, "javascript:alert(1)", "Click [here](javascript:alert(1)) <img src=x onerror=alert(1)>")
    md = render_markdown(build_digest(store.db, NOW - timedelta(days=1), NOW))
    assert not re.search(r"(?<!\\)(\]\(|<)", md)
    assert "\\[here\\]" in md


def test_since_last_starts_at_the_previous_digest(store: Store) -> None:
    span = timedelta(hours=24)
    assert window_start(store, NOW, span, since_last=True) == NOW - span  # no digest yet
    record_digest(store.db, iso(NOW - timedelta(hours=3)), iso(NOW - span), 0, ["md"])
    assert window_start(store, NOW, span, since_last=True) == NOW - timedelta(hours=3)
    assert window_start(store, NOW, span, since_last=False) == NOW - span


def test_lead_keeps_the_closing_quote() -> None:
    text = 'He said: "We go today." Then they left. A third.'
    assert lead_sentences(text) == 'He said: "We go today." Then they left.'


def test_page_text_cannot_start_markdown_blocks(store: Store) -> None:
    put(store, "http://herald.test/list", "2026. A year", text="- not a list item\n--- nor a rule.")
    md = render_markdown(build_digest(store.db, NOW - timedelta(days=1), NOW))
    assert "[2026\\. A year]" in md and "\n\\- not a list item --- nor a rule." in md


def test_digest_command_formats_folders_and_bad_output(tmp_path: Path) -> None:
    store = Store(tmp_path / "news.db")
    put(store, "http://herald.test/a", "Harbour reopens", hours_ago=-24 * 365 * 50)  # always in the window
    store.close()
    db = ["--db", str(tmp_path / "news.db")]
    result = newsfold("digest", *db, "-f", "json", "-f", "html", "-o", str(tmp_path / "new" / "d.html"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == ["d.html", "d.json"]
    printed = newsfold("digest", *db, "-f", "atom", "-o", "-")
    assert printed.stdout.startswith("<?xml") and "Harbour reopens" in printed.stdout
    blocked = newsfold("digest", *db, "-o", str(tmp_path / "new"))  # a folder where the file should go
    assert blocked.returncode == 1 and len(blocked.stderr.strip().splitlines()) == 1
    assert "cannot write the digest" in blocked.stderr
    both = newsfold("digest", *db, "--all", "-o", "-")
    assert both.returncode == 2 and "one format" in both.stderr
    store = Store(tmp_path / "news.db")
    assert store.db["digests"].count == 2  # the failed write was not recorded
    previous = store.db.execute("SELECT MAX(generated) FROM digests").fetchone()[0]
    store.close()
    since_last = newsfold("digest", *db, "--since-last", "-f", "json", "-o", "-")
    assert json.loads(since_last.stdout)["since"] == previous


def test_a_limited_digest_says_how_many_it_left_out(store: Store) -> None:
    for n in range(5):
        put(store, f"http://herald.test/{n}", f"Story {n}")
    digest = build_digest(store.db, NOW - timedelta(days=1), NOW, limit=3)
    assert len(digest.stories) == 3 and digest.in_window == 5
    assert "The 3 stories most widely carried of 5 published since" in render_markdown(digest)
