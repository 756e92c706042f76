"""Scrapy settings of the newsfold job: polite defaults for an hourly cron crawl of news sources.

`sources.toml` may override any of them in its [scrapy] table (the simulated web does, to crawl its
loopback server fast).
"""

BOT_NAME = "newsfold"
SPIDER_MODULES = ["newsfold.spiders"]
NEWSPIDER_MODULE = "newsfold.spiders"
USER_AGENT = "newsfold/0.1 (news aggregator; deduplicating crawler)"

# Politeness: robots.txt, a few connections per site, AutoThrottle adapting to each site's latency.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

# No session is needed to read news, and consent-wall cookies only make the next page differ.
COOKIES_ENABLED = False

# Failures: a few retries, bounded waits and sizes, so one bad site cannot stall the hourly run. A
# retried request goes back into the queue behind the others (RETRY_PRIORITY_ADJUST), and a site
# answering 429/503 is slowed down by BackoffMiddleware (Retry-After honoured).
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_PRIORITY_ADJUST = -1
# The errback reports each failed request once, as a warning naming its source.
RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"
DOWNLOAD_TIMEOUT = 30
# News pages are 50 KB to 2 MB; a sitemap may be up to 50 MB (uncompressed) by the protocol.
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
# A feed link goes through one or two redirects (tracking, http -> https); more is a loop.
REDIRECT_MAX_TIMES = 5

DOWNLOADER_MIDDLEWARES = {
    "newsfold.middlewares.HostRouteMiddleware": 50,
    # Sees responses before RetryMiddleware (550) queues the retry, so the retry already waits.
    "newsfold.middlewares.BackoffMiddleware": 560,
}
ITEM_PIPELINES = {
    "newsfold.pipelines.ExtractPipeline": 300,
    "newsfold.pipelines.StoryPipeline": 500,
}
EXTENSIONS = {
    "newsfold.extensions.CrawlRecorder": 500,
    "newsfold.extensions.ProgressLine": 900,
    "scrapy.extensions.telnet.TelnetConsole": None,
}

LOG_LEVEL = "WARNING"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
FEED_EXPORT_ENCODING = "utf-8"

# newsfold's own settings (the CLI and sources.toml fill them in).
NEWSFOLD_CONFIG = "sources.toml"
NEWSFOLD_DB = "news.db"
NEWSFOLD_PROXY = None
NEWSFOLD_PROXY_HOSTS = []
NEWSFOLD_PROGRESS = False
NEWSFOLD_SITEMAP_MAXSIZE = 50 * 1024 * 1024
