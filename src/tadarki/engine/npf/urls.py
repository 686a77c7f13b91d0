"""Link targets as the auditor and the crawler treat them (npf-structure.md §2, §14)."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit

_MAX_SITE_SEGMENTS = 1
_MAX_PATH_SEGMENTS = 12
_SITE_SEGMENT = re.compile(r"(?:/site/[^/]+/[^/]+)")


def is_placeholder_href(href: str | None) -> bool:
    """A target that leads nowhere: empty, `#…`, `nolink/…`, `javascript:`, bare `http://`."""
    if href is None:
        return True
    value = href.strip()
    low = value.lower()
    if not value or low.startswith("#") or low.startswith("javascript:"):
        return True
    if low in ("http://", "https://", "http:", "https:", "http:/", "https:/"):
        return True
    if low.startswith("nolink") or "/nolink/" in low:
        return True
    return False


def normalise_url(base: str, href: str | None) -> str | None:
    """Absolute URL of `href` on `base`, or None when it is no target at all (see _normalise)."""
    if is_placeholder_href(href):
        return None
    value = href.strip()
    low = value[:8].lower()
    # Menus repeat on every page: key the cache on what the result depends on.
    if low.startswith(("http://", "https://")):
        return _normalise("", value)
    if value.startswith("/") and not value.startswith("//"):
        scheme, _, rest = base.partition("://")
        return _normalise(f"{scheme}://{rest.split('/', 1)[0]}/", value)
    return _normalise(base, value)


@lru_cache(maxsize=2048)
def _normalise(base: str, href: str) -> str | None:
    """Absolute URL of `href` on `base`, or None when it is no target at all.

    Fragments are dropped, host lower-cased, and paths that keep growing through relative
    links (`/site/page/<a>/site/photogallery/<b>/site/page/<c>…`) are cut back to their last
    `/site/<type>/<id>` part, so that the crawler cannot loop on them.
    """
    if is_placeholder_href(href):
        return None
    value = href.strip()
    if value.lower().startswith(
        ("mailto:", "tel:", "data:", "ftp:", "sms:", "whatsapp:", "viber:")
    ):
        return None
    try:
        absolute = urljoin(base, value)
        absolute, _fragment = urldefrag(absolute)
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    path = parts.path or "/"
    site_parts = _SITE_SEGMENT.findall(path)
    if len(site_parts) > _MAX_SITE_SEGMENTS and path.count("/site/") > _MAX_SITE_SEGMENTS:
        # Keep the last /site/<type>/<id> and what follows it.
        last = path.rfind("/site/")
        path = path[last:]
    segments = path.split("/")
    if len(segments) > _MAX_PATH_SEGMENTS + 1:
        path = "/".join(segments[: _MAX_PATH_SEGMENTS + 1])
    netloc = parts.hostname.lower()
    if parts.port and not (
        (parts.scheme == "http" and parts.port == 80)
        or (parts.scheme == "https" and parts.port == 443)
    ):
        netloc = f"{netloc}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, path, parts.query, ""))


class PageResolver:
    """normalise_url(base, href) for the hrefs of one page; answers are kept in `memo` by
    what they depend on (the same hrefs repeat on every page of a portal)."""

    __slots__ = ("base", "origin", "memo")

    def __init__(self, base: str, memo: dict[tuple[str, str], str | None] | None = None) -> None:
        self.base = base
        scheme, _, rest = base.partition("://")
        self.origin = f"{scheme}://{rest.split('/', 1)[0]}/"  # what "/x" depends on
        self.memo = {} if memo is None else memo

    def __call__(self, href: str | None) -> str | None:
        if not href:
            return None
        if href[0] == "/" and href[1:2] != "/":
            key = (self.origin, href)
        elif href.startswith(("http://", "https://")):
            key = ("", href)
        elif is_placeholder_href(href):  # "#", "nolink/…": the same answer on every page
            return None
        else:
            key = (self.base, href)
        memo = self.memo
        try:
            return memo[key]
        except KeyError:
            pass
        url = memo[key] = normalise_url(self.base, href)
        return url


def host_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def is_site_root(url: str | None, base: str) -> bool:
    """True when `url` is the portal's own home page (same host without www., path `/`)."""
    if not url:
        return False
    parts = urlsplit(url)
    if host_of(url) != host_of(base):
        return False
    return parts.path in ("", "/", "/bn", "/bn/", "/en", "/en/") and not parts.query


def url_key(url: str) -> str:
    """A lookup key for `site.pages`: scheme and `www.` ignored, trailing slash ignored."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/") or "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"{host_of(url)}{path}{query}"
