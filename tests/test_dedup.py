"""dedup: verification rules on hand-written pairs, story assignment, and its properties."""

from __future__ import annotations

import logging
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.dedup import Deduplicator, MemoryCorpus, align, features, verify
from newsfold.dedup.metrics import copy_recall, folded, kind_recall, pair_scores
from newsfold.dedup.sketches import FigureSketches
from newsfold.dedup.text import Features
from newsfold.dedup.verify import can_be_copies, could_be_retold

SWAP = """The seventh prisoner exchange between Norland and Vessa took place on Tuesday at the Kirov
border crossing, where 14 detainees from each side walked across a narrow bridge shortly after 9 a.m.
Officials from both governments said the exchange had been negotiated over 6 weeks with the help of
mediators from the Arden Foundation, which has brokered every swap since 2021.
"We are bringing our people home," said Marta Oles, a spokeswoman for the Norland foreign ministry, who
added that 3 of the returned detainees had been held for more than 2 years.
The Vessan side said it had received 14 of its soldiers, including 2 officers captured near Dovra in
the spring. Relatives gathered at a reception centre in Lesk, about 40 kilometres from the border,
where the released men were to undergo medical checks before being reunited with their families.
The mediators said further talks were planned for next month, and that a list of 60 more names had
already been exchanged between the two sides."""

MARKET = """Shares in Calder closed higher on Monday as investors welcomed a report showing factory orders
rose 1.8 percent in October, the strongest gain since the start of the year. The Calder 100 index
added 42 points to finish at 7,315, while the currency slipped 0.3 percent against the dollar.
Analysts at Brightwater Securities said the figures eased fears of a slowdown, though they warned that
energy prices remained a risk. Mining stocks led the advance, with Orin Metals up 4.1 percent after it
reported record quarterly output. Trading volumes were about 10 percent below the monthly average."""


def test_verbatim_copy_is_verbatim() -> None:
    chrome = "Accept cookies to continue. " + SWAP + "\nShare this article."
    verdict = verify(features(SWAP), features(chrome))
    assert verdict.kind == "verbatim" and verdict.similarity > 0.9


def test_truncated_copy_is_truncated_either_way_round() -> None:
    truncated = " ".join(SWAP.split()[:70])
    assert verify(features(truncated), features(SWAP)).kind == "truncated"
    assert verify(features(SWAP), features(truncated)).kind == "truncated"


def test_next_occurrence_of_a_series_is_a_lookalike() -> None:
    eighth = (SWAP.replace("seventh", "eighth").replace("14", "19").replace("6 weeks", "9 weeks")
              .replace("3 of", "5 of").replace("2 years", "4 years").replace("60 more", "35 more")
              .replace("40 kilometres", "40 kilometres"))
    verdict = verify(features(SWAP), features(eighth))
    assert verdict.kind == "lookalike" and not verdict.is_copy
    assert verdict.containment > 0.8  # it reads alike: only the figures tell them apart


def test_different_articles_are_different() -> None:
    assert verify(features(SWAP), features(MARKET)).kind == "different"


def test_a_few_words_are_not_contained_in_everything() -> None:
    assert verify(features("Officials from both governments said"), features(SWAP)).kind == "different"


def _fold(texts: list[tuple[str, str]]) -> dict[str, str]:
    corpus = MemoryCorpus()
    dedup = Deduplicator(corpus)
    for key, text in texts:
        assignment = dedup.assign(text)
        if assignment.merges:
            corpus.merge(assignment.story, assignment.merges)
        corpus.put(key, text, assignment.story if assignment.story is not None else key)
        dedup.add(key, assignment)
    return dict(corpus.members)


def test_copies_join_the_original_story_and_unrelated_start_their_own() -> None:
    stories = _fold([("swap", SWAP), ("market", MARKET), ("copy", "Cookies. " + SWAP),
                     ("short", " ".join(SWAP.split()[:80]))])
    assert stories == {"swap": "swap", "market": "market", "copy": "swap", "short": "swap"}


