"""search: FTS5 over every article through sqlite-utils, answered as stories, best match first."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_digest import put

from conftest import newsfold
from newsfold.storage import Store
from newsfold.storage.search import search_stories

SWAP = ("The two countries exchanged prisoners at the border at dawn. Officials called the prisoner swap "
        "a step towards talks. Families waited at the crossing for the prisoner swap to end.")
PASSING = ("Markets closed higher on Tuesday as energy shares rose. Analysts expect rates to hold. "
           "In other news a prisoner swap was mentioned once in a long market report about shares and bonds.")
HARBOUR = "The harbour reopened after the storm. Ferries resumed their crossings on the second day."


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "news.db")
    yield store
    store.close()


def test_finds_stories_by_words_of_their_body_ranked_by_relevance(store: Store) -> None:
    market = put(store, "http://herald.test/markets", "Stocks rise", text=PASSING)
    swap = put(store, "http://times.test/swap", "Dawn exchange at the border", text=SWAP)
    put(store, "http://herald.test/harbour", "Harbour reopens", text=HARBOUR)
    hits = search_stories(store.db, "prisoner swap")
    assert [h.story.id for h in hits] == [swap, market]
    assert hits[0].rank < hits[1].rank


def test_a_story_is_found_once_with_its_copy_count(store: Store) -> None:
    swap = put(store, "http://times.test/swap", "Dawn exchange", text=SWAP)
    for n in range(2):
        put(store, f"http://copycat.test/{n}", "Dawn exchange", story=swap, text=SWAP)
    [hit] = search_stories(store.db, "crossing families")
    assert hit.story.id == swap and hit.copies == 2 and hit.story.domains == 2


def test_stemming_and_literal_query_syntax(store: Store) -> None:
    swap = put(store, "http://times.test/swap", "Dawn exchange", text=SWAP)
    assert [h.story.id for h in search_stories(store.db, "swaps")] == [swap]
    for query in ('"prisoner', "prisoner AND", "swap*", "-swap", "title:swap", "NEAR(swap)"):
        search_stories(store.db, query)  # taken literally: never an FTS syntax error
    assert search_stories(store.db, "harbour") == []


def test_since_keeps_recent_articles_only(store: Store) -> None:
    put(store, "http://times.test/old", "Old swap", text=SWAP, hours_ago=24 * 10)
    recent = put(store, "http://times.test/new", "New swap", text=SWAP + " Again.", hours_ago=1)
    assert [h.story.id for h in search_stories(store.db, "prisoner swap", since="2026-11-24T00:00:00+00:00")] == [
        recent]


def test_index_is_set_up_once_and_added_to_older_files(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = Store(path)
    store.db["articles"].disable_fts()  # a file from before search existed
    put(store, "http://times.test/swap", "Dawn exchange", text=SWAP)
    store.close()
    for _ in range(2):
        store = Store(path)
        assert [h.story.url for h in search_stories(store.db, "prisoner")] == ["http://times.test/swap"]
        assert store.db["articles_fts"].count == store.db["articles"].count == 1
        assert {t.name for t in store.db["articles"].triggers} >= {"articles_ai", "articles_ad", "articles_au"}
        store.close()


def test_search_command(store: Store, tmp_path: Path) -> None:
    swap = put(store, "http://times.test/swap", "Dawn exchange \x1b[2J at the border", text=SWAP)
    put(store, "http://copycat.test/1", "Dawn exchange", story=swap, text=SWAP)
    store.close()
    result = newsfold("search", "prisoner swap", "--db", str(tmp_path / "news.db"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "1. Dawn exchange [2J at the border" and lines[1].strip() == "http://times.test/swap"
    assert "1 copy on 2 domains" in lines[2]
    missing = newsfold("search", "swap", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 1 and "no such database" in missing.stderr
    assert not (tmp_path / "none.db").exists()
