"""extract: titles without site names, declared metadata, and bad pages that must not crash."""

from __future__ import annotations

import json

import pytest

from newsfold.extract import ExtractionError, extract
from newsfold.pagemeta import clean_authors
from newsfold.titles import site_keys, strip_site

BODY = "".join(
    f"<p>Paragraph {i}: the harbour authority said on Tuesday that repairs to the northern pier would "
    f"take at least {i + 3} weeks, and that ferries would use the southern terminal until then.</p>"
    for i in range(6)
)


def page(head: str = "", title: str = "Pier repairs to take weeks | Local | herald.test",
         h1: str = "Pier repairs to take weeks", lang: str = "en") -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
            f'<body><nav><a href="/">Home</a> <a href="/local">Local</a></nav><article><h1>{h1}</h1>{BODY}'
            f"</article><footer>© Herald</footer></body></html>")


@pytest.mark.parametrize(
    "title",
    ["Pier repairs to take weeks | Local | herald.test", "Herald: Pier repairs to take weeks",
     "Pier repairs to take weeks - The Herald", "Pier repairs to take weeks"],
)
def test_title_loses_site_name_and_section(title: str) -> None:
    head = '<meta property="og:site_name" content="The Herald">'
    assert extract(page(head, title=title, h1="x"), "http://herald.test/a").title == "Pier repairs to take weeks"


def test_colon_inside_a_headline_is_kept() -> None:
    keys = site_keys("The Herald", "herald.test")
    assert strip_site("Storm warning: residents told to leave | herald.test", keys) == \
        "Storm warning: residents told to leave"


def test_h1_wins_when_the_title_contains_it() -> None:
    article = extract(page(title="Pier repairs to take weeks « Harbour news « Herald"), "http://herald.test/a")
    assert article.title == "Pier repairs to take weeks"


def test_declared_metadata_is_read() -> None:
    head = ('<link rel="canonical" href="/local/pier-repairs">'
            '<meta property="article:published_time" content="2026-11-20T09:30:00+01:00">'
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
            '"author": [{"@type": "Person", "name": "Ana Ortiz"}, {"@type": "Person", "name": "Li Wei"}]}'
            "</script>")
    article = extract(page(head), "http://herald.test/local/pier-repairs?utm_source=x")
    assert article.canonical_url == "http://herald.test/local/pier-repairs"
    assert article.published == "2026-11-20T09:30:00+01:00"  # the publisher's own offset, so its own day
    assert article.authors == ["Ana Ortiz", "Li Wei"]
    assert article.language == "en"
    assert "northern pier" in article.text and "Home" not in article.text


def test_json_ld_date_is_used_without_meta() -> None:
    head = ('<script type="application/ld+json">{"@graph": [{"@type": "WebSite"}, '
            '{"@type": "NewsArticle", "datePublished": "2026-11-18T07:00:00Z"}]}</script>')
    assert extract(page(head), "http://herald.test/a").published == "2026-11-18T07:00:00+00:00"


def test_legacy_encoding_without_charset_header_gives_right_text() -> None:
    text = "Ремонт причала займёт несколько недель, сообщили в администрации порта во вторник."
    html = ('<html lang="ru"><head><meta charset="windows-1251"><title>Причал</title></head><body><article>'
            + "".join(f"<p>{text} Работы начнутся через {n} дней.</p>" for n in range(6))
            + "</article></body></html>").encode("cp1251")
    assert "Ремонт причала займёт" in extract(html, "http://herald.test/ru").text


@pytest.mark.parametrize("content", [b"", b"   ", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
                                     b"<html><body><nav>Home</nav></body></html>"])
def test_pages_without_an_article_raise_a_clear_error(content: bytes) -> None:
    with pytest.raises(ExtractionError):
        extract(content, "http://herald.test/x")


def test_broken_markup_still_extracts() -> None:
    html = page().replace("</p>", "").replace("</article>", "").replace("</html>", "")[:-50]
    assert "harbour authority" in extract(html, "http://herald.test/a").text


def test_an_app_shell_page_is_read_from_its_hydration_data() -> None:
    state = {"queries": [{"data": {"detail": {"contentHtml": BODY.replace("<p>", "<p class='x'>")}}}]}
    script = f'window["__STATE__"] = window["__STATE__"] || [];window["__STATE__"].push({json.dumps(state)});'
    html = (f'<html><head><title>Pier repairs to take weeks | herald.test</title></head><body><div id="root">'
            f"</div><script>{script.replace('<', chr(92) + 'u003c')}</script></body></html>")
    article = extract(html, "http://herald.test/app/1")
    assert "northern pier" in article.text and article.title == "Pier repairs to take weeks"
    assert article.body_source == "hydration"


