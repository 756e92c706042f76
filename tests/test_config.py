"""config: sources files, and errors that name the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfold.config import ConfigError, dump_config, load_config, tomllib

GOOD = """[crawl]
proxy = "http://127.0.0.1:9"
proxy_hosts = [".test"]

[scrapy]
DOWNLOAD_TIMEOUT = 5

[[sources]]
name = "Herald"
url = "http://herald.test/rss.xml"

[[sources]]
url = "http://other.test/atom.xml"
kind = "feed"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_sources_and_options(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD))
    assert [s.name for s in config.sources] == ["Herald", "http://other.test/atom.xml"]
    assert config.proxy == "http://127.0.0.1:9" and config.proxy_hosts == (".test",)
    assert config.scrapy == {"DOWNLOAD_TIMEOUT": 5}


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        (GOOD.replace('proxy_hosts = [".test"]', "proxy_hosts = [.test"), ":3:", "invalid TOML"),
        (GOOD.replace('url = "http://other.test/atom.xml"', 'url = "ftp://x"'), ":12:", "http(s) 'url'"),
        (GOOD.replace('kind = "feed"', 'kind = "gopher"'), ":12:", "unknown source kind"),
        (GOOD.replace('url = "http://other.test/atom.xml"', 'name = "Herald"\nurl = "http://x.test/"'),
         ":12:", "duplicate source name"),
        ("[crawl]\n", ":1:", "no [[sources]]"),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, text: str, where: str, what: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value).startswith(f"{path}{where}") and what in str(err.value)


def test_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "nope.toml")


def test_dump_round_trips(tmp_path: Path) -> None:
    text = dump_config([{"name": 'Quote "Q"', "url": "http://q.test/rss", "kind": "feed"}],
                       {"proxy": "http://127.0.0.1:1", "proxy_hosts": [".test"]}, {"RETRY_TIMES": 1, "X": 0.5})
    assert tomllib.loads(text)["sources"][0]["name"] == 'Quote "Q"'
    assert load_config(write(tmp_path, text)).scrapy == {"RETRY_TIMES": 1, "X": 0.5}
