"""Hostile feed content through storage into every digest format: does any of it stay active?

Reads the `sanitize` cases of ../shared/corpora/feedparser-tests (never copied into the repository):
745 feeds whose titles, summaries and links carry script, event handlers, `javascript:` links and CSS
tricks. Each case is parsed by feedparser twice, with its sanitizer (as the crawl does) and without it
(the harsher input: raw markup), each entry (or, for feed-level cases, the feed's own title and
subtitle) is stored as an article through `Store`, and the case's digest is rendered in every format:

- HTML: parsed with lxml; a finding is any element the digest template does not itself use (script,
  img, svg, iframe, object, form, even a harmless <b>: markup from page text), a second <style>, any
  on* or style attribute, and any href/src that is not http(s) or a fragment;
- Atom: parsed back by feedparser, which must not set `bozo`, with one entry per story;
- JSON: must load; Markdown: no unescaped `<` or `](` (which would make HTML or a link).

Baseline in the same run: the same inputs in a naive page (f-strings, no escaping) through the same
HTML check, which shows the check finds the markup the cases carry.
Usage: python bench/digest_sanitize.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import io
import json
import re
import statistics
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import feedparser
from lxml import html as lxml_html

from newsfold.digest import FORMATS, build_digest
from newsfold.storage import NewArticle, Placement, Store
from newsfold.times import iso

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "feedparser-tests" / "wellformed" / "sanitize"
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
TEMPLATE_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "h3", "p", "nav",
                 "a", "section", "article", "span", "div", "ul", "li", "table", "thead", "tbody", "tr", "th", "td",
                 "footer"}
#: The digest's own links, `[title](<http...>)`; whatever else reads as HTML or a link came from the page.
MD_OWN_LINK = re.compile(r"\]\(<https?://[^\s<>]*>\)")
MD_ACTIVE = re.compile(r"(?<!\\)(<[A-Za-z!/?]|\]\()")


def entries(path: Path, sanitize: bool) -> list[tuple[str, str, str]]:
    """(title, summary, link) of each entry; a case without entries gives its feed's own fields."""
    parsed = feedparser.parse(io.BytesIO(path.read_bytes()), sanitize_html=sanitize,
                              response_headers={"content-location": "http://feeds.test/" + path.name})
    rows = [(e.get("title", ""), e.get("summary", "") or " ".join(c.value for c in e.get("content", [])),
             e.get("link", "")) for e in parsed.entries]
    if not rows:
        feed = parsed.feed
        rows = [(feed.get("title", ""), feed.get("subtitle", "") or feed.get("info", ""), feed.get("link", ""))]
    return rows


def store_case(rows: list[tuple[str, str, str]]) -> Store:
    store = Store(":memory:")
    for n, (title, summary, link) in enumerate(rows):
        url = link or f"http://feeds.test/entry-{n}"
        text = f"{summary}\n{title}" if summary else title or "(empty)"
        store.add_article(NewArticle(
            url=url, domain="feeds.test", source="feedparser-tests", title=title, text=text, fetched=iso(NOW),
            words=len(text.split()), content_hash=str(n), signature=b"", signature_version="bench",
            published=iso(NOW), section=title[:80] or None,
        ), Placement("original"))
    return store


def active_html(page: str) -> list[str]:
    """What in an HTML page could run, load, or restyle: one string per finding."""
    tree = lxml_html.fromstring(page.encode("utf-8"))
    found = [f"<{el.tag}>" for el in tree.iter() if isinstance(el.tag, str) and el.tag not in TEMPLATE_TAGS]
    found += [f"<style> #{i}" for i, _ in enumerate(tree.xpath("//style")[1:])]
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            if name.lower().startswith("on") or name.lower() == "style":
                found.append(f"@{name}")
            elif name.lower() in ("href", "src", "action", "formaction", "srcset") and not (
                    value.startswith(("http://", "https://", "#"))):
                found.append(f"@{name}={value[:30]}")
    return found


def naive_page(rows: list[tuple[str, str, str]]) -> str:
    """The baseline: what a renderer without escaping would write."""
    items = []
    for title, summary, link in rows:
        heading = f'<a href="{link}">{title}</a>' if link else title
        items.append(f"<article><h3>{heading}</h3><p>{summary}</p></article>")
    return f"<!DOCTYPE html><html><head><title>x</title></head><body><main>{''.join(items)}</main></body></html>"


def run(corpus: Path, sanitize: bool) -> dict:
    cases = sorted(corpus.glob("*.xml"))
    counts: Counter = Counter()
    kinds: Counter = Counter()
    baseline_kinds: Counter = Counter()
    timings: dict[str, list[float]] = {name: [] for name in FORMATS}
    for path in cases:
        rows = entries(path, sanitize)
        counts["entries"] += len(rows)
        store = store_case(rows)
        digest = build_digest(store.db, datetime(2000, 1, 1, tzinfo=timezone.utc), NOW)
        store.close()
        texts = {}
        for name, fmt in FORMATS.items():
            started = time.perf_counter()
            texts[name] = fmt.render(digest)
            timings[name].append(time.perf_counter() - started)
        findings = active_html(texts["html"])
        counts["html_active_cases"] += bool(findings)
        kinds.update(findings)
        atom = feedparser.parse(io.BytesIO(texts["atom"].encode("utf-8")))
        counts["atom_bozo"] += bool(atom.bozo) or len(atom.entries) != len(digest.stories)
        json.loads(texts["json"])
        counts["md_active_cases"] += bool(MD_ACTIVE.search(MD_OWN_LINK.sub("", texts["md"])))
        naive = active_html(naive_page(rows))
        counts["baseline_active_cases"] += bool(naive)
        baseline_kinds.update(naive)
    return {"sanitize": sanitize, "cases": len(cases), **counts, "html_findings": dict(kinds.most_common(5)),
            "baseline_findings": dict(baseline_kinds.most_common(6)),
            "median_ms": {name: round(statistics.median(t) * 1000, 3) for name, t in timings.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus}: no such folder (the feedparser-tests corpus)")
    for sanitize in (True, False):
        print(json.dumps(run(args.corpus, sanitize)))


if __name__ == "__main__":
    main()
