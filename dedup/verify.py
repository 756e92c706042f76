"""Verification of one candidate pair: is one article a copy of the other, and of what kind?

LSH only proposes; this decides, on exact sets. A copy shares nearly all of the shorter text's
shingles (containment), and keeps its figures: a look-alike from a recurring series (next week's
jobless claims, the 8th prisoner swap) repeats the phrasing but changes the numbers, so figures
that disagree veto a fold however similar the wording is.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsfold.dedup.text import Features

#: Share of the shorter text's shingles found in the longer one for the pair to be a copy.
CONTAINED = 0.8
#: Share of the shorter text's numbers that must reappear in the longer one.
NUMBERS_AGREE = 0.9
#: Shorter/longer length ratio below which a contained copy is a truncation, not a full copy.
TRUNCATED_BELOW = 0.85
#: A very short text is contained in almost anything; below this many words demand near-identity.
SHORT_WORDS = 40
SHORT_JACCARD = 0.9


@dataclass(frozen=True)
class Verdict:
    """The outcome of comparing two articles.

    `kind` is "verbatim" or "truncated" for a copy, "lookalike" when the wording matches but the
    figures do not, and "different" otherwise. `similarity` is the Jaccard index of the shingle sets,
    `containment` the share of the shorter text's shingles found in the longer.
    """

    kind: str
    similarity: float
    containment: float

    @property
    def is_copy(self) -> bool:
        return self.kind in ("verbatim", "truncated")


def _share(part: frozenset[str], whole: frozenset[str]) -> float:
    return len(part & whole) / len(part) if part else 1.0


def verify(a: Features, b: Features) -> Verdict:
    """Compare two articles' features; symmetric in its arguments."""
    short, long_ = (a, b) if a.words <= b.words else (b, a)
    common = len(short.shingles & long_.shingles)
    union = len(short.shingles) + len(long_.shingles) - common
    jaccard = common / union if union else 0.0
    containment = common / len(short.shingles) if short.shingles else 0.0
    if short.words < SHORT_WORDS and jaccard < SHORT_JACCARD:
        return Verdict("different", jaccard, containment)
    if containment < CONTAINED:
        return Verdict("different", jaccard, containment)
    if _share(short.numbers, long_.numbers) < NUMBERS_AGREE:
        return Verdict("lookalike", jaccard, containment)
    ratio = short.words / long_.words if long_.words else 1.0
    return Verdict("truncated" if ratio < TRUNCATED_BELOW else "verbatim", jaccard, containment)
