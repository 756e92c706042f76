"""The candidate index at scale: memory, query latency, saving and opening, against datasketch's MinHashLSH.

A simulated web of `--articles` articles (generated here) is signed once, in publication order; every
article is queried (within the 7-day window, as folding does) and then inserted, into newsfold's
`CandidateIndex` (both views) and, for the first `--baseline-articles`, into datasketch's in-memory
MinHashLSH over the same signatures (its threshold per view, as the index used to hold them). Then the
index is saved, and a fresh process opens it and answers `--queries` queries: what a new crawl pays.

Memory is the resident size a process gains while building (Linux `/proc/self/statm`), the arrays' own
bytes beside it. Latencies are per query, median and 99th percentile.

usage: python bench/index_bench.py [--articles 1000000] [--baseline-articles 100000] [--queries 5000]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from newsfold.dedup.index import VIEWS, CandidateIndex
from newsfold.dedup.signatures import NUM_PERM, SEED, sign_views
from newsfold.dedup.stories import MATCH_WINDOW
from newsfold.dedup.text import analyse
from newsfold.times import parse_time

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dedup_bench import write_world

WINDOW = MATCH_WINDOW.total_seconds()
#: datasketch 2.0 asks which hash scheme made a LeanMinHash's values; rensa's are neither of its own,
#: and this label only satisfies the constructor.
SCHEME = "affine32"


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def signed(articles: Path) -> list[tuple[dict[str, np.ndarray], float | None]]:
    """(signatures, published) of every article, in file order."""
    rows = []
    with articles.open(encoding="utf-8") as lines:
        for line in lines:
            obj = json.loads(line)
            published = parse_time(obj.get("published"))
            rows.append((sign_views(analyse(obj["text"])[1]), published.timestamp() if published else None))
    return rows


def percentiles(seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    return f"p50 {statistics.median(ms):.3f} ms, p99 {ms[int(len(ms) * 0.99)]:.3f} ms over {len(ms):,} queries"


def build_newsfold(rows: list[tuple[dict[str, np.ndarray], float | None]]) -> tuple[CandidateIndex, dict]:
    gc.collect()
    before = resident_mb()
    index = CandidateIndex()
    queries, inserts, found = [], [], 0
    for key, (sigs, published) in enumerate(rows, 1):
        started = time.perf_counter()
        bands = index.band_keys(sigs)
        found += len(index.query(bands, published, WINDOW))
        middle = time.perf_counter()
        index.insert(key, bands, published)
        inserts.append(time.perf_counter() - middle)
        queries.append(middle - started)
    index._flush()
    arrays = sum(s.keys.nbytes + s.positions.nbytes for s in index._segments) + index._times.nbytes
    return index, {"resident_mb": resident_mb() - before, "arrays_mb": arrays / 2**20,
                   "query": percentiles(queries), "insert_us": statistics.median(inserts) * 1e6,
                   "candidates": found / len(rows), "segments": len(index._segments)}


def build_baseline(rows: list[tuple[dict[str, np.ndarray], float | None]]) -> dict:
    """datasketch's MinHashLSH per view over the same signatures (what the index held before)."""
    gc.collect()
    before = resident_mb()
    lshs = {view: MinHashLSH(threshold=threshold, num_perm=NUM_PERM) for view, threshold in VIEWS.items()}
    queries = []
    for key, (sigs, _) in enumerate(rows, 1):
        minhashes = {v: LeanMinHash(seed=SEED, hashvalues=sigs[v], scheme=SCHEME) for v in VIEWS}
        started = time.perf_counter()
        for view, lsh in lshs.items():
            lsh.query(minhashes[view])
        queries.append(time.perf_counter() - started)
        for view, lsh in lshs.items():
            lsh.insert(key, minhashes[view], check_duplication=False)
    return {"resident_mb": resident_mb() - before, "query": percentiles(queries)}


def reopen(folder: Path, articles: Path, count: int) -> None:
    """In a fresh process: open the saved index and query it with `count` of the articles."""
    started = time.perf_counter()
    before = resident_mb()
    index, mark = CandidateIndex.open(folder)
    opened = time.perf_counter() - started
    rows = signed_sample(articles, count)
    queries = []
    for sigs, published in rows:
        started = time.perf_counter()
        index.query(index.band_keys(sigs), published, WINDOW)
        queries.append(time.perf_counter() - started)
    print(json.dumps({"open_s": opened, "articles": len(index), "resident_mb": resident_mb() - before,
                      "query": percentiles(queries), "mark": mark}))


def signed_sample(articles: Path, count: int) -> list[tuple[dict[str, np.ndarray], float | None]]:
    """Every k-th article's signatures, `count` in all, spread over the file."""
    total = sum(1 for _ in articles.open(encoding="utf-8"))
    step = max(1, total // count)
    rows = []
    with articles.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number % step == 0:
                obj = json.loads(line)
                published = parse_time(obj.get("published"))
                rows.append((sign_views(analyse(obj["text"])[1]), published.timestamp() if published else None))
    return rows[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--baseline-articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--reopen", nargs=2, metavar=("FOLDER", "ARTICLES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reopen:
        reopen(Path(args.reopen[0]), Path(args.reopen[1]), args.queries)
        return
    with tempfile.TemporaryDirectory(prefix="newsfold-index-bench-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        articles, _ = write_world(args.seed, args.articles, folder)
        rows = signed(articles)
        print(f"simweb-{args.articles}: generated and signed in {time.perf_counter() - started:.0f} s")
        index, built = build_newsfold(rows)
        print(f"newsfold CandidateIndex, {args.articles:,} articles: {built['resident_mb']:,.0f} MB resident, "
              f"{built['arrays_mb']:,.0f} MB of arrays ({built['arrays_mb'] * 2**20 / args.articles:,.0f} B an "
              f"article), {built['segments']} segments; query {built['query']}; insert median "
              f"{built['insert_us']:.1f} us; {built['candidates']:.1f} candidates a query")
        started = time.perf_counter()
        index.save(folder / "index", {"article": args.articles})
        size = sum(p.stat().st_size for p in (folder / "index").iterdir())
        print(f"saved in {time.perf_counter() - started:.1f} s, {size / 2**20:,.0f} MB on disk")
        del index
        done = subprocess.run([sys.executable, __file__, "--reopen", str(folder / "index"), str(articles),
                               "--queries", str(args.queries)], capture_output=True, text=True, check=True)
        opened = json.loads(done.stdout)
        print(f"a fresh process opens it in {opened['open_s']:.2f} s ({opened['articles']:,} articles, "
              f"+{opened['resident_mb']:,.0f} MB resident after its queries); query {opened['query']}")
        if args.baseline_articles:  # last: the memory it frees is not all given back to the system
            base = build_baseline(rows[: args.baseline_articles])
            print(f"baseline MinHashLSH, {args.baseline_articles:,} articles: {base['resident_mb']:,.0f} MB "
                  f"({base['resident_mb'] * 2**20 / args.baseline_articles:,.0f} B an article); {base['query']}")


if __name__ == "__main__":
    main()
