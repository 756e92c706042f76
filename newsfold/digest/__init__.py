"""The digest people read: the window's stories, most widely carried first, in four formats.

`build_digest` reads the database once into a `Digest` whose text is already safe to show; each
format module renders that: Markdown, one self-contained HTML page, an Atom feed, JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from newsfold.digest.atom import render_atom
from newsfold.digest.html_page import render_html
from newsfold.digest.json_doc import render_json
from newsfold.digest.markdown import render_markdown
from newsfold.digest.model import Digest, DigestStory, build_digest
from newsfold.digest.text import lead_sentences
from newsfold.storage import Store
from newsfold.storage.queries import last_digest, record_digest
from newsfold.times import iso, parse_time


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    render: Callable[[Digest], str]


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("md", ".md", render_markdown),
    Format("html", ".html", render_html),
    Format("atom", ".xml", render_atom),
    Format("json", ".json", render_json),
)}


def output_paths(out: Path, formats: list[str]) -> dict[str, Path]:
    """Where each format goes: `out` itself for one format, files side by side named after it for several."""
    if len(formats) == 1:
        return {formats[0]: out}
    return {name: out.with_suffix(FORMATS[name].suffix) for name in formats}


def window_start(store: Store, now: datetime, span: timedelta, since_last: bool) -> datetime:
    """The start of the digest's window: `span` ago, or the previous digest's time with `since_last`
    (falling back to `span` before the first digest)."""
    previous = parse_time(last_digest(store.db)) if since_last else None
    return previous or now - span


def render_digest(store: Store, since: datetime, now: datetime, formats: list[str],
                  limit: int = 200) -> tuple[Digest, dict[str, str]]:
    """The window's digest rendered in each format (nothing written, nothing recorded)."""
    digest = build_digest(store.db, since, now, limit)
    return digest, {name: FORMATS[name].render(digest) for name in formats}


def record(store: Store, digest: Digest, formats: list[str]) -> None:
    """Note that `digest` was delivered, so that the next `--since-last` starts where it ended; only
    once it is delivered, or a failed write would make the next digest skip its stories."""
    record_digest(store.db, iso(digest.generated), iso(digest.since), len(digest.stories), formats)


def write_digest(store: Store, since: datetime, now: datetime, outputs: dict[str, Path],
                 limit: int = 200) -> Digest:
    """Render the window's digest into each format's file (see `output_paths`), folders made as
    needed, and record it. Raises OSError when a file cannot be written."""
    digest, texts = render_digest(store, since, now, list(outputs), limit)
    for name, path in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(texts[name], encoding="utf-8")
    record(store, digest, list(outputs))
    return digest


__all__ = [
    "FORMATS",
    "Digest",
    "DigestStory",
    "build_digest",
    "lead_sentences",
    "output_paths",
    "record",
    "render_atom",
    "render_digest",
    "render_html",
    "render_json",
    "render_markdown",
    "window_start",
    "write_digest",
]
