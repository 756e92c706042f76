"""SQLite storage for newsfold, through sqlite-utils: the one place that writes SQL."""

from newsfold.storage.db import Store
from newsfold.storage.records import NewArticle, Placement, StoryRow

__all__ = ["NewArticle", "Placement", "Store", "StoryRow"]
