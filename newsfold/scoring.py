"""How well a stored grouping matches a simulated web's truth (DESIGN.md, "Measuring")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsfold.dedup.metrics import PairScores, folded, kind_recall, pair_scores


@dataclass(frozen=True)
class GroupingReport:
    articles: int
    missing: int
    pairs: PairScores
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
        lines += [f"  recall[{kind}] {value:.4f} over {n} articles" for kind, (value, n) in self.kinds.items()]
        lines.append("look-alike pairs folded: {}/{}".format(*self.lookalikes_folded))
        lines.append("same-event pairs of different stories folded: {}/{}".format(*self.same_event_folded))
        return lines


def score_grouping(truth: Iterable[Mapping], stored: Mapping[str, object]) -> GroupingReport:
    """Score `stored` (url -> story) against truth rows (`url`, `story`, `event`, `kind`, `series`)."""
    rows = list(truth)
    story = {r["url"]: r["story"] for r in rows}
    pred = {url: stored[url] for url in story if url in stored}
    event = {r["url"]: r["event"] for r in rows}
    series = {r["url"]: r.get("series") for r in rows}
    return GroupingReport(
        articles=len(rows),
        missing=len(story) - len(pred),
        pairs=pair_scores(story, pred),
        kinds=kind_recall(story, {r["url"]: r["kind"] for r in rows}, pred),
        lookalikes_folded=folded(pred, series, event),
        same_event_folded=folded(pred, event, story),
    )
