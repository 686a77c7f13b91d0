"""Fetch one URL politely and safely; every failure becomes an error class, never a crash.

Choice of client and link extractor, measured by bench/bench_http_clients.py on this
2-core machine (server in its own process, 2000 NPF-like 35 KB pages, 32 in flight):
    aiohttp 3.14   857 pages/s, 0.9 s client CPU
    httpx 0.28     120 pages/s, 6.9 s client CPU   (7x slower, 8x the CPU)
    selectolax (lexbor) 2100 pages/s of link extraction, lxml 1570 pages/s
So the crawler uses aiohttp (it also streams the body with a byte cap counted after
decompression, takes a proxy per request and a pluggable resolver for the private-address
check) and selectolax. bench/bench_crawl_vs_scrapy.py compares the whole crawl to Scrapy.

Redirects are followed by hand so that each hop is counted and checked against the
allowed hosts and the private-address rule. Retries are for transient failures only.
"""

from __future__ import annotations

import asyncio
import hashlib
import ipaddress
import re
import socket
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver
from aiohttp.resolver import DefaultResolver

from tadarki.engine.crawl import defaults
from tadarki.engine.crawl.cache import ConditionalCache
from tadarki.engine.crawl.config import CrawlConfig
from tadarki.engine.crawl.politeness import InProcessPoliteness, Politeness
from tadarki.engine.result import now_iso
from tadarki.engine.site import FetchedPage

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)
_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.I)


class PrivateAddressRefused(OSError):
    """A host name resolved to a loopback/private/link-local address, which is refused."""


class _Stop(Exception):
    """A request ended without a usable answer; `error` is its class."""

    def __init__(self, error: str, transient: bool = False) -> None:
        super().__init__(error)
        self.error = error
        self.transient = transient


_HOST_MEMO_MAX = 10_000  # host names remembered per memo; an audit meets a few thousand


def _remember(memo: dict, key, value):
    """memo[key] = value, the memo emptied first when full; returns value."""
    if len(memo) >= _HOST_MEMO_MAX:
        memo.clear()
    memo[key] = value
    return value


def is_private_address(host: str) -> bool:
    try:
        ip = ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


class GuardedResolver(AbstractResolver):
    """Resolves names and refuses them when any address is private (DNS rebinding-safe
    because aiohttp connects to exactly the addresses returned here)."""

    def __init__(self, allow_private: bool, trusted_hosts: set[str]) -> None:
        self._inner = DefaultResolver()
        self.allow_private = allow_private
        self.trusted_hosts = trusted_hosts  # the configured proxies themselves

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_INET):
        results = await self._inner.resolve(host, port, family)
        if not self.allow_private and host not in self.trusted_hosts:
            if any(is_private_address(r["host"]) for r in results):
                raise PrivateAddressRefused(f"{host} resolves to a private address")
        return results

    async def close(self) -> None:
        await self._inner.close()


