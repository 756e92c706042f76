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

A fourth view only finds candidates: the set of its words longer than function words. A fluent
paraphrase keeps about half of that vocabulary and none of the rest; `align` verifies it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rensa import RMinHash

#: A token: a number with its decimal and thousands separators ("4.50", "222,900"), or a word.
WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+", re.UNICODE)
#: Figures inside a word ("R54", "u2014" in some languages' inflections); one digit alone inside a
#: word is too often a name ("mirror2") to count as a figure.
EMBEDDED_NUMBER = re.compile(r"\d{2,}")
UNSPACED = re.compile(r"([\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])")
#: Cyrillic and Greek letters that look like Latin ones, as spam mirrors use them to defeat exact matching.
GREEK_OR_CYRILLIC = re.compile(r"[\u0370-\u04ff]")
HOMOGLYPHS = str.maketrans("асеіјорхуԁһӏ" "αοικνρτυχ", "aceijopxydhl" "aoiknptux")

#: A name: capitalised words not at the start of a sentence ("Marta Oles", "Kirov", "Arden Foundation").
NAME = re.compile(r"(?<=[\w,;:)] )(?:[A-Z][\w'’-]+)(?: (?:[A-Z][\w'’-]+|of|de|van|von|al))*(?<! of)")

#: Word shingle length. Three words keep a copy with a few edited words similar while two unrelated
#: articles on one topic still share few shingles.
SHINGLE = 3
#: Skeleton n-gram length: five tokens, of which the function words and numbers are the information.
SKELETON = 5
#: Words of at most this many characters are kept in the skeleton. Function words are short in the
#: languages news is written in, and a length rule needs no stop-word list per language.
FUNCTION_CHARS = 3
#: Tokens that make up the lead view: truncated copies always keep the lead, whole or nearly.
LEAD_WORDS = 60
#: Tokens of the opening: a truncation starts where its original starts.
OPENING_WORDS = 12


def normalize(text: str) -> str:
    """Return `text` in NFKC, case-folded, with Latin look-alike letters mapped back to Latin."""
    if text.isascii():  # most news text: NFKC, case folding and homoglyphs change nothing but case
        return text.lower()
    text = unicodedata.normalize("NFKC", text).casefold()
    return text.translate(HOMOGLYPHS) if GREEK_OR_CYRILLIC.search(text) else text


def words(text: str) -> list[str]:
    """Split normalised text into tokens: words, numbers, and single characters of unspaced scripts."""
    text = normalize(text)
    return WORD.findall(text if text.isascii() else UNSPACED.sub(r" \1 ", text))


def shingles(tokens: list[str], k: int = SHINGLE) -> list[str]:
    """The k-token shingles in order; a text shorter than k tokens is one shingle of all its tokens."""
    if len(tokens) < k:
        return [" ".join(tokens)] if tokens else []
    return [" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)]


def token_hashes(tokens: list[str]) -> np.ndarray:
    """Stable 64-bit hashes of tokens, in order: rensa's, the same in every process (Python's `hash`
    of a string is not), so grams built from them can be signed and the signatures stored."""
    return np.array(RMinHash.hash_token_sets([tokens])[0], dtype=np.uint64)


#: Odd 64-bit constants: gram hashes are position-weighted sums of token hashes ("a b" is not "b a"),
#: then mixed by `mix64` so that grams sharing tokens get unrelated hashes. The index weighs the rows
#: of an LSH band by the same constants.
WEIGHTS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                    0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x2545F4914F6CDD1D, 0x9FB21C651E98DF25],
                   dtype=np.uint64)
_SHIFTS = (np.uint64(30), np.uint64(27), np.uint64(31))
_MULTIPLIERS = (np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))


