"""newsfold's Scrapy spiders: each reads its sources from `sources.toml` and yields `PageItem`s."""
