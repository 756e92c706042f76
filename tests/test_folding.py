"""StoryFolder across runs: the candidate index saved beside the database, opened, caught up, rebuilt."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from newsfold.extract import Extracted
from newsfold.folding import StoryFolder
from newsfold.storage import Store
from tests.test_dedup import FLUENT, MARKET, SWAP


def page(url: str, text: str, published: str = "2026-11-20T08:00:00+00:00") -> Extracted:
    return Extracted(url=url, title=text.split(".")[0], text=text, published=published)


def run(db: Path, *articles: Extracted, save: bool = True) -> list[tuple[int, int]]:
    """One job: open the database, fold the articles, save the index (unless the job is killed first)."""
    folder = StoryFolder(Store(db))
    placed = []
    for article in articles:
        folded = folder.fold(article, source="test", fetched="2026-11-20T09:00:00+00:00")
        assert folded is not None
        placed.append((folded.article, folded.story))
    if save:
        folder.save()
    folder.store.close()
    return placed


def test_the_next_run_opens_the_saved_index_and_folds_into_earlier_stories(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    db = tmp_path / "news.db"
    [(_, swap_story)] = run(db, page("https://a.example/swap", SWAP))
    assert (tmp_path / "news.db-index" / "manifest.json").exists()
    with caplog.at_level(logging.WARNING):
        [(_, copy_story)] = run(db, page("https://mirror.example/swap", "Subscribe now. " + SWAP))
    assert copy_story == swap_story
    assert not caplog.records


def test_articles_stored_after_the_last_save_are_caught_up(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    run(db, page("https://a.example/swap", SWAP))
    [(_, market_story)] = run(db, page("https://a.example/market", MARKET), save=False)  # killed before saving
    [(_, copy_story)] = run(db, page("https://mirror.example/market", MARKET + "\nShare this article."))
    assert copy_story == market_story
    assert StoryFolder(Store(db)).loaded == 3


@pytest.mark.parametrize("damage", ["manifest", "other database"])
def test_an_unusable_index_is_rebuilt_with_a_warning(tmp_path: Path, damage: str,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    db, index = tmp_path / "news.db", tmp_path / "news.db-index"
    if damage == "other database":
        run(tmp_path / "other.db", page("https://b.example/market", MARKET))
        run(db, page("https://a.example/swap", SWAP))
        shutil.rmtree(index)
        shutil.copytree(tmp_path / "other.db-index", index)
    else:
        run(db, page("https://a.example/swap", SWAP))
        (index / "manifest.json").write_text("{")
    with caplog.at_level(logging.WARNING):
        [(_, copy_story)] = run(db, page("https://mirror.example/swap", "Subscribe now. " + SWAP))
    assert copy_story == 1
    assert any(str(index) in r.getMessage() and "building it anew" in r.getMessage() for r in caplog.records)


def test_articles_older_than_the_window_leave_the_saved_index(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from newsfold.dedup import index as index_module
    monkeypatch.setattr(index_module, "FLUSH_AT", 1)  # every article its own segment
    monkeypatch.setattr(index_module, "SEGMENT_KEYS", 1)
    db = tmp_path / "news.db"
    run(db, page("https://a.example/swap", SWAP, published="2026-09-01T08:00:00+00:00"),
        page("https://a.example/market", MARKET, published="2026-11-20T08:00:00+00:00"))
    assert StoryFolder(Store(db)).loaded == 1


def test_a_fluent_rewrite_on_a_mirror_joins_the_story_stored_by_an_earlier_run(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    [(_, swap_story)] = run(db, page("https://a.example/swap", SWAP))
    [(rewrite, rewrite_story)] = run(db, page("https://mirror.example/swap", FLUENT, "2026-11-20T10:00:00+00:00"))
    assert rewrite_story == swap_story
    store = Store(db)
    stored = store.db.execute("SELECT copy_kind, similarity FROM articles WHERE id = ?", [rewrite]).fetchone()
    store.close()
    assert stored == ("paraphrase", 1.0)  # the share of its sentences aligned, read back from the file
