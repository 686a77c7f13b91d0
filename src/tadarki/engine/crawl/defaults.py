"""Every crawler default in one place, like Scrapy's default_settings.

Tuning politeness or limits means changing a value here (or passing it in CrawlConfig),
never hunting constants through the code.
"""

import os

from tadarki import __version__

PROJECT_URL = "https://github.com/tadarki/tadarki"


def user_agent(contact: str = "") -> str:
    """A named User-Agent with the URL where a portal's webmaster learns who crawls and how to
    reach them: the deployment's own (`contact`, else TADARKI_CONTACT_URL), else the
    project's."""
    contact = contact or os.environ.get("TADARKI_CONTACT_URL", "") or PROJECT_URL
    return f"Tadarki/{__version__} (+{contact}; portal audit)"


ROBOTS_USER_AGENT = "Tadarki"

# Politeness: per host (host:port), shared by pages, robots.txt and link checks.
CONCURRENCY_PER_HOST = 2
REQUESTS_PER_SECOND = 4.0  # per host; 0 disables the rate limit
EXTERNAL_CONCURRENCY_PER_HOST = 1
EXTERNAL_REQUESTS_PER_SECOND = 2.0

# Whole audit: how many portals are crawled at once, and open sockets overall.
PORTAL_CONCURRENCY = 4
# Worker processes for a many-portal audit (engine.workers); 0 = one per CPU. The library
# default stays in-process; `tadarki audit` uses every CPU.
PROCESSES = 1
WORKER_MAX_PORTALS = 50  # then the worker is replaced, so memory stays flat
TOTAL_CONNECTIONS = 64

# Time-outs in seconds.
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0  # between two reads of the socket
TOTAL_TIMEOUT = 45.0  # a page that drips forever ends here

# Retries: only for transient failures (connection errors, time-outs, 429/502/503/504).
RETRIES = 2
RETRY_BACKOFF = 0.5  # first wait; doubles each retry
RETRY_BACKOFF_MAX = 8.0
RETRY_AFTER_MAX = 30.0  # a longer Retry-After is not waited for
RETRY_STATUSES = frozenset({429, 502, 503, 504})

# Limits.
MAX_PAGES = 500  # per portal
MAX_BYTES = 5 * 1024 * 1024  # per page, counted after decompression
MAX_REDIRECTS = 5
MAX_DEPTH = 6  # link hops from a seed
MAX_PATH_SEGMENTS = 12
MAX_REPEATED_SEGMENT = 2  # NPF relative links nest /site/page/<a>/site/page/<b>/…
MAX_URL_LENGTH = 2000
MAX_LINK_CHECKS = 300  # off-host targets checked per portal

RESPECT_ROBOTS = True
MAX_CRAWL_DELAY = 5.0  # a robots.txt Crawl-delay is honoured up to this many seconds
ALLOW_PRIVATE = False  # refuse loopback, private, link-local, … addresses
CHECK_EXTERNAL_LINKS = True

# Seeds per template generation (npf-structure.md §14); a 404 on a seed is not a defect.
SEED_PATHS = (
    "/views/sitemap",
    "/pages/officers",
    "/views/info-officers",
    "/pages/notices",
    "/site/view/sitemap//সাইট-ম্যাপ",
    "/bn/",
    "/en/",
)

# Documents recorded by headers only (not downloaded whole).
DOCUMENT_SUFFIXES = (
    ".pdf",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".zip",
    ".rar",
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".mp4",
)
HTML_TYPES = ("text/html", "application/xhtml+xml")
