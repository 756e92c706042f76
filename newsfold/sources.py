"""Managing the sources file: feeds discovered from a home page, an OPML import, each source's health.

`newsfold sources add|import|list` is a thin layer over these functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import lxml.etree

from newsfold.config import load_config
from newsfold.urls import normalize_url

#: Failures in a row from which `sources list` flags a source; it is still tried every run.
FAILING = 5


class OpmlError(Exception):
    """An OPML file that cannot be read; the message names the file."""


@dataclass(frozen=True)
class Discovery:
    feeds: list[dict[str, str]]  # [[sources]] entries, ready to append
    problems: list[str]


def discover(url: str, config: Path) -> Discovery:
    """Fetch `url` with Scrapy (robots.txt, the job's User-Agent, the sources file's proxy routes) and
    return the feeds it offers. Starts a reactor: call once per process."""
    from scrapy.crawler import AsyncCrawlerProcess

    from newsfold.crawl import crawl_settings
    from newsfold.spiders.discover import DiscoverSpider

    process = AsyncCrawlerProcess(crawl_settings(config, None, progress=False))
    crawler = process.create_crawler(DiscoverSpider)
    process.crawl(crawler, url=url)
    process.start()
    spider = crawler.spider
    feeds = [{"name": f.title, "url": f.url, "kind": "feed"} for f in spider.found]
    return Discovery(feeds, spider.problems)


def read_opml(path: Path) -> list[dict[str, str]]:
    """The feeds of an OPML subscription list (a feed reader's export), folders flattened."""
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    try:
        root = lxml.etree.parse(str(path), parser).getroot()
    except OSError as exc:
        raise OpmlError(f"{path}: cannot read: {exc}") from None
    except lxml.etree.XMLSyntaxError as exc:
        raise OpmlError(f"{path}:{exc.lineno}: not OPML: {exc.msg}") from None
    if root.tag != "opml":
        raise OpmlError(f"{path}:{root.sourceline}: not OPML: the root element is <{root.tag}>")
    feeds = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url.startswith(("http://", "https://")):
            name = (outline.get("title") or outline.get("text") or url).strip()
            feed = {"name": name, "url": url, "kind": "feed"}
            if outline.get("language"):
                feed["language"] = outline.get("language")
            feeds.append(feed)
    return feeds


def new_only(config: Path, candidates: list[dict[str, str]]) -> tuple[list[dict[str, str]], list[str]]:
    """The candidates not in the sources file yet (by normalised URL), with names made unique;
    and the URLs left out as already there."""
    existing = load_config(config, require_sources=False).sources if config.exists() else ()
    urls = {normalize_url(s.url) for s in existing}
    names = {s.name for s in existing}
    added, skipped = [], []
    for candidate in candidates:
        key = normalize_url(candidate["url"])
        if key in urls:
            skipped.append(candidate["url"])
            continue
        name, n = candidate["name"], 2
        while name in names:
            name, n = f"{candidate['name']} ({n})", n + 1
        urls.add(key)
        names.add(name)
        added.append({**candidate, "name": name})
    return added, skipped


def health_lines(rows: list[dict]) -> list[str]:
    """One line per source: kind, last success, failures in a row, articles and copy share, last error."""
    lines = []
    for row in rows:
        share = f", {row['copies'] / row['articles']:.0%} copies" if row["articles"] else ""
        failing = row["failures_in_row"]
        in_row = f"{failing} failure{'s' if failing > 1 else ''} in a row"
        flag = f"FAILING ({in_row})" if failing >= FAILING else (in_row if failing else "ok")
        error = f"; last error {row['last_error']}" if row["last_error"] else ""
        lines.append(f"{row['name']} [{row['kind']}] {flag}; last success {row['last_success'] or 'never'}; "
                     f"{row['articles']} articles{share}{error}")
    return lines
