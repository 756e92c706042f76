"""`sources.toml`: the sources to crawl and the job's options.

```toml
[crawl]
db = "news.db"                  # optional; --db overrides it
digest = "digest.md"            # optional; --out overrides it
proxy = "http://127.0.0.1:8765" # optional: route the hosts below through this HTTP proxy
proxy_hosts = [".test"]

[scrapy]                        # optional Scrapy settings overrides
DOWNLOAD_TIMEOUT = 20

[[sources]]
name = "The Harbor Herald"
url = "http://harbor-herald.test/rss.xml"
kind = "feed"
```
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

SOURCE_KINDS = ("feed",)


class ConfigError(Exception):
    """A sources file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    kind: str = "feed"


@dataclass(frozen=True)
class Config:
    path: Path
    sources: tuple[Source, ...]
    db: str | None = None
    digest: str | None = None
    proxy: str | None = None
    proxy_hosts: tuple[str, ...] = ()
    scrapy: dict[str, Any] = field(default_factory=dict)


def load_config(path: str | Path) -> Config:
    """Read and check a sources file; raise `ConfigError` saying which file and line is wrong."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = match.group(1) if match else "?"
        raise ConfigError(f"{path}:{line}: invalid TOML: {exc}") from None
    sources = tuple(_source(path, text, i, entry) for i, entry in enumerate(data.get("sources", [])))
    if not sources:
        raise ConfigError(f"{path}:1: no [[sources]] defined")
    crawl = data.get("crawl", {})
    names = [s.name for s in sources]
    for i, name in enumerate(names):
        if name in names[:i]:
            raise ConfigError(f"{path}:{_table_line(text, i)}: duplicate source name {name!r}")
    return Config(
        path=path,
        sources=sources,
        db=crawl.get("db"),
        digest=crawl.get("digest"),
        proxy=crawl.get("proxy"),
        proxy_hosts=tuple(crawl.get("proxy_hosts", ())),
        scrapy=dict(data.get("scrapy", {})),
    )


def _source(path: Path, text: str, index: int, entry: dict[str, Any]) -> Source:
    line = _table_line(text, index)
    url = entry.get("url")
    if not isinstance(url, str) or not re.match(r"https?://[^/\s]+", url):
        raise ConfigError(f"{path}:{line}: source needs an http(s) 'url', got {url!r}")
    kind = entry.get("kind", "feed")
    if kind not in SOURCE_KINDS:
        raise ConfigError(f"{path}:{line}: unknown source kind {kind!r} (known: {', '.join(SOURCE_KINDS)})")
    return Source(name=str(entry.get("name") or url), url=url, kind=kind)


def _table_line(text: str, index: int) -> int:
    """Line number of the index-th `[[sources]]` header; tomllib reports no positions for values."""
    headers = [n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith("[[sources]]")]
    return headers[index] if index < len(headers) else 1


def dump_config(sources: list[dict[str, str]], crawl: dict[str, Any], scrapy: dict[str, Any]) -> str:
    """Write a sources file (the simulated web writes its own). Values are str, number, bool or list."""
    lines = ["# newsfold sources", "[crawl]"]
    lines += [f"{key} = {_toml(value)}" for key, value in crawl.items()]
    lines += ["", "[scrapy]"] + [f"{key} = {_toml(value)}" for key, value in scrapy.items()]
    for source in sources:
        lines += ["", "[[sources]]"] + [f"{key} = {_toml(value)}" for key, value in source.items()]
    return "\n".join(lines) + "\n"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
