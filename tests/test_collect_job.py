"""The crawl job's own parts: the database lock, stats summed over the spiders, the summary line,
which spiders a sources file needs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsfold.crawl import merge_stats, spiders_for, summary_line
from newsfold.joblock import LockHeld, crawl_lock


def test_the_lock_refuses_a_second_holder_and_names_the_first(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with crawl_lock(db) as lock:
        with pytest.raises(LockHeld, match=rf"news.db: another crawl \(pid {os.getpid()}\)"):
            with crawl_lock(db):
                pass
        assert lock == tmp_path / "news.db.lock"
    with crawl_lock(db):  # released on exit
        pass


def test_stats_of_the_spiders_add_up() -> None:
    feeds = {"newsfold/stored": 3, "elapsed_time_seconds": 1.5, "finish_reason": "finished", "dedup/index_loaded": None,
             "feeds/not_modified": 2}
    sitemaps = {"newsfold/stored": 4, "elapsed_time_seconds": 2.0, "finish_reason": "shutdown",
                "dedup/index_loaded": 3, "sitemaps/not_modified": 1}
    merged = merge_stats([feeds, sitemaps])
    assert merged["newsfold/stored"] == 7 and merged["elapsed_time_seconds"] == 3.5
    assert merged["finish_reason"] == "shutdown" and merged["dedup/index_loaded"] == 3
    assert "3 sources unchanged" in summary_line(merged) and "7 new articles" in summary_line(merged)


def test_one_spider_per_kind_of_source(tmp_path: Path) -> None:
    config = tmp_path / "s.toml"
    config.write_text('[[sources]]\nurl = "http://a.test/rss"\n[[sources]]\nurl = "http://a.test/"\nkind = "section"\n')
    assert [s.name for s in spiders_for(config)] == ["feeds", "sections"]
    assert [s.name for s in spiders_for(config, ["sitemaps"])] == ["sitemaps"]