def test_an_article_matching_two_stories_joins_one_and_merges_nothing() -> None:
    both = SWAP + "\n" + MARKET
    stories = _fold([("swap", SWAP), ("market", MARKET), ("both", both)])
    assert stories["swap"] != stories["market"]
    assert stories["both"] in (stories["swap"], stories["market"])


def test_assignment_reports_lookalikes_it_refused() -> None:
    corpus = MemoryCorpus()
    dedup = Deduplicator(corpus)
    first = dedup.assign(SWAP)
    corpus.put("seventh", SWAP, "seventh")
    dedup.add("seventh", first)
    eighth = dedup.assign(SWAP.replace("14", "19").replace("6 weeks", "9 weeks").replace("60", "35"))
    assert eighth.story is None and eighth.lookalike


VOCAB = [f"word{i}" for i in range(500)]
texts = st.lists(st.sampled_from(VOCAB), min_size=60, max_size=300).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(texts)
def test_identical_texts_always_fold(text: str) -> None:
    stories = _fold([("a", text), ("b", text)])
    assert stories["b"] == stories["a"]


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_grouping_does_not_depend_on_input_order(rnd: random.Random) -> None:
    gen = random.Random(11)
    originals = [" ".join(gen.choice(VOCAB) for _ in range(200)) for _ in range(4)]
    docs = []
    for i, text in enumerate(originals):
        tokens = text.split()
        docs += [(f"o{i}", text), (f"v{i}", "Subscribe now. " + text), (f"t{i}", " ".join(tokens[:90]))]
    order = docs[:]
    rnd.shuffle(order)
    stories = _fold(order)
    groups = {frozenset(k for k in stories if stories[k] == s) for s in stories.values()}
    assert groups == {frozenset({f"o{i}", f"v{i}", f"t{i}"}) for i in range(4)}


def test_pair_scores_and_kind_recall() -> None:
    truth = {"a": 1, "b": 1, "c": 1, "d": 2}
    pred = {"a": "x", "b": "x", "c": "y", "d": "y"}
    scores = pair_scores(truth, pred)
    assert (scores.true_pairs, scores.predicted_pairs) == (3, 2)
    assert scores.precision == 0.5 and round(scores.recall, 4) == 0.3333
    recall = kind_recall(truth, {"a": "original", "b": "verbatim", "c": "truncated"}, pred)
    assert recall["truncated"] == (0.0, 1) and recall["verbatim"] == (0.5, 1)
    copies = copy_recall(truth, {"a": "original", "b": "verbatim", "c": "truncated"}, pred)
    assert copies == {"truncated": (0.0, 1), "verbatim": (1.0, 1)}  # b is with its original, c is not


def test_folded_counts_pairs_kept_apart_by_truth() -> None:
    series = {"a": "swap", "b": "swap", "c": "swap", "d": None}
    event = {"a": "swap7", "b": "swap7", "c": "swap8", "d": "x"}
    assert folded({"a": 1, "b": 1, "c": 1, "d": 1}, series, event) == (2, 2)
    assert folded({"a": 1, "b": 1, "c": 2, "d": 1}, series, event) == (0, 2)


SPUN = (SWAP.replace("prisoner exchange", "captive trade").replace("took place", "happened")
        .replace("Officials", "Authorities").replace("governments said", "administrations stated")
        .replace("negotiated", "arranged").replace("mediators", "go-betweens").replace("brokered", "organized")
        .replace("spokeswoman", "representative").replace("detainees", "captives").replace("walked", "strolled")
        .replace("soldiers", "troops").replace("captured", "seized").replace("Relatives", "Family members")
        .replace("reception centre", "welcome facility").replace("undergo medical checks", "get health exams")
        .replace("reunited", "rejoined").replace("further talks", "additional discussions"))
