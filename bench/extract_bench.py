"""Extraction quality and speed on real pages: `newsfold extract` against bare trafilatura, same run.

Reads ../shared/corpora/fundus-pages (never copied into the repository) and scores both with
../shared/eval/score_extraction.py, over all pages and over a development / held-out split by
publisher (a third of the publishers, chosen by a hash of their name, are held out), so that a
change tuned on the development pages shows whether it generalises. Both sides read and gunzip
each file inside the timed section; each is timed `--repeat` times, the two alternating, and the
median is printed.
Usage: python bench/extract_bench.py [--corpus DIR] [--out DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

from trafilatura import bare_extraction

from newsfold.extractbatch import PageInput, extract_pages, read_page

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score_extraction.py"
Extractor = Callable[[list[PageInput]], list[dict]]


def newsfold_rows(pages: list[PageInput]) -> list[dict]:
    return [row if "error" not in row else {"id": row["id"], "text": ""} for row in extract_pages(pages)]


def trafilatura_rows(pages: list[PageInput]) -> list[dict]:
    rows = []
    for page in pages:
        doc = bare_extraction(read_page(page.path), url=page.url, with_metadata=True)
        rows.append({"id": page.id, "text": ""} if doc is None else
                    {"id": page.id, "text": doc.text or "", "title": doc.title, "published": doc.date})
    return rows


def timed(extractors: dict[str, Extractor], pages: list[PageInput], repeat: int) -> dict[str, tuple[list, float]]:
    """Rows and median seconds of each extractor; runs alternate, so a load spike on the shared
    machine hits both sides alike."""
    seconds: dict[str, list[float]] = {name: [] for name in extractors}
    rows: dict[str, list[dict]] = {}
    for _ in range(repeat):
        for name, extractor in extractors.items():
            started = time.perf_counter()
            rows[name] = extractor(pages)
            seconds[name].append(time.perf_counter() - started)
    return {name: (rows[name], statistics.median(seconds[name])) for name in extractors}


def held_out(publisher: str) -> bool:
    return zlib.crc32(publisher.encode()) % 3 == 0


def score(expected: Path, rows: list[dict], out: Path) -> None:
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    subprocess.run([sys.executable, str(SCORER), str(expected), str(out)], check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "fundus-pages")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--repeat", type=int, default=1, help="Timed runs per extractor (median printed).")
    args = parser.parse_args()
    items = args.corpus / "items.jsonl"
    if not items.exists():
        print(f"{items}: corpus not present, nothing to measure", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    truth = [json.loads(line) for line in items.read_text(encoding="utf-8").splitlines() if line.strip()]
    pages = [PageInput(r["id"], r["url"], args.corpus / r["html_path"]) for r in truth]
    splits = {"dev": [r for r in truth if not held_out(r["publisher"])],
              "held-out": [r for r in truth if held_out(r["publisher"])]}
    rates = {}
    runs = timed({"trafilatura": trafilatura_rows, "newsfold": newsfold_rows}, pages, args.repeat)
    for name, (rows, seconds) in runs.items():
        rates[name] = len(pages) / seconds
        print(f"== {name}: {len(pages)} pages, median {seconds:.1f} s over {args.repeat} run(s), "
              f"{rates[name]:.1f} pages/s")
        score(items, rows, args.out / f"{name}.jsonl")
        for split, subset in splits.items():
            keys = {r["id"] for r in subset}
            expected = args.out / f"expected-{split}.jsonl"
            expected.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in subset), encoding="utf-8")
            print(f"-- {name} on {split} publishers ({len(subset)} pages)")
            score(expected, [r for r in rows if r["id"] in keys], args.out / f"{name}-{split}.jsonl")
    print(f"== throughput newsfold / trafilatura: {rates['newsfold'] / rates['trafilatura']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
