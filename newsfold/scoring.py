"""How well a stored grouping matches a simulated web's truth (DESIGN.md, "Measuring")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsfold.dedup.metrics import PairScores, copy_recall, folded, kind_recall, pair_scores


@dataclass(frozen=True)
class GroupingReport:
    articles: int
    missing: int
    pairs: PairScores
    copies: dict[str, tuple[float, int]]
    kinds: dict[str, tuple[float, int]]
    lookalikes_folded: tuple[int, int]
    same_event_folded: tuple[int, int]

    def lines(self) -> list[str]:
        p = self.pairs
        lines = [
            f"articles in truth {self.articles}, not stored {self.missing}",
            f"pairwise precision {p.precision:.4f}  recall {p.recall:.4f}  F1 {p.f1:.4f}"
            f"  ({p.true_pairs} true pairs, {p.predicted_pairs} predicted)",
        ]
        lines += [f"  {kind} copies folded into their original's story {value:.4f} ({n} copies)"
                  for kind, (value, n) in self.copies.items()]
        lines += [f"  recall[{kind}] {value:.4f} over {n} articles (share of true story-mates kept together)"
                  for kind, (value, n) in self.kinds.items()]
        lines.append("look-alike pairs folded: {}/{}".format(*self.lookalikes_folded))
        lines.append("same-event pairs of different stories folded: {}/{}".format(*self.same_event_folded))
        return lines


def score_grouping(truth: Iterable[Mapping], stored: Mapping[str, object]) -> GroupingReport:
    """Score `stored` (url -> story) against truth rows (`url`, `story`, `event`, `kind`, `series`)."""
    rows = list(truth)
    story = {r["url"]: r["story"] for r in rows}
    pred = {url: stored[url] for url in story if url in stored}
    kinds = {r["url"]: r["kind"] for r in rows}
    event = {r["url"]: r["event"] for r in rows}
    series = {r["url"]: r.get("series") for r in rows}
    return GroupingReport(
        articles=len(rows),
        missing=len(story) - len(pred),
        pairs=pair_scores(story, pred),
        copies=copy_recall(story, kinds, pred),
        kinds=kind_recall(story, kinds, pred),
        lookalikes_folded=folded(pred, series, event),
        same_event_folded=folded(pred, event, story),
    )


@dataclass(frozen=True)
class EventReport:
    """Event linking scored over true stories: pairwise "same event", and look-alike story pairs (another
    occurrence of one series) given one event."""

    pairs: PairScores
    lookalikes_linked: tuple[int, int]

    def line(self) -> str:
        p = self.pairs
        return (f"events: precision {p.precision:.4f}  recall {p.recall:.4f}  F1 {p.f1:.4f} over stories; "
                "look-alike story pairs linked: {}/{}".format(*self.lookalikes_linked))


def score_events(truth: Iterable[Mapping], predicted: Mapping[object, object]) -> EventReport | None:
    """Score `predicted` (article id -> event of its story) over the truth's originals (`id`, `cluster`,
    `kind`, `event`, `series`); None when the truth has no two stories of one event."""
    originals = [r for r in truth if r.get("kind") == "original" and "event" in r]
    true_event = {r["cluster"]: r["event"] for r in originals}
    pred_event = {r["cluster"]: predicted.get(r["id"]) for r in originals if r["id"] in predicted}
    scores = pair_scores(true_event, pred_event)
    if not scores.true_pairs:
        return None
    series = {r["cluster"]: r.get("series") for r in originals}
    return EventReport(scores, folded(pred_event, series, true_event))
