"""Which member of a story stands for it.

The original where it can be told: here, the earliest publication, and between equals the most
complete text. A `rel=canonical` on a copy is only a hint (publishers tell syndication partners to use
`noindex` instead), so it does not decide alone.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Contender:
    """What canonical choice looks at for one member of a story."""

    key: Hashable
    published: datetime | None
    words: int


def prefer(incumbent: Contender, challenger: Contender) -> Contender:
    """Return the better canonical of two members; the incumbent keeps its place on a tie.

    A known publication time beats an unknown one; an earlier one beats a later one; then the
    longer text wins, since a truncated copy is never the better stand-in.
    """
    if challenger.published is not None and (
        incumbent.published is None or challenger.published < incumbent.published
    ):
        return challenger
    if challenger.published == incumbent.published and challenger.words > incumbent.words:
        return challenger
    return incumbent
