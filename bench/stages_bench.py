"""Where `newsfold cluster` spends an article's time, beside the least any dedup pays in CPython.

The issue's speed target, 10,000 articles/s on one core, is a budget of 100 us an article for
everything: reading the line, tokenizing, signing, finding and verifying candidates, linking events,
storing. This prints, on a simulated web of `--articles` articles (generated here, as `dedup_bench`
makes it), two tables of microseconds per article, medians of `--runs` runs:

- the *floor*: steps no text dedup can skip, each done the cheapest way CPython offers (parse the
  JSON line, split the text on spaces, make one set of its words, a rensa MinHash of that set);
- the *stages* of one `newsfold cluster` run over the same articles, timed by wrapping the functions
  that do each stage (the wrapper's own cost, about half a microsecond a call, is included).

usage: python bench/stages_bench.py [--articles 20000] [--runs 5] [--seed 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from rensa import RMinHash

from newsfold.cluster import cluster
from newsfold.dedup import stories
from newsfold.dedup.index import CandidateIndex
from newsfold.dedup.signatures import NUM_PERM, SEED
from newsfold.folding import StoryFolder
from newsfold.storage import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dedup_bench import write_world

BUDGET_US = 100.0  # 10,000 articles/s on one core

#: (label, owner, attribute): the functions whose time is a stage's. `fold` holds all the others but
#: reading and writing lines.
STAGES = (
    ("features (tokens, grams, figures, names)", stories, "analyse"),
    ("MinHash signatures (rensa)", stories, "sign_views"),
    ("LSH band keys", CandidateIndex, "band_keys"),
    ("LSH query", CandidateIndex, "query"),
    ("verification of candidates", stories.Deduplicator, "_verified"),
    ("LSH insert", CandidateIndex, "insert"),
    ("event linking", StoryFolder, "_link_event"),
    ("storing the article (SQLite)", Store, "add_article"),
    ("fold, all of the above and the rest", StoryFolder, "fold"),
)


def median_us(step: Callable[[], object], count: int, runs: int) -> float:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds) / count * 1e6


def floor(lines: list[str], runs: int) -> list[tuple[str, float]]:
    texts = [json.loads(line)["text"] for line in lines]
    tokens = [text.lower().split() for text in texts]
    sets = [set(words) for words in tokens]
    n = len(lines)
    return [
        ("parse the JSON line (json.loads)", median_us(lambda: [json.loads(line) for line in lines], n, runs)),
        ("split the text on spaces (str.lower().split())",
         median_us(lambda: [text.lower().split() for text in texts], n, runs)),
        ("one set of its words", median_us(lambda: [set(words) for words in tokens], n, runs)),
        ("rensa MinHash of that set, 128 permutations",
         median_us(lambda: RMinHash.digest_matrix_from_token_sets(sets, NUM_PERM, SEED), n, runs)),
    ]


def stages(articles: Path, count: int, runs: int) -> tuple[list[tuple[str, float]], float]:
    """Per stage, the median over runs of its microseconds an article; and end to end."""
    per_run: list[Counter] = []
    totals = []
    originals = {(owner, name): getattr(owner, name) for _, owner, name in STAGES}
    spent: Counter = Counter()

    def timed(label: str, function: Callable) -> Callable:
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - started
        return wrapper

    for label, owner, name in STAGES:
        setattr(owner, name, timed(label, originals[owner, name]))
    try:
        for _ in range(runs):
            spent.clear()
            with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
                started = time.perf_counter()
                cluster(articles, out)
                totals.append(time.perf_counter() - started)
            per_run.append(Counter(spent))
    finally:
        for (owner, name), function in originals.items():
            setattr(owner, name, function)
    table = [(label, statistics.median(run[label] for run in per_run) / count * 1e6) for label, _, _ in STAGES]
    return table, statistics.median(totals) / count * 1e6


def show(title: str, rows: list[tuple[str, float]]) -> None:
    print(f"\n{title}")
    for label, us in rows:
        print(f"  {label:52s} {us:8.1f} us  {us / BUDGET_US:6.2f} of the budget")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsfold-stages-") as scratch:
        articles, _ = write_world(args.seed, args.articles, Path(scratch))
        lines = articles.read_text(encoding="utf-8").splitlines()
        words = statistics.mean(len(json.loads(line)["text"].split()) for line in lines)
        print(f"simweb-{args.articles}: {words:.0f} words an article; budget {BUDGET_US:.0f} us an article "
              f"(10,000 articles/s); medians of {args.runs} runs")
        rows = floor(lines, args.runs)
        show("the floor: what any dedup pays, done the cheapest way in CPython", rows)
        print(f"  {'sum':52s} {sum(us for _, us in rows):8.1f} us")
        table, total = stages(articles, len(lines), args.runs)
        show("newsfold cluster, by stage", table)
        print(f"  {'end to end':52s} {total:8.1f} us  {total / BUDGET_US:6.2f} of the budget "
              f"({1e6 / total:,.0f} articles/s)")


if __name__ == "__main__":
    main()
