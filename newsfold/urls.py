"""URL normalisation before the "already stored?" check.

One article reaches us under several URLs: with tracking parameters added by the feed or a share
button, with a fragment, as its AMP variant. w3lib canonicalises the rest (query order, escaping).
Neither w3lib nor courlan maps AMP variants to their article, so that part is written here.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

TRACKING = re.compile(r"^(utm_|mtm_|pk_)|^(fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid)$", re.I)
#: Query parameters that only ask for the AMP rendering of the same article.
AMP_PARAMS = re.compile(r"^(amp|outputtype|output)$", re.I)
AMP_VALUES = {"", "1", "true", "amp"}
#: `/amp/…`, `…/amp`, `…/amp/`, `….amp.html`, `….amp` — the forms publishers' CMSes give AMP pages.
AMP_PATH = ((re.compile(r"^/amp(/|$)", re.I), "/"), (re.compile(r"(?<=.)/amp(/?)$", re.I), r"\1"),
            (re.compile(r"\.amp(\.html?)$", re.I), r"\1"), (re.compile(r"\.amp$", re.I), ""))
#: Google's AMP cache serves https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a.html.
AMP_CACHE = re.compile(r"^/[a-z](/s)?/(?P<rest>[^/]+/.*)$")


def normalize_url(url: str) -> str:
    """Drop tracking parameters and the fragment, map an AMP variant to its article, then
    canonicalise with w3lib."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    cached = AMP_CACHE.match(parts.path) if host.endswith(".cdn.ampproject.org") else None
    if cached:
        scheme = "https" if cached.group(1) else "http"
        return normalize_url(f"{scheme}://{cached.group('rest')}" + (f"?{parts.query}" if parts.query else ""))
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not TRACKING.search(k) and not (AMP_PARAMS.match(k) and v.lower() in AMP_VALUES)]
    path = parts.path or "/"
    for pattern, replacement in AMP_PATH:
        path = pattern.sub(replacement, path, count=1)
    cleaned = urlunsplit((parts.scheme, parts.netloc.lower(), path, urlencode(query), ""))
    return canonicalize_url(cleaned, keep_fragments=False)


def domain_of(url: str) -> str:
    """The host of a URL without a `www.` prefix or port: the unit mirror scores are kept for."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def variants(url: str) -> set[str]:
    """The other forms a site serves one article under: with and without `www.`, over http and https.

    They are remembered as aliases of a stored article rather than folded into `normalize_url`, because
    a request must still go to the host the source named (newspaper4k #217: `www.` or not is one site).
    """
    parts = urlsplit(url)
    host = parts.netloc.lower()
    if parts.scheme not in ("http", "https") or not host:
        return set()
    hosts = {host, host[4:] if host.startswith("www.") else f"www.{host}"}
    return {urlunsplit((scheme, h, parts.path, parts.query, "")) for scheme in ("http", "https") for h in hosts} - {url}
