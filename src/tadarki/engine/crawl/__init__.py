"""The crawler: fetch one portal politely into a Site (engine/site.py).

defaults.py    every default (limits, time-outs, politeness, user agent)
config.py      CrawlConfig, one audit's settings
fetcher.py     one URL: politeness, redirects, retries, caps, proxy, private addresses
politeness.py  per-host concurrency and rate: in-process or Redis
robots.py      robots.txt (RFC 9309)
cache.py       conditional requests (ETag / Last-Modified)
links.py       link extraction, cached URL resolution, trap checks
linkcheck.py   off-host links, checked once per audit
crawler.py     one portal: home, seeds, breadth-first discovery
"""
