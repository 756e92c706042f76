"""Extraction quality and speed on real pages: newsfold's extract against bare trafilatura, same run.

Reads ../shared/corpora/fundus-pages (never copied into the repository) and scores both with
../shared/eval/score_extraction.py. Usage: python bench/extract_bench.py [--corpus DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

from trafilatura import bare_extraction

from newsfold.extract import ExtractionError, extract

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def newsfold_row(key: str, html: bytes, url: str) -> dict:
    try:
        article = extract(html, url)
    except ExtractionError:
        return {"id": key, "text": ""}
    return {"id": key, "text": article.text, "title": article.title, "published": article.published}


def trafilatura_row(key: str, html: bytes, url: str) -> dict:
    doc = bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return {"id": key, "text": ""}
    return {"id": key, "text": doc.text or "", "title": doc.title, "published": doc.date}


def run(name: str, extractor, pages: list[tuple[str, bytes, str]], out: Path) -> float:
    started = time.perf_counter()
    rows = [extractor(key, html, url) for key, html, url in pages]
    seconds = time.perf_counter() - started
    path = out / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "fundus-pages")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    items = args.corpus / "items.jsonl"
    if not items.exists():
        print(f"{items}: corpus not present, nothing to measure", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    rows = [json.loads(line) for line in items.read_text(encoding="utf-8").splitlines() if line.strip()]
    pages = [(r["id"], gzip.decompress((args.corpus / r["html_path"]).read_bytes()), r["url"]) for r in rows]
    for name, extractor in (("trafilatura", trafilatura_row), ("newsfold", newsfold_row)):
        seconds = run(name, extractor, pages, args.out)
        print(f"== {name}: {len(pages)} pages in {seconds:.1f} s, {len(pages) / seconds:.1f} pages/s")
        subprocess.run([sys.executable, str(SHARED / "eval" / "score_extraction.py"), str(items),
                        str(args.out / f"{name}.jsonl")], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
