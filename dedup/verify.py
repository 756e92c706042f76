"""Verification of one candidate pair: is one article a copy of the other, and of what kind?

LSH only proposes; this decides, on exact sets. The shorter text is a copy when either

- nearly all of its word 3-shingles are in the longer (`CONTAINED`): verbatim, truncated, reordered,
  lightly edited copies; or
- most of its skeleton n-grams are (`SKELETON_CONTAINED`, on the skeleton whose runs of content words
  are one placeholder each): spun copies, whose content words were swapped for synonyms, and
  paraphrases, whose sentences were turned around; or
- nearly all of its content words are (`CONTENT_CONTAINED`): paraphrases that rebuilt every sentence
  but kept the vocabulary (these two only for a text of at least `RETOLD_LENGTH` of the other's
  length: a teaser is a copy by its words or not at all).

or, when all of these fail, it retells the longer sentence by sentence (`align`, asked only for pairs
`could_be_retold` lets through): fluent paraphrases, which rewrite every sentence;

and it keeps its figures: a look-alike from a recurring series (next week's jobless claims, the 8th
prisoner swap) repeats the phrasing but changes the numbers, so figures that disagree veto a fold
however similar the wording is. Independent reports of one event share the figures but neither the
shingles nor the skeleton.

The thresholds were fitted on the simulated web (300 to 1,600 labelled pairs of each relation, spinners
swapping half the content words) and checked on the fundus-copies corpus of real articles: every
verified pair there is classified right but one look-alike that has no figure at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsfold.dedup.text import Features

#: Share of the shorter text's word 3-shingles found in the longer one for the pair to be a copy.
CONTAINED = 0.8
#: Share of the shorter text's skeleton n-grams found in the longer one for a spun or paraphrased copy.
#: With half the content words spun, copies keep 0.63 or more; same-event reports reach 0.54.
SKELETON_CONTAINED = 0.6
#: Share of the shorter text's content words (longer than the skeleton's function words) found in the
#: longer one for a paraphrase; independent reports of one event reach 0.75 at most on the simulated web.
CONTENT_CONTAINED = 0.9
#: Share of the shorter text's figures that may be missing from the longer one; more is a look-alike.
#: Copies keep every figure, but a spinner may write one in ("a year" -> "12 months"); look-alikes with
#: figures change a quarter of them or more (simulated web and real corpus alike).
NUMBERS_SLACK = 0.15
#: Shingle containment from which a copy counts as verbatim rather than edited.
VERBATIM = 0.95
#: Share of the content words a spinner leaves; above it a skeleton match is a paraphrase.
SPUN_BELOW = 0.9
#: A copy that shares at least this share of its word shingles (but less than `VERBATIM`) was lightly
#: edited, and a light editor keeps the names: with fewer than `NAMES_KEPT` of them it is another report
#: from the same template (the next prisoner swap between two other countries, whose figures happen to
#: be the same). Every copy of the simulated web and of fundus-copies passes; rewrites there keep 0.86+.
LIGHTLY_EDITED = 0.5
NAMES_KEPT = 0.7
#: Shorter/longer length ratio below which a contained copy is a truncation, not a full copy.
TRUNCATED_BELOW = 0.85
#: Share of a truncated copy's lead found in the longer text's lead: a truncation keeps the start. A
#: shorter text contained anywhere else in a longer one is another article quoted or embedded there.
LEAD_KEPT = 0.5
#: A very short text is contained in almost anything; below this many words demand near-identity, or a
#: truncation: wholly contained (`VERBATIM`), at least `SHORT_TRUNCATION` words, opening as the longer does.
SHORT_WORDS = 40
SHORT_JACCARD = 0.9
SHORT_TRUNCATION = 20
#: A rewrite is of the whole article: the shorter text has at least this share of the longer's words
#: (a paraphrase condenses, but a report a third as long is a summary, which other outlets write too).
#: A shorter text is a copy only by its word shingles (a truncation): the few sentences of a teaser
#: share the function-word skeleton of every report written from its template (on simweb-100000 a
#: 44-word teaser of one country's court ruling pulled another country's ruling into its story).
RETOLD_LENGTH = 0.6
#: ... and keeps at least this share of its content words: a fluent paraphrase keeps about half its
#: vocabulary (word Jaccard 0.53 on the dedup issue's real pages, an independent report 0.29). The
#: tests' rewrites keep 0.69 and, rewritten hard, 0.50. Only a gate, so that few pairs pay for
#: aligning sentences: it took a third of the embeddings off simweb-5000.
RETOLD_WORDS = 0.5

COPY_KINDS = ("verbatim", "truncated", "spun", "paraphrase")


@dataclass(frozen=True)
class Verdict:
    """The outcome of comparing two articles.

    `kind` is a copy kind ("verbatim", "truncated", "spun", "paraphrase"), "lookalike" when the wording
    matches but the figures do not, or "different". `similarity` is the containment that decided (word
    shingles, or the skeleton for spun and paraphrased copies); `containment` is the word-shingle one,
    `jaccard` the word-shingle Jaccard index. `retold` says the copy was found by aligning sentences
    (`similarity` is then the share aligned): weaker evidence than shared wording, so it never merges
    stories.
    """

    kind: str
    similarity: float
    containment: float
    jaccard: float = 0.0
    retold: bool = False

    @property
    def is_copy(self) -> bool:
        return self.kind in COPY_KINDS


def share(part: frozenset[str], whole: frozenset[str]) -> float:
    """Share of `part` found in `whole` (1.0 for an empty part)."""
    return len(part & whole) / len(part) if part else 1.0


def figures_disagree(short: frozenset[str], long_: frozenset[str]) -> bool:
    """Whether more of the shorter text's figures are missing from the longer than a copy would drop."""
    return len(short - long_) > NUMBERS_SLACK * len(short)