PARAPHRASE = """The Arden Foundation's mediators, who have brokered every swap since 2021, helped negotiate the
exchange over 6 weeks, officials from both governments said. On Tuesday the seventh prisoner exchange
between Norland and Vessa took place at the Kirov border crossing, where shortly after 9 a.m. 14 detainees
from each side walked across a narrow bridge.
Marta Oles, a spokeswoman for the Norland foreign ministry, said: "We are bringing our people home." She
added that 3 of the returned detainees had been held for more than 2 years.
It had received 14 of its soldiers, the Vessan side said, including 2 officers captured near Dovra in the
spring. At a reception centre in Lesk, about 40 kilometres from the border, relatives gathered, where the
released men were to undergo medical checks before being reunited with their families.
Further talks were planned for next month, the mediators said, and a list of 60 more names had already
been exchanged between the two sides."""
OTHER_OUTLET = """Norland and Vessa swapped 14 prisoners each on Tuesday, the seventh such exchange between the
two countries. The men crossed a bridge at the Kirov checkpoint in the morning as families waited.
Norland's foreign ministry called it a humanitarian success. Vessa's defence ministry confirmed that two
officers were among those returned. Talks on a further exchange will continue next month under Arden
Foundation mediation, according to people familiar with the negotiations. The returned soldiers were
taken to Lesk for medical checks."""

#: A fluent paraphrase: every sentence rewritten, the facts, names and order kept.
FLUENT = """On Tuesday Norland and Vessa carried out their seventh exchange of prisoners at the Kirov border post:
shortly after 9 a.m., 14 detainees from each country crossed a narrow bridge on foot.
Both governments said mediators of the Arden Foundation, which has arranged every swap since 2021, had
spent 6 weeks negotiating the deal.
"We are bringing our people home," said Norland foreign ministry spokeswoman Marta Oles, adding that 3 of
those returned had spent over 2 years in detention.
Vessa said 14 of its soldiers had come back, among them 2 officers taken prisoner near Dovra this spring.
Families waited at a reception centre in Lesk, some 40 kilometres from the border, where the freed men
would have medical checks before going home to their relatives.
According to the mediators, more talks are scheduled for next month, and the two sides have already
traded a list of 60 further names."""
#: Another outlet's report with the same names and figures, in sentences and an order of its own.
SAME_FACTS = """Families in Lesk, a town some 40 kilometres from the border, spent Tuesday waiting for news of
the men Vessa had agreed to hand back. By mid-morning it was over: 14 Norland detainees and 14 Vessan
soldiers had crossed at Kirov, among them 2 officers the Vessan army lost near Dovra in the spring.
It was the seventh swap since the Arden Foundation began mediating in 2021, and the talks behind it
had lasted 6 weeks. Marta Oles, speaking for Norland's foreign ministry, told reporters that 3 of those
freed had spent more than 2 years in custody. Both sides have already named 60 more prisoners they want
released, and another round of talks is due next month. The first buses left the border at 9 a.m."""

#: A short report rewritten hard: a third of its vocabulary kept, every figure and name.
MARKET_REWRITE = """Calder's shares ended Monday's session higher after a report found that factory orders had climbed
1.8 percent in October, their biggest rise since the year began. The Calder 100 index gained 42 points
and closed at 7,315; the currency lost 0.3 percent to the dollar. According to analysts at Brightwater
Securities, the data calmed worries about a slowdown, although they cautioned that energy costs were
still a threat. Miners drove the rally, and Orin Metals rose 4.1 percent on news of its highest ever
quarterly production. About 10 percent fewer shares changed hands than on an average day this month."""
#: Another outlet's report of that market day.
MARKET_OTHER = """Investors in Calder had a good start to the week. The Calder 100 closed at 7,315 on Monday, 42
points up, helped by miners such as Orin Metals, whose stock jumped 4.1 percent after a record quarter.
October's factory orders, up 1.8 percent, were the trigger, Brightwater Securities said, adding that
dearer energy could still spoil the mood. The currency eased 0.3 percent. Volumes stayed about 10
percent under the month's norm."""


