"""The digest as JSON, for scripts: the same content as the other formats, with a JSON Schema.

`digest.schema.json` (JSON Schema 2020-12) describes every field.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from newsfold.digest import wording
from newsfold.digest.model import Digest, DigestStory
from newsfold.times import iso

VERSION = 1

#: The contract, shipped beside this module and linked from the README; a test validates output with it.
SCHEMA: dict[str, Any] = json.loads(resources.files(__package__).joinpath("digest.schema.json").read_text("utf-8"))


def _story(story: DigestStory) -> dict[str, Any]:
    return {
        "rank": story.rank, "id": story.id, "entry_id": story.entry_id, "title": story.title, "url": story.url,
        "domain": story.domain, "published": story.published, "updated": story.updated, "section": story.section,
        "summary": story.summary, "domains": story.domains, "articles": story.articles,
        "also_published": list(story.also_published), "mirror_copies": story.mirror_copies,
        "also_covered": [{"title": link.title, "url": link.url, "domain": link.domain}
                         for link in story.also_covered],
    }


def digest_json(digest: Digest) -> dict[str, Any]:
    f = digest.figures
    return {
        "version": VERSION, "generated": iso(digest.generated), "since": iso(digest.since),
        "in_window": digest.in_window, "stories": [_story(story) for story in digest.stories],
        "mirrors": [{"domain": m.domain, "articles": m.articles, "copies": m.copies, "share": round(m.share, 4),
                     "copied_from": [{"domain": d, "copies": n} for d, n in m.copied]} for m in digest.mirrors],
        "figures": {
            "crawls": f.runs, "last_finished": f.last_finished, "collected": f.collected, "copies": f.copies,
            "stories": f.stories, "text": wording.figures(digest),
            "failed_sources": [{"name": s.name, "failures_in_row": s.failures_in_row, "last_error": s.last_error}
                               for s in f.failed],
        },
    }


def render_json(digest: Digest) -> str:
    return json.dumps(digest_json(digest), ensure_ascii=False, indent=2) + "\n"
