"""URLs before the "already stored?" check: AMP variants map to their article, as tracking does."""

from __future__ import annotations

import pytest

from newsfold.spiders.sections import looks_like_article
from newsfold.urls import normalize_url


@pytest.mark.parametrize("variant, article", [
    ("https://news.test/2026/03/storm-hits/amp/", "https://news.test/2026/03/storm-hits/"),
    ("https://news.test/world/storm-hits-12/amp", "https://news.test/world/storm-hits-12"),
    ("https://news.test/amp/world/storm-hits-12.html", "https://news.test/world/storm-hits-12.html"),
    ("https://news.test/world/storm-hits-12.amp.html", "https://news.test/world/storm-hits-12.html"),
    ("https://news.test/world/storm-hits-12?outputType=amp&utm_source=x", "https://news.test/world/storm-hits-12"),
    ("https://news.test/world/storm-hits-12?amp=1#top", "https://news.test/world/storm-hits-12"),
    ("https://news-test.cdn.ampproject.org/c/s/news.test/world/storm-hits-12.html?amp",
     "https://news.test/world/storm-hits-12.html"),
])
def test_amp_variants_map_to_the_article(variant: str, article: str) -> None:
    assert normalize_url(variant) == normalize_url(article)


@pytest.mark.parametrize("url", ["https://news.test/science/ampere-units-1234", "https://news.test/x?output=json",
                                 "https://news.test/stamp/12"])
def test_words_that_only_contain_amp_stay(url: str) -> None:
    assert normalize_url(url) == url


@pytest.mark.parametrize("url, article", [
    ("http://my-local-news-site.test/", False),
    ("http://my-local-news-site.test/section/world?page=2", False),
    ("http://paper.test/about", False),
    ("http://paper.test/2026/03/10/storm", True),
    ("http://paper.test/story/10023", True),
    ("http://paper.test/read.php?id=10023", True),
    ("http://paper.test/p/5bd1e995/storm-closes-the-northern-port", True),
])
def test_default_article_link_guess(url: str, article: bool) -> None:
    assert looks_like_article(url) is article
