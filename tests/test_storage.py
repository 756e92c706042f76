"""storage: what is actually written to a fresh database file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsfold.storage import NewArticle, Placement, Store


def article(url: str, published: str = "2026-11-20T10:00:00+00:00", **extra) -> NewArticle:
    fields = dict(url=url, domain=url.split("/")[2], source="Herald", title="Storm hits coast",
                  text="The storm hit the coast.", fetched="2026-11-20T12:00:00+00:00", words=5,
                  content_hash="h", signature=b"s" * 1024, signature_version="v", published=published)
    fields.update(extra)
    return NewArticle(**fields)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "news.db")
    yield s
    s.close()


def test_database_is_in_wal_mode(store: Store) -> None:
    assert sqlite3.connect(store.path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_new_story_then_copy_joins_it(store: Store) -> None:
    first = store.add_article(article("http://herald.test/a"), Placement("original"))
    copy = store.add_article(article("http://mirror.test/a", published="2026-11-20T11:00:00+00:00"),
                             Placement("verbatim", story=first[1], matched=first[0], similarity=0.97,
                                       canonical=False))
    assert copy[1] == first[1]
    story = store.db["stories"].get(first[1])
    assert (story["articles"], story["domains"], story["canonical"]) == (2, 2, first[0])
    row = store.db["articles"].get(copy[0])
    assert (row["copy_kind"], row["matched"], row["similarity"]) == ("verbatim", first[0], 0.97)
    assert {d["domain"]: d["mirror_score"] for d in store.db["domains"].rows} == {"herald.test": 0.0,
                                                                                 "mirror.test": 1.0}


def test_earlier_copy_becomes_canonical_and_story_date_moves(store: Store) -> None:
    late = store.add_article(article("http://mirror.test/a"), Placement("original"))
    early = store.add_article(article("http://herald.test/a", published="2026-11-19T08:00:00+00:00",
                                      title="Original"), Placement("verbatim", story=late[1], canonical=True))
    story = store.db["stories"].get(late[1])
    assert story["canonical"] == early[0] and story["title"] == "Original"
    assert story["published"] == "2026-11-19T08:00:00+00:00"


def test_same_url_is_stored_once(store: Store) -> None:
    assert store.add_article(article("http://herald.test/a"), Placement("original"))
    assert store.add_article(article("http://herald.test/a"), Placement("original")) is None
    assert store.db["articles"].count == 1 and store.db["stories"].count == 1


def test_a_failing_article_leaves_nothing_half_written(store: Store) -> None:
    with pytest.raises(sqlite3.ProgrammingError):  # fails on its last write, after article and story rows
        store.add_article(article("http://herald.test/a", aliases=(object(),)), Placement("original"))
    assert store.db["articles"].count == 0 and store.db["stories"].count == 0


def test_source_failures_count_in_a_row_and_reset_on_success(store: Store) -> None:
    store.register_sources([("Herald", "http://herald.test/rss.xml", "feed")])
    store.record_failure("Herald", "HTTP 500", 500)
    store.record_failure("Herald", "HTTP 500", 500)
    store.record_failure("Herald", "page: empty page", fatal=False)
    assert store.sources()[0]["failures_in_row"] == 2
    assert store.sources()[0]["last_error"] == "page: empty page"
    store.record_success("Herald", 200)
    assert store.sources()[0]["failures_in_row"] == 0


def test_stories_since_ranks_by_domains_then_recency(store: Store) -> None:
    a = store.add_article(article("http://herald.test/a", published="2026-11-20T09:00:00+00:00"),
                          Placement("original"))
    store.add_article(article("http://b.test/b", published="2026-11-20T10:00:00+00:00"), Placement("original"))
    store.add_article(article("http://mirror.test/a"), Placement("verbatim", story=a[1], canonical=False))
    store.add_article(article("http://c.test/old", published="2026-10-01T00:00:00+00:00"), Placement("original"))
    rows = store.stories_since("2026-11-01T00:00:00+00:00")
    assert [r.url for r in rows] == ["http://herald.test/a", "http://b.test/b"]
    assert rows[0].other_domains == [("mirror.test", 1.0)]


def test_reopening_keeps_data(tmp_path: Path) -> None:
    Store(tmp_path / "n.db").add_article(article("http://herald.test/a"), Placement("original"))
    again = Store(tmp_path / "n.db")
    assert again.has_url("http://herald.test/a")
    assert list(again.signatures()) == [(1, b"s" * 1024, "v", "2026-11-20T10:00:00+00:00")]


def test_a_redirecting_link_is_known_after_its_article_is_stored(store: Store) -> None:
    store.add_article(article("http://herald.test/a", aliases=("http://herald.test/go/1",)), Placement("original"))
    assert store.has_url("http://herald.test/go/1") and store.has_url("http://herald.test/a")
    store.add_aliases("http://herald.test/a", ["http://herald.test/go/2"])
    assert store.has_url("http://herald.test/go/2") and not store.has_url("http://herald.test/go/3")


def test_signatures_can_be_limited_to_a_window_of_publication(store: Store) -> None:
    from datetime import timedelta

    store.add_article(article("http://herald.test/old", published="2026-09-01T10:00:00+00:00"), Placement("original"))
    store.add_article(article("http://herald.test/undated", published=None), Placement("original"))
    store.add_article(article("http://herald.test/new", published="2026-11-20T10:00:00+00:00"), Placement("original"))
    assert [key for key, *_ in store.signatures(timedelta(days=30))] == [2, 3]
    assert [key for key, *_ in store.signatures()] == [1, 2, 3]
