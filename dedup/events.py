"""Events: a looser grouping of stories that report one event independently ("also covered by").

Two outlets' reports of one event share no wording worth a shingle, but they name the same people,
places and organisations, quote the same statements, and appear within hours of each other. A report
of another event in the same series (the next market close, the 8th prisoner swap) names the same
institutions and may repeat a stock quote, but it is published a period later and its figures differ.
So a story is linked to the event of another when, between their canonical articles,

- publication times are at most `EVENT_HOURS` apart (both must be known),
- the names overlap (`NAMES_SHARED`, Jaccard),
- at least one quotation is the same, and
- the figures do not contradict: when both give figures, at least one of more than one digit is the
  same (single digits any two reports share by chance), and at least `FIGURES_SHARED` of those of the
  report that gives fewer: two occurrences of a series share its round numbers ("25 basis points")
  and little else.

A story joins the event it matches most stories of, and only if it matches at least half of them
(`EVENT_SUPPORT`): as with stories, no chaining. Stories are never merged by this: it only gives them
a common event id. Since a shared quotation is
required, the candidates are exactly the stories quoting one of the new story's quotations: a dict from
quotation to stories finds them all (a MinHash index over names and quotations only approximated that,
and cost a tenth of folding).
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime, timedelta

from newsfold.dedup.text import figures as figures_of
from newsfold.dedup.text import names, words

#: Longest time between two reports of one event.
EVENT_HOURS = 6
#: Stories published this long before the newest stored one are what a new run starts remembering:
#: reports of one event come within `EVENT_HOURS` of each other, and a crawl sees a page a day or so late.
MEMORY = timedelta(days=2)
#: Stories remembered at most, the oldest arrivals forgotten first (a bound on memory, not a time rule: a
#: crawl meets pages in no particular order of publication, a backlog newest first).
REMEMBERED = 20_000
#: Share of names (Jaccard) two reports of one event have in common at least.
NAMES_SHARED = 0.25
#: Share of the multi-digit figures of the report that gives fewer that the other must give too. On the
#: simulated web a quarter keeps all but 7 of 8,755 same-event pairs that have figures (0.1 %) and
#: refuses the one look-alike that shares a quote and its names (one round figure of five).
FIGURES_SHARED = 0.25
#: A story joins the event whose stories it reports alike most often, and only if that is at least this
#: share of the event's stories: no chaining, where one borderline link (two storms of one sea a few
#: hours apart, sharing a stock quote) would pull a look-alike into the event. On simweb-100000 it
#: halves the look-alike story pairs linked (25 -> 11 of 3.2 million) for 1.5 points of recall.
EVENT_SUPPORT = 0.5
#: A quotation of at least four words, in straight or typographic double quotes.
QUOTE = re.compile(r"[\"“„«]([^\"”“„«»]{16,}?)[\"”“»]")


@dataclass(frozen=True)
class Report:
    """What event linking compares of a story's canonical article."""

    published: datetime | None
    names: frozenset[str]
    quotes: frozenset[str]
    numbers: frozenset[str]


def report(text: str, published: datetime | None, figures: frozenset[str] | None = None) -> Report:
    """The names, quotations and figures of an article, from its text as written (names need case).
    `figures`, when the caller has them from `text.features`, spares tokenising the text again."""
    quotes = {" ".join(words(q)) for q in QUOTE.findall(text)}
    return Report(
        published=published,
        names=names(text),
        quotes=frozenset(q for q in quotes if len(q.split()) >= 4),
        numbers=figures if figures is not None else frozenset(figures_of(words(text))),
    )


def same_event(a: Report, b: Report) -> bool:
    """Whether two stories' canonical articles report one event (see the module's rules)."""
    if a.published is None or b.published is None:
        return False
    if abs((a.published - b.published).total_seconds()) > EVENT_HOURS * 3600:
        return False
    union = a.names | b.names
    if not union or len(a.names & b.names) / len(union) < NAMES_SHARED:
        return False
    if not a.quotes & b.quotes:
        return False
    if not (a.numbers and b.numbers):
        return True
    ours, theirs = ({n for n in r.numbers if len(n) > 1} for r in (a, b))
    shared = len(ours & theirs)
    return shared >= 1 and shared >= FIGURES_SHARED * min(len(ours), len(theirs))


class EventLinker:
    """Links each new story to the event of an earlier story it reports independently, if any.

    >>> linker = EventLinker()
    >>> linker.link(1, report(text_a, time_a))   # doctest: +SKIP
    1
    >>> linker.link(2, report(text_b, time_b))   # another outlet's report of the same event
    1
    """

    def __init__(self) -> None:
        self._quoting: dict[str, set[Hashable]] = {}  # quotation -> stories that quote it
        self._reports: OrderedDict[Hashable, Report] = OrderedDict()  # in order of arrival
        self._event: dict[Hashable, Hashable] = {}
        self._members: Counter[Hashable] = Counter()  # stories per event

    def link(self, story: Hashable, new: Report) -> Hashable:
        """The event of `story` (an earlier story's event, or `story` itself for a new event); remembers it."""
        quoting = {other for quote in new.quotes for other in self._quoting.get(quote, ())}
        matches = Counter(self._event[other] for other in quoting
                          if other != story and same_event(new, self._reports[other]))
        event = next((e for e, hits in sorted(matches.items(), key=lambda t: (-t[1], str(t[0])))
                      if hits >= EVENT_SUPPORT * self._members[e]), story)
        self._add(story, new, event)
        return event

    def relink(self, story: Hashable, canonical: Report) -> Hashable:
        """A story got a new canonical article: link it again by that one, unless it already shares an
        event with other stories (then it keeps it). Returns the story's event."""
        event = self._event.get(story, story)
        if event != story or self._members[story] > 1:
            return event
        self.forget(story)
        return self.link(story, canonical)

    def remember(self, story: Hashable, known: Report, event: Hashable) -> None:
        """Take in a story linked by an earlier run, so that new stories can link to it."""
        self._add(story, known, event)

    def _add(self, story: Hashable, known: Report, event: Hashable) -> None:
        self._reports[story] = known
        self._reports.move_to_end(story)
        self._event[story] = event
        self._members[event] += 1
        if known.published is not None:  # an undated story can link to nothing, and nothing to it
            for quote in known.quotes:
                self._quoting.setdefault(quote, set()).add(story)
        while len(self._reports) > REMEMBERED:
            self.forget(next(iter(self._reports)))

    def forget(self, story: Hashable) -> None:
        """Drop a story that was merged into another."""
        known = self._reports.pop(story, None)
        for quote in known.quotes if known is not None else ():
            stories = self._quoting.get(quote, set())
            stories.discard(story)
            if not stories:
                self._quoting.pop(quote, None)
        event = self._event.pop(story, None)
        if event is not None:
            self._members[event] -= 1