def test_spun_copy_is_spun() -> None:
    verdict = verify(features(SWAP), features(SPUN))
    assert verdict.kind == "spun" and verdict.containment < 0.8  # word shingles alone would miss it


def test_paraphrase_is_a_paraphrase() -> None:
    assert verify(features(SWAP), features(PARAPHRASE)).kind == "paraphrase"


def test_another_outlets_report_of_the_event_is_not_a_copy() -> None:
    assert verify(features(SWAP), features(OTHER_OUTLET)).kind == "different"


def test_spun_lookalike_of_the_next_swap_is_refused() -> None:
    eighth = SPUN.replace("seventh", "eighth").replace("14", "11").replace("6 weeks", "5 weeks").replace("60", "25")
    assert verify(features(SWAP), features(eighth)).kind == "lookalike"


def test_an_article_embedded_in_another_page_is_not_its_truncation() -> None:
    page = MARKET + "\n" + SWAP  # SWAP is contained in the page, but not at its start
    assert verify(features(SWAP), features(page)).kind == "different"


def test_a_figure_written_in_by_a_spinner_is_tolerated() -> None:
    extra = SPUN.replace("more than 2 years", "more than 24 months")
    assert verify(features(SPUN), features(extra)).is_copy


def test_homoglyphs_fold_to_latin() -> None:
    cyrillic = SWAP.replace("a", "а").replace("o", "о").replace("e", "е")  # Cyrillic а, о, е
    assert verify(features(SWAP), features(cyrillic)).kind == "verbatim"


def test_copies_that_arrive_before_their_original_end_in_one_story() -> None:
    paragraphs = SWAP.split("\n")
    truncated = "\n".join(paragraphs[:4])
    reordered = "\n".join(paragraphs[4:] + paragraphs[:4])
    stories = _fold([("truncated", truncated), ("reordered", reordered), ("original", SWAP)])
    assert len(set(stories.values())) == 1


def test_a_story_holding_a_lookalike_is_not_joined() -> None:
    eighth = SWAP.replace("seventh", "eighth").replace("14", "19").replace("6 weeks", "9 weeks").replace("60", "35")
    lead = " ".join(SWAP.split()[:45])  # the first sentences, which carry no figure the 8th changed... but "14"
    stories = _fold([("eighth", eighth), ("lead", lead.replace("14", "19")), ("seventh", SWAP)])
    assert stories["seventh"] != stories["eighth"]


def test_a_two_sentence_teaser_is_a_truncation() -> None:
    teaser = " ".join(SWAP.split()[:37])
    assert verify(features(teaser), features(SWAP)).kind == "truncated"
    middle = " ".join(SWAP.split()[40:77])  # as many words, from the middle: not a truncation
    assert verify(features(middle), features(SWAP)).kind == "different"


def test_canonical_is_the_member_a_copy_names_then_a_non_mirror_then_the_earliest() -> None:
    from datetime import datetime, timezone

    from newsfold.dedup import Contender, prefer
    from newsfold.dedup.canonical import is_mirror

    early, late = datetime(2026, 11, 20, 8, tzinfo=timezone.utc), datetime(2026, 11, 20, 9, tzinfo=timezone.utc)
    copy = Contender("copy", early, 500, "http://mirror.test/a", points_to="http://herald.test/a", mirror=True)
    original = Contender("original", late, 500, "http://herald.test/a")
    assert prefer(copy, original) is original and prefer(original, copy) is original
    mirror_first = Contender("m", early, 500, "http://mirror.test/b", mirror=True)
    assert prefer(mirror_first, Contender("o", late, 400, "http://herald.test/b")).key == "o"
    assert prefer(Contender("a", late, 500), Contender("b", early, 300)).key == "b"
    assert prefer(Contender("a", early, 300), Contender("b", early, 500)).key == "b"  # the complete one
    assert not is_mirror(1, 1) and is_mirror(10, 7) and not is_mirror(10, 2)


