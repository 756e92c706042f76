#!/usr/bin/env python3
"""Wall time of `newsfold demo` on this machine, end to end, as a user runs it.

usage: python bench/demo_bench.py [--articles 400] [--runs 3]

Each run is a fresh process in a fresh folder (new database), so it includes interpreter start-up,
building and serving the simulated web, the crawl, extraction, dedup, storage, the digest and the
scoring. The baseline, measured in the same run, is the start-up alone (`newsfold --help` imports
nothing heavy; `python -c "import scrapy, trafilatura, datasketch"` imports what the job needs), so
the figures can be compared across noisy machines as ratios.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time

IMPORTS = "import scrapy, trafilatura, datasketch, sqlite_utils, feedparser, newsfold.crawl"


def timed(cmd: list[str], cwd: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    demo, imports, last = [], [], ""
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            imports.append(timed([sys.executable, "-c", IMPORTS], tmp)[0])
            seconds, last = timed([sys.executable, "-m", "newsfold", "demo", "--articles", str(args.articles)], tmp)
            demo.append(seconds)
    med_demo, med_imports = statistics.median(demo), statistics.median(imports)
    print(f"demo --articles {args.articles}: median {med_demo:.2f} s over {args.runs} runs "
          f"(runs: {', '.join(f'{s:.2f}' for s in demo)})")
    print(f"baseline, importing the job's libraries: median {med_imports:.2f} s; "
          f"demo / baseline = {med_demo / med_imports:.1f}x")
    for line in last.splitlines():
        if re.search(r"crawl finished|pairwise|recall\[|folded", line):
            print("  last run: " + line.strip())


if __name__ == "__main__":
    main()
