"""Sentence alignment: whether one article retells another sentence by sentence.

A fluent paraphrase rewrites every sentence, so its word shingles, its function-word skeleton and much
of its vocabulary are new, and the set measures of `verify` see another article. What it keeps is the
sequence of statements: each of its sentences says what one of the original's says, in the original's
order. An independent report of the same event states the same facts in sentences of its own and in
an order of its own; a look-alike repeats its series' sentences with other figures, which `verify`
refuses before anything is aligned.

Sentences are compared by a static embedding model whose weights ship inside its wheel (wordllama,
256 dimensions): no download, about a millisecond for an article, and only for the pairs that
`verify.could_be_retold` lets through.
"""

from __future__ import annotations

import bisect
import functools
import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from wordllama.inference import WordLlamaInference

log = logging.getLogger(__name__)

#: Cosine from which two sentences say the same. In the hand-written pairs of the tests a fluent
#: rewrite's sentences find their counterpart at 0.78-0.89, another outlet's report of the event at
#: most 0.59 (0.72 for one naming every name and figure); on the simulated web, same-event reports align
#: at most 0.44 of their sentences at this cosine (1,000 pairs).
SIMILAR = 0.75
#: Share of the shorter article's sentences that must align, in order, for a retelling. The dedup
#: issue measured real pages at the stricter cosine 0.85: 67 % of a paraphrase's sentences, none of a
#: same-event report's or a look-alike's.
ALIGNED = 0.6
#: Fewer sentences than this say too little to tell a retelling from a report of the same facts.
MIN_SENTENCES = 4
#: A sentence of fewer words is a fragment (a byline, "Photo: ..."), not a statement.
SENTENCE_WORDS = 4

SENTENCE_END = re.compile(r"(?<=[.!?。！？])[\"'”’»)]*\s+")


def sentences(text: str) -> list[str]:
    """The statements of a text, cut after sentence ends, fragments left out. Line breaks are not
    sentence ends: text wrapped at a width breaks lines inside sentences."""
    found = SENTENCE_END.split(" ".join(text.split()))
    return [s for s in found if len(s.split()) >= SENTENCE_WORDS]


def load_model(folder: Path | None = None) -> WordLlamaInference | None:
    """wordllama's 256-dimension model from `folder` (the installed package's own by default), or
    None, with a warning, when it cannot be loaded: folding then goes on without this one rule.
    wordllama's loader looks for the tokenizer it bundles in a folder the wheel does not have, then
    tries to download it: pointing its cache at the package's folder finds both files offline."""
    # Tokenising one article's sentences in parallel threads costs more than it saves, and a crawl
    # job is meant to stay on its one core.
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        import wordllama

        return wordllama.WordLlama.load(config="l2_supercat", dim=256, disable_download=True,
                                        cache_dir=folder or Path(wordllama.__file__).parent)
    except (ImportError, OSError, ValueError) as exc:
        log.warning("sentence alignment is off, fluent paraphrases will not be folded: %s", exc)
        return None


#: Loaded once, and only when a pair needs it (half a second).
_model = functools.cache(load_model)


def embed(text: str) -> np.ndarray:
    """One unit vector per sentence (rows), float32; none without a model."""
    found = sentences(text)
    model = _model() if found else None
    if model is None:
        return np.empty((0, 256), dtype=np.float32)
    return np.asarray(model.embed(found, norm=True), dtype=np.float32)


def aligned(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the shorter article's sentences that say what a sentence of the other says, in the
    other's order (the longest run of matches whose counterparts never go back; two sentences may
    retell one). 0.0 when the shorter has fewer than `MIN_SENTENCES`."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < MIN_SENTENCES:
        return 0.0
    similarity = short @ long_.T
    best, score = similarity.argmax(axis=1), similarity.max(axis=1)
    tails: list[int] = []  # patience sort: the longest non-decreasing subsequence of counterparts
    for counterpart in best[score >= SIMILAR].tolist():
        at = bisect.bisect_right(tails, counterpart)
        tails[at : at + 1] = [counterpart]
    return len(tails) / len(short)

