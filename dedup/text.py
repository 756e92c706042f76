"""Text normalisation and the features that verification compares.

Normalisation folds what copying tools and page chrome change without changing the article:
Unicode forms, case, quote and dash styles, whitespace and punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

WORD = re.compile(r"\w+", re.UNICODE)
NUMBER = re.compile(r"^\d[\d.,]*$")

#: Word shingle length. Three words keep a copy with a few edited words similar while two unrelated
#: articles on one topic still share few shingles.
SHINGLE = 3
#: Words that make up the lead view: truncated copies always keep the lead, whole or nearly.
LEAD_WORDS = 60


def normalize(text: str) -> str:
    """Return `text` in NFKC, case-folded, so that typographic variants compare equal."""
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str) -> list[str]:
    """Split normalised text into word tokens; punctuation and spacing are dropped."""
    return WORD.findall(normalize(text))


def shingles(tokens: list[str], k: int = SHINGLE) -> frozenset[str]:
    """The set of k-word shingles; a text shorter than k words is one shingle of all its words."""
    if len(tokens) < k:
        return frozenset([" ".join(tokens)]) if tokens else frozenset()
    return frozenset(" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1))


@dataclass(frozen=True)
class Features:
    """What verification needs of one article, computed once from its text."""

    words: int
    shingles: frozenset[str]
    lead: frozenset[str]
    numbers: frozenset[str]


def features(text: str) -> Features:
    """Compute the comparable features of an article body."""
    tokens = words(text)
    return Features(
        words=len(tokens),
        shingles=shingles(tokens),
        lead=shingles(tokens[:LEAD_WORDS]),
        numbers=frozenset(t for t in tokens if NUMBER.match(t)),
    )
