"""Grouping quality and speed of `newsfold cluster`, against the textbook datasketch baseline in one run.

Inputs: simulated webs of `--articles` articles (one or more sizes, generated here, in publication
order, as a crawl sees them) and every labelled corpus under ../shared/corpora/ that has
`articles.jsonl` and `truth.jsonl` (read in place, never copied). Each is clustered by newsfold and by
the baseline (word 5-shingles, MinHashLSH threshold 0.5, union of all matches), each method in a
process of its own so that its peak memory is its own; scored with ../shared/eval/score_clusters.py,
and timed inside that process (start-up and imports excluded, for both alike).

`--exhaustive N` also folds a simulated web of N articles with every article of the 7-day window as a
candidate, verified exactly: the grouping LSH would give if it missed nothing, beside the fast path's.

usage: python bench/dedup_bench.py [--articles 20000 100000] [--seed 3] [--skip-baseline] [--corpus-only]
                                   [--exhaustive 3000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Hashable, Iterable
from pathlib import Path

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsfold.cluster import cluster
from newsfold.dedup.index import Candidate
from newsfold.dedup.text import shingles, words
from newsfold.scoring import score_events, score_grouping
from newsfold.simweb import build_world
from newsfold.times import iso

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def write_world(seed: int, size: int, folder: Path) -> tuple[Path, Path]:
    """A simulated web's articles (as `cluster` reads them) and its truth, in publication order."""
    world = build_world(seed, size)
    articles, truth = folder / f"simweb-{size}.jsonl", folder / f"simweb-{size}-truth.jsonl"
    with articles.open("w", encoding="utf-8") as out, truth.open("w", encoding="utf-8") as true:
        for row in world.truth:
            out.write(json.dumps({"id": row.url, "url": row.url, "title": world.headline(row.url),
                                  "text": "\n".join(world.body(row.url)),
                                  "published": iso(world.published(row.url))}) + "\n")
            true.write(json.dumps(row.as_json()) + "\n")
    return articles, truth


def baseline(articles: Path, out: Path) -> None:
    """datasketch MinHash over word 5-shingles, LSH at 0.5, stories = connected components of hits."""
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    keys = []
    with articles.open(encoding="utf-8") as lines:
        for line in lines:
            obj = json.loads(line)
            key = str(obj["id"])
            minhash = MinHash(num_perm=128)
            minhash.update_batch([s.encode() for s in set(shingles(words(obj["text"]), 5))])
            parent[key] = key
            for other in lsh.query(minhash):
                parent[root(other)] = root(key)
            lsh.insert(key, minhash)
            keys.append(key)
    with out.open("w", encoding="utf-8") as fh:
        for key in keys:
            fh.write(json.dumps({"id": key, "story": root(key)}) + "\n")


