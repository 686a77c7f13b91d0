"""Crawl settings for one audit; every field defaults to engine.crawl.defaults."""

from __future__ import annotations

from dataclasses import dataclass, field

from tadarki.engine.crawl import defaults


@dataclass
class CrawlConfig:
    user_agent: str = field(default_factory=defaults.user_agent)  # TADARKI_CONTACT_URL
    max_pages: int = defaults.MAX_PAGES
    max_bytes: int = defaults.MAX_BYTES
    max_redirects: int = defaults.MAX_REDIRECTS
    max_depth: int = defaults.MAX_DEPTH
    max_path_segments: int = defaults.MAX_PATH_SEGMENTS
    max_repeated_segment: int = defaults.MAX_REPEATED_SEGMENT
    max_url_length: int = defaults.MAX_URL_LENGTH
    max_link_checks: int = defaults.MAX_LINK_CHECKS
    concurrency_per_host: int = defaults.CONCURRENCY_PER_HOST
    requests_per_second: float = defaults.REQUESTS_PER_SECOND
    external_concurrency_per_host: int = defaults.EXTERNAL_CONCURRENCY_PER_HOST
    external_requests_per_second: float = defaults.EXTERNAL_REQUESTS_PER_SECOND
    total_connections: int = defaults.TOTAL_CONNECTIONS
    connect_timeout: float = defaults.CONNECT_TIMEOUT
    read_timeout: float = defaults.READ_TIMEOUT
    total_timeout: float = defaults.TOTAL_TIMEOUT
    retries: int = defaults.RETRIES
    retry_backoff: float = defaults.RETRY_BACKOFF
    retry_backoff_max: float = defaults.RETRY_BACKOFF_MAX
    retry_after_max: float = defaults.RETRY_AFTER_MAX
    respect_robots: bool = defaults.RESPECT_ROBOTS
    max_crawl_delay: float = defaults.MAX_CRAWL_DELAY
    allow_private: bool = defaults.ALLOW_PRIVATE
    check_external_links: bool = defaults.CHECK_EXTERNAL_LINKS
    seed_paths: tuple[str, ...] = defaults.SEED_PATHS
    # Standard proxy variables are read from the environment when None.
    proxy_env: dict[str, str] | None = field(default=None, repr=False)
