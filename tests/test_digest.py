"""digest: whole sentences, ranking kept, mirrors marked and last, page text kept inert."""

from datetime import datetime, timezone

from newsfold.digest import lead_sentences, render_markdown
from newsfold.storage import StoryRow

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


def story(i: int, title: str, domains: list[tuple[str, float]], text: str = "One. Two. Three.") -> StoryRow:
    return StoryRow(i, title, f"http://herald.test/{i}", "herald.test", "2026-11-25T08:00:00+00:00", text,
                    len(domains) + 1, len(domains) + 1, domains)


def test_lead_is_two_whole_sentences() -> None:
    text = 'Officials said the pier would reopen. "It is safe," the mayor said.\nA third sentence.'
    assert lead_sentences(text) == 'Officials said the pier would reopen. "It is safe," the mayor said.'


def test_long_lead_is_cut_at_a_word() -> None:
    lead = lead_sentences("word " * 200, limit=50)
    assert lead.endswith("…") and lead[:-1].split() == ["word"] * len(lead[:-1].split())
    assert len(lead) <= 51


def test_render_keeps_order_and_marks_mirrors() -> None:
    md = render_markdown([story(1, "Big", [("times.test", 0.0), ("copycat.test", 0.9)]), story(2, "Small", [])],
                         NOW.replace(hour=0), NOW)
    assert md.index("## 1. [Big]") < md.index("## 2. [Small]")
    assert "Also published by: times.test, copycat.test (mirror)" in md
    assert "3 domains, 3 articles" in md and "One. Two." in md and "Three." not in md


def test_page_text_cannot_inject_markdown_links() -> None:
    md = render_markdown([story(1, "Click [here](javascript:alert(1))", [])], NOW, NOW)
    assert "[here](javascript" not in md
