"""Every feed of feedparser's test corpus through the feeds spider's parsing path.

Each file becomes the Scrapy response a server would have sent (its body as bytes, the HTTP headers
its leading comment names, the response class Scrapy would pick) and goes through
`read_feed_response`, the function the spider calls. Checked per file: no crash, no hang (a time
limit per file), as many entries as feedparser finds when handed the same bytes and headers directly,
and one warning line for each malformed feed, as the spider writes it. Also counted: entry titles
that still carry markup a sanitizer should have removed.

    .venv/bin/python bench/feeds_corpus.py [--corpus ../shared/corpora/feedparser-tests]
"""

from __future__ import annotations

import argparse
import io
import re
import signal
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import feedparser
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes

from newsfold.spiders.feeds import read_feed_response

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "feedparser-tests"
HEADER = re.compile(r"^\s*Header:\s*([\w-]+):\s*(.*?)\s*$", re.M)
UNSAFE = re.compile(r"<script|javascript:|\bon[a-z]+\s*=|<iframe|<object|<embed", re.I)
LIMIT_SECONDS = 10


class Hang(Exception):
    pass


def leading_comment(body: bytes) -> str:
    """The comment (XML) or __TEST__ string (JSON) that states what feedparser should make of the file."""
    text = body[:4000].decode("utf-8", "replace")
    match = re.search(r"<!--(.*?)-->", text, re.S) or re.search(r'"__TEST__":\s*"(.*?)"', text, re.S)
    return match.group(1) if match else ""


def as_scrapy_would(path: Path, root: Path):
    body = path.read_bytes()
    headers = Headers({name: value for name, value in HEADER.findall(leading_comment(body))})
    url = f"http://feeds.test/{path.relative_to(root).as_posix()}"
    cls = responsetypes.from_args(headers=headers, url=url, body=body)
    return cls(url=url, status=200, headers=headers, body=body), headers


def feedparser_directly(response, headers: Headers) -> int:
    plain = {k.decode().lower(): v[0].decode("latin-1") for k, v in headers.items()}
    parsed = feedparser.parse(io.BytesIO(response.body), response_headers={"content-location": response.url, **plain})
    return len(parsed.entries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--warnings", type=Path, default=Path(__file__).parent / "out" / "feeds_corpus_warnings.log")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"{args.corpus}: no such corpus", file=sys.stderr)
        return 1
    files = sorted(p for p in args.corpus.rglob("*") if p.suffix in (".xml", ".json"))
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(Hang()))
    outcome: Counter[str] = Counter()
    by_folder: Counter[str] = Counter()
    times, baseline, mismatches, crashes, unsafe = [], [], [], [], []
    args.warnings.parent.mkdir(parents=True, exist_ok=True)
    with open(args.warnings, "w", encoding="utf-8") as log:
        for path in files:
            response, headers = as_scrapy_would(path, args.corpus)
            name = path.relative_to(args.corpus).as_posix()
            started = time.perf_counter()
            signal.alarm(LIMIT_SECONDS)
            try:
                reading = read_feed_response(response)
            except Hang:
                outcome["hang"] += 1
                continue
            except Exception as exc:  # a crash is what this benchmark looks for
                crashes.append(f"{name}: {type(exc).__name__}: {exc}")
                continue
            finally:
                signal.alarm(0)
            times.append(time.perf_counter() - started)
            started = time.perf_counter()
            direct = feedparser_directly(response, headers)
            baseline.append(time.perf_counter() - started)
            if len(reading.entries) != direct:
                mismatches.append(name)
            unsafe += [name for e in reading.entries if e.title and UNSAFE.search(e.title)]
            # The spider's rule: a failure line when it is no feed, a warning line when it is malformed.
            if not reading.usable:
                outcome["not a feed (one failure line)"] += 1
                log.write(f"WARNING {name}: {response.url}: not a feed: {reading.problem}\n")
            elif reading.problem:
                outcome["malformed, read anyway (one warning line)"] += 1
                log.write(f"WARNING {name}: {response.url}: malformed feed, {len(reading.entries)} entries "
                          f"read anyway ({reading.problem})\n")
            else:
                outcome["well-formed"] += 1
            by_folder[path.relative_to(args.corpus).parts[0]] += 1
    lines = args.warnings.read_text(encoding="utf-8").splitlines()
    named = Counter(line.split(" ", 2)[1].rstrip(":") for line in lines)
    print(f"files: {len(files)} ({', '.join(f'{k} {v}' for k, v in sorted(by_folder.items()))})")
    for key, value in sorted(outcome.items()):
        print(f"  {key}: {value}")
    print(f"crashes: {len(crashes)}", *crashes[:10], sep="\n  ")
    print(f"entry counts differing from feedparser given the same bytes and headers: {len(mismatches)}",
          *mismatches[:10], sep="\n  ")
    print(f"warning lines: {len(lines)}, files named more than once: {sum(n > 1 for n in named.values())}")
    print(f"entry titles with unsafe markup: {len(unsafe)}", *unsafe[:10], sep="\n  ")
    if times:
        print(f"parse time per file: median {statistics.median(times) * 1000:.2f} ms, "
              f"max {max(times) * 1000:.1f} ms, total {sum(times):.2f} s; baseline, feedparser.parse on the same "
              f"bytes: median {statistics.median(baseline) * 1000:.2f} ms, total {sum(baseline):.2f} s")
    return 1 if crashes or outcome["hang"] or mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
