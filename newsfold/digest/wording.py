"""The sentences every format shares, so Markdown, HTML, Atom and JSON say the same things alike."""

from __future__ import annotations

from newsfold.digest.model import Digest, DigestStory, Section
from newsfold.digest.text import plural, when


def intro(digest: Digest) -> str:
    shown = plural(len(digest.stories), "story", "stories")
    if digest.in_window > len(digest.stories):
        shown = f"The {shown} most widely carried of {digest.in_window}"
    return f"{shown} published since {digest.since:%Y-%m-%d %H:%M} UTC, most widely carried first."


def section_title(section: Section, digest: Digest) -> str:
    if section.name:
        return section.name
    return "Other news" if len(digest.sections()) > 1 else "Top stories"


def byline(story: DigestStory) -> str:
    return (f"{story.domain} · {when(story.published)} · {plural(story.domains, 'domain')}, "
            f"{plural(story.articles, 'article')}")


def also_published(story: DigestStory) -> str:
    """Other publishers by name, mirror copies as one count ("+3 mirror copies"); empty if none."""
    names = list(story.also_published)
    if story.mirror_copies:
        names.append("+" + plural(story.mirror_copies, "mirror copy", "mirror copies"))
    return ", ".join(names)


def figures(digest: Digest) -> str:
    f = digest.figures
    return (f"{plural(f.runs, 'crawl')} in this window: {plural(f.collected, 'article')} collected, "
            f"{plural(f.copies, 'copy', 'copies')} folded, {plural(f.stories, 'new story', 'new stories')}; "
            f"{plural(len(f.failed), 'source')} failing.")
