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
kind = "feed"                   # feed | sitemap | section
language = "en"                 # optional hint, stored with the source
role = "original"               # optional hint: "original" or "mirror"
max_age = "2d"                  # optional: skip entries published earlier (sitemaps default to 7d)
url_pattern = "/20\\d\\d/"        # optional (section): regex an article link's URL must match
depth = 2                       # optional (section): listing pages followed from the source page
```
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from newsfold.times import parse_span

SOURCE_KINDS = ("feed", "sitemap", "section")
ROLES = ("original", "mirror")
#: What a news sitemap or a section page holds beyond this is archive, not news (Google News only
#: lists the last two days in a news sitemap); a feed lists what its publisher thinks is current.
DEFAULT_MAX_AGE = {"feed": None, "sitemap": timedelta(days=7), "section": None}
DEFAULT_DEPTH = 2
#: Options a `[[sources]]` table may carry; anything else is a typo worth one clear line.
SOURCE_KEYS = {"name", "url", "kind", "language", "role", "max_age", "url_pattern", "depth"}


class ConfigError(Exception):
    """A sources file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Source:
    """One configured source. `role` and `language` are the user's hints, stored with the source;
    `url_pattern` None means the sections spider's default notion of an article link."""

    name: str
    url: str
    kind: str = "feed"
    language: str | None = None
    role: str | None = None
    max_age: timedelta | None = None
    url_pattern: str | None = None
    depth: int = DEFAULT_DEPTH


@dataclass(frozen=True)
class Config:
    path: Path
    sources: tuple[Source, ...]
    db: str | None = None
    digest: str | None = None
    proxy: str | None = None
    proxy_hosts: tuple[str, ...] = ()
    scrapy: dict[str, Any] = field(default_factory=dict)


def load_config(path: str | Path, require_sources: bool = True) -> Config:
    """Read and check a sources file; raise `ConfigError` saying which file and line is wrong.
    `require_sources=False` accepts a file that has no `[[sources]]` yet (one being filled in)."""
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
    if not sources and require_sources:
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

    def bad(message: str) -> ConfigError:
        return ConfigError(f"{path}:{line}: {message}")

    unknown = sorted(set(entry) - SOURCE_KEYS)
    if unknown:
        raise bad(f"unknown source option {unknown[0]!r} (known: {', '.join(sorted(SOURCE_KEYS))})")
    url = entry.get("url")
    if not isinstance(url, str) or not re.match(r"https?://[^/\s]+", url):
        raise bad(f"source needs an http(s) 'url', got {url!r}")
    kind = entry.get("kind", "feed")
    if kind not in SOURCE_KINDS:
        raise bad(f"unknown source kind {kind!r} (known: {', '.join(SOURCE_KINDS)})")
    role = entry.get("role")
    if role is not None and role not in ROLES:
        raise bad(f"role must be one of {', '.join(ROLES)}, got {role!r}")
    max_age = DEFAULT_MAX_AGE[kind]
    if "max_age" in entry:
        try:
            max_age = parse_span(str(entry["max_age"]))
        except ValueError as exc:
            raise bad(f"max_age: {exc}") from None
    pattern = entry.get("url_pattern")
    if pattern is not None:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            raise bad(f"url_pattern is not a regular expression: {exc}") from None
    depth = entry.get("depth", DEFAULT_DEPTH)
    if not isinstance(depth, int) or isinstance(depth, bool) or depth < 0:
        raise bad(f"depth must be a whole number >= 0, got {depth!r}")
    language = entry.get("language")
    return Source(name=str(entry.get("name") or url), url=url, kind=kind,
                  language=str(language) if language else None, role=role, max_age=max_age,
                  url_pattern=pattern, depth=depth)


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


def append_sources(path: Path, sources: list[dict[str, str]]) -> None:
    """Add `[[sources]]` tables at the end of a sources file (created if missing), keeping the user's
    text and comments above them as they are; the result must load, or nothing is written."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# newsfold sources\n"
    blocks = ["\n".join(["[[sources]]", *(f"{k} = {_toml(v)}" for k, v in s.items())]) for s in sources]
    updated = text.rstrip("\n") + "\n\n" + "\n\n".join(blocks) + "\n"
    candidate = path.with_name(path.name + ".new")
    candidate.write_text(updated, encoding="utf-8")
    try:
        load_config(candidate)
    except ConfigError:
        candidate.unlink()
        raise
    candidate.replace(path)


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
