"""boilerplate: chrome blocks and chrome lines that trafilatura keeps on short pages."""

from __future__ import annotations

from lxml.html import fromstring

from newsfold.boilerplate import strip_chrome, trim_lines
from newsfold.extract import extract

STORY = ("The harbour authority said on Tuesday that repairs to the northern pier would take at least six "
         "weeks, and that ferries would use the southern terminal until then. Traders on the quay said the "
         "closure would cost them the busiest weeks of the season.")


def test_small_chrome_blocks_go_and_big_wrappers_stay() -> None:
    tree = fromstring(
        '<html><body><div class="cookie-notice">We use cookies.</div>'
        '<article class="post tag-social-media"><p>' + STORY + " " + STORY + "</p>"
        '<p class="read-more">Read the full story at <a href="http://a.test/x">A</a></p>'
        '<div class="c-byline">Written by Ana Ortiz</div></article></body></html>')
    text = strip_chrome(tree).text_content()
    assert "harbour authority" in text
    assert "cookies" not in text and "Read the full story" not in text and "Ana Ortiz" not in text


def test_headline_echo_bylines_and_trailers_are_trimmed() -> None:
    text = "\n".join(["Pier repairs to take weeks", "By Ana Ortiz and Li Wei", STORY,
                      "By the end of the month the pier will have been closed for six weeks, officials said.",
                      "Read the full story at The Herald", "© Herald Media. All rights reserved."])
    assert trim_lines(text, "Pier repairs to take weeks").splitlines() == [
        STORY, "By the end of the month the pier will have been closed for six weeks, officials said."]


def test_a_short_teaser_page_extracts_only_its_paragraphs() -> None:
    html = ('<html><head><title>Pier repairs to take weeks | Mirror</title></head><body>'
            '<div class="hdr"><a href="/">Mirror</a></div><div class="entry"><h1>Pier repairs to take weeks</h1>'
            '<div class="by">Author: Ana Ortiz</div><div class="content"><p>' + STORY + '</p>'
            '<p class="read-more">Read the full story at <a href="http://herald.test/a">The Herald</a></p></div>'
            '</div><div class="ftr"><p>&copy; Mirror. All rights reserved.</p></div></body></html>')
    article = extract(html, "http://mirror.test/a")
    assert article.text == STORY
    assert article.authors == ["Ana Ortiz"]
