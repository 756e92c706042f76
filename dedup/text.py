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

import hashlib
import re
import unicodedata
from dataclasses import dataclass

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
PLACEHOLDER = "_"
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


def skeleton(kept: list[str], k: int = SKELETON) -> list[str]:
    """k-grams of the function-word skeleton (content words replaced by `PLACEHOLDER`); grams of
    placeholders alone say nothing and are dropped."""
    informative = [t != PLACEHOLDER for t in kept]
    grams, count = [], sum(informative[: k - 1])
    for i in range(len(kept) - k + 1):
        count += informative[i + k - 1]
        if count:
            grams.append(" ".join(kept[i : i + k]))
        count -= informative[i]
    return grams


def collapse(kept: list[str]) -> list[str]:
    """The skeleton with each run of placeholders made one, so that a synonym of two words for one
    ("further stated" for "said") leaves it as it was."""
    return [t for i, t in enumerate(kept) if t != PLACEHOLDER or i == 0 or kept[i - 1] != PLACEHOLDER]


def classify(tokens: list[str]) -> tuple[list[str], set[str], set[str]]:
    """One pass over the tokens: the skeleton's tokens, the content words, and the figures (number
    tokens, and runs of two or more digits inside other tokens)."""
    kept: list[str] = []
    content: set[str] = set()
    figures: set[str] = set()
    for token in tokens:
        if token[0].isdigit():  # `WORD` makes such a token all digits and separators
            kept.append(token)
            figures.add(token)
            continue
        if len(token) <= FUNCTION_CHARS:
            kept.append(token)
        else:
            kept.append(PLACEHOLDER)
            content.add(token)
        if not token.isalpha():
            figures.update(EMBEDDED_NUMBER.findall(token))
    return kept, content, figures


@dataclass(frozen=True)
class Features:
    """What verification compares of one article, computed once from its text.

    Shingle and skeleton sets hold the grams' hashes: they are compared within one process only
    (signatures, which are stored, are made from the grams themselves).
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


def analyse(text: str) -> tuple[Features, dict[str, list[str]]]:
    """An article's features, and the grams of each index view ("lead", "skeleton") to sign."""
    tokens = words(text)
    lead = shingles(tokens[:LEAD_WORDS])
    kept, content, figures = classify(tokens)
    frame = skeleton(kept)
    feats = Features(
        words=len(tokens),
        shingles=frozenset(map(hash, zip(*(tokens[i:] for i in range(SHINGLE)), strict=False)))
        if len(tokens) >= SHINGLE else frozenset([hash(tuple(tokens))]) if tokens else frozenset(),
        opening=frozenset(map(hash, lead[: OPENING_WORDS - SHINGLE + 1])),
        lead=frozenset(map(hash, lead)),
        skeleton=frozenset(map(hash, skeleton(collapse(kept)))),
        content=frozenset(content),
        numbers=frozenset(figures),
        names=frozenset(w for name in names(text) for w in name.split() if len(w) > FUNCTION_CHARS),
        fingerprint=hashlib.sha1(" ".join(tokens).encode()).hexdigest(),
    )
    return feats, {"lead": lead, "skeleton": frame}


def features(text: str) -> Features:
    """The comparable features of an article body."""
    return analyse(text)[0]