class ProxySettings:
    """HTTP_PROXY / HTTPS_PROXY / NO_PROXY, from the environment or given explicitly."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        if env is None:
            self.proxies = urllib.request.getproxies_environment()
        else:
            self.proxies = {}
            for name, value in env.items():
                name = name.lower()
                if name.endswith("_proxy") and value:
                    self.proxies[name[: -len("_proxy")]] = value
        self.proxies.pop("ftp", None)
        self._chosen: dict[tuple[str, str], str | None] = {}

    def for_url(self, url: str) -> str | None:
        parts = urlsplit(url)
        return self.for_host(parts.scheme, parts.hostname or "")

    def for_host(self, scheme: str, host: str) -> str | None:
        """The proxy for a URL with this scheme and host name (remembered per pair: every
        request asks, and NO_PROXY matching is not cheap)."""
        key = (scheme, host)
        try:
            return self._chosen[key]
        except KeyError:
            pass
        proxy = self.proxies.get(scheme)
        if not proxy:
            chosen = None
        elif "no" in self.proxies and urllib.request.proxy_bypass_environment(host, self.proxies):
            chosen = None
        else:
            chosen = proxy if "://" in proxy else f"http://{proxy}"
        return _remember(self._chosen, key, chosen)

    def hosts(self) -> set[str]:
        return {
            urlsplit(p if "://" in p else f"http://{p}").hostname or ""
            for k, p in self.proxies.items()
            if k != "no"
        }


@dataclass
class Fetched:
    page: FetchedPage
    body: bytes | None = None  # raw (decompressed) bytes, for snapshots
    etag: str = ""
    last_modified: str = ""
    redirects: int = 0
    invalid_encoding: bool = False
    retry_after: float | None = None


def _decode(body: bytes, content_type: str) -> tuple[str, bool]:
    """Decode a page; invalid bytes become U+FFFD and are reported, never an exception."""
    match = _CT_CHARSET.search(content_type)
    if match:
        charset = match.group(1)
    else:
        meta = _CHARSET.search(body[:4096])
        charset = meta.group(1).decode("ascii", "ignore") if meta else "utf-8"
    try:
        return body.decode(charset), False
    except LookupError:
        charset = "utf-8"
    except UnicodeDecodeError:
        return body.decode(charset, errors="replace"), True
    try:
        return body.decode(charset), False
    except UnicodeDecodeError:
        return body.decode(charset, errors="replace"), True


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, (when - datetime.now(UTC)).total_seconds())


# Why a proxy failed to reach the origin, as Squid (and the test farm) say it in headers.
_SQUID_ERRORS = {
    "ERR_DNS_FAIL": "dns",
    "ERR_CONNECT_FAIL": "refused",
    "ERR_READ_TIMEOUT": "timeout",
    "ERR_CONNECT_TIMEOUT": "timeout",
    "ERR_LIFETIME_EXP": "timeout",
    "ERR_READ_ERROR": "connection",
    "ERR_ZERO_SIZE_OBJECT": "connection",
    "ERR_SECURE_CONNECT_FAIL": "tls",
}
_PROXY_ERRORS = {"dns", "refused", "timeout", "connection", "tls", "connect", "reset"}


def _proxy_error(headers) -> str:
    named = headers.get("X-Tadarki-Error", "").strip().lower()
    if named in _PROXY_ERRORS:
        return {"connect": "refused", "reset": "connection"}.get(named, named)
    squid = headers.get("X-Squid-Error", "").split(" ")[0].upper()
    return _SQUID_ERRORS.get(squid, "")


def _error_class(exc: BaseException) -> tuple[str, bool]:
    """(error class, transient?) for an exception raised by a request."""
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        if isinstance(exc.os_error, PrivateAddressRefused):
            return "private-address", False
        return "dns", False
    if isinstance(exc, aiohttp.ClientConnectorCertificateError | aiohttp.ClientSSLError):
        return "tls", False
    if isinstance(exc, aiohttp.ClientProxyConnectionError | aiohttp.ClientHttpProxyError):
        return "proxy", True
    if isinstance(exc, aiohttp.ClientConnectorError):
        if isinstance(exc.os_error, ConnectionRefusedError):
            return "refused", True
        return "connection", True
    if isinstance(exc, TimeoutError):
        return "timeout", True
    if isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError):
        return "connection", True
    if isinstance(exc, aiohttp.InvalidURL | ValueError | UnicodeError):
        return "invalid-url", False
    if isinstance(exc, aiohttp.ClientError | OSError):
        return "connection", True
    raise exc


class Fetcher:
    """One HTTP session for an audit: politeness, limits, redirects, retries, cache."""

    def __init__(
        self,
        config: CrawlConfig | None = None,
        *,
        politeness: Politeness | None = None,
        cache: ConditionalCache | None = None,
    ) -> None:
        self.config = config or CrawlConfig()
        self.politeness = politeness or InProcessPoliteness(
            self.config.concurrency_per_host, self.config.requests_per_second
        )
        self.cache = cache
        self.proxy = ProxySettings(self.config.proxy_env)
        self._session: aiohttp.ClientSession | None = None
        self.requests = 0  # HTTP requests sent, for progress and benchmarks
        self._private: dict[str, bool] = {}

    def _is_private(self, host: str) -> bool:
        """is_private_address, remembered per host name (for a name it costs an exception)."""
        private = self._private.get(host)
        if private is None:
            private = _remember(self._private, host, is_private_address(host))
        return private

    async def __aenter__(self) -> Fetcher:
        await self.open()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def open(self) -> None:
        if self._session is not None:
            return
        cfg = self.config
        connector = aiohttp.TCPConnector(
            limit=cfg.total_connections,
            limit_per_host=max(cfg.concurrency_per_host, cfg.external_concurrency_per_host) + 1,
            resolver=GuardedResolver(cfg.allow_private, self.proxy.hosts()),
            ttl_dns_cache=300,
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            timeout=aiohttp.ClientTimeout(
                total=None, connect=cfg.connect_timeout, sock_read=cfg.read_timeout
            ),
            headers={"User-Agent": cfg.user_agent, "Accept-Language": "bn,en;q=0.8"},
            trust_env=False,  # proxies are chosen per request by ProxySettings
            cookie_jar=aiohttp.DummyCookieJar(),
            auto_decompress=True,
            max_line_size=16384,
            max_field_size=16384,
        )

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def fetch(
        self,
        url: str,
        *,
        allowed_hosts: set[str] | None = None,
        headers_only: bool = False,
        conditional: bool = True,
        keep_body: bool = False,
        politeness: Politeness | None = None,
        retries: int | None = None,
    ) -> Fetched:
        """GET (or HEAD when headers_only) with retries for transient failures only.

        allowed_hosts: netlocs a redirect may lead to (None = any public host).
        """
        cfg = self.config
        retries = cfg.retries if retries is None else retries
        attempt = 0
        while True:
            fetched = await self._fetch_once(
                url, allowed_hosts, headers_only, conditional, keep_body, politeness
            )
            page = fetched.page
            wait: float | None = None
            if attempt < retries:
                if page.status in defaults.RETRY_STATUSES or page.status is None:
                    transient = page.status is not None or page.error in _TRANSIENT
                    if transient:
                        wait = min(cfg.retry_backoff * 2**attempt, cfg.retry_backoff_max)
                        if page.status == 429 and fetched.retry_after is not None:
                            if fetched.retry_after > cfg.retry_after_max:
                                wait = None  # the server asks for longer than we wait
                            else:
                                wait = max(wait, fetched.retry_after)
            if wait is None:
                return fetched
            attempt += 1
            await asyncio.sleep(wait)

    async def _fetch_once(
        self,
        url: str,
        allowed_hosts: set[str] | None,
        headers_only: bool,
        conditional: bool,
        keep_body: bool,
        politeness: Politeness | None,
    ) -> Fetched:
        cfg = self.config
        polite = politeness or self.politeness
        requested = url
        cached = (
            self.cache.get(url)
            if (self.cache is not None and conditional and not headers_only)
            else None
        )
        method = "HEAD" if headers_only else "GET"
        fetched_at = now_iso()
        hops = 0
        try:
            while True:
                parts = urlsplit(url)
                if parts.scheme not in ("http", "https") or not parts.hostname:
                    raise _Stop("invalid-url")
                netloc = parts.netloc.lower()
                # Literal addresses skip the resolver, so check them here (also via a proxy).
                if not cfg.allow_private and self._is_private(parts.hostname):
                    raise _Stop("private-address")
                if allowed_hosts is not None and netloc not in allowed_hosts:
                    raise _Stop("off-host-redirect")
                proxy = self.proxy.for_host(parts.scheme, parts.hostname)
                headers = {}
                if cached and hops == 0:
                    etag, last_modified, _ = cached
                    if etag:
                        headers["If-None-Match"] = etag
                    if last_modified:
                        headers["If-Modified-Since"] = last_modified
                async with polite.slot(netloc):
                    self.requests += 1
                    async with asyncio.timeout(cfg.total_timeout):
                        result = await self._request(
                            method, url, headers, proxy, requested, fetched_at, keep_body
                        )
                if isinstance(result, str):  # a redirect target
                    hops += 1
                    if hops > cfg.max_redirects:
                        raise _Stop("too-many-redirects")
                    url = result
                    continue
                result.redirects = hops
                page = result.page
                if page.status == 304 and cached:
                    page.status = 200
                    page.not_modified = True
                    page.text = cached[2]
                    page.body_bytes = len(page.text.encode("utf-8"))
                    page.sha256 = hashlib.sha256(page.text.encode("utf-8")).hexdigest()
                    result.etag = result.etag or cached[0]
                    result.last_modified = result.last_modified or cached[1]
                elif (
                    self.cache is not None
                    and page.ok
                    and page.text
                    and (result.etag or result.last_modified)
                    and not result.invalid_encoding
                ):
                    self.cache.put(requested, result.etag, result.last_modified, page.text)
                return result
        except _Stop as stop:
            error = stop.error
        except Exception as exc:  # noqa: BLE001 - mapped to an error class, or re-raised
            error, _ = _error_class(exc)
        return Fetched(
            FetchedPage(
                url=requested, final_url=url, status=None, fetched_at=fetched_at, error=error
            ),
            redirects=hops,
        )

    async def _request(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        proxy: str | None,
        requested: str,
        fetched_at: str,
        keep_body: bool,
    ) -> Fetched | str:
        cfg = self.config
        assert self._session is not None, "Fetcher.open() first"
        async with self._session.request(
            method, url, headers=headers, proxy=proxy, allow_redirects=False
        ) as resp:
            if resp.status in REDIRECT_STATUSES and resp.headers.get("Location"):
                return urljoin(url, resp.headers["Location"].strip())
            if proxy and resp.status in (502, 503, 504):
                error = _proxy_error(resp.headers)
                if error:  # the proxy could not reach the portal: say why, not "HTTP 502"
                    raise _Stop(error)
            content_type = resp.headers.get("Content-Type", "").lower()
            page = FetchedPage(
                url=requested,
                final_url=url,
                status=resp.status,
                content_type=content_type,
                fetched_at=fetched_at,
            )
            fetched = Fetched(
                page,
                etag=resp.headers.get("ETag", ""),
                last_modified=resp.headers.get("Last-Modified", ""),
            )
            fetched.retry_after = _retry_after(resp.headers.get("Retry-After"))
            textual = not content_type or any(
                t in content_type for t in ("html", "text/", "xml", "json")
            )
            if method == "HEAD" or resp.status == 304 or not textual:
                page.body_bytes = int(resp.headers.get("Content-Length", "0") or 0)
                return fetched
            declared = resp.content_length
            if (
                declared is not None
                and declared > cfg.max_bytes
                and "Content-Encoding" not in resp.headers
            ):
                page.error = "too-large"
                page.body_bytes = declared
                return fetched
            chunks = []
            size = 0
            read = resp.content.read
            # Whatever is buffered, up to 1 MiB a call: few awaits per page.
            while chunk := await read(1 << 20):
                size += len(chunk)
                if size > cfg.max_bytes:
                    # Decoded bytes are counted, so a gzip bomb stops here too.
                    page.error = "too-large"
                    page.body_bytes = size
                    return fetched
                chunks.append(chunk)
            body = b"".join(chunks)
            page.body_bytes = size
            page.sha256 = hashlib.sha256(body).hexdigest()
            page.text, fetched.invalid_encoding = _decode(body, content_type)
            if keep_body:
                fetched.body = body
            return fetched


# DNS failures are not retried: a missing name stays missing for seconds.
_TRANSIENT = frozenset({"refused", "connection", "timeout", "proxy"})
