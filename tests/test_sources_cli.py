"""`newsfold sources add|import|list` against the simulated web and real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Web, module_web, newsfold
from newsfold.config import load_config
from newsfold.sources import OpmlError, health_lines, new_only, read_opml

OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="News" title="News">
      <outline type="rss" text="The Harbor Herald" title="The Harbor Herald" xmlUrl="http://harbor-herald.test/rss.xml"
               htmlUrl="http://harbor-herald.test/"/>
      <outline type="rss" text="Valley Ledger" xmlUrl="http://valley-ledger.test/atom.xml" language="en"/>
    </outline>
    <outline text="A folder without feeds"/>
    <outline type="rss" text="Same name" xmlUrl="http://a.test/one.xml"/>
    <outline type="rss" text="Same name" xmlUrl="http://a.test/two.xml"/>
  </body>
</opml>
"""


web = module_web("sources", "--seed", "4", "--articles", "20")


def empty_config(web: Web, tmp_path: Path) -> Path:
    """A sources file with only the web's proxy route, as a user starts one."""
    proxy = load_config(web.sources).proxy
    path = tmp_path / "sources.toml"
    path.write_text(f'# mine\n[crawl]\nproxy = "{proxy}"\nproxy_hosts = [".test"]\n', encoding="utf-8")
    return path


def test_add_discovers_the_feed_of_a_home_page(web: Web, tmp_path: Path) -> None:
    config = empty_config(web, tmp_path)
    result = newsfold("sources", "add", "http://northgate-courier.test/", "--config", str(config), "--role", "original")
    assert result.returncode == 0, result.stderr
    (source,) = load_config(config).sources
    assert (source.name, source.url, source.role) == ("Northgate Courier", "http://northgate-courier.test/feed.atom",
                                                      "original")
    assert config.read_text().startswith("# mine\n")
    again = newsfold("sources", "add", "http://northgate-courier.test/feed.atom", "--config", str(config))
    assert again.returncode == 0 and "already in" in again.stdout and len(load_config(config).sources) == 1


def test_add_a_page_without_feeds_fails_with_one_line(web: Web, tmp_path: Path) -> None:
    config = empty_config(web, tmp_path)
    result = newsfold("sources", "add", "http://nowhere.test/", "--config", str(config))
    assert result.returncode == 1
    assert "no feed found" in result.stderr.splitlines()[-1]
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) <= 2


def test_import_opml_flattens_folders_and_keeps_names_unique(tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(OPML, encoding="utf-8")
    config = tmp_path / "sources.toml"
    result = newsfold("sources", "import", str(opml), "--config", str(config))
    assert result.returncode == 0, result.stderr
    names = [(s.name, s.url, s.language) for s in load_config(config).sources]
    assert names == [("The Harbor Herald", "http://harbor-herald.test/rss.xml", None),
                     ("Valley Ledger", "http://valley-ledger.test/atom.xml", "en"),
                     ("Same name", "http://a.test/one.xml", None), ("Same name (2)", "http://a.test/two.xml", None)]
    again = newsfold("sources", "import", str(opml), "--config", str(config))
    assert "0 sources added" in again.stdout and len(load_config(config).sources) == 4


@pytest.mark.parametrize("text, expected", [("<opml><body><outline", "not OPML"),
                                            ("<rss version='2.0'/>", "root element is <rss>")])
def test_bad_opml_is_one_line_naming_the_file(tmp_path: Path, text: str, expected: str) -> None:
    opml = tmp_path / "bad.opml"
    opml.write_text(text, encoding="utf-8")
    result = newsfold("sources", "import", str(opml), "--config", str(tmp_path / "s.toml"))
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert str(opml) in result.stderr and expected in result.stderr
    assert not (tmp_path / "s.toml").exists()


def test_opml_external_entities_are_refused(tmp_path: Path) -> None:
    opml = tmp_path / "xxe.opml"
    opml.write_text('<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    '<opml><body><outline text="&x;" xmlUrl="http://a.test/f.xml"/></body></opml>')
    with pytest.raises(OpmlError, match="external entity"):
        read_opml(opml)


def test_new_only_compares_normalised_urls(tmp_path: Path) -> None:
    config = tmp_path / "s.toml"
    config.write_text('[[sources]]\nname = "A"\nurl = "http://a.test/feed?utm_source=x"\n')
    added, skipped = new_only(config, [{"name": "A", "url": "http://A.test/feed", "kind": "feed"},
                                       {"name": "A", "url": "http://a.test/other", "kind": "feed"}])
    assert skipped == ["http://A.test/feed"] and added == [{"name": "A (2)", "url": "http://a.test/other",
                                                            "kind": "feed"}]


def test_health_lines_flag_sources_failing_five_times() -> None:
    rows = [{"name": "A", "kind": "feed", "last_success": "2026-12-01T07:00:00+00:00",
             "last_error": "http://a.test/p.html: HTTP 404", "failures_in_row": 0, "articles": 4, "copies": 1},
            {"name": "B", "kind": "sitemap", "last_success": None, "last_error": "http://b.test/: HTTP 500",
             "failures_in_row": 5, "articles": 0, "copies": 0}]
    a, b = health_lines(rows)
    assert "ok" in a and "4 articles, 25% copies" in a and "2026-12-01T07:00" in a and "HTTP 404" in a
    assert "FAILING (5 failures in a row)" in b and "never" in b and "HTTP 500" in b
