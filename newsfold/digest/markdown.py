"""The digest as Markdown: for a terminal, a mail body or a wiki page."""

from __future__ import annotations

import re

from newsfold.digest import wording
from newsfold.digest.model import Digest

MARKDOWN_SYNTAX = re.compile(r"([\\`*_\[\]<>#|!~&])")
#: What turns a paragraph's start into a list item, a rule or a heading underline.
BLOCK_START = re.compile(r"^(\d{1,9}(?=[.)])|(?=[-+=]))")


def _md(text: str) -> str:
    """Keep page text from being read as Markdown structure, links or inline HTML."""
    return BLOCK_START.sub(r"\1\\", MARKDOWN_SYNTAX.sub(r"\\\1", text), count=1)


def _link(title: str, url: str | None) -> str:
    return f"[{_md(title)}](<{url}>)" if url else _md(title)


def render_markdown(digest: Digest) -> str:
    lines = [f"# newsfold digest, {digest.generated:%Y-%m-%d %H:%M} UTC", "", wording.intro(digest)]
    for section in digest.sections():
        lines += ["", f"## {_md(wording.section_title(section, digest))}"]
        for story in section.stories:
            lines += ["", f"### {story.rank}. {_link(story.title, story.url)}", "", _md(wording.byline(story))]
            if story.summary:
                lines += ["", _md(story.summary)]
            if also := wording.also_published(story):
                lines += ["", "Also published by: " + _md(also)]
            if story.also_covered:
                lines += ["", "Also covered by: " + "; ".join(
                    f"{_link(link.title, link.url)} ({_md(link.domain)})" for link in story.also_covered)]
    lines += ["", "---", "", _md(wording.figures(digest))]
    if digest.figures.failed:
        lines += ["", *(f"- failing: {_md(s.name)} ({_md(s.last_error)})" for s in digest.figures.failed)]
    return "\n".join(lines) + "\n"
