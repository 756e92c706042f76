"""Near-duplicate detection for news articles, independent of how they were collected.

Articles go in as plain text; the library finds candidate copies with MinHash/LSH (datasketch),
verifies each candidate before folding it, assigns the article to a story, and links stories that
report one event. Nothing here imports Scrapy or the storage layer: persistence comes in through the
small `Corpus` protocol.
"""

from newsfold.dedup.canonical import Contender, prefer
from newsfold.dedup.events import EventLinker, Report, report
from newsfold.dedup.stories import Assignment, Corpus, Deduplicator, MemoryCorpus
from newsfold.dedup.text import Features, features
from newsfold.dedup.verify import Verdict, verify

__all__ = [
    "Assignment",
    "Contender",
    "Corpus",
    "Deduplicator",
    "EventLinker",
    "Features",
    "MemoryCorpus",
    "Report",
    "Verdict",
    "features",
    "prefer",
    "report",
    "verify",
]
