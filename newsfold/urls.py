"""URL normalisation before the "already stored?" check.

One article reaches us under several URLs: with tracking parameters added by the feed or a share
button, with a fragment. w3lib canonicalises the rest (query order, escaping).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

TRACKING = re.compile(r"^(utm_|mtm_|pk_)|^(fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid)$", re.I)


def normalize_url(url: str) -> str:
    """Drop tracking parameters and the fragment, then canonicalise with w3lib."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.search(k)]
    cleaned = urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", urlencode(query), ""))
    return canonicalize_url(cleaned, keep_fragments=False)


def domain_of(url: str) -> str:
    """The host of a URL without a `www.` prefix or port: the unit mirror scores are kept for."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host
