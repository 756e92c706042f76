"""Many pages in, one JSON record per page out: what `newsfold extract` runs, usable from Python.

Inputs are HTML files (plain or gzipped), folders of them, or a JSONL list of `{id, url, html_path}`
whose paths are relative to the list's folder. Pages are extracted in two passes: the first
extracts every page and counts each domain's recurring lines (`newsfold.sitechrome`), the second
strips the lines that turned out to be a domain's chrome, so the first page of a site is cleaned as
well as its last. A page that cannot be read or holds no article gives a record with an `error`.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from newsfold.boilerplate import word_count
from newsfold.extract import MIN_WORDS, Extracted, ExtractionError, extract
from newsfold.sitechrome import SiteChrome
from newsfold.urls import domain_of

#: File names taken from a folder.
PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".gz")
#: The fields of a record, in the order they are written.
FIELDS = ("id", "url", "title", "text", "authors", "published", "modified", "language", "canonical_url",
          "image", "site_name")


@dataclass(frozen=True)
class PageInput:
    """One page to extract: an id for the output line, the page's URL and where its HTML is."""

    id: str
    url: str
    path: Path


class InputError(Exception):
    """An input list that cannot be read at all (the message names the file)."""


def pages_from_paths(paths: Iterable[Path], url: str | None = None) -> Iterator[PageInput]:
    """Files as given and the page files of folders (sorted); the URL is `url` or the file's file: URL."""
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(PAGE_SUFFIXES)) \
            if path.is_dir() else [path]
        for file in files:
            yield PageInput(str(file), url or file.resolve().as_uri(), file)


def pages_from_items(items: Path) -> Iterator[PageInput | dict]:
    """Pages listed in a JSONL file; a bad line gives an error record instead."""
    try:
        lines = items.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{items}: cannot read: {exc}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            yield PageInput(str(obj.get("id", number)), str(obj["url"]), items.parent / str(obj["html_path"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            yield {"id": str(number), "error": f"{items}:{number}: not an object with url and html_path"}


def read_page(path: Path) -> bytes:
    """The page's bytes, gunzipped when the file is gzip (by its magic number, whatever its name)."""
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def record(article: Extracted, key: str) -> dict:
    values = article.as_dict()
    return {"id": key, **{name: values[name] for name in FIELDS[1:]}}


def extract_pages(pages: Iterable[PageInput | dict], chrome: SiteChrome | None = None) -> Iterator[dict]:
    """One record per page, in input order, with each domain's learned chrome stripped (two passes)."""
    chrome = chrome if chrome is not None else SiteChrome()
    done: list[tuple[str, Extracted] | dict] = []
    for page in pages:
        if isinstance(page, dict):
            done.append(page)
            continue
        try:
            article = extract(read_page(page.path), page.url)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            done.append({"id": page.id, "url": page.url, "error": f"cannot read {page.path}: {exc}"})
            continue
        except ExtractionError as exc:
            done.append({"id": page.id, "url": page.url, "error": str(exc)})
            continue
        chrome.observe(domain_of(article.url), article.text)
        done.append((page.id, article))
    for item in done:
        yield item if isinstance(item, dict) else record(strip_learned(chrome, item[1]), item[0])


def strip_learned(chrome: SiteChrome, article: Extracted) -> Extracted:
    """The article without its domain's learned chrome lines, unless that would leave no article."""
    text, cut = chrome.strip(domain_of(article.url), article.text)
    return replace(article, text=text) if cut and word_count(text) >= MIN_WORDS else article
