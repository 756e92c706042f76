"""Helpers that turn random draws into fact strings: numbers, ordinals, people and their roles."""
from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

from . import lexicon

T = TypeVar("T")

_ORDINALS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
             "seventeenth", "eighteenth", "nineteenth", "twentieth")

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve")

WHEN = ("early in the morning", "shortly after noon local time", "late in the evening", "at dawn",
        "in the early afternoon", "shortly before midnight", "around midday", "in the late afternoon")


def ordinal(n: int) -> str:
    """'seventh' for 7, '23rd' for 23."""
    if n < len(_ORDINALS):
        return _ORDINALS[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def words(n: int) -> str:
    """Small counts spelled out, as newsrooms do."""
    return _WORDS[n] if n < len(_WORDS) else f"{n:,}"


def num(n: int) -> str:
    return f"{n:,}"


def pct(x: float) -> str:
    return f"{x:.1f} percent"


def other(rng: random.Random, items: Sequence[T], *exclude: T) -> T:
    """A random item that is none of `exclude`."""
    while True:
        item = rng.choice(items)
        if item not in exclude:
            return item


def add_person(facts: dict[str, str], n: int, rng: random.Random, role: str, org: str) -> None:
    """Fill p<n>, p<n>_last, p<n>_role and p<n>_org, the slots quotes and reactions use."""
    name, last = lexicon.person(rng)
    facts.update({f"p{n}": name, f"p{n}_last": last, f"p{n}_role": role, f"p{n}_org": org})


def pick_quotes(facts: dict[str, str], rng: random.Random, q1: Sequence[str], q2: Sequence[str],
                q3: Sequence[str], views: Sequence[str]) -> None:
    """Choose the event's quotes and the critic's view; their own slots are filled from `facts`."""
    for key, options in (("q1", q1), ("q2", q2), ("q3", q3), ("view", views)):
        facts[key] = rng.choice(options).format_map(facts)