def mix64(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, in place: close values (sums of the same hashes) become unrelated."""
    values ^= values >> _SHIFTS[0]
    values *= _MULTIPLIERS[0]
    values ^= values >> _SHIFTS[1]
    values *= _MULTIPLIERS[1]
    values ^= values >> _SHIFTS[2]
    return values


#: What stands for a content word in the skeleton: a value no token hash is expected to take.
_PLACEHOLDER = np.uint64(0)


def grams(hashes: np.ndarray, k: int) -> np.ndarray:
    """Hashes of the k-grams of a sequence of token hashes (numpy does in a few calls what joining
    strings per position did in hundreds); fewer than k tokens make one gram of them all."""
    n = len(hashes)
    if n <= k:
        combined = (hashes * WEIGHTS[:n]).sum(keepdims=True, dtype=np.uint64) if n else hashes.copy()
    else:
        combined = hashes[: n - k + 1] * WEIGHTS[0]
        for j in range(1, k):
            combined += hashes[j : n - k + 1 + j] * WEIGHTS[j]
    return mix64(combined)


def informative(kept: np.ndarray, k: int) -> np.ndarray:
    """Which k-grams of the skeleton hold a function word or figure (`kept` marks those positions);
    grams of placeholders alone say nothing. A skeleton shorter than k has no gram."""
    counts = np.concatenate(([0], np.cumsum(kept)))
    return (counts[k:] - counts[:-k]) > 0


def skeleton(hashes: np.ndarray, kept: np.ndarray, k: int = SKELETON) -> np.ndarray:
    """Hashes of the k-grams of the function-word skeleton (content words replaced by a placeholder)."""
    frame = np.where(kept, hashes, _PLACEHOLDER)
    return grams(frame, k)[informative(kept, k)] if len(frame) >= k else frame[:0]


def collapse(hashes: np.ndarray, kept: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The skeleton with each run of placeholders made one, so that a synonym of two words for one
    ("further stated" for "said") leaves it as it was."""
    keep = kept | np.concatenate(([True], kept[:-1]))
    return hashes[keep], kept[keep]


def figures(tokens: Iterable[str]) -> set[str]:
    """Every figure: number tokens, and runs of two or more digits inside other tokens ("R54"). `WORD`
    makes a token that starts with a digit all digits and separators."""
    found: set[str] = set()
    for token in {t for t in tokens if not t.isalpha()}:
        if token[0].isdigit():
            found.add(token)
        else:
            found.update(EMBEDDED_NUMBER.findall(token))
    return found


@dataclass(frozen=True)
class Features:
    """What verification compares of one article, computed once from its text.

    Shingle and skeleton sets hold the grams' hashes (see `grams`), stable across processes.
    """

    words: int
    shingles: frozenset[int]
    opening: frozenset[int]
    lead: frozenset[int]
    skeleton: frozenset[int]
    content: frozenset[str]
    numbers: frozenset[str]
    #: The words of the names it mentions (longer than function words).
    names: frozenset[str] = frozenset()
    #: SHA-1 of the token sequence: the stored content hash, equal for texts that differ only in form.
    fingerprint: str = ""


def names(text: str) -> frozenset[str]:
    """The names a text mentions, normalised (they need the text as written: case tells them)."""
    return frozenset(normalize(n) for n in NAME.findall(text))


def analyse(text: str) -> tuple[Features, dict[str, np.ndarray]]:
    """An article's features, and the gram hashes of each index view ("lead", "skeleton", "words") to sign."""
    tokens = words(text)
    if not tokens:
        none = np.empty(0, dtype=np.uint64)
        return Features(0, frozenset(), frozenset(), frozenset(), frozenset(), frozenset(), frozenset(),
                        fingerprint=hashlib.sha1(b"").hexdigest()), {"lead": none, "skeleton": none, "words": none}
    distinct = set(tokens)
    found = figures(distinct)
    hashes = token_hashes(tokens)
    lengths = np.fromiter(map(len, tokens), np.int64, len(tokens))
    kept = lengths <= FUNCTION_CHARS
    long_numbers = [t for t in found if len(t) > FUNCTION_CHARS and t[0].isdigit()]
    if long_numbers:  # the skeleton keeps every number: a look-alike changes them
        kept |= (hashes[:, None] == token_hashes(long_numbers)[None, :]).any(axis=1)
    lead = grams(hashes[:LEAD_WORDS], SHINGLE)
    feats = Features(
        words=len(tokens),
        shingles=frozenset(grams(hashes, SHINGLE).tolist()),
        opening=frozenset(lead[: OPENING_WORDS - SHINGLE + 1].tolist()),
        lead=frozenset(lead.tolist()),
        skeleton=frozenset(skeleton(*collapse(hashes, kept)).tolist()),
        content=frozenset({t for t in distinct if len(t) > FUNCTION_CHARS} - found),
        numbers=frozenset(found),
        names=frozenset(w for name in names(text) for w in name.split() if len(w) > FUNCTION_CHARS),
        fingerprint=hashlib.sha1(" ".join(tokens).encode()).hexdigest(),
    )
    return feats, {"lead": lead, "skeleton": skeleton(hashes, kept), "words": hashes[lengths > FUNCTION_CHARS]}


def features(text: str) -> Features:
    """The comparable features of an article body."""
    return analyse(text)[0]
