"""boilerplate: chrome blocks and chrome lines that trafilatura keeps on short pages."""

from __future__ import annotations

from lxml.html import fromstring

from newsfold.boilerplate import strip_chrome, text_key
from newsfold.chromelines import trim_lines, trim_notes
from newsfold.extract import extract

STORY = ("The harbour authority said on Tuesday that repairs to the northern pier would take at least six "
         "weeks, and that ferries would use the southern terminal until then. Traders on the quay said the "
         "closure would cost them the busiest weeks of the season.")


def test_small_chrome_blocks_go_and_big_wrappers_stay() -> None:
    tree = fromstring(
        '<html><body><div class="cookie-notice">We use cookies.</div><div class="memo-modal">Save a memo</div>'
        '<article class="post tag-social-media"><p>' + STORY + " " + STORY + "</p>"
        '<p class="read-more">Read the full story at <a href="http://a.test/x">A</a></p>'
        '<div class="c-byline">Written by Ana Ortiz</div></article></body></html>')
    text = strip_chrome(tree).text_content()
    assert "harbour authority" in text
    assert "cookies" not in text and "Read the full story" not in text and "Ana Ortiz" not in text
    assert "memo" not in text


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


def lines_after_trim(*lines: str) -> list[str]:
    return trim_lines("\n".join([STORY, *lines, STORY.replace("six", "seven")]), "Pier repairs").splitlines()[1:-1]


def test_standalone_photo_credits_go_and_captions_that_are_sentences_stay() -> None:
    caption = "Ferries wait at the southern terminal on Tuesday, where traders set up stalls. Photo: Reuters."
    assert lines_after_trim("Photo: AFP", "STR/AFP via Getty Images", "Foto: NTB", caption) == [caption]


def test_consent_notices_and_blocked_embed_placeholders_go() -> None:
    prose = "The authority said the consent of the harbour board was needed before any work could begin."
    assert lines_after_trim(
        "We use cookies to improve your experience. By continuing you accept our use of cookies.",
        "Deine Privatsphäre-Einstellungen verhindern das Laden und Anzeigen aller externen Inhalte.",
        prose) == [prose]


def test_newsletter_and_subscription_prompts_go() -> None:
    assert lines_after_trim("Sign up for our morning newsletter", "Jetzt Newsletter abonnieren!",
                            "Subscribe to read every story") == []


def test_related_headings_take_their_list_along() -> None:
    kept = "Officials said a second pier would be inspected next month as a precaution."
    assert lines_after_trim("Related posts", "- Harbour fees rise", "- New ferry ordered", kept,
                            "Read more: Harbour fees rise again", "Lesen Sie auch: Neue Fähre bestellt") == [kept]


def test_share_bars_go() -> None:
    assert lines_after_trim("Share this article", "Facebook Twitter WhatsApp E-Mail", "Teilen") == []


def test_a_short_line_printed_twice_is_a_placeholder() -> None:
    text = "\n".join([STORY, "External content not available", STORY.replace("six", "two"),
                      "External content not available", STORY.replace("six", "nine")])
    assert "External content" not in trim_lines(text, "")
    repeated_paragraph = STORY + " " + STORY
    assert trim_lines("\n".join([repeated_paragraph, repeated_paragraph]), "").count("harbour") == 4


def test_lists_of_links_go_and_the_story_s_own_lists_stay() -> None:
    tree = fromstring(
        "<html><body><article><p>" + STORY + "</p><ul><li>Repairs start on Monday</li><li>Ferries move south</li>"
        '</ul><ul><li><a href="/a">Harbour fees rise again</a></li><li><a href="/b">New ferry ordered</a></li>'
        '<li><a href="/c">Quay traders</a>: a survey</li></ul></article></body></html>')
    text = strip_chrome(tree).text_content()
    assert "Repairs start on Monday" in text and "Harbour fees" not in text and "Quay traders" not in text


def test_embedded_social_posts_go() -> None:
    tree = fromstring('<html><body><article><p>' + STORY + '</p><blockquote class="twitter-tweet"><p>Pier closed '
                      'today</p>— Harbour (@harbour) May 1, 2026</blockquote></article></body></html>')
    assert "Pier closed today" not in strip_chrome(tree).text_content()


def test_invitations_to_follow_the_site_on_a_network_go() -> None:
    assert lines_after_trim("Follow The Herald on Twitter and Facebook for the latest news.",
                            "Folgst du schon dem Herald auf Whatsapp?", "MORE : Harbour fees rise again",
                            "【関連記事】", "■関連キーワード", "おすすめ情報") == []


def test_local_bylines_datelines_comment_and_paywall_prompts_go() -> None:
    kept = "Von den Plänen der Regierung sind rund 16.000 Beschäftigte in Nordrhein-Westfalen betroffen."
    assert lines_after_trim("Von Nina Magoley", "Stand: 22.04.2024, 06:00 Uhr", "Freitag, 28.04.2023, 19:25",
                            "Join our commenting forum", "Comments", "2 Wochen kostenlos testen", kept) == [kept]


def test_ruby_reading_aids_stay_inside_their_sentence() -> None:
    html = ("<html><body><article>" + f"<p>{STORY}</p>" * 3 + "<p>尹氏は野党が政府高官や検事らへの"
            "<ruby><rb>弾劾</rb><rp>（</rp><rt>だんがい</rt><rp>）</rp></ruby>訴追案を提出している点などを挙げた。</p>"
            "</article></body></html>")
    lines = extract(html, "http://herald.test/jp").text.splitlines()
    assert "尹氏は野党が政府高官や検事らへの弾劾（だんがい）訴追案を提出している点などを挙げた。" in lines