def ordered(a: Features, b: Features) -> tuple[Features, Features]:
    """(shorter, longer), the same whichever way round they are given."""
    return (a, b) if (a.words, len(a.shingles)) <= (b.words, len(b.shingles)) else (b, a)


def can_be_copies(a: Features, b: Features) -> bool:
    """False when the figures alone rule a copy out: the cheap test that spares most comparisons."""
    short, long_ = ordered(a, b)
    return not figures_disagree(short.numbers, long_.numbers)


def could_be_retold(a: Features, b: Features) -> bool:
    """Whether a pair `verify` found different is worth aligning sentence by sentence: both long enough
    to say something, of comparable length, the shorter keeping half its content words, its figures
    and nearly all its names (which a paraphrase never changes; another outlet's report names people
    of its own), and sharing little wording. A pair sharing much of it was judged on it: one text
    embedded in the other, or two versions of a page that part after the same opening."""
    short, long_ = ordered(a, b)
    return (short.words >= SHORT_WORDS and short.words >= RETOLD_LENGTH * long_.words
            and not figures_disagree(short.numbers, long_.numbers) and share(short.names, long_.names) >= NAMES_KEPT
            and share(short.content, long_.content) >= RETOLD_WORDS
            and share(short.shingles, long_.shingles) < LIGHTLY_EDITED)


def verify(a: Features, b: Features) -> Verdict:
    """Compare two articles' features; symmetric in its arguments.

    The cheap tests come first (the lead of a truncation, then word shingles), and the skeleton and
    content words are only compared when the shingles did not already decide.
    """
    short, long_ = ordered(a, b)
    ratio = short.words / long_.words if long_.words else 1.0
    if ratio < TRUNCATED_BELOW and share(short.lead, long_.lead) < LEAD_KEPT:
        return Verdict("different", 0.0, 0.0)
    common = len(short.shingles & long_.shingles)
    union = len(short.shingles) + len(long_.shingles) - common
    jaccard = common / union if union else 0.0
    containment = common / len(short.shingles) if short.shingles else 0.0
    if short.words < SHORT_WORDS and jaccard < SHORT_JACCARD and not (
        containment >= VERBATIM and short.words >= SHORT_TRUNCATION and share(short.opening, long_.opening) >= LEAD_KEPT
    ):
        return Verdict("different", containment, containment, jaccard)
    if containment >= CONTAINED:
        kind = "truncated" if ratio < TRUNCATED_BELOW else "verbatim" if containment >= VERBATIM else "paraphrase"
        return _unless_figures_disagree(kind, containment, short, long_, containment, jaccard)
    if ratio < RETOLD_LENGTH:  # see RETOLD_LENGTH: a teaser is a copy by its words or not at all
        return Verdict("different", containment, containment, jaccard)
    skeleton = share(short.skeleton, long_.skeleton) if short.skeleton else 0.0
    content = share(short.content, long_.content) if short.content else 0.0
    if skeleton >= SKELETON_CONTAINED:
        kind = "spun" if content < SPUN_BELOW else "paraphrase"
        return _unless_figures_disagree(kind, skeleton, short, long_, containment, jaccard)
    if content >= CONTENT_CONTAINED:
        return _unless_figures_disagree("paraphrase", content, short, long_, containment, jaccard)
    return Verdict("different", max(containment, skeleton), containment, jaccard)


def _unless_figures_disagree(
    kind: str, similarity: float, short: Features, long_: Features, containment: float, jaccard: float
) -> Verdict:
    if figures_disagree(short.numbers, long_.numbers) or (
        LIGHTLY_EDITED <= containment < VERBATIM and share(short.names, long_.names) < NAMES_KEPT
    ):
        return Verdict("lookalike", similarity, containment, jaccard)
    return Verdict(kind, similarity, containment, jaccard)
