"""Which articles the simulated web publishes: events, who reports them, who carries and copies what, when.

Planning stores only small records (an event's seed, an article's site, kind, source and time); text is
written later, on request. Base and later batches use separate random streams so the base batch comes out
the same whether or not a later batch follows.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import lexicon, rewrite
from .events import ONE_OFF, RECURRING
from .grammar import LAYOUTS, EventType, SeriesKey, Voice, headline
from .seeds import derive, stream
from .sites import MIRROR, ORIGINAL, PARAPHRASE, PROFILES, SPUN, VERBATIM, WIRE, Profile, article_path

MINUTE, HOUR, DAY = 60, 3600, 86400
SPIN_RATE = 0.9  # share of known words a spinner swaps: about half of all content words
MIX = {"own": 0.45, "wire": 0.15, "copy": 0.40}  # own reports, wire stories + carriers, mirror copies
RECURRING_SHARE = 0.45
#: Occurrences of one series (a country's market close, its weekly claims) are at least this far apart,
#: as real recurring events are: the next close is tomorrow's.
SERIES_GAP = 20 * HOUR
SERIES_TRIES = 40


@dataclass(eq=False)
class Event:
    id: str
    etype: EventType
    key: SeriesKey | None
    seed: int
    t: int
    pool_seed: int
    phrase_seed: int
    ordinal: int = 0

    @property
    def series(self) -> str | None:
        return f"{self.etype.name}:{self.key[0]}" if self.key else None

    def facts(self) -> dict[str, str]:
        return self.etype.facts(random.Random(self.seed), self.key, self.ordinal)


@dataclass(eq=False)
class Article:
    profile: Profile
    kind: str  # original | verbatim | truncated | spun | paraphrase
    event: Event
    story: str
    seed: int
    t: int  # seconds relative to the end of the timeline (<= 0)
    slot: int = 0
    source: Article | None = None  # what a copy or a wire carrier reproduces
    idx: int = -1
    headline: str = ""
    path: str = ""
    authors: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return f"http://{self.profile.site.domain}{self.path}"


@dataclass
class Roster:
    """What stays fixed for a world: who covers which recurring series, with which staff."""

    seed: int
    outlets: list[Profile]
    wire: Profile
    mirrors: list[Profile]
    keys: dict[str, list[SeriesKey]]
    coverage: dict[str, list[Profile]]
    staff: dict[str, tuple[str, ...]]
    next_ordinal: dict[str, int] = field(default_factory=dict)
    series_times: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, seed: int, size: int) -> Roster:
        rng = stream(seed, "roster")
        outlets = [p for p in PROFILES if p.site.role == ORIGINAL]
        keys = {t.name: t.keys(rng, 2 + size // 500) for t in RECURRING if t.keys}
        coverage = {t.name: rng.sample(outlets, 4) for t in RECURRING}
        staff = {p.site.domain: tuple(lexicon.person(rng)[0] for _ in range(14)) for p in PROFILES}
        return cls(seed, outlets, next(p for p in PROFILES if p.site.role == WIRE),
                   [p for p in PROFILES if p.site.role == MIRROR], keys, coverage, staff)


@dataclass
class Ledger:
    """Originals that mirrors may still copy and wire stories that outlets may still carry."""

    copyable: list[Article] = field(default_factory=list)
    free_mirrors: dict[Article, list[Profile]] = field(default_factory=dict)
    free_carriers: dict[Article, list[Profile]] = field(default_factory=dict)

    def add_original(self, article: Article, mirrors: list[Profile]) -> None:
        self.copyable.append(article)
        self.free_mirrors[article] = list(mirrors)

    def recent(self, since: int) -> Ledger:
        """A ledger of what may still be copied or carried among originals published after `since`."""
        out = Ledger()
        for article in self.copyable:
            if article.t >= since:
                out.add_original(article, self.free_mirrors[article])
        out.free_carriers = {a: list(c) for a, c in self.free_carriers.items() if a.t >= since and c}
        return out


class Ids:
    """Numbered ids ("s000001", ...) shared by the base and the later batch."""

    def __init__(self, prefix: str, start: int = 0) -> None:
        self.prefix, self.n = prefix, start

    def __call__(self) -> str:
        self.n += 1
        return f"{self.prefix}{self.n:06d}"


class Planner:
    """Plans one batch of articles published between `start` and `end` (seconds relative to the end)."""

    def __init__(self, roster: Roster, rng: random.Random, start: int, end: int, ledger: Ledger,
                 stories: Ids, events: Ids) -> None:
        self.roster, self.rng, self.start, self.end = roster, rng, start, end
        self.ledger, self.stories, self.events = ledger, stories, events
        self.out: list[Article] = []

    def plan(self, n: int) -> list[Article]:
        counts = dict.fromkeys(MIX, 0)
        while len(self.out) < n:
            before = len(self.out)
            category = max(MIX, key=lambda c: MIX[c] * (before + 1) - counts[c])  # the furthest behind
            if category == "copy" and not self.copy():
                category = "own"  # nothing left to copy yet
            if category == "wire":
                self.wire_event(n - before)
            elif category == "own":
                self.own_event(n - before)
            counts[category] += len(self.out) - before
        return self.out

    def plan_copies_of(self, n: int) -> list[Article]:
        """`n` copies and wire carriers of what the ledger already holds (for the later batch)."""
        while len(self.out) < n and (self.carry() if self.rng.random() < 0.25 else self.copy()):
            pass
        while len(self.out) < n and (self.copy() or self.carry()):
            pass
        return self.out

    def _event(self, etype: EventType, key: SeriesKey | None) -> Event:
        seed = self.rng.getrandbits(64)
        if key is None:
            pool_seed, phrase_seed = derive(seed, "pools"), derive(seed, "phrases")
        else:
            pool_seed = derive(self.roster.seed, "pools", etype.name)
            phrase_seed = derive(self.roster.seed, "phrases", etype.name)
        margin = min(2 * HOUR, (self.end - self.start) // 4)
        t = self.rng.randint(self.start, self.end - margin)
        if key is not None:
            taken = self.roster.series_times.setdefault(f"{etype.name}:{key[0]}", [])
            for _ in range(SERIES_TRIES):  # a crowded series keeps the last draw
                if all(abs(t - other) >= SERIES_GAP for other in taken):
                    break
                t = self.rng.randint(self.start, self.end - margin)
            taken.append(t)
        return Event(self.events(), etype, key, seed, t, pool_seed, phrase_seed)

    def _add(self, profile: Profile, kind: str, event: Event, story: str, t: int, slot: int = 0,
             source: Article | None = None) -> Article:
        article = Article(profile, kind, event, story, self.rng.getrandbits(64), min(t, self.end), slot, source)
        self.out.append(article)
        return article

    def _after(self, t: int, low: int, high: int) -> int:
        lo = max(t + low, self.start)
        return self.rng.randint(lo, max(lo, min(t + high, self.end - 10 * MINUTE)))

    def own_event(self, room: int) -> None:
        """An event reported independently by 2-4 outlets, each in its own words."""
        rng = self.rng
        if rng.random() < RECURRING_SHARE:
            etype = rng.choice(RECURRING)
            key = rng.choice(self.roster.keys[etype.name])
            pool = self.roster.coverage[etype.name]
        else:
            etype, key, pool = rng.choice(ONE_OFF), None, self.roster.outlets
        event = self._event(etype, key)
        reporters = rng.sample(pool, min(room, rng.randint(2, 4)))
        for i, profile in enumerate(reporters):
            slot = pool.index(profile) if key else i
            t = min(self._after(event.t, 2 * MINUTE, 90 * MINUTE), self.end - 10 * MINUTE)
            article = self._add(profile, ORIGINAL, event, self.stories(), t, slot)
            self.ledger.add_original(article, self.roster.mirrors)

    def wire_event(self, room: int) -> None:
        """A wire story and the outlets that carry it verbatim."""
        etype = self.rng.choice(RECURRING + ONE_OFF)
        key = self.rng.choice(self.roster.keys[etype.name]) if etype.recurring else None
        event = self._event(etype, key)
        t = min(self._after(event.t, 5 * MINUTE, 40 * MINUTE), self.end - 10 * MINUTE)
        story = self._add(self.roster.wire, ORIGINAL, event, self.stories(), t)
        self.ledger.add_original(story, self.roster.mirrors)
        self.ledger.free_carriers[story] = list(self.roster.outlets)
        for _ in range(min(room - 1, self.rng.randint(2, 4))):
            self.carry(story)

    def carry(self, story: Article | None = None) -> bool:
        """An outlet runs a wire story verbatim in its own chrome."""
        if story is None:
            open_stories = [a for a, c in self.ledger.free_carriers.items() if c]
            if not open_stories:
                return False
            story = self.rng.choice(open_stories)
        carriers = self.ledger.free_carriers[story]
        outlet = carriers.pop(self.rng.randrange(len(carriers)))
        self._add(outlet, VERBATIM, story.event, story.story, self._after(story.t, 2 * MINUTE, HOUR),
                  source=story)
        return True

    def copy(self) -> bool:
        """A mirror republishes an original: verbatim, truncated, spun or paraphrased."""
        ledger = self.ledger
        if not ledger.copyable:
            return False
        i = self.rng.randrange(len(ledger.copyable))
        source = ledger.copyable[i]
        mirrors = ledger.free_mirrors[source]
        mirror = mirrors.pop(self.rng.randrange(len(mirrors)))
        if not mirrors:
            ledger.copyable[i] = ledger.copyable[-1]
            ledger.copyable.pop()
        kinds, weights = zip(*mirror.copy_kinds, strict=True)
        kind = self.rng.choices(kinds, weights)[0]
        self._add(mirror, kind, source.event, source.story, self._after(source.t, 5 * MINUTE, 2 * DAY),
                  source=source)
        return True


def voice(roster: Roster, article: Article, facts: dict[str, str]) -> Voice:
    """The wording an original report uses; see grammar.Voice."""
    profile, event = article.profile, article.event
    dateline = profile.dateline.format(CITY=facts["city"].upper(), country=facts["country"], name=profile.site.name)
    return Voice(article.slot, event.pool_seed, derive(event.phrase_seed, profile.site.domain),
                 LAYOUTS[profile.layout], dateline, profile.site.name)


def copy_headline(article: Article, source_headline: str) -> str:
    """Spinners and paraphrasers both reword the headline with the synonym table; the rest keep it."""
    if article.kind in (SPUN, PARAPHRASE):
        return rewrite.spin(source_headline, random.Random(derive(article.seed, "headline")), SPIN_RATE)
    return source_headline


def finish(roster: Roster, batch: list[Article], first_idx: int) -> None:
    """Put a planned batch in publication order and give it ordinals, headlines, URLs and bylines."""
    batch.sort(key=lambda a: a.t)  # stable, and a copy is always published after its source
    _number_series(roster, batch)
    facts_of: dict[str, dict[str, str]] = {}
    for i, article in enumerate(batch, start=first_idx):
        article.idx = i
        event = article.event
        if article.source is None:
            facts = facts_of.get(event.id) or facts_of.setdefault(event.id, event.facts())
            article.headline = headline(event.etype, facts, voice(roster, article, facts))
            rng = random.Random(article.seed)
            article.authors = tuple(rng.sample(roster.staff[article.profile.site.domain], rng.randint(1, 2)))
        else:
            article.headline = copy_headline(article, article.source.headline)
            article.authors = article.source.authors
        article.path = article_path(article.profile, event.etype.section, article.headline, 10_000 + i)


def _number_series(roster: Roster, batch: list[Article]) -> None:
    """Number a batch's new occurrences of each series in time order, after the series' earlier ones."""
    new = {a.event.id: a.event for a in batch if a.event.key and a.event.ordinal == 0}
    by_series: dict[str, list[Event]] = {}
    for event in new.values():
        by_series.setdefault(event.key[0], []).append(event)  # type: ignore[index]
    for label, events in by_series.items():
        start = roster.next_ordinal.get(label) or stream(roster.seed, "ordinal", label).randint(2, 9)
        for i, event in enumerate(sorted(events, key=lambda e: e.t)):
            event.ordinal = start + i
        roster.next_ordinal[label] = start + len(events)
