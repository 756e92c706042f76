"""The sentence-template language and how a report is assembled from beats.

A template is text with slots and inline alternatives: `{slot}` takes a fact, `[a|b|]` picks one option
(nested brackets allowed, an empty option drops the phrase). Each event type supplies template pools per
beat (headline, lead, details, background, outlook); quotes, reactions and closers use generic pools here.
A `Voice` decides which share of every pool a report uses, so reports of one event by different outlets
word it differently, while one outlet's reports of a recurring series reuse the same phrasing.
"""
from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .seeds import derive, stream

Facts = Mapping[str, str]
SeriesKey = tuple[str, tuple[int, ...]]  # (label used in the series id, lexicon indices it fixes)


@dataclass(frozen=True)
class Slot:
    name: str


@dataclass(frozen=True)
class Alt:
    options: tuple[tuple[object, ...], ...]


_SPACES = re.compile(r" {2,}")
_SPACE_BEFORE_PUNCT = re.compile(r" +([,.:;])")


class Template:
    """One compiled template; `render` fills it from facts, choosing alternatives with `rng`."""

    def __init__(self, text: str) -> None:
        nodes, end = _parse(text, 0, top=True)
        assert end == len(text), text
        self.nodes = nodes

    def render(self, facts: Facts, rng: random.Random) -> str:
        out: list[str] = []
        _emit(self.nodes, facts, rng, out)
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", "".join(out))).strip()
        return capitalize(text)


def _parse(text: str, i: int, top: bool) -> tuple[tuple[object, ...], int]:
    nodes: list[object] = []
    buf: list[str] = []
    while i < len(text):
        ch = text[i]
        if ch == "{":
            close = text.index("}", i)
            nodes.extend(["".join(buf), Slot(text[i + 1:close])])
            buf, i = [], close + 1
        elif ch == "[":
            options: list[tuple[object, ...]] = []
            i += 1
            while True:
                option, i = _parse(text, i, top=False)
                options.append(option)
                i += 1
                if text[i - 1] == "]":
                    break
            nodes.extend(["".join(buf), Alt(tuple(options))])
            buf = []
        elif ch in "|]" and not top:
            break
        else:
            buf.append(ch)
            i += 1
    nodes.append("".join(buf))
    return tuple(n for n in nodes if n != ""), i


def _emit(nodes: Sequence[object], facts: Facts, rng: random.Random, out: list[str]) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, Slot):
            out.append(facts[node.name])
        else:
            _emit(node.options[rng.randrange(len(node.options))], facts, rng, out)


