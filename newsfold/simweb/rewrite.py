"""How mirror domains rework an article they copy: spinning, rule-based paraphrase and truncation."""
from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

from . import lexicon
from .grammar import capitalize
from .synonyms import SYNONYMS

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_DATELINE = re.compile(r"^[^—]{2,60} — ")
_SENTENCE_END = re.compile(r'(?<=[.!?])\s+(?=["A-Z0-9])|(?<=[.!?]")\s+(?=["A-Z0-9])')

# Words that stay capitalised when a rule moves them from the start of a sentence.
_NAMES = frozenset(
    word for group in (lexicon.FIRST_NAMES, lexicon.LAST_NAMES, lexicon.COMPANY_STEMS, lexicon.STORM_NAMES,
                       [c.name for c in lexicon.COUNTRIES], [c.demonym for c in lexicon.COUNTRIES],
                       [city for c in lexicon.COUNTRIES for city in c.cities])
    for name in group for word in name.split())


def spin(text: str, rng: random.Random, rate: float) -> str:
    """Swap each word the synonym table knows for a synonym with probability `rate`, keeping its case."""
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        options = SYNONYMS.get(word.lower())
        if not options or rng.random() >= rate:
            return word
        new = rng.choice(options)
        if word.isupper() and len(word) > 1:
            return new.upper()
        return capitalize(new) if word[0].isupper() else new
    return _WORD.sub(swap, text)


def sentences(paragraph: str) -> list[str]:
    return _SENTENCE_END.split(paragraph)


def _lower_first(text: str) -> str:
    """Lower-case a sentence's first word unless it is a name or starts a multi-word name."""
    words = text.split(" ", 2)
    first = words[0].strip('"')
    if first in _NAMES or first.isupper() or (len(words) > 1 and words[1][:1].isupper()):
        return text
    return text[0].lower() + text[1:]


def _plural(noun_phrase: str) -> bool:
    words = noun_phrase.split()
    if words[0][0].isdigit():
        return words[0] != "1"
    head = words[0]
    for word in words[1:]:
        if word in ("of", "for", "to", "in", "from", "with", "worth", "on", "at"):
            break
        head = word
    return head.endswith("s") and not head.endswith("ss")


_REPORTING = r"(?P<verb>said|says|reported|announced|confirmed|noted)"
_AFTER_CLAUSE = r"(?P<conj>after|as|while|because|before|since|despite)"
_PASSIVE_VERBS = ("signed|approved|awarded|released|published|cancelled|ordered|rejected|backed|opened|accepted|"
                  "upheld|recorded|confirmed|identified|described|reported|offered|called|launched|freed")

Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

RULES: tuple[Rule, ...] = (
    # "Y, X said." -> "X said that Y."
    (re.compile(r'^(?P<body>[^"]{12,}), (?P<who>(?:the |a |an )?[\w\' -]{3,60}?) ' + _REPORTING + r"\.$"),
     lambda m: f"{capitalize(m['who'])} {m['verb']} that {_lower_first(m['body'])}."),
    # "X said Y." -> "Y, according to X."
    (re.compile(r'^(?P<who>[A-Z][^,"]{2,60}?) (?:said|says) (?:that )?(?P<body>[^"]{12,})\.$'),
     lambda m: f"{capitalize(m['body'])}, according to {_lower_first(m['who'])}."),
    # "Y, according to X." -> "X reported Y."
    (re.compile(r'^(?P<body>[^"]{12,}), according to (?P<who>[^,"]+)\.$'),
     lambda m: f"{capitalize(m['who'])} indicated that {_lower_first(m['body'])}."),
    # '"Q," X said.' -> 'X said: "Q."'
    (re.compile(r'^"(?P<q>[^"]+)," (?P<who>[^"]+?) (?:said|added|told reporters)(?P<tail>[^"]*)\.$'),
     lambda m: f'{capitalize(m["who"])} stated{m["tail"]}: "{m["q"]}."'),
    (re.compile(r'^"(?P<q>[^"]+)," (?:said|added) (?P<who>[^"]+)\.$'),
     lambda m: f'{capitalize(m["who"])} remarked: "{m["q"]}."'),
    # 'X said: "Q."' -> '"Q," X said.'
    (re.compile(r'^(?P<who>[^"]+?) (?:said|added|went on|stated): "(?P<q>[^"]+)\."$'),
     lambda m: f'"{m["q"]}," {_lower_first(m["who"])} said.'),
    # "A after B." <-> "After B, A."
    (re.compile(r'^(?P<main>[A-Z][^,"]{8,}?) ' + _AFTER_CLAUSE + r' (?P<sub>[^,"]{8,})\.$'),
     lambda m: f"{capitalize(m['conj'])} {m['sub']}, {_lower_first(m['main'])}."),
    (re.compile(r'^(?P<conj>After|As|While|Because|Before|Since|Despite) (?P<sub>[^,"]+), (?P<main>[^"]+)\.$'),
     lambda m: f"{capitalize(m['main'])} {m['conj'].lower()} {m['sub']}."),
    # Active -> passive: "The ministry signed a contract ..." -> "A contract ... was signed by the ministry."
    (re.compile(r'^(?P<subj>(?:The )?[A-Z][\w\'-]*(?: [A-Z][\w\'-]*){0,4}) (?P<verb>' + _PASSIVE_VERBS
                + r') (?P<obj>(?:a|an|the|its|their|\d[\d,.]*) [^,"]+?)(?P<tail>, [^"]+)\.$'),
     lambda m: (f"{capitalize(m['obj'])} {'were' if _plural(m['obj']) else 'was'} {m['verb']} by "
                f"{_lower_first(m['subj'])}{m['tail']}.")),
)


def rephrase(sentence: str) -> str:
    """The first rule that applies, or a reporting-verb change when none does."""
    for pattern, rewrite in RULES:
        match = pattern.match(sentence)
        if match:
            return rewrite(match)
    return sentence.replace(" said ", " stated ", 1).replace(" told reporters", " informed journalists", 1)


def paraphrase(paragraphs: Sequence[str], rng: random.Random) -> list[str]:
    """Rephrase sentences by rule and reorder them: within paragraphs (the lead sentence stays first, after
    its dateline) and pairs of paragraphs after the lead."""
    out = []
    for n, paragraph in enumerate(paragraphs):
        dateline = _DATELINE.match(paragraph) if n == 0 else None
        body = paragraph[dateline.end():] if dateline else paragraph
        parts = [rephrase(s) for s in sentences(body)]
        fixed = 1 if n == 0 else 0
        if len(parts) - fixed > 1:
            parts = parts[:fixed] + parts[fixed + 1:] + parts[fixed:fixed + 1]
        out.append((dateline.group(0) if dateline else "") + " ".join(parts))
    for i in range(1, len(out) - 1, 2):
        if rng.random() < 0.6:
            out[i], out[i + 1] = out[i + 1], out[i]
    return out


def truncate(paragraphs: Sequence[str], rng: random.Random) -> list[str]:
    """The first few paragraphs, as a teaser that links to the full story."""
    keep = min(len(paragraphs) - 1, rng.randint(2, 4))
    return list(paragraphs[:max(1, keep)])
