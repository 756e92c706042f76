"""dedup.events: independent reports of one event are linked; the next event of a series is not."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from newsfold.dedup.events import EventLinker, report, same_event

NOON = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
HERALD = """Norland and Vessa exchanged 14 prisoners each on Tuesday at the Kirov border crossing, the seventh
such swap, with mediators from the Arden Foundation overseeing the handover. "We are bringing our people
home," said Marta Oles, a spokeswoman for the Norland foreign ministry. The released men were taken to
Lesk for medical checks, and Vessa's defence ministry said 2 officers were among them."""
COURIER = """Fourteen detainees from each side crossed a narrow bridge at the Kirov checkpoint as the seventh
exchange between Vessa and Norland went ahead under the eye of the Arden Foundation. Marta Oles of the
Norland foreign ministry told reporters: "We are bringing our people home." Families waited in Lesk,
where doctors examined the men; 14 returned to each country."""
NEXT_SWAP = """Norland and Vessa exchanged 9 prisoners each on Friday at the Kirov border crossing, the eighth
such swap, with mediators from the Arden Foundation overseeing the handover. "We are bringing our people
home," said Marta Oles, a spokeswoman for the Norland foreign ministry. The released men were taken to
Lesk for medical checks, and 3 officers were among them."""


def test_two_outlets_reports_of_one_event_are_linked() -> None:
    assert same_event(report(HERALD, NOON), report(COURIER, NOON + timedelta(hours=1)))


def test_the_next_swap_a_week_later_is_not_linked() -> None:
    assert not same_event(report(HERALD, NOON), report(NEXT_SWAP, NOON + timedelta(days=7)))


def test_the_next_swap_is_not_linked_even_when_hours_apart() -> None:
    assert not same_event(report(HERALD, NOON), report(NEXT_SWAP, NOON + timedelta(hours=2)))


def test_reports_without_a_time_are_never_linked() -> None:
    assert not same_event(report(HERALD, None), report(COURIER, NOON))


def test_linker_gives_later_reports_the_first_ones_event() -> None:
    linker = EventLinker()
    assert linker.link("herald", report(HERALD, NOON)) == "herald"
    assert linker.link("courier", report(COURIER, NOON + timedelta(hours=1))) == "herald"
    assert linker.link("next", report(NEXT_SWAP, NOON + timedelta(days=7))) == "next"


def test_linker_remembers_events_of_an_earlier_run() -> None:
    linker = EventLinker()
    linker.remember(7, report(HERALD, NOON), 3)
    assert linker.link(8, report(COURIER, NOON + timedelta(hours=2))) == 3


def test_a_story_is_linked_again_by_its_new_canonical_unless_others_share_its_event() -> None:
    linker = EventLinker()
    linker.link("herald", report(HERALD, NOON))
    spun_names = COURIER.replace("Marta Oles", "Martha Olesen").replace("Arden Foundation", "Arden Trust")
    assert linker.link("courier", report(spun_names.replace("bringing", "carrying"), NOON)) == "courier"
    assert linker.relink("courier", report(COURIER, NOON + timedelta(hours=1))) == "herald"
    assert linker.relink("herald", report(NEXT_SWAP, NOON)) == "herald"  # "courier" shares its event


def test_a_story_matching_one_of_an_events_three_stories_does_not_chain_into_it() -> None:
    """A report that matches one story of an event (a stock quote, one figure in common by chance) but
    not the event's other two starts an event of its own instead of being pulled in."""
    elsewhere = COURIER.replace("14 returned to each country", "Lesk is 40 kilometres from the border")
    borderline = NEXT_SWAP.replace("9 prisoners", "14 prisoners")
    later = NOON + timedelta(hours=1)
    assert same_event(report(borderline, later), report(HERALD, NOON))
    assert not same_event(report(borderline, later), report(elsewhere, NOON))
    linker = EventLinker()
    linker.remember("herald", report(HERALD, NOON), "herald")
    linker.remember("courier", report(elsewhere, NOON), "herald")
    linker.remember("gazette", report(elsewhere.replace("Families", "Relatives"), NOON), "herald")
    assert linker.link("borderline", report(borderline, later)) == "borderline"
    for gone in ("gazette", "borderline"):
        linker.forget(gone)
    assert linker.link("again", report(borderline, later)) == "herald"  # one of two stories is half
