"""Text normalisation and the features that candidate search and verification compare.

Normalisation folds what copying tools and page chrome change without changing the article: Unicode
forms, case, Cyrillic and Greek letters that spam mirrors put in place of Latin ones, quote and dash
styles, whitespace and punctuation. Scripts written without spaces (Chinese, Japanese, Korean, Thai) are
cut into characters, so their shingles are character n-grams.

Three views of a text survive different kinds of copying:

- word 3-shingles: verbatim copies in other chrome, truncated and reordered copies;
- the *skeleton*: every word longer than `FUNCTION_CHARS` replaced by a placeholder, so only the
  function words ("the", "of", "der", "et", ...), numbers and punctuation-free order remain. A spinner
  swaps content words for synonyms and leaves that skeleton as it was; a paraphrase keeps most of it;
  an independent report of the same event words it differently.
- the figures: numbers, which a copy keeps and a look-alike (the next weekly jobless claims, the 8th
  prisoner swap) changes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: A token: a number with its decimal and thousands separators ("4.50", "222,900"), or a word.
WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+", re.UNICODE)
NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
#: Figures inside a word ("R54", "u2014" in some languages' inflections); one digit alone inside a
#: word is too often a name ("mirror2") to count as a figure.
EMBEDDED_NUMBER = re.compile(r"\d{2,}")
UNSPACED = re.compile(r"([\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])")
#: Cyrillic and Greek letters that look like Latin ones, as spam mirrors use them to defeat exact matching.
HOMOGLYPHS = str.maketrans("асеіјорхуԁһӏ" "αοικνρτυχ", "aceijopxydhl" "aoiknptux")

#: Word shingle length. Three words keep a copy with a few edited words similar while two unrelated
#: articles on one topic still share few shingles.
SHINGLE = 3
#: Skeleton n-gram length: five tokens, of which the function words and numbers are the information.
SKELETON = 5
#: Words of at most this many characters are kept in the skeleton. Function words are short in the
#: languages news is written in, and a length rule needs no stop-word list per language.
FUNCTION_CHARS = 3
PLACEHOLDER = "_"
#: Tokens that make up the lead view: truncated copies always keep the lead, whole or nearly.
LEAD_WORDS = 60


def normalize(text: str) -> str:
    """Return `text` in NFKC, case-folded, with Latin look-alike letters mapped back to Latin."""
    return unicodedata.normalize("NFKC", text).casefold().translate(HOMOGLYPHS)


def words(text: str) -> list[str]:
    """Split normalised text into tokens: words, numbers, and single characters of unspaced scripts."""
    return WORD.findall(UNSPACED.sub(r" \1 ", normalize(text)))


def shingles(tokens: list[str], k: int = SHINGLE) -> frozenset[str]:
    """The set of k-token shingles; a text shorter than k tokens is one shingle of all its tokens."""
    if len(tokens) < k:
        return frozenset([" ".join(tokens)]) if tokens else frozenset()
    return frozenset(" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1))


def skeleton(tokens: list[str], k: int = SKELETON) -> frozenset[str]:
    """k-grams of the function-word skeleton; grams of placeholders alone say nothing and are dropped."""
    kept = [t if len(t) <= FUNCTION_CHARS or NUMBER.match(t) else PLACEHOLDER for t in tokens]
    grams = (kept[i : i + k] for i in range(len(kept) - k + 1))
    return frozenset(" ".join(g) for g in grams if any(t != PLACEHOLDER for t in g))


def numbers(tokens: list[str]) -> frozenset[str]:
    """The figures of a text: number tokens, and runs of two or more digits inside words."""
    found = {t for t in tokens if NUMBER.match(t)}
    found.update(m for t in tokens if not NUMBER.match(t) for m in EMBEDDED_NUMBER.findall(t))
    return frozenset(found)


@dataclass(frozen=True)
class Features:
    """What candidate search and verification need of one article, computed once from its text."""

    words: int
    shingles: frozenset[str]
    lead: frozenset[str]
    skeleton: frozenset[str]
    content: frozenset[str]
    numbers: frozenset[str]


def features(text: str) -> Features:
    """Compute the comparable features of an article body."""
    tokens = words(text)
    return Features(
        words=len(tokens),
        shingles=shingles(tokens),
        lead=shingles(tokens[:LEAD_WORDS]),
        skeleton=skeleton(tokens),
        content=frozenset(t for t in tokens if len(t) > FUNCTION_CHARS and not NUMBER.match(t)),
        numbers=numbers(tokens),
    )