def test_the_dedup_library_imports_neither_scrapy_nor_storage() -> None:
    import subprocess
    import sys

    code = ("import sys, newsfold.dedup, newsfold.dedup.events; "
            "print([m for m in sys.modules if m.split('.')[0] == 'scrapy' or m.startswith('newsfold.storage')])")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"


def test_the_same_template_about_other_countries_is_a_lookalike_even_with_equal_figures() -> None:
    other = (SWAP.replace("Norland", "Ostrava").replace("Vessa", "Quellin").replace("Vessan", "Quellish")
             .replace("Kirov", "Brenn").replace("Marta Oles", "Ilse Varga").replace("Arden Foundation", "Tamsin Trust")
             .replace("Dovra", "Kell").replace("Lesk", "Oder").replace("seventh", "third"))
    lightly_spun = SWAP.replace("said", "stated").replace("officials", "authorities").replace("walked", "strolled")
    assert verify(features(SWAP), features(other)).kind == "lookalike"
    assert verify(features(SWAP), features(lightly_spun)).is_copy


def test_a_lead_two_lookalikes_share_joins_the_later_and_merges_nothing() -> None:
    """Two meetings' reports open alike, figure for figure, and differ further down: their shared
    lead is strong evidence for both, yet joins only the one published just before it."""
    day = datetime(2026, 11, 1, tzinfo=timezone.utc)
    later = (SWAP.replace("40 kilometres", "25 kilometres").replace("60 more names", "35 more names")
             .replace("3 of the returned", "7 of the returned"))
    lead = " ".join(SWAP.split()[:50])
    corpus = MemoryCorpus()
    dedup = Deduplicator(corpus)
    # Keys that sort the wrong way round: only the publication times can tell which report it follows.
    for key, text, published in (("z-earlier", SWAP, day), ("a-later", later, day + timedelta(days=6))):
        assignment = dedup.assign(text, published)
        assert assignment.story is None
        corpus.put(key, text, key)
        dedup.add(key, assignment)
    copy = dedup.assign(lead, day + timedelta(days=6, hours=2))
    assert (copy.story, copy.kind, copy.merges) == ("a-later", "truncated", ())


def test_a_report_does_not_join_last_weeks_story_through_its_truncated_copy() -> None:
    """Last week's report is outside the window; its truncated copy is inside and is contained in this
    week's look-alike report, which still starts a story of its own."""
    day = datetime(2026, 11, 1, tzinfo=timezone.utc)
    later = (SWAP.replace("40 kilometres", "25 kilometres").replace("60 more names", "35 more names")
             .replace("3 of the returned", "7 of the returned"))
    corpus = MemoryCorpus()
    dedup = Deduplicator(corpus)
    lead = " ".join(SWAP.split()[:50])
    for key, text, published in (("last week", SWAP, day), ("its lead", lead, day + timedelta(days=1))):
        assignment = dedup.assign(text, published)
        corpus.put(key, text, "last week")
        dedup.add(key, assignment)
    assert dedup.assign(later, day + timedelta(days=7, hours=12)).story is None


def test_sentences_end_at_stops_not_at_line_breaks() -> None:
    text = "The minister said the talks\nwould go on. Photo: Reuters. They resume on Monday, aides said."
    assert align.sentences(text) == ["The minister said the talks would go on.", "They resume on Monday, aides said."]


def test_alignment_needs_the_same_order() -> None:
    vectors = align.embed(SWAP)
    assert align.aligned(vectors, vectors) == 1.0
    assert align.aligned(vectors, vectors[::-1]) < align.ALIGNED


