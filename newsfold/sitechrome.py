"""Each site's own chrome, learned from its pages: lines that recur across many pages of one domain.

No generic rule knows a mirror's house lines ("Shared from our partners", a fixed disclaimer, a
promo for its app); but they stand, word for word, on page after page of that domain, while a
story's sentences stand on one page. So a short line seen on at least `min_pages` pages of a
domain, and on at least `min_share` of the pages seen there, is that domain's chrome. The counts
are kept in the database (`Store.site_chrome` / `Store.save_site_chrome`), so the next crawl starts
knowing what this one learned. A story republished on the same domain twice would look like chrome
to a naive count; the share floor and the length cap keep its paragraphs out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsfold.boilerplate import word_count

#: A line longer than this is prose even if it recurs (a wire story's lead quoted on two pages).
MAX_WORDS = 25


def line_key(line: str) -> str:
    """A line's identity across pages: case, spacing and punctuation folded."""
    return re.sub(r"\W+", " ", line.casefold()).strip()


@dataclass
class SiteChrome:
    """Counts of short lines per domain, and the lines that have become that domain's chrome."""

    min_pages: int = 3
    min_share: float = 0.3
    pages: Counter[str] = field(default_factory=Counter)
    seen: dict[str, Counter[str]] = field(default_factory=dict)
    examples: dict[tuple[str, str], str] = field(default_factory=dict)
    #: Domains and (domain, key) of the lines counted since `load`: only these need saving.
    changed_domains: set[str] = field(default_factory=set)
    changed: set[tuple[str, str]] = field(default_factory=set)

    def load(self, domain_pages: Iterable[tuple[str, int]], lines: Iterable[tuple[str, str, str, int]]) -> None:
        """Start from what earlier crawls learned (the rows of `Store.site_chrome`)."""
        for domain, pages in domain_pages:
            self.pages[domain] += pages
        for domain, key, line, pages in lines:
            self.seen.setdefault(domain, Counter())[key] += pages
            self.examples[(domain, key)] = line

    def observe(self, domain: str, text: str) -> None:
        """Count one page's short lines (each once, however often the page repeats it)."""
        self.pages[domain] += 1
        self.changed_domains.add(domain)
        counts = self.seen.setdefault(domain, Counter())
        for line in {line.strip() for line in text.splitlines()}:
            key = line_key(line)
            if key and word_count(line) <= MAX_WORDS:
                counts[key] += 1
                self.examples.setdefault((domain, key), line)
                self.changed.add((domain, key))

    def is_chrome(self, domain: str, line: str) -> bool:
        count = self.seen.get(domain, Counter()).get(line_key(line), 0)
        return count >= self.min_pages and count >= self.min_share * self.pages[domain]

    def strip(self, domain: str, text: str) -> tuple[str, int]:
        """`text` without the domain's chrome lines, and how many lines went."""
        lines = text.splitlines()
        kept = [line for line in lines if not self.is_chrome(domain, line)]
        return "\n".join(kept), len(lines) - len(kept)

    def learned(self) -> tuple[list[tuple[str, int]], list[tuple[str, str, str, int]]]:
        """What changed since `load`, for `Store.save_site_chrome`: pages per domain, and (domain, key,
        line, pages) of every line counted, even once, so that lines seen once per crawl add up."""
        lines = [(domain, key, self.examples[(domain, key)], self.seen[domain][key]) for domain, key in self.changed]
        return [(domain, self.pages[domain]) for domain in sorted(self.changed_domains)], sorted(lines)
