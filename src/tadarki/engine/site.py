"""What the crawler hands to the rules: one portal as it was fetched.

The crawler (engine.crawl) fills a Site; the NPF readers (engine.npf) parse its pages;
the rules (engine.rules) judge it. Neither side knows how the other works.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FetchedPage:
    url: str  # the URL as requested (normalised)
    final_url: str  # after redirects
    status: int | None  # None when no HTTP answer (DNS, time-out, refused, too large)
    content_type: str = ""
    text: str = ""  # decoded body (HTML pages); "" for binaries
    body_bytes: int = 0
    fetched_at: str = ""
    sha256: str | None = None
    error: str = ""  # error class when status is None or the body was cut: "timeout", "dns", "too-large", ...
    depth: int = 0
    found_via: str = ""  # "seed", "menu", "box", "link", "sitemap"
    not_modified: bool = False  # 304 to a conditional request; text is the cached copy

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 400 and not self.error

    @property
    def is_html(self) -> bool:
        return "html" in self.content_type or (
            not self.content_type and self.text.lstrip()[:1] == "<"
        )


@dataclass
class LinkCheck:
    """A link target that was checked (off-host by HEAD/GET, on-host by the crawl itself)."""

    url: str
    status: int | None
    error: str = ""
    sources: list[str] = field(default_factory=list)  # pages that link to it

    @property
    def broken(self) -> bool:
        return self.status is None or self.status >= 400


@dataclass
class Site:
    office: str
    root_url: str
    host: str
    department: str = ""
    home: FetchedPage | None = None
    pages: dict[str, FetchedPage] = field(default_factory=dict)  # by normalised URL
    links: dict[str, LinkCheck] = field(default_factory=dict)  # by target URL
    warnings: list[str] = field(default_factory=list)
    unreachable_error: str = ""  # set when the home page could not be fetched after retries
    insecure: bool = False  # no working HTTPS / bad certificate
    blocked: bool = False  # bot challenge or firewall page instead of content