def score(truth: Path, pred: Path) -> dict:
    done = subprocess.run([sys.executable, str(SHARED / "eval" / "score_clusters.py"), str(truth), str(pred),
                           "--json"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def simweb_scores(truth: Path, pred: Path) -> str:
    """Look-alike pairs folded (`newsfold.scoring.score_grouping`) and event linking (`score_events`),
    for a corpus whose truth has series and events (the simulated web's); nothing for others."""
    predicted = {str(o["id"]): o for o in map(json.loads, pred.open(encoding="utf-8"))}
    rows = [{**r, "id": str(r["id"])} for r in map(json.loads, truth.open(encoding="utf-8"))]
    if not rows or "series" not in rows[0]:
        return ""
    folded = score_grouping(rows, {k: o["story"] for k, o in predicted.items()}).lookalikes_folded
    lines = [f"look-alike pairs folded: {folded[0]}/{folded[1]}"]
    if any(o.get("event") is not None for o in predicted.values()):
        lines.append(score_events(rows, {k: o.get("event") for k, o in predicted.items()}).line())
    return "".join(f"{'':>36}{line}\n" for line in lines)


def report(name: str, method: str, articles: int, seconds: float, result: dict) -> None:
    kinds = "  ".join(f"{k} {v[0]:.4f}" for k, v in result["kind_recall"].items())
    merged = result["same_event_false_merges"]
    same_event = f"  same-event folded {merged[0]}/{merged[1]}" if merged else ""
    print(f"{name:>22} {method:>11}: P {result['pair_precision']:.4f} R {result['pair_recall']:.4f} "
          f"F1 {result['pair_f1']:.4f}  B3 {result['bcubed_f1']:.4f}  {articles / seconds:,.0f} articles/s"
          f"{same_event}\n{'':>36}recall: {kinds}")


class Exhaustive:
    """A stand-in for `CandidateIndex` that proposes every article inserted so far (within the time
    window when one is given): folding with it verifies every pair LSH could have proposed."""

    def __init__(self) -> None:
        self.keys: list[Hashable] = []
        self.times: list[float] = []

    def band_keys(self, signatures: dict) -> np.ndarray:
        return np.empty(0, dtype=np.uint64)

    def insert(self, key: Hashable, keys: np.ndarray, published: float | None = None) -> None:
        self.keys.append(key)
        self.times.append(float("nan") if published is None else published)

    def load(self, rows: Iterable[tuple[Hashable, dict, float | None]]) -> int:
        count = 0
        for key, _, published in rows:
            self.insert(key, np.empty(0), published)
            count += 1
        return count

    def query(self, keys: np.ndarray, published: float | None = None, window: float | None = None
              ) -> list[Candidate]:
        times = np.asarray(self.times)
        inside = np.ones(len(times), dtype=bool) if published is None or window is None else (
            np.isnan(times) | (np.abs(times - published) <= window))
        return [Candidate(self.keys[i], self.times[i]) for i in np.flatnonzero(inside)]

    def __len__(self) -> int:
        return len(self.keys)


def run_method(method: str, articles: Path, pred: Path) -> None:
    """In the child process: fold `articles` by `method`, print the seconds it took."""
    if method == "exhaustive":
        import newsfold.folding

        newsfold.folding.CandidateIndex = Exhaustive
    started = time.perf_counter()
    if method == "baseline":
        baseline(articles, pred)
    else:
        with pred.open("w", encoding="utf-8") as out:
            cluster(articles, out)
    print(json.dumps({"seconds": time.perf_counter() - started, "peak_mb": peak_mb()}))


def peak_mb() -> float:
    """This process's peak resident size (Linux VmHWM). Not getrusage: its maximum carries over the
    parent's size from before `exec`, which here is the generated web's."""
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def timed_child(method: str, articles: Path, pred: Path) -> tuple[float, float]:
    """(seconds, peak resident MB) of one method run in a process of its own."""
    done = subprocess.run([sys.executable, __file__, "--run", method, str(articles), str(pred)],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["seconds"], result["peak_mb"]


def measure(name: str, articles: Path, truth: Path, folder: Path, methods: tuple[str, ...]) -> None:
    count = sum(1 for _ in articles.open(encoding="utf-8"))
    speeds = {}
    for method in methods:
        pred = folder / f"{name}-{method}.jsonl"
        seconds, peak = timed_child(method, articles, pred)
        speeds[method] = count / seconds
        report(name, method, count, seconds, score(truth, pred))
        print(f"{'':>36}peak memory {peak:,.0f} MB")
        print(simweb_scores(truth, pred), end="")
    if "newsfold" in speeds and "baseline" in speeds:
        print(f"{'':>36}speed newsfold / baseline: {speeds['newsfold'] / speeds['baseline']:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[20_000])
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--corpus-only", action="store_true")
    parser.add_argument("--exhaustive", type=int, default=0, metavar="N")
    parser.add_argument("--run", nargs=3, metavar=("METHOD", "ARTICLES", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_method(args.run[0], Path(args.run[1]), Path(args.run[2]))
        return
    methods = ("newsfold",) if args.skip_baseline else ("newsfold", "baseline")
    with tempfile.TemporaryDirectory(prefix="newsfold-dedup-bench-") as tmp:
        folder = Path(tmp)
        if args.exhaustive:
            articles, truth = write_world(args.seed, args.exhaustive, folder)
            measure(f"simweb-{args.exhaustive}", articles, truth, folder, ("newsfold", "exhaustive"))
        for size in [] if args.corpus_only else args.articles:
            articles, truth = write_world(args.seed, size, folder)
            measure(f"simweb-{size}", articles, truth, folder, methods)
        for corpus in sorted((SHARED / "corpora").glob("*/articles.jsonl")):
            measure(corpus.parent.name, corpus, corpus.parent / "truth.jsonl", folder, methods)


if __name__ == "__main__":
    main()
