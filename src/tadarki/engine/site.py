"""What the crawler hands to the rules: one portal as it was fetched.

The crawler (engine.crawl) fills a Site; the NPF readers (engine.npf) parse its pages;
the rules (engine.rules) judge it. Neither side knows how the other works.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

# Shorter texts are kept as they are: packing them would save less than it costs.
PACK_FROM = 2048


class PageText:
    """A page's text (HTML source), which can be packed while nobody reads it.

    A portal's pages wait for the end of its crawl to be judged together, and their text was
    most of what each portal in flight held (4 of 6 MB for 250 pages), so an audit's memory
    grew with the pages of the portals it had in flight. Packed by zlib at level 1 with the
    portal's home page as preset dictionary (its template furniture is on every page), a farm
    page keeps a fourteenth of its UTF-8 bytes, in 0.06 ms. The first read after unpacks it
    for good.
    """

    __slots__ = ("_text", "_packed", "_zdict")

    def __init__(self, text: str = "") -> None:
        self._text: str | None = text
        self._packed = b""
        self._zdict = b""

    @property
    def text(self) -> str:
        if self._text is None:
            unpack = zlib.decompressobj(zdict=self._zdict)
            data = unpack.decompress(self._packed) + unpack.flush()
            self._text = data.decode("utf-8", "surrogatepass")
            self._packed = self._zdict = b""
        return self._text

    @property
    def packed(self) -> bool:
        return self._text is None

    def pack(self, zdict: bytes = b"") -> None:
        """`zdict`: up to 32 kB that pages like this one start with, kept (shared) with it."""
        if self._text is None or len(self._text) < PACK_FROM:
            return
        packer = zlib.compressobj(1, zdict=zdict) if zdict else zlib.compressobj(1)
        self._packed = packer.compress(self._text.encode("utf-8", "surrogatepass"))
        self._packed += packer.flush()
        self._zdict = zdict
        self._text = None


def preset_dictionary(text: str) -> bytes:
    """What packing a portal's other pages starts from: its home page's first 32 kB (zlib's
    window), where the header and menu every page repeats are."""
    return text.encode("utf-8", "surrogatepass")[: 32 << 10]


class _Text:
    """FetchedPage.text: read and written as a str, held in the page's PageText (`source`),
    which the parsed page shares, so that one pack packs both."""

    def __get__(self, page: FetchedPage | None, owner: type | None = None) -> str:
        if page is None:
            return ""  # the field's default
        return page.source.text

    def __set__(self, page: FetchedPage, value: str | PageText) -> None:
        page.source = value if isinstance(value, PageText) else PageText(value)


@dataclass
class FetchedPage:
    url: str  # the URL as requested (normalised)
    final_url: str  # after redirects
    status: int | None  # None when no HTTP answer (DNS, time-out, refused, too large)
    content_type: str = ""
    text: str = _Text()  # type: ignore[assignment]  # decoded body (HTML pages); "" for binaries
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
    insecure_reason: str = ""  # "certificate" (invalid) or "no-https" (HTTPS does not answer)
    blocked: bool = False  # bot challenge or firewall page instead of content
