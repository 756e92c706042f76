"""How far any choice among a page's own titles can go on fundus-pages: the ceiling of a title rule.

For each page, the titles the page states (og:title, twitter:title, the first <h1>, <title>, the
JSON-LD headline) are compared with the expected title, folded as ../shared/eval/score_extraction.py
folds them. Printed: the share each source alone gets right, the share an oracle that always picks a
right one would get, and the same oracle allowed newsfold's own title too (from `newsfold extract`
output, if given). Reads the corpus in place; nothing is copied.

usage: python bench/title_sources.py [--extracted bench/out/newsfold.jsonl]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

from lxml import html

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "fundus-pages"
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
from score_extraction import norm_title  # noqa: E402  (the scorer is a script, not a package)

HEADLINE = re.compile(r'"headline"\s*:\s*"((?:[^"\\]|\\.)*)"')


def stated_titles(page: html.HtmlElement) -> dict[str, str | None]:
    """The titles a page states, by where it states them."""
    def first(xpath: str) -> str | None:
        found = page.xpath(xpath)
        return (found[0] if isinstance(found[0], str) else found[0].text_content()).strip() if found else None

    headline = None
    for script in page.xpath('//script[@type="application/ld+json"]/text()'):
        if match := HEADLINE.search(script):
            try:
                headline = json.loads(f'"{match.group(1)}"')
            except ValueError:
                headline = match.group(1)
            break
    return {"og:title": first('//meta[@property="og:title"]/@content'),
            "twitter:title": first('//meta[@name="twitter:title"]/@content'),
            "h1": first("//h1"), "title": first("//title"), "JSON-LD headline": headline}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extracted", type=Path, default=ROOT / "bench" / "out" / "newsfold.jsonl")
    args = parser.parse_args()
    ours = {}
    if args.extracted.exists():
        ours = {o["id"]: o.get("title") for o in map(json.loads, args.extracted.open(encoding="utf-8"))}
    items = [json.loads(line) for line in (CORPUS / "items.jsonl").open(encoding="utf-8")]
    right: dict[str, int] = {}
    oracle = oracle_with_ours = 0
    for item in items:
        expected = norm_title(item.get("title"))
        page = html.fromstring(gzip.open(CORPUS / item["html_path"]).read())
        hits = {source for source, title in stated_titles(page).items() if title and norm_title(title) == expected}
        for source in hits:
            right[source] = right.get(source, 0) + 1
        oracle += bool(hits)
        oracle_with_ours += bool(hits) or norm_title(ours.get(item["id"])) == expected
    pages = len(items)
    for source in ("og:title", "twitter:title", "h1", "title", "JSON-LD headline"):
        print(f"{source:>18} alone: {right.get(source, 0) / pages:.4f}")
    print(f"an oracle picking among them: {oracle / pages:.4f} of {pages} pages")
    if ours:
        print(f"the same oracle allowed newsfold's title too: {oracle_with_ours / pages:.4f}")


if __name__ == "__main__":
    main()