def capitalize(text: str) -> str:
    """Upper-case the first letter, looking past an opening quote mark."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:]
        if ch not in "\"'":
            return text
    return text


def pool(*texts: str) -> tuple[Template, ...]:
    return tuple(Template(t) for t in texts)


@dataclass(frozen=True)
class EventType:
    """A kind of news event: how to invent its facts and the templates that report it."""

    name: str
    section: str
    facts: Callable[[random.Random, SeriesKey | None, int], dict[str, str]]
    pools: Mapping[str, tuple[Template, ...]]
    keys: Callable[[random.Random, int], list[SeriesKey]] | None = None

    @property
    def recurring(self) -> bool:
        return self.keys is not None


# Generic pools. A quote is filled with `who`, `who_role`, `who_last` and `q` from p1/p2/p3 and q1/q2/q3;
# the reaction gives p3's `view`. The second pool of each pair is used once the person has been introduced.
QUOTES = pool(
    '"{q}," {who}, {who_role}, said.',
    '"{q}," said {who}, {who_role}.',
    '{who}, {who_role}, said: "{q}."',
    '"{q}," {who}, {who_role}, told reporters[| at a briefing| after the announcement].',
    'In a [statement|written statement|post on social media], {who}, {who_role}, said: "{q}."',
    '"{q}," [added|said] {who}, who [serves|works] as {who_role}.',
    '"{q}," {who}, {who_role}, said[ in an interview| at a news conference| later].',
    '{who}, {who_role}, [was blunt|did not mince words|was direct]: "{q}."',
)
QUOTES_AGAIN = pool(
    '"{q}," {who_last} said.',
    '"{q}," {who_last} added.',
    '{who_last} [added|went on]: "{q}."',
    '"{q}," said {who_last}.',
    '"{q}," {who_last} told reporters.',
    '{who_last} [put it this way|was more direct]: "{q}."',
    '"{q}," {who_last} said[ later| afterwards].',
    '[Later|Afterwards], {who_last} said: "{q}."',
)

REACTIONS = pool(
    '{p3}, {p3_role}, argued that {view}.',
    'Not everyone was [convinced|persuaded|satisfied]. {p3}, {p3_role}, said {view}.',
    '{p3}, {p3_role}, said {view}, [a view|an assessment|a concern] shared by [several|a number of|some] '
    '[observers|analysts].',
    'Critics, including {p3} of {p3_org}, said {view}.',
    '[Separately|In a separate statement|Later], {p3}, {p3_role}, [warned|cautioned|argued] that {view}.',
    'The {event_noun} drew [a mixed|a cautious|a guarded] response. {p3}, {p3_role}, said {view}.',
    'Asked about the {event_noun}, {p3}, {p3_role}, said {view}.',
    'According to {p3}, {p3_role}, {view}.',
)
REACTIONS_AGAIN = pool(
    '{p3_last} also argued that {view}.',
    '{p3_last} said {view}.',
    '{p3_last} [warned|cautioned] that {view}.',
    '{p3_last} [maintained|insisted] that {view}.',
    '{p3_last} [added|went on to say] that {view}.',
    'According to {p3_last}, {view}.',
    '{p3_last} [also|further] said {view}.',
    'Asked about the {event_noun}, {p3_last} said {view}.',
)

CLOSERS = pool(
    '[Officials|Authorities] did not [immediately |]respond to [requests|a request] for further comment.',
    'The [figures|details] could not be independently verified by {outlet}.',
    '{outlet} will [update|keep updating] this [story|report] as more information becomes available.',
    'This is a developing story[ and will be updated| and may be updated].',
    '[Additional reporting|Reporting] by {outlet} staff in {city}.',
    '{outlet} has asked {p1_org} for [further comment|a fuller response|clarification].',
    '[More details are expected|Further details are expected] [later in the day|in the coming days].',
    '[A spokesperson|A representative] for {p3_org} [declined to comment|did not comment] [further|on the details].',
)

ASIDES = pool(
    '{p2}, {p2_role}, said [more|further] details of the {event_noun} would be [published|released] [in due '
    'course|once they had been checked].',
    'The {event_noun} [dominated|led] [news coverage|the evening news] in {country}, [and|while] [reaction|comment] '
    'on social media was [divided|mixed].',
    '[Officials|People] in {city} described the [mood|atmosphere] as [tense|subdued|calm] [for much of the day|as '
    'the news spread].',
    '{p1_org} [published|posted] [a summary|a short summary] of the {event_noun} on its website [later in the '
    'day|shortly afterwards].',
    '[Opposition politicians|Lawmakers] in {country} [demanded|asked for] a [briefing|full explanation] on the '
    '{event_noun} [from the government|in parliament].',
    '[Analysts|Commentators] in {city} said the {event_noun} [would be|was likely to be] [closely watched|'
    'studied] [abroad|in neighbouring countries].',
    'The {event_noun} [came|comes] at a [sensitive|difficult|busy] time for {country}, where [ministers|'
    'policymakers] [face|are facing] [scrutiny|pressure] [over the budget|from parliament].',
    '[None of the officials|Nobody] [involved|contacted] [gave|offered] a [timetable|date] for [the next steps|'
    'further action], [a point|something] [critics|observers] were quick to [note|raise].',
    '[Foreign|Regional] [diplomats|observers] in {city} said they were [following|watching] the {event_noun} '
    '[closely|with interest], [though|but] none [commented|spoke] on the record.',
    '{p3_org} [said|announced] it would [publish|release] its own [assessment|analysis] of the {event_noun} '
    '[within weeks|in the coming weeks], [a step it rarely takes|an unusual step].',
)

# beat -> (first mention, once introduced); beats missing here come from the event type's pools.
GENERIC_POOLS = {"quote": (QUOTES, QUOTES_AGAIN), "reaction": (REACTIONS, REACTIONS_AGAIN),
                 "closer": (CLOSERS, CLOSERS), "aside": (ASIDES, ASIDES)}

# Which two of the three quoted people a report quotes, by its slot among the event's reports.
SPEAKER_PAIRS = ((1, 2), (1, 3), (2, 3), (3, 1))

Layout = tuple[tuple[tuple[str, int], ...], ...]

_BEAT_NAMES = {"a": "aside", "d": "details", "q": "quote", "r": "reaction", "b": "background", "o": "outlook",
               "c": "closer"}


def _layout(text: str) -> Layout:
    """Parse 'lead d0 | q0 r0 | ...': paragraphs split by '|', each a run of beat letter + index."""
    return tuple(tuple(("lead", 0) if word == "lead" else (_BEAT_NAMES[word[0]], int(word[1:]))
                       for word in paragraph.split()) for paragraph in text.split("|"))


# One per site style: which beat sentences form which paragraph, in reading order.
LAYOUTS: tuple[Layout, ...] = tuple(
    _layout(text) for text in (
        "lead | d0 d1 | q0 | d2 d3 r0 | a0 q1 a2 | b0 b1 | b2 o0 | a1 | o1 c0 c1",
        "lead | q0 | d0 d1 d2 | a2 a0 b0 | r0 q1 | d3 b1 | a1 | b2 o0 o1 | c0 c1",
        "lead d0 | d1 a2 | b0 b1 | q0 a0 | d2 d3 | r0 | q1 b2 | a1 o0 | o1 c0 c1",
        "lead | d0 | r0 q0 | d1 d2 d3 | a2 | a0 o0 | q1 | b0 b1 b2 | a1 o1 | c0 c1",
        "lead | b0 a2 | d0 d1 | q0 a0 | d2 b1 | d3 | r0 a1 | q1 o0 | b2 o1 | c1 c0",
        "lead q0 | d0 d1 | d2 d3 | a0 a2 | q1 | r0 b0 | b1 b2 a1 | o0 o1 c0 | c1",
        "lead | d0 d2 | q1 | d1 d3 | a1 a2 | b1 b0 | q0 r0 | b2 a0 | o0 | c0 o1 c1",
    )
)


@dataclass(frozen=True)
class Voice:
    """How one report words its event.

    slot: the report's place among the event's reports (0-3); each slot takes a different share of
          every template pool, so independent reports of one event share little wording.
    pool_seed: permutes the pools (per event for one-off news, per event type for recurring series,
               which makes an outlet's series reports reuse their phrasing).
    phrase_seed: picks inline alternatives, per template, so reuse is exact.
    layout: which beat sentences form which paragraph, in order.
    dateline: text put before the lead (may be empty).
    outlet: the reporting site's name, which some closers mention.
    """

    slot: int
    pool_seed: int
    phrase_seed: int
    layout: Layout
    dateline: str
    outlet: str


@dataclass(frozen=True)
class Report:
    headline: str
    paragraphs: tuple[str, ...]


@functools.lru_cache(maxsize=8192)
def _order(pool_seed: int, beat: str, size: int) -> tuple[int, ...]:
    order = list(range(size))
    stream(pool_seed, beat).shuffle(order)
    return tuple(order)


def _pick(beat: str, size: int, voice: Voice, i: int, per_report: int) -> int:
    return _order(voice.pool_seed, beat, size)[(voice.slot * per_report + i) % size]


def _sentence(beat: str, templates: Sequence[Template], voice: Voice, i: int, per_report: int,
              facts: Facts) -> str:
    index = _pick(beat, len(templates), voice, i, per_report)
    return templates[index].render(facts, random.Random(derive(voice.phrase_seed, beat, index)))


def headline(etype: EventType, facts: Facts, voice: Voice) -> str:
    return _sentence("headline", etype.pools["headline"], voice, 0, 1, facts)


def write_report(etype: EventType, facts: Facts, voice: Voice, limit: int | None = None) -> Report:
    """The report's headline and paragraphs (the first `limit` only, if given), fully determined by the
    facts and the voice."""
    counts: dict[str, int] = {}
    for paragraph in voice.layout:
        for beat, i in paragraph:
            counts[beat] = max(counts.get(beat, 0), i + 1)
    context = dict(facts, outlet=voice.outlet)
    introduced: set[int | None] = set()
    paragraphs = []
    for paragraph in voice.layout[:limit]:
        sentences = [_beat_sentence(etype, context, voice, beat, i, counts[beat], introduced)
                     for beat, i in paragraph]
        paragraphs.append(" ".join(sentences))
    paragraphs[0] = voice.dateline + paragraphs[0]
    return Report(headline(etype, facts, voice), tuple(paragraphs))


def _beat_sentence(etype: EventType, context: dict[str, str], voice: Voice, beat: str, i: int,
                   per_report: int, introduced: set[int | None]) -> str:
    if beat not in GENERIC_POOLS:
        return _sentence(beat, etype.pools[beat], voice, i, per_report, context)
    speaker = None  # who the sentence introduces: a quoted person, or p3 who gives the reaction's view
    if beat == "quote":
        speaker = SPEAKER_PAIRS[voice.slot % len(SPEAKER_PAIRS)][i]
        context = dict(context, who=context[f"p{speaker}"], who_role=context[f"p{speaker}_role"],
                       who_last=context[f"p{speaker}_last"], q=context[f"q{speaker}"])
    elif beat == "reaction":
        speaker = 3
    first, again = GENERIC_POOLS[beat]
    templates = again if speaker in introduced else first
    if speaker is not None:
        introduced.add(speaker)
    return _sentence(beat, templates, voice, i, per_report, context)
