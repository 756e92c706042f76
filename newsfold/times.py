"""Time stamps: everything newsfold stores is an ISO 8601 string in UTC, so strings sort as times."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta, timezone

SPAN = re.compile(r"^(\d+)\s*([mhdw])$")
UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def iso(moment: datetime) -> str:
    """UTC ISO form; a naive time is taken to be UTC already."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def parse_time(value: str | None) -> datetime | None:
    """Parse an ISO 8601 date or date-time as pages and feeds write them; None if it is not one."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    if re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?[+-]\d{2}\d{2}$", text):
        text = text[:-2] + ":" + text[-2:]
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def more_precise(page: str | None, feed: str | None) -> str | None:
    """The page's publication time, unless it is only a day (midnight) that the feed's time falls on.

    A page's date found by htmldate has no time of day; an original and its copies are published on
    the same day, so only the time orders them and picks the canonical.
    """
    moment = parse_time(page)
    if moment is None:
        return feed
    precise = parse_time(feed)
    if precise is not None and moment.time() == datetime.min.time() and precise.date() == moment.date():
        return feed
    return page


def from_struct(value: time.struct_time | None) -> datetime | None:
    """feedparser's `*_parsed` fields are UTC struct_times."""
    return datetime(*value[:6], tzinfo=timezone.utc) if value else None


def parse_span(value: str) -> timedelta:
    """'24h', '7d', '90m', '2w' -> timedelta; raises ValueError on anything else."""
    match = SPAN.match(value.strip().lower())
    if not match:
        raise ValueError(f"not a time span: {value!r} (use e.g. 90m, 24h, 7d, 2w)")
    return timedelta(**{UNITS[match.group(2)]: int(match.group(1))})
