"""Which member of a story stands for it.

The original where it can be told, by these signs in this order:

1. a member whose page names another member as its source (`rel=canonical`, "originally published at")
   gives way to it. A canonical tag on a copy is only a hint (publishers tell syndication partners to
   use `noindex` instead), so it is believed only between members already verified as one story;
2. a member from a domain that is mostly a copier (a mirror) gives way to one from a domain that is not;
3. the earliest publication; and between equals the most complete text.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Contender:
    """What canonical choice looks at for one member of a story.

    `points_to` is the URL its page names as the original when that is another page; `mirror` says
    whether its domain is a mirror (see `is_mirror`).
    """

    key: Hashable
    published: datetime | None
    words: int
    url: str = ""
    points_to: str | None = None
    mirror: bool = False


#: A domain whose articles are at least this share copies of others' is a mirror...
MIRROR_SCORE = 0.5
#: ...once it has published this many articles: one copy does not make a mirror.
MIRROR_EVIDENCE = 5


def is_mirror(articles: int, copies: int) -> bool:
    """Whether a domain with this record is a mirror domain."""
    return articles >= MIRROR_EVIDENCE and copies / articles >= MIRROR_SCORE


def prefer(incumbent: Contender, challenger: Contender) -> Contender:
    """Return the better canonical of two members; the incumbent keeps its place on a tie."""
    if incumbent.points_to and incumbent.points_to == challenger.url != "" and challenger.points_to != incumbent.url:
        return challenger
    if challenger.points_to and challenger.points_to == incumbent.url != "":
        return incumbent
    if incumbent.mirror != challenger.mirror:
        return challenger if incumbent.mirror else incumbent
    if challenger.published is not None and (
        incumbent.published is None or challenger.published < incumbent.published
    ):
        return challenger
    if challenger.published == incumbent.published and challenger.words > incumbent.words:
        return challenger
    return incumbent
