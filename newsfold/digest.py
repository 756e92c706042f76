"""The digest people read: the window's stories, most widely carried first, as Markdown."""

from __future__ import annotations

import re
from datetime import datetime

from newsfold.storage import StoryRow
from newsfold.times import parse_time

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")
MIRROR_SCORE = 0.5


def lead_sentences(text: str, count: int = 2, limit: int = 400) -> str:
    """The first `count` sentences, cut at a word boundary with an ellipsis if they run past `limit`."""
    paragraphs = [p.strip() for p in text.splitlines() if p.strip()]
    sentences = SENTENCE_END.split(" ".join(paragraphs))
    lead = " ".join(sentences[:count]).strip()
    if len(lead) <= limit:
        return lead
    return lead[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _when(value: str | None) -> str:
    moment = parse_time(value)
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "date unknown"


def _md(text: str) -> str:
    """Keep page text from being read as Markdown structure or links."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", " ".join(text.split()))


def render_markdown(stories: list[StoryRow], since: datetime, now: datetime) -> str:
    """One Markdown document for the stories of a window, in the order given."""
    lines = [
        f"# newsfold digest, {now:%Y-%m-%d %H:%M} UTC",
        "",
        f"{len(stories)} stories published since {since:%Y-%m-%d %H:%M} UTC, "
        "most widely carried first.",
    ]
    for rank, story in enumerate(stories, 1):
        lines += ["", f"## {rank}. [{_md(story.title or story.url)}]({story.url})", ""]
        lines.append(f"{story.domain} · {_when(story.published)} · {story.domains} "
                     f"domain{'s' if story.domains != 1 else ''}, {story.articles} "
                     f"article{'s' if story.articles != 1 else ''}")
        summary = lead_sentences(story.text)
        if summary:
            lines += ["", _md(summary)]
        if story.other_domains:
            names = [f"{d} (mirror)" if score >= MIRROR_SCORE else d for d, score in story.other_domains]
            lines += ["", "Also published by: " + ", ".join(names)]
    return "\n".join(lines) + "\n"
