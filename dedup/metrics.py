"""Pairwise scores of a grouping against the truth, as DESIGN.md defines them.

A pair of articles is positive when both belong to one story. Precision, recall and F1 count such
pairs; `folded` counts the pairs a prediction put together that the truth keeps apart for a named
reason (another event of the same series, another outlet's report of the same event).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


@dataclass(frozen=True)
class PairScores:
    precision: float
    recall: float
    f1: float
    true_pairs: int
    predicted_pairs: int


def pair_scores(truth: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]) -> PairScores:
    """Score `pred` (article -> story) against `truth` over the articles of `truth`.

    An article missing from `pred` counts as a story of its own.
    """
    p_of = {a: pred.get(a, ("missing", a)) for a in truth}
    cells = Counter((truth[a], p_of[a]) for a in truth)
    tp = sum(_pairs(c) for c in cells.values())
    true_pairs = sum(_pairs(c) for c in Counter(truth.values()).values())
    pred_pairs = sum(_pairs(c) for c in Counter(p_of.values()).values())
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScores(precision, recall, f1, true_pairs, pred_pairs)


def kind_recall(
    truth: Mapping[Hashable, Hashable], kinds: Mapping[Hashable, str], pred: Mapping[Hashable, Hashable]
) -> dict[str, tuple[float, int]]:
    """Per copy kind: the mean share of an article's true story-mates predicted with it, and how many
    articles that mean is over (articles alone in their true story are left out)."""
    p_of = {a: pred.get(a, ("missing", a)) for a in truth}
    cells = Counter((truth[a], p_of[a]) for a in truth)
    sizes = Counter(truth.values())
    shares: dict[str, list[float]] = defaultdict(list)
    for a in truth:
        size = sizes[truth[a]]
        if size > 1:
            shares[kinds.get(a, "article")].append((cells[(truth[a], p_of[a])] - 1) / (size - 1))
    return {k: (sum(v) / len(v), len(v)) for k, v in sorted(shares.items())}


def copy_recall(
    truth: Mapping[Hashable, Hashable], kinds: Mapping[Hashable, str], pred: Mapping[Hashable, Hashable],
    original: str = "original",
) -> dict[str, tuple[float, int]]:
    """Per copy kind: the share of copies predicted in the same story as their story's original, and
    how many copies that share is over.

    Unlike `kind_recall`, a verbatim copy is not blamed for a spun sibling left out of its story:
    this asks only whether each copy was folded into the story it copies.
    """
    originals = {truth[a]: pred.get(a, ("missing", a)) for a in truth if kinds.get(a) == original}
    hits: dict[str, list[bool]] = defaultdict(list)
    for a in truth:
        kind = kinds.get(a, original)
        if kind != original and truth[a] in originals:
            hits[kind].append(pred.get(a, ("missing", a)) == originals[truth[a]])
    return {k: (sum(v) / len(v), len(v)) for k, v in sorted(hits.items())}


def folded(
    pred: Mapping[Hashable, Hashable], same: Mapping[Hashable, Hashable], apart: Mapping[Hashable, Hashable]
) -> tuple[int, int]:
    """Pairs with equal `same` and unequal `apart` values: how many `pred` folded, out of how many.

    With `same` the event and `apart` the true story, this counts folded independent reports; with
    `same` the series and `apart` the event, folded look-alikes.
    """
    keys = [a for a in same if same[a] is not None and a in apart]
    groups = Counter(same[a] for a in keys)
    split = Counter((same[a], apart[a]) for a in keys)
    together = Counter((same[a], pred.get(a, ("missing", a))) for a in keys)
    together_split = Counter((same[a], apart[a], pred.get(a, ("missing", a))) for a in keys)
    total = sum(_pairs(c) for c in groups.values()) - sum(_pairs(c) for c in split.values())
    wrong = sum(_pairs(c) for c in together.values()) - sum(_pairs(c) for c in together_split.values())
    return wrong, total