def test_a_next_story_appended_by_endless_scroll_is_left_out() -> None:
    other = ("<article><h1>Council elects new mayor</h1><p>" + "The council met on Monday night. " * 12
             + "</p></article>")
    article = extract(page().replace("</article>", "</article>" + other), "http://herald.test/a")
    assert "northern pier" in article.text and "council" not in article.text.lower()


def test_the_declared_article_body_wins_when_it_holds_all_we_found_and_much_more() -> None:
    more = " ".join(f"Paragraph {i}: the ferry company said it would add {i} crossings a day." for i in range(40))
    declared = BODY.replace("</p><p>", " ").replace("<p>", "").replace("</p>", "") + " " + more
    head = ('<script type="application/ld+json">' + json.dumps({"@type": "NewsArticle", "articleBody": declared})
            + "</script>")
    assert "40 crossings" not in extract(page(), "http://herald.test/a").text
    article = extract(page(head), "http://herald.test/a")
    assert "39 crossings" in article.text and article.body_source == "declared"
    unrelated = json.dumps({"@type": "NewsArticle", "articleBody": more})  # holds none of the page's text
    head = f'<script type="application/ld+json">{unrelated}</script>'
    assert "crossings" not in extract(page(head), "http://herald.test/a").text


@pytest.mark.parametrize(("raw", "names"), [
    (["By Ana Ortiz and Li Wei, Senior Reporter"], ["Ana Ortiz", "Li Wei"]),
    (["Von: Elena Oberholzer (obe), Oliver Maksan (oma)"], ["Elena Oberholzer", "Oliver Maksan"]),
    (["AFP"], ["AFP"]),
    (["https://example.org/staff/ana", "Jetzt testen", "HomeEnglishESG PROMeinungPersonen"], []),
    (["Ursula von der Leyen", "Sweidah 05.01.2025"], ["Ursula von der Leyen", "Sweidah"]),
])
def test_author_names_are_cleaned(raw: list[str], names: list[str]) -> None:
    assert clean_authors(raw) == names


def test_a_printed_byline_that_names_the_site_is_not_an_author() -> None:
    head = '<meta property="og:site_name" content="The Herald">'
    html = page(head).replace("<article>", '<article><p class="byline">The Herald</p>')
    assert extract(html, "http://herald.test/a").authors == []


LEAD = "Ferries will sail from the southern terminal for a month while the storm damage is repaired."


def test_the_printed_standfirst_leads_the_body() -> None:
    head = f'<meta property="og:description" content="{LEAD}">'
    printed = LEAD.replace("will sail", "will&nbsp;sail")  # as typeset, with a no-break space
    header = f'<header><h1>Pier repairs to take weeks</h1><p class="intro">{printed}</p></header>'
    html = page(head).replace("<article><h1>Pier repairs to take weeks</h1>", f"<article>{header}")
    text = extract(html, "http://herald.test/a").text
    assert text.startswith(LEAD) and text.count("southern terminal for a month") == 1


@pytest.mark.parametrize("printed", ["", f'<aside><a href="/b"><p>{LEAD}</p></a></aside>'])
def test_a_description_printed_nowhere_or_only_as_a_link_is_not_body(printed: str) -> None:
    head = f'<meta property="og:description" content="{LEAD}">'
    html = page(head).replace("</article>", f"</article>{printed}")
    assert "southern terminal for a month" not in extract(html, "http://herald.test/a").text


def test_a_body_split_into_containers_of_one_class_is_read_whole() -> None:
    def part(first: int) -> str:
        paragraphs = "".join(f"<p>Paragraph {i}: the harbour authority said the works on the northern pier would "
                             f"need {i + 2} more divers, and that the quay would stay closed at night.</p>"
                             for i in range(first, first + 3))
        return (f'<div class="grid"><div class="grid__content article__content">{paragraphs}</div>'
                '<aside class="grid__sidebar"><p>Advertisement</p></aside></div>')
    html = ("<html><head><title>Pier repairs to take weeks</title></head><body><main><article>"
            "<h1>Pier repairs to take weeks</h1>" + part(0) + '<div class="ad">Advertisement</div>' + part(3)
            + '<div class="ad">Advertisement</div>' + part(6) + "</article></main></body></html>")
    text = extract(html, "http://herald.test/a").text
    assert "Paragraph 0:" in text and "Paragraph 4:" in text and "Paragraph 8:" in text


def test_a_standfirst_is_found_by_its_class_when_no_description_names_it() -> None:
    teaser = f'<div class="lead-story"><a href="/b">{LEAD.replace("Ferries", "Buses")}</a></div>'
    header = f'<header><h1>Pier repairs to take weeks</h1>{teaser}<p class="article-intro">{LEAD}</p></header>'
    html = page().replace("<article><h1>Pier repairs to take weeks</h1>", f"<article>{header}")
    text = extract(html, "http://herald.test/a").text
    assert text.startswith(LEAD) and "Buses" not in text
