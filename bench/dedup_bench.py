"""Grouping quality and speed of `newsfold cluster`, against the textbook datasketch baseline in one run.

Inputs: a simulated web of `--articles` articles (generated here, in publication order, as a crawl
sees them) and every labelled corpus under ../shared/corpora/ that has `articles.jsonl` and
`truth.jsonl` (read in place, never copied). Each is clustered by newsfold and by the baseline (word
5-shingles, MinHashLSH threshold 0.5, union of all matches), scored with
../shared/eval/score_clusters.py, and timed.

usage: python bench/dedup_bench.py [--articles 20000] [--seed 3] [--skip-baseline] [--corpus-only]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from newsfold.cluster import cluster
from newsfold.dedup.text import shingles, words
from newsfold.scoring import score_events
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


def event_scores(truth: Path, pred: Path) -> str:
    """Event linking, scored by `newsfold.scoring.score_events`; nothing for a corpus without events."""
    predicted = {str(o["id"]): o.get("event") for o in map(json.loads, pred.open(encoding="utf-8"))}
    rows = [{**r, "id": str(r["id"])} for r in map(json.loads, truth.open(encoding="utf-8"))]
    result = score_events(rows, predicted) if any(v is not None for v in predicted.values()) else None
    return f"{'':>36}{result.line()}\n" if result else ""


def report(name: str, method: str, articles: int, seconds: float, result: dict) -> None:
    kinds = "  ".join(f"{k} {v[0]:.4f}" for k, v in result["kind_recall"].items())
    merged = result["same_event_false_merges"]
    same_event = f"  same-event folded {merged[0]}/{merged[1]}" if merged else ""
    print(f"{name:>22} {method:>11}: P {result['pair_precision']:.4f} R {result['pair_recall']:.4f} "
          f"F1 {result['pair_f1']:.4f}  B3 {result['bcubed_f1']:.4f}  {articles / seconds:,.0f} articles/s"
          f"{same_event}\n{'':>36}recall: {kinds}")


def measure(name: str, articles: Path, truth: Path, folder: Path, with_baseline: bool) -> None:
    count = sum(1 for _ in articles.open(encoding="utf-8"))
    runs = [("newsfold", lambda out: cluster(articles, out.open("w", encoding="utf-8")))]
    if with_baseline:
        runs.append(("baseline", lambda out: baseline(articles, out)))
    for method, run in runs:
        pred = folder / f"{name}-{method}.jsonl"
        started = time.perf_counter()
        run(pred)
        report(name, method, count, time.perf_counter() - started, score(truth, pred))
        print(event_scores(truth, pred), end="")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--corpus-only", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsfold-dedup-bench-") as tmp:
        folder = Path(tmp)
        if not args.corpus_only:
            articles, truth = write_world(args.seed, args.articles, folder)
            measure(f"simweb-{args.articles}", articles, truth, folder, not args.skip_baseline)
        for corpus in sorted((SHARED / "corpora").glob("*/articles.jsonl")):
            measure(corpus.parent.name, corpus, corpus.parent / "truth.jsonl", folder, not args.skip_baseline)


if __name__ == "__main__":
    main()
