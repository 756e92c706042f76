"""sources.toml: feed, sitemap and section sources with their options; appending sources keeps the file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from test_config import write

from newsfold.config import ConfigError, append_sources, load_config

KINDS = """[[sources]]
name = "Herald"
url = "http://herald.test/rss.xml"
language = "en"
role = "original"
max_age = "2d"

[[sources]]
name = "Herald sitemap"
url = "http://herald.test/sitemap-index.xml"
kind = "sitemap"

[[sources]]
name = "Herald world"
url = "http://herald.test/section/world"
kind = "section"
url_pattern = "/world/[a-z0-9-]+-\\\\d+\\\\.html$"
depth = 4
role = "mirror"
"""


def test_every_kind_with_its_options(tmp_path: Path) -> None:
    feed, sitemap, section = load_config(write(tmp_path, KINDS)).sources
    assert (feed.kind, feed.language, feed.role, feed.max_age) == ("feed", "en", "original", timedelta(days=2))
    assert sitemap.kind == "sitemap" and sitemap.max_age == timedelta(days=7)  # sitemaps default to a week
    assert section.kind == "section" and section.depth == 4 and section.role == "mirror"
    assert section.url_pattern == r"/world/[a-z0-9-]+-\d+\.html$" and section.max_age is None


@pytest.mark.parametrize("option, expected", [
    ('kind = "podcast"', ":1: unknown source kind 'podcast'"),
    ('role = "copycat"', ":1: role must be one of original, mirror"),
    ('max_age = "soon"', ":1: max_age: not a time span"),
    ('url_pattern = "(unclosed"', ":1: url_pattern is not a regular expression"),
    ("depth = -1", ":1: depth must be a whole number"),
    ('lang = "en"', ":1: unknown source option 'lang'"),
])
def test_bad_option_names_file_and_line(tmp_path: Path, option: str, expected: str) -> None:
    path = write(tmp_path, f'[[sources]]\nurl = "http://a.test/rss"\n{option}\n')
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value).startswith(str(path)) and expected in str(error.value)


def test_append_keeps_the_users_text_and_refuses_a_bad_result(tmp_path: Path) -> None:
    path = write(tmp_path, '# my sources\n[crawl]\ndb = "x.db"  # keep\n\n[[sources]]\nurl = "http://a.test/rss"\n')
    append_sources(path, [{"name": "B", "url": "http://b.test/feed", "kind": "feed"}])
    text = path.read_text()
    assert text.startswith('# my sources\n[crawl]\ndb = "x.db"  # keep\n')
    assert [s.name for s in load_config(path).sources] == ["http://a.test/rss", "B"]
    with pytest.raises(ConfigError, match="duplicate source name"):
        append_sources(path, [{"name": "B", "url": "http://b.test/other"}])
    assert path.read_text() == text and not list(tmp_path.glob("*.new"))


def test_append_creates_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    append_sources(path, [{"name": "C", "url": "http://c.test/atom.xml"}])
    assert load_config(path).sources[0].url == "http://c.test/atom.xml"
