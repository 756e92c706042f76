"""Downloader middlewares."""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler


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
