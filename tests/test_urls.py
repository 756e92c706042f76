"""urls: one article, one key, whatever tracking a link carries."""

from newsfold.urls import domain_of, normalize_url


def test_tracking_parameters_and_fragments_are_dropped() -> None:
    plain = normalize_url("http://herald.test/world/storm-12.html?page=2")
    for variant in ("http://herald.test/world/storm-12.html?utm_source=rss&page=2&utm_medium=feed",
                    "http://HERALD.test/world/storm-12.html?page=2&fbclid=abc#comments",
                    "http://herald.test/world/storm-12.html?gclid=1&page=2&mtm_campaign=x"):
        assert normalize_url(variant) == plain


def test_meaningful_parameters_stay() -> None:
    assert normalize_url("http://herald.test/a?id=1") != normalize_url("http://herald.test/a?id=2")


def test_domain_drops_www_and_port() -> None:
    assert domain_of("https://www.Herald.test:8080/a") == "herald.test"


def test_a_page_day_gives_way_to_the_feed_time_on_that_day() -> None:
    from newsfold.times import more_precise

    assert more_precise("2026-11-20T00:00:00+00:00", "2026-11-20T09:41:00+00:00") == "2026-11-20T09:41:00+00:00"
    assert more_precise("2026-11-20T08:00:00+00:00", "2026-11-20T09:41:00+00:00") == "2026-11-20T08:00:00+00:00"
    assert more_precise("2026-11-19T00:00:00+00:00", "2026-11-20T09:41:00+00:00") == "2026-11-19T00:00:00+00:00"
    assert more_precise(None, "2026-11-20T09:41:00+00:00") == "2026-11-20T09:41:00+00:00"


def test_variants_of_a_url_are_www_or_not_over_http_and_https() -> None:
    from newsfold.urls import variants

    assert variants("https://www.herald.test/a?id=1") == {
        "http://www.herald.test/a?id=1", "http://herald.test/a?id=1", "https://herald.test/a?id=1"}
    assert variants("urn:newsfold:7") == set()


def test_an_article_stored_once_is_known_under_its_variants() -> None:
    from newsfold.extract import Extracted
    from newsfold.folding import StoryFolder
    from newsfold.storage import Store

    folder = StoryFolder(Store(":memory:"))
    text = " ".join(f"word{i}" for i in range(120))
    assert folder.fold(Extracted(url="https://www.herald.test/a", title="A", text=text), "Herald", "2026-11-20")
    assert folder.store.has_url("http://herald.test/a")
    assert folder.fold(Extracted(url="http://herald.test/a", title="A", text=text), "Herald", "2026-11-20") is None
