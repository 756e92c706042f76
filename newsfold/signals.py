"""Signals spiders send about their sources, so that only the job writes to storage.

`source_fetched(source: str, status: int, etag: str | None, last_modified: str | None)` — a source
answered with something usable (a 304 included); the validators are those of a full response.
`source_failed(source: str, url: str, error: str, status: int | None, fatal: bool)` — a request for
the source failed; `fatal` when the source itself (its feed) is broken, not one page behind it.
"""

source_fetched = object()
source_failed = object()