def test_a_fluent_paraphrase_is_found_by_its_sentences() -> None:
    assert verify(features(SWAP), features(FLUENT)).kind == "different"  # no set measure sees it
    assert _fold([("swap", SWAP), ("market", MARKET), ("fluent", FLUENT)])["fluent"] == "swap"
    corpus = MemoryCorpus({"swap": SWAP}, {"swap": "swap"})
    dedup = Deduplicator(corpus)
    dedup.add("swap", dedup.assign(SWAP))
    retold = dedup.assign(FLUENT)
    assert (retold.kind, retold.story, retold.similarity) == ("paraphrase", "swap", 1.0)


def test_a_report_of_the_same_facts_in_its_own_sentences_is_not_a_copy() -> None:
    assert could_be_retold(features(SWAP), features(SAME_FACTS))  # names and figures all agree
    assert align.aligned(align.embed(SWAP), align.embed(SAME_FACTS)) < align.ALIGNED
    assert _fold([("swap", SWAP), ("same", SAME_FACTS)])["same"] == "same"


def test_a_retelling_with_other_figures_is_not_aligned_at_all() -> None:
    ninth = FLUENT.replace("seventh", "ninth").replace("14", "12").replace("6 weeks", "4 weeks").replace("60", "31")
    assert not could_be_retold(features(SWAP), features(ninth))
    assert _fold([("swap", SWAP), ("ninth", ninth)])["ninth"] == "ninth"


def test_a_text_embedded_in_another_is_not_retold_by_it() -> None:
    page = MARKET + "\n" + SWAP  # every sentence of SWAP is in the page, in order, but not at its start
    assert not could_be_retold(features(SWAP), features(page))


figure_sets = st.frozensets(st.sampled_from([str(n) for n in range(40)] + ["1.5", "2,400", "R54"]), max_size=12)


@settings(max_examples=200, deadline=None)
@given(figure_sets, figure_sets, st.integers(20, 60), st.integers(20, 60))
def test_a_sketch_refuses_only_pairs_the_figure_test_refuses(ours: frozenset[str], theirs: frozenset[str],
                                                             our_words: int, their_words: int) -> None:
    def article(figures: frozenset[str], length: int) -> Features:
        return Features(length, frozenset(range(length)), frozenset(), frozenset(), frozenset(), frozenset(), figures)

    new, stored = article(ours, our_words), article(theirs, their_words)
    sketches = FigureSketches()
    sketches.add("stored", stored)
    assert sketches.refused(new, ["stored", "unknown"])[1] is False
    if sketches.refused(new, ["stored"])[0]:
        assert not can_be_copies(new, stored)


def test_a_sketch_refuses_a_series_lookalike_and_keeps_a_copy() -> None:
    sketches = FigureSketches()
    sketches.add("seventh", features(SWAP))
    eighth = SWAP.replace("seventh", "eighth").replace("14", "11").replace("6 weeks", "5 weeks").replace("60", "25")
    assert sketches.refused(features(eighth), ["seventh"]) == [True]
    assert sketches.refused(features(SPUN), ["seventh"]) == [False]


def test_without_its_model_alignment_is_off_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert align.load_model(tmp_path) is None  # a folder without the model's files
    assert "sentence alignment is off" in caplog.text
    assert align.aligned(np.empty((0, 256)), align.embed(SWAP)) == 0.0


def test_a_hard_rewrite_of_a_short_report_is_proposed_and_folded() -> None:
    assert verify(features(MARKET), features(MARKET_REWRITE)).kind == "different"
    stories = _fold([("market", MARKET), ("swap", SWAP), ("rewrite", MARKET_REWRITE), ("other", MARKET_OTHER)])
    assert stories == {"market": "market", "swap": "swap", "rewrite": "market", "other": "other"}


def test_a_teaser_in_other_words_is_not_a_copy_however_alike_its_function_words() -> None:
    # The first 45 words of another report from the same template: a truncation would keep the words.
    teaser = (" ".join(SWAP.split()[:45]).replace("Kirov", "Marden").replace("narrow bridge", "muddy field")
              .replace("governments", "capitals").replace("negotiated", "prepared").replace("walked", "marched"))
    assert not verify(features(SWAP), features(teaser)).is_copy
