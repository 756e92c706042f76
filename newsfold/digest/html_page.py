"""The digest as one self-contained HTML page: inline CSS, no script, nothing fetched from elsewhere.

Jinja2 autoescapes every value, and a Content-Security-Policy forbids scripts and outside requests,
so a title that slipped markup past every other check would still be inert.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from newsfold.digest import wording
from newsfold.digest.model import Digest


@cache
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("newsfold.digest"), autoescape=True,
                      undefined=StrictUndefined)
    env.globals.update(section_title=wording.section_title, byline=wording.byline,
                       also_published=wording.also_published)
    return env


def render_html(digest: Digest) -> str:
    template = _environment().get_template("digest.html.j2")
    return template.render(digest=digest, sections=digest.sections(), intro=wording.intro(digest),
                           figures=wording.figures(digest)) + "\n"
