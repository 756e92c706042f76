"""Downloader middlewares."""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response


class HostRouteMiddleware:
    """Send requests for some hosts through an HTTP proxy (`NEWSFOLD_PROXY`, `NEWSFOLD_PROXY_HOSTS`).

    This is how the simulated web's `.test` outlets are reached by their own names: the proxy is the
    local simulated-web server, which answers absolute-form requests per Host. It runs before
    RobotsTxtMiddleware's requests reach HttpProxyMiddleware, so robots.txt is fetched the same way.
    """

    def __init__(self, proxy: str | None, suffixes: list[str]) -> None:
        self.proxy = proxy
        self.suffixes = tuple(s.lower() for s in suffixes)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HostRouteMiddleware:
        return cls(crawler.settings.get("NEWSFOLD_PROXY"), crawler.settings.getlist("NEWSFOLD_PROXY_HOSTS"))

    def process_request(self, request: Request) -> None:
        host = (urlsplit(request.url).hostname or "").lower()
        if self.proxy and self.suffixes and host.endswith(self.suffixes) and "proxy" not in request.meta:
            request.meta["proxy"] = self.proxy


class BackoffMiddleware:
    """Slow down a site that says it is overloaded: after a 429 or 503 its download slot waits twice
    as long between requests, or as long as its Retry-After asks, up to AUTOTHROTTLE_MAX_DELAY.

    Written here because Scrapy has no setting for it: RetryMiddleware queues the retry at once and
    AutoThrottle never raises a delay for an error response. AutoThrottle brings the delay back down
    as the site answers 200 again.
    """

    STATUSES = frozenset({429, 503})

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_delay = crawler.settings.getfloat("AUTOTHROTTLE_MAX_DELAY")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in self.STATUSES:
            return response
        downloader = self.crawler.engine.downloader
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is not None:
            asked = retry_after(response.headers.get(b"Retry-After"))
            slot.delay = min(max(slot.delay * 2, asked, 1.0), self.max_delay)
            self.crawler.stats.inc_value("newsfold/backoff")
        return response


def retry_after(value: bytes | None) -> float:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date); 0 when absent or unreadable."""
    if not value:
        return 0.0
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        return max(0.0, (parsedate_to_datetime(text) - datetime.now(timezone.utc)).total_seconds())
    except (TypeError, ValueError):
        return 0.0
