"""Serve a World over loopback HTTP, to Scrapy through its proxy setting or to any client by Host header."""
from __future__ import annotations

import hashlib
import socket
import sys
import threading
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

from .world import World


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, every response carries Content-Length
    server_version = "newsfold-simweb/1.0"
    timeout = 30  # an idle keep-alive connection is dropped after this many seconds
    disable_nagle_algorithm = True  # headers and body go out as separate writes; do not wait for ACKs
    server: _Server

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Silent: a crawl makes thousands of requests."""

    def _target(self) -> tuple[str, str]:
        """Host and path from an absolute-form request line (proxy style) or from the Host header."""
        if self.path.startswith(("http://", "https://")):
            parts = urlsplit(self.path)
            return parts.hostname or "", (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return (self.headers.get("Host") or "").split(":")[0], self.path

    def _serve(self, send_body: bool) -> None:
        status, headers, body = self.server.world.respond(*self._target())
        if status == 200:
            headers = dict(headers, ETag=f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"')
            if self._not_modified(headers):
                status, body = 304, b""
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _not_modified(self, headers: dict[str, str]) -> bool:
        """Conditional GET: If-None-Match wins over If-Modified-Since, as RFC 9110 says."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            return headers["ETag"] in {tag.strip() for tag in if_none_match.split(",")} or if_none_match == "*"
        since, modified = self.headers.get("If-Modified-Since"), headers.get("Last-Modified")
        if since and modified:
            try:
                return parsedate_to_datetime(modified) <= parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False
        return False


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() must not wait for keep-alive connections to go idle
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], world: World) -> None:
        self.world = world
        self.connections: set[socket.socket] = set()
        self.lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        with self.lock:
            self.connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:  # type: ignore[no-untyped-def]
        with self.lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        if isinstance(sys.exc_info()[1], OSError):
            return  # the client went away (timeout, reset): normal for a crawler with short timeouts
        super().handle_error(request, client_address)

    def close_connections(self) -> None:
        with self.lock:
            open_connections = list(self.connections)
        for connection in open_connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class SimWebServer:
    """Serves `world` on host:port (port 0 picks a free one) from a daemon thread.

    Scrapy reaches the .test hosts through `Request(url, meta={"proxy": server.proxy_url})`: it then sends
    absolute-form request lines, which this server answers like a proxy that is also the origin.
    """

    def __init__(self, world: World, host: str = "127.0.0.1", port: int = 0) -> None:
        self.world, self.host, self._port = world, host, port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1] if self._server else self._port

    @property
    def proxy_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> SimWebServer:
        if self._server is None:
            self._server = _Server((self.host, self._port), self.world)
            self._thread = threading.Thread(target=self._server.serve_forever, name="simweb", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        self._server.close_connections()
        if self._thread:
            self._thread.join()
        self._server, self._thread = None, None

    def __enter__(self) -> SimWebServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
