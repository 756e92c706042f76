"""mirrors: domains ranked by the share of their articles that copy another domain's story."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from test_digest import NOW, put

from conftest import newsfold
from newsfold.digest import build_digest, render_html
from newsfold.storage import Store
from newsfold.storage.queries import mirror_report


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """herald.test and times.test report; copycat.test only copies; echo.test copies half the time."""
    store = Store(tmp_path / "news.db")
    herald = [put(store, f"http://herald.test/{n}", f"Herald {n}") for n in range(3)]
    times = put(store, "http://times.test/0", "Times 0")
    for n, story in enumerate(herald):
        put(store, f"http://copycat.test/{n}", story=story)
    put(store, "http://copycat.test/t", story=times)
    put(store, "http://echo.test/own", "Echo's own")
    put(store, "http://echo.test/copy", story=times)
    put(store, "http://times.test/follow", story=herald[0])  # an outlet picking up a wire story
    yield store
    store.close()


def test_domains_ranked_by_copy_share_with_whom_they_copy(store: Store) -> None:
    rows = {r.domain: r for r in mirror_report(store.db)}
    assert [r.domain for r in mirror_report(store.db)] == ["copycat.test", "echo.test", "times.test", "herald.test"]
    assert (rows["copycat.test"].copies, rows["copycat.test"].articles) == (4, 4)
    assert rows["copycat.test"].copied == (("herald.test", 3), ("times.test", 1))
    assert rows["echo.test"].share == 0.5 and rows["echo.test"].copied == (("times.test", 1),)
    assert rows["herald.test"].copies == 0 and rows["herald.test"].copied == ()


def test_views_for_datasette_agree_with_the_report(store: Store) -> None:
    view = [row["domain"] for row in store.db.view("mirror_domains").rows]
    assert view == [r.domain for r in mirror_report(store.db)]
    assert store.db.view("story_digest").count == store.db["stories"].count
    assert store.db.view("story_articles").count == store.db["articles"].count


def test_html_digest_has_the_mirror_section(store: Store) -> None:
    page = render_html(build_digest(store.db, NOW - timedelta(days=1), NOW))
    section = page[page.index('<section id="mirrors">'):]
    assert section.index("copycat.test") < section.index("echo.test")
    assert "herald.test (3), times.test (1)" in section


def test_mirrors_command(store: Store, tmp_path: Path) -> None:
    store.close()
    result = newsfold("mirrors", "--db", str(tmp_path / "news.db"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].split()[:3] == ["copycat.test", "4/4", "100%"] and "herald.test (3)" in lines[1]
    assert [line.split()[0] for line in lines[1:]] == ["copycat.test", "echo.test", "times.test"]
    everyone = newsfold("mirrors", "--all", "--db", str(tmp_path / "news.db"))
    assert everyone.stdout.splitlines()[-1].split()[:3] == ["herald.test", "0/3", "0%"]
