"""Links out of a page: extraction (selectolax), cached URL normalisation, trap checks.

Profiling showed the crawl's cost is CPU, mostly resolving the same relative hrefs again
and again (every NPF page repeats the whole menu). So each distinct href is resolved once
per base directory and the answer is remembered for the rest of the portal.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from tadarki.engine.crawl.config import CrawlConfig
from tadarki.engine.npf.rtbody import decode_encoded_content
from tadarki.engine.npf.urls import normalise_url

NO_TARGET_PREFIXES = ("javascript:", "mailto:", "tel:", "data:", "nolink/", "#", "sms:", "ftp:")
_SAFE = "/%:@!$&'()*+,;=-._~"
_PCT = re.compile(r"%[0-9a-f]{2}")


def is_no_target(href: str) -> bool:
    """nolink/…, '#', javascript:, bare 'http://' and empty hrefs point nowhere (§14)."""
    h = href.strip().lower()
    return not h or h.startswith(NO_TARGET_PREFIXES) or h in ("http://", "https://", "/#")


class UrlResolver:
    """Resolves hrefs against page URLs with a memo keyed by the base's directory."""

    def __init__(self, normalise: Callable[[str, str], str | None] | None = None) -> None:
        self.normalise = normalise or normalise_url
        self._memo: dict[tuple[str, str], str | None] = {}
        self.hits = 0
        self.misses = 0

    def resolve(self, base: str, href: str) -> str | None:
        hit = self.resolve_with_host(base, href)
        return hit[0] if hit else None

    def resolve_with_host(self, base: str, href: str) -> tuple[str, str] | None:
        """(absolute URL, its netloc) or None for hrefs that point nowhere."""
        return self.for_base(base)(href)

    def for_base(self, base: str) -> Callable[[str], tuple[str, str] | None]:
        """resolve_with_host(base, href) for the hrefs of one page: what the memo keys
        depend on is cut from the base once, not once per href."""
        scheme = base[: base.find(":")]
        origin = base[: base.find("/", base.find("//") + 2)]
        q = base.find("?")
        directory = base[: base.rfind("/", 0, q if q >= 0 else len(base)) + 1]
        memo = self._memo

        def resolve(href: str) -> tuple[str, str] | None:
            if href[:7] in ("http://", "https:/"):
                key = ("", href)  # absolute: the base does not matter
            elif href[:2] == "//":
                key = (scheme, href)
            elif href[:1] == "/":
                key = (origin, href)
            elif href[:1] == "?":
                key = (base, href)  # depends on the whole base URL
            else:
                key = (directory, href)
            try:
                hit = memo[key]
            except KeyError:
                pass
            else:
                self.hits += 1
                return hit
            self.misses += 1
            result = None
            stripped = href.strip()
            if not is_no_target(stripped):
                try:
                    url = self.normalise(base, stripped)
                except ValueError:
                    url = None
                if url:
                    result = (url, urlsplit(url).netloc.lower())
            if len(memo) < 200_000:
                memo[key] = result
            return result

        return resolve


def is_trap(url: str, config: CrawlConfig) -> bool:
    """Too long, too deep, or a segment repeated (NPF's ever-growing relative URLs)."""
    if len(url) > config.max_url_length:
        return True
    path = urlsplit(url).path
    segments = [s for s in path.split("/") if s]
    if len(segments) > config.max_path_segments:
        return True
    seen: dict[str, int] = {}
    for segment in segments:
        count = seen.get(segment, 0) + 1
        if count > config.max_repeated_segment:
            return True
        seen[segment] = count
    return False


def extract_hrefs(html: str, decode: Callable[[str], str] | None = None) -> list[str]:
    """Every href of <a>/<area>, also inside G3 rt-renderer bodies; never raises."""
    tree = HTMLParser(html)
    hrefs = _hrefs(tree)
    if "encoded-content" in html:
        decode = decode or decode_encoded_content
        for node in tree.css("rt-renderer[encoded-content]"):
            value = node.attrs.get("encoded-content") or ""
            try:
                body = decode(value)
            except Exception:  # noqa: BLE001 - a broken body must not stop the crawl
                continue
            if body:
                hrefs.extend(_hrefs(HTMLParser(body)))
    return hrefs


def _hrefs(tree: HTMLParser) -> list[str]:
    return [h for h in (n.attrs.get("href") for n in tree.css("a[href], area[href]")) if h]
