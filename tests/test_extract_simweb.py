"""Extraction over every template of the simulated web: bare headlines, bodies without the site's chrome.

Pages come from the simulated web's own renderer (`World.respond`, what its server sends), and are
checked against its truth: `World.headline(url)` and `World.body(url)`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from newsfold.extract import extract
from newsfold.simweb import build_world
from newsfold.simweb.templates import THEMES, Theme

WORLD = build_world(3, 90)
PAGES = {row.url: row.site for row in WORLD.truth}
TEMPLATES = sorted(site for site in THEMES if site in set(PAGES.values()))


def page(url: str) -> bytes:
    parts = urlsplit(url)
    status, _, body = WORLD.respond(parts.hostname or "", parts.path + (f"?{parts.query}" if parts.query else ""))
    assert status == 200, url
    return body


def chrome_of(theme: Theme) -> list[str]:
    """Texts the template prints around every article: cookie banner, related heading, newsletter."""
    return [text for text in (theme.cookie, theme.related_heading, theme.newsletter, "Share this article",
                              "Accept", "Manage settings", "Sponsored", "Advertisement") if text]


def test_every_article_template_is_covered() -> None:
    assert len(TEMPLATES) >= 9, TEMPLATES


@pytest.mark.parametrize("site", TEMPLATES)
def test_titles_keep_no_site_suffix(site: str) -> None:
    for url in [u for u, s in PAGES.items() if s == site]:
        article = extract(page(url), url)
        assert article.title == WORLD.headline(url), url
        assert site not in article.title and " | " not in article.title


@pytest.mark.parametrize("site", TEMPLATES)
def test_bodies_are_the_story_without_chrome(site: str) -> None:
    theme = THEMES[site]
    for url in [u for u, s in PAGES.items() if s == site]:
        text = extract(page(url), url).text
        assert text.splitlines() == list(WORLD.body(url)), url
        for chrome in chrome_of(theme):
            assert chrome not in text, (url, chrome)
        assert "Read the full story" not in text and "Related posts" not in text