def test_headline_echoes_go_wherever_they_stand() -> None:
    text = "\n".join([STORY, "Pier repairs to take weeks | wdr aktuell", "Pier repairs to take weeks", STORY])
    assert trim_lines(text, "Pier repairs to take weeks").splitlines() == [STORY, STORY]


def test_figure_captions_go() -> None:
    tree = fromstring("<html><body><article><p>" + STORY + '</p><figure><img src="/pier.jpg"><figcaption>The '
                      "northern pier after the storm, seen from the quay. Photo: Ana Ortiz</figcaption></figure>"
                      "</article></body></html>")
    text = strip_chrome(tree).text_content()
    assert "harbour authority" in text and "seen from the quay" not in text


def test_site_notices_about_the_page_go() -> None:
    kept = "Posted guards stood at the pier until 22:00 on Tuesday, the harbour master said."
    assert lines_after_trim(
        "The Harbour Brief newsletter brings you the day's news every weekday evening, compact and straight "
        "to your inbox: sign up here.", "Lesedauer: 4 Minuten", "5 min read",
        "Reporting by Ana Ortiz in Portsmouth; Editing by Li Wei", "Mit Material von dpa", "Anzeige",
        "Updated 15.59 | Published 14.14", "Divers inspected the pier on Monday. 21.04.2026 | 3:18 min",
        "First published in The Harbour Review.", "Dieser Artikel ist zuerst im Hafenblatt erschienen.",
        "Would you like to comment on this article?", kept) == [kept]


def test_a_table_of_contents_takes_its_list_along() -> None:
    assert lines_after_trim("On this page:", "- Repairs", "- Ferries") == []


def test_fact_boxes_go_whatever_their_size() -> None:
    facts = "".join(f"<li>Fact {i}: the pier was built in 18{i}0 and rebuilt after the storm of 19{i}2.</li>"
                    for i in range(1, 9))
    tree = fromstring(f'<html><body><article><p>{STORY}</p><div class="fact-box"><h3>The pier in figures</h3>'
                      f"<ul>{facts}</ul></div><p>{STORY}</p></article></body></html>")
    text = strip_chrome(tree).text_content()
    assert "harbour authority" in text and "in figures" not in text and "Fact 8" not in text


def test_a_printed_headline_other_than_the_declared_one_is_an_echo() -> None:
    text = "\n".join(["Harbour pier shut for six weeks after storm", STORY])
    assert trim_lines(text, "Pier repairs to take weeks", ["Harbour pier shut for six weeks after storm"]) == STORY


def test_italic_notes_closing_the_body_go_and_italic_questions_and_quotes_stay() -> None:
    question = "<p><em>Were the divers told how long the repairs would take before they started?</em></p>"
    quote = "<p><i>“We will open the pier again before the summer, whatever the weather,” the master said.</i></p>"
    note = "<p><em>Ana Ortiz covers the harbour and the city council for the Herald and lives on the quay.</em></p>"
    tree = fromstring(f"<html><body><article><p>{STORY}</p>{question}<p>{STORY}</p><p>{STORY}</p>{quote}{note}"
                      "</article></body></html>")
    text = strip_chrome(tree).text_content()
    assert "Were the divers told" in text and "whatever the weather" in text and "lives on the quay" not in text


def test_camel_cased_chrome_classes_and_reader_polls_go() -> None:
    tree = fromstring('<html><body><article><p>' + STORY + '</p><div class="ArticleByline">By Ana Ortiz</div>'
                      '<div class="Article_elementPoll__x1"><p>Should the pier close every winter?</p>'
                      "<button>Yes</button><button>No</button></div></article></body></html>")
    text = strip_chrome(tree).text_content()
    assert "harbour authority" in text and "Ana Ortiz" not in text and "every winter" not in text


def test_video_players_and_app_promotions_go() -> None:
    tree = fromstring("<html><body><article><p>" + STORY + '</p><figure class="video"><p>Live from the quay: '
                      "the pier after the storm</p></figure></article></body></html>")
    assert "Live from the quay" not in strip_chrome(tree).text_content()
    assert lines_after_trim("News on your phone? Get the new Herald app for Android and iOS.") == []


def test_a_sentence_that_says_followed_next_to_a_network_is_prose() -> None:
    kept = "The organiser wrote on X that the first demand was the mayor's resignation, followed by new elections."
    assert lines_after_trim(kept, "Follow the Herald on Facebook") == [kept]


def test_italic_notes_in_containers_of_their_own_are_cut_from_the_end_of_the_text() -> None:
    note = "Ana Ortiz covers the harbour for the Herald."
    html = ("<html><body><article>" + f"<div><p>{STORY}</p></div>" * 3 + f"<div><p><em>{note}</em></p></div>"
            "</article></body></html>")
    text = extract(html, "http://herald.test/a").text
    assert "harbour authority" in text and note not in text
    assert trim_notes(f"{note}\n{note}", {text_key(note)}) == f"{note}\n{note}"  # all italics: left whole


def test_linked_headlines_of_other_stories_go() -> None:
    tree = fromstring("<html><body><article><p>" + STORY + '</p><a href="/b"><h3>Ferry company orders two new '
                      "boats</h3><p>The order is the largest in its history.</p></a><h2>What happens next</h2><p>"
                      + STORY + "</p></article></body></html>")
    text = strip_chrome(tree).text_content()
    assert "What happens next" in text and "two new boats" not in text and "largest in its history" not in text


def test_text_for_screen_readers_only_goes() -> None:
    tree = fromstring("<html><body><article><p>" + STORY + ' The <a href="http://port.test">port\'s notice'
                      '<span class="sr-only"> (opens in a new window)</span></a> has the dates.</p>'
                      "</article></body></html>")
    text = strip_chrome(tree).text_content()
    assert "port's notice has the dates" in text and "new window" not in text
