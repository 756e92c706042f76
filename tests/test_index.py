"""The candidate index: what it finds, its time window, segments, expiry, and saving and opening it."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.dedup import index as index_module
from newsfold.dedup.index import MANIFEST, Candidate, CandidateIndex
from newsfold.dedup.signatures import sign_views
from newsfold.dedup.text import analyse

DAY = 86_400.0
CONTENT = [f"word{i}" for i in range(3000)]
FUNCTION = ["the", "of", "and", "in", "to", "a", "at", "on", "by", "for", "is", "was", "it", "as", "he", "she"]


def article(rnd: random.Random, words: int = 200) -> str:
    """Random text with news's share of function words, so that both index views have grams."""
    return " ".join(rnd.choice(FUNCTION if rnd.random() < 0.4 else CONTENT) for _ in range(words))


def bands(index: CandidateIndex, text: str) -> np.ndarray:
    return index.band_keys(sign_views(analyse(text)[1]))


def found(candidates: list[Candidate]) -> list:
    return [candidate.key for candidate in candidates]


def test_a_copy_is_found_and_an_unrelated_article_is_not() -> None:
    rnd = random.Random(1)
    index = CandidateIndex()
    original, other = article(rnd), article(rnd)
    index.insert("original", bands(index, original))
    index.insert("other", bands(index, other))
    assert found(index.query(bands(index, "Read our newsletter. " + original))) == ["original"]
    assert found(index.query(bands(index, article(rnd)))) == []


def test_an_empty_text_has_no_band_and_finds_nothing() -> None:
    index = CandidateIndex()
    index.insert("empty", bands(index, ""))
    assert len(bands(index, "")) == 0
    assert found(index.query(bands(index, ""))) == []


def test_only_articles_inside_the_time_window_or_undated_are_proposed() -> None:
    rnd = random.Random(2)
    index = CandidateIndex()
    text = article(rnd)
    index.insert("same week", bands(index, text), published=100 * DAY)
    index.insert("last month", bands(index, text), published=70 * DAY)
    index.insert("undated", bands(index, text))
    window = index.query(bands(index, text), published=103 * DAY, window=7 * DAY)
    assert sorted(found(window)) == ["same week", "undated"]
    assert {c.key: c.published for c in window}["same week"] == 100 * DAY
    assert len(index.query(bands(index, text))) == 3


def test_closest_candidates_come_first() -> None:
    rnd = random.Random(3)
    index = CandidateIndex()
    text = article(rnd, 300).split()
    index.insert("half", bands(index, " ".join(text[:150] + article(rnd, 150).split())))
    index.insert("whole", bands(index, " ".join(text)))
    assert found(index.query(bands(index, " ".join(text))))[0] == "whole"


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_segments_answer_as_one_dict_of_bands_would(seed: int) -> None:
    """Whatever the flushes and merges, a query returns exactly the keys sharing a band key."""
    rnd = random.Random(seed)
    index_module_sizes = (index_module.FLUSH_AT, index_module.SEGMENT_KEYS)
    index_module.FLUSH_AT, index_module.SEGMENT_KEYS = 300, 2_000
    try:
        index = CandidateIndex()
        texts = [article(rnd, 80) for _ in range(25)]
        reference: dict[int, set[int]] = {}
        for key in range(120):
            text = texts[rnd.randrange(len(texts))] if rnd.random() < 0.5 else article(rnd, 80)
            keys = bands(index, text)
            if rnd.random() < 0.3:
                probe = set(keys.tolist())
                expected = sorted(k for k, held in reference.items() if held & probe)
                assert sorted(found(index.query(keys))) == expected
            index.insert(key, keys)
            reference[key] = set(keys.tolist())
        assert len(index._segments) > 1
    finally:
        index_module.FLUSH_AT, index_module.SEGMENT_KEYS = index_module_sizes


def test_expiry_drops_whole_old_segments_and_keeps_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "FLUSH_AT", 500)
    monkeypatch.setattr(index_module, "SEGMENT_KEYS", 1_000)
    rnd = random.Random(4)
    index = CandidateIndex()
    texts = {day: article(rnd) for day in range(60)}
    for day, text in texts.items():
        index.insert(day, bands(index, text), published=day * DAY)
    gone = index.expire(keep=30 * DAY)
    assert 0 < gone <= 30
    assert found(index.query(bands(index, texts[1]))) == []
    assert found(index.query(bands(index, texts[59]))) == [59]
    assert len(index) == 60 - gone


def test_a_saved_index_opens_with_the_same_answers(tmp_path: Path) -> None:
    rnd = random.Random(5)
    index = CandidateIndex()
    texts = [article(rnd) for _ in range(40)]
    for key, text in enumerate(texts):
        index.insert(key, bands(index, text), published=key * DAY if key % 5 else None)
    index.save(tmp_path / "idx", {"article": 39})
    opened, mark = CandidateIndex.open(tmp_path / "idx")
    assert mark == {"article": 39} and len(opened) == 40
    for key, text in enumerate(texts):
        assert found(opened.query(bands(opened, text))) == found(index.query(bands(index, text))) == [key]
    opened.insert(40, bands(opened, texts[0]), published=0.0)
    opened.save(tmp_path / "idx", {"article": 40})
    assert sorted(found(CandidateIndex.open(tmp_path / "idx")[0].query(bands(opened, texts[0])))) == [0, 40]
    named = {n for n, *_ in json.loads((tmp_path / "idx" / MANIFEST).read_text())["segments"]}
    assert {p.name.split(".")[0] for p in (tmp_path / "idx").glob("segment-*")} == named


@pytest.mark.parametrize("damage", ["manifest", "segment", "version", "missing"])
def test_an_index_that_cannot_be_trusted_is_refused(tmp_path: Path, damage: str) -> None:
    rnd = random.Random(6)
    index = CandidateIndex()
    index.insert(1, bands(index, article(rnd)))
    folder = tmp_path / "idx"
    index.save(folder, {})
    manifest = folder / MANIFEST
    if damage == "manifest":
        manifest.write_text("{not json")
    elif damage == "segment":
        next(folder.glob("segment-*.positions.npy")).write_bytes(b"\x93NUMPY broken")
    elif damage == "version":
        manifest.write_text(json.dumps({**json.loads(manifest.read_text()), "version": "older"}))
    else:
        next(folder.glob("segment-*.keys.npy")).unlink()
    with pytest.raises(ValueError, match=str(folder)):
        CandidateIndex.open(folder)
