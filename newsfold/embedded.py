"""The article HTML that app-shell pages carry only in their inline hydration data.

Pages built with React, Next.js or Nuxt may send a bare shell whose article exists only as a string
inside a script: `__NEXT_DATA__` JSON, `self.__next_f.push([...])`, `window.__STATE__ = {...}`.
trafilatura reads the DOM and finds nothing there. When it does, the longest string in the page's
inline data that is itself HTML with paragraphs is the best remaining candidate for the body; the
caller extracts from it as from a page. Written by hand: no extraction library reads hydration data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

#: A string is article HTML if it holds at least this many paragraph or line breaks.
MIN_BREAKS = 3
BREAK = re.compile(r"<(?:p|br)\b", re.IGNORECASE)
#: Scripts larger than this are bundles, not data; decoding them would only cost time.
MAX_SCRIPT_CHARS = 3_000_000


def _values(data: Any) -> Iterator[str]:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _objects(script: str) -> Iterator[Any]:
    """JSON values in a script: the whole text if it is JSON, else each object or array it embeds."""
    decoder = json.JSONDecoder()
    try:
        yield json.loads(script)
        return
    except ValueError:
        pass
    position = 0
    while (start := _next_open(script, position)) >= 0:
        try:
            value, end = decoder.raw_decode(script, start)
        except ValueError:
            position = start + 1
            continue
        yield value
        position = end


def _next_open(text: str, position: int) -> int:
    found = [i for i in (text.find("{", position), text.find("[", position)) if i >= 0]
    return min(found) if found else -1


def embedded_article_html(tree: HtmlElement) -> str | None:
    """The longest HTML string with paragraphs found in the page's inline scripts, or None."""
    best = ""
    for script in tree.xpath("//script[not(@src)]/text()"):
        if len(script) > MAX_SCRIPT_CHARS or ("<" not in script and "\\u003c" not in script.lower()):
            continue
        for value in _objects(script):
            for text in _values(value):
                if len(text) > len(best) and len(BREAK.findall(text)) >= MIN_BREAKS:
                    best = text
    return best or None
