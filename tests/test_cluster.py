"""newsfold cluster: JSONL (or .jsonl.gz) in, one line per article out; bad lines are named and skipped."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from conftest import newsfold
from newsfold.cluster import cluster

STORY = ("The harbour authority said on Tuesday that repairs to the northern pier would take at least 6 weeks, "
         "and that ferries would use the southern terminal until then. Traders on the quay said the closure "
         "would cost them the busiest weeks of the season, and the council promised 2 million in support. "
         "Engineers found cracks in 14 of the pier's supports during an inspection last month.")
OTHER = ("Shares in Calder closed higher on Monday as investors welcomed a report showing factory orders rose "
         "1.8 percent in October, the strongest gain since the start of the year, while the currency slipped "
         "0.3 percent against the dollar and energy stocks led the advance on heavy volume.")


def lines(*objects: object) -> str:
    return "".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objects)


def test_copies_share_a_story_and_every_article_gets_a_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    copy = "Cookies. " + STORY + " Share this."
    path.write_text(lines({"id": 1, "text": STORY, "published": "2026-11-20T08:00:00Z"},
                          {"id": "b", "text": copy, "published": "2026-11-20T09:00:00Z"}, {"id": 3, "text": OTHER}))
    out = io.StringIO()
    result = cluster(path, out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in rows] == [1, "b", 3] and result.stories == 2
    assert rows[0]["story"] == rows[1]["story"] != rows[2]["story"]
    assert rows[0]["canonical"] and not rows[1]["canonical"] and rows[1]["kind"] == "verbatim"
    assert set(rows[0]) == {"id", "story", "canonical", "similarity", "kind", "event"}


def test_gzip_input_and_bad_lines_are_named_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(lines({"id": 1, "text": STORY}, "{not json", {"text": "no id"}, {"id": 4, "text": ""},
                       {"id": 5, "text": OTHER}))
    result = newsfold("cluster", str(path), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()] == [1, 5]
    for number in (2, 3, 4):
        assert f"{path}:{number}:" in result.stderr
    assert "3 lines skipped" in result.stderr


def test_a_repeated_id_is_skipped_and_ids_one_and_one_as_text_stay_apart(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(lines({"id": 1, "text": STORY}, {"id": 1, "text": OTHER}, {"id": "1", "text": OTHER},
                          {"id": 4, "text": OTHER, "url": 12}))
    out = io.StringIO()
    result = cluster(path, out)
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == [1, "1", 4]
    assert result.skipped == [f"{path}:2: id 1 was already used on line 1"]
