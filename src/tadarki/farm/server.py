"""One aiohttp server on 127.0.0.1 that answers for every host of a farm.

The host comes from the request target when it is absolute (`GET http://host/path`, what a
forward proxy receives, so the server can stand in for the proxy) and from the `Host`
header otherwise. Responses carry ETag and Last-Modified and honour If-None-Match /
If-Modified-Since with 304; bodies are gzipped when the client asks.

Pages are rendered on first request and kept in a small LRU; `FarmResponder.warm()` renders
(and gzips) every page of every portal up front, so a benchmark does not charge the first
crawler for the renders.

A host the farm does not know answers 502 with `X-Tadarki-Error: dns`, the way a proxy
reports a failed name lookup; an "unreachable" portal answers 502 with `connect`.

    with FarmServer(farm) as server:
        server.port, server.url, server.host_map()
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import logging
import signal
import threading
import unicodedata
from collections import Counter, OrderedDict
from datetime import UTC, datetime, time, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from time import perf_counter
from urllib.parse import unquote, urlsplit

from aiohttp import web

from tadarki.farm import catalogue as cat
from tadarki.farm.generate import Farm
from tadarki.farm.markup import NOT_FOUND_HTML, PDF_BYTES, render

ERROR_HEADER = "X-Tadarki-Error"
# Squid names the same failures this way; a crawler behind a real proxy can read either.
SQUID_ERRORS = {
    "dns": "ERR_DNS_FAIL 0",
    "connect": "ERR_CONNECT_FAIL 111",
    "tls": "ERR_CONNECT_FAIL 111",
}
ROBOTS = "User-agent: *\nDisallow: /admin/\nDisallow: /cdn-cgi/\n"


class Answer:
    __slots__ = ("status", "content_type", "body", "etag", "last_modified", "gz", "error")

    def __init__(
        self, status: int, content_type: str, body: bytes, last_modified: datetime, error: str = ""
    ):
        self.status = status
        self.content_type = content_type
        self.body = body
        self.etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        self.last_modified = last_modified
        self.gz: bytes | None = None
        self.error = error


class FarmResponder:
    """Turns (host, path, query) into an Answer; keeps a small cache of rendered pages."""

    def __init__(self, farm: Farm, cache_size: int = 4096):
        self.farm = farm
        self.cache: OrderedDict[tuple, Answer] = OrderedDict()
        self.cache_size = cache_size
        self.requests: Counter[str] = Counter()
        self.renders = 0  # answers computed on request, i.e. cache misses
        self.epoch = datetime.combine(farm.today, time(0), tzinfo=UTC)

    def answer(self, host: str, path: str, query: str) -> Answer:
        host = host.lower().rstrip(".")
        self.requests[host] += 1
        return self._cached(host, path, query, count=True)

    def _cached(self, host: str, path: str, query: str, count: bool) -> Answer:
        portal = self.farm.portals.get(host)
        version = portal.version if portal else 0
        key = (host, path, query, version)
        hit = self.cache.get(key)
        if hit is not None:
            self.cache.move_to_end(key)
            return hit
        self.renders += count
        answer = self._compute(host, path, query)
        self.cache[key] = answer
        if len(self.cache) > self.cache_size:
            self.cache.popitem(last=False)
        return answer

    def warm(self) -> int:
        """Render and gzip every page the farm knows; returns how many answers it holds.

        Warming more than `cache_size` answers only evicts the first ones again.
        """
        for host, portal in self.farm.portals.items():
            if portal.kind in ("normal", "blocked"):
                for path in known_paths(portal):
                    gzipped(self._cached(host, path, "", count=False))
        return len(self.cache)

    def _compute(self, host: str, path: str, query: str) -> Answer:
        html = "text/html; charset=utf-8"
        portal = self.farm.portals.get(host)
        if portal is not None and portal.kind in ("normal", "blocked"):
            modified = self.epoch - timedelta(days=1) + timedelta(minutes=portal.version)
            if path == "/robots.txt" and portal.kind == "normal":
                return Answer(200, "text/plain; charset=utf-8", ROBOTS.encode(), modified)
            down = portal.down.get(path)
            if down:
                return Answer(
                    503, html, b"<html><body>Service Unavailable</body></html>", modified, down
                )
            status, ctype, body = render(portal, path, query)
            return Answer(status, ctype, body, modified)
        if host in cat.FRIENDLY_HOSTS:
            if path.endswith(".pdf"):
                return Answer(200, "application/pdf", PDF_BYTES, self.epoch)
            body = f"<!DOCTYPE html><html><head><title>{host}</title></head><body><h1>{host}</h1></body></html>"
            return Answer(200, html, body.encode(), self.epoch)
        if host in cat.DEAD_HOSTS:
            status = cat.DEAD_HOSTS[host]
            return Answer(status, html, NOT_FOUND_HTML.encode(), self.epoch)
        error = "connect" if portal is not None and portal.kind == "unreachable" else "dns"
        return Answer(
            502, "text/plain; charset=utf-8", f"proxy error: {error}\n".encode(), self.epoch, error
        )


def known_paths(portal) -> list[str]:
    """The paths a portal answers, written as its own links write them."""
    paths = ["/robots.txt", "/", *portal.pages]
    if portal.kind != "normal":
        return paths
    if portal.generation != "G3":  # the footer links the sitemap as .../sitemap//সাইট-ম্যাপ
        paths.append(portal.list_path("sitemap").replace("sitemap/", "sitemap//"))
    own = f"http://{portal.host}"
    if portal.charter_pdf.startswith(own + "/"):
        paths.append(portal.charter_pdf.removeprefix(own))
    return paths


def gzipped(answer: Answer) -> bytes | None:
    """The gzipped body (made once and kept), or None when the body is too small to pack."""
    if len(answer.body) <= 256:
        return None
    if answer.gz is None:
        answer.gz = gzip.compress(answer.body, compresslevel=5)
    return answer.gz


def split_target(request: web.BaseRequest) -> tuple[str, str, str]:
    """(host, path, query) of a request in origin form or absolute form."""
    raw = request.raw_path
    if raw.lower().startswith(("http://", "https://")):
        parts = urlsplit(raw)
        host, path, query = parts.hostname or "", parts.path or "/", parts.query
    else:
        header = request.headers.get("Host", "")
        host = header.rsplit(":", 1)[0] if header.count(":") == 1 else header
        path, _, query = raw.partition("?")
    # Paths are compared after NFC: a page linked with precomposed য় is the same page.
    return host, unicodedata.normalize("NFC", unquote(path)), query


def not_modified(request: web.BaseRequest, answer: Answer) -> bool:
    if answer.status != 200:
        return False
    inm = request.headers.get("If-None-Match")
    if inm is not None:
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or answer.etag in tags or answer.etag[:-1] + '-gz"' in tags
    ims = request.headers.get("If-Modified-Since")
    if ims:
        try:
            return answer.last_modified <= parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
    return False


async def serve_farm(responder: FarmResponder, request: web.BaseRequest) -> web.StreamResponse:
    if request.method == "CONNECT":
        # The farm is http-only (see proxy.py): no TLS tunnel, so https never works.
        return web.Response(status=502, text="no TLS on the farm\n", headers={ERROR_HEADER: "tls"})
    host, path, query = split_target(request)
    answer = responder.answer(host, path, query)
    if answer.error == "reset":
        if request.transport is not None:
            request.transport.abort()
        raise ConnectionResetError("farm: page switched off")
    headers = {
        "ETag": answer.etag,
        "Last-Modified": format_datetime(answer.last_modified, usegmt=True),
    }
    if answer.error:
        headers[ERROR_HEADER] = answer.error
        if answer.error in SQUID_ERRORS:
            headers["X-Squid-Error"] = SQUID_ERRORS[answer.error]
    if answer.status == 403 and b"_cf_chl_opt" in answer.body:
        headers.update({"Server": "cloudflare", "cf-mitigated": "challenge"})
    else:
        headers["Server"] = "nginx"
    if not_modified(request, answer):
        return web.Response(status=304, headers=headers)
    body = answer.body
    packed = gzipped(answer) if "gzip" in request.headers.get("Accept-Encoding", "") else None
    if packed is not None:
        body = packed
        headers["Content-Encoding"] = "gzip"
        headers["ETag"] = answer.etag[:-1] + '-gz"'
    headers["Vary"] = "Accept-Encoding"
    headers["Content-Type"] = answer.content_type
    if request.method == "HEAD":
        headers["Content-Length"] = str(len(body))
        return web.Response(status=answer.status, headers=headers)
    return web.Response(status=answer.status, body=body, headers=headers)


class BackgroundServer:
    """An aiohttp low-level server run on its own event loop in a daemon thread."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.host = host
        self.port = port
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    async def handle(self, request: web.BaseRequest) -> web.StreamResponse:  # pragma: no cover
        raise NotImplementedError

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> BackgroundServer:
        self._thread = threading.Thread(target=self._run, name=type(self).__name__, daemon=True)
        self._thread.start()
        self._ready.wait(10)
        if self._error:
            raise self._error
        return self

    def _run(self) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._start())
        except BaseException as exc:  # reported to the starting thread
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self._runner.cleanup())
        self._loop.close()

    async def _start(self) -> None:
        server = web.Server(self.handle, access_log=None)
        self._runner = web.ServerRunner(server, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, backlog=512)
        await site.start()
        self.port = self._runner.addresses[0][1]

    def stop(self) -> None:
        if self._loop and self._thread:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class FarmServer(BackgroundServer):
    def __init__(self, farm: Farm, host: str = "127.0.0.1", port: int = 0):
        super().__init__(host, port)
        self.farm = farm
        self.responder = FarmResponder(farm)

    async def handle(self, request: web.BaseRequest) -> web.StreamResponse:
        return await serve_farm(self.responder, request)

    def host_map(self, closed_port: int | None = None) -> dict[str, tuple[str, int]]:
        """Host → (127.0.0.1, port) for the proxy; unreachable portals map to a closed port."""
        mapping = {host: (self.host, self.port) for host in self.farm.served_hosts()}
        dead = closed_port or free_port()
        mapping.update({host: ("127.0.0.1", dead) for host in self.farm.unreachable_hosts()})
        return mapping


def free_port() -> int:
    """A loopback port nobody listens on (bound and released at once)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def run_forever(
    farm: Farm, host: str, port: int, *, warm: bool = False, cache_size: int = 4096
) -> None:
    """Serve in the current loop until cancelled (the CLI's `serve`).

    With `warm`, every page is rendered before the "farm serving" line. SIGUSR1 prints
    "farm stats: R requests, M rendered on demand" (counted since the last SIGUSR1), so a
    benchmark can check that its crawlers were answered from the warm cache.
    """
    responder = FarmResponder(farm, cache_size)
    warmed = ""
    if warm:
        started = perf_counter()
        count = responder.warm()
        warmed = f" (warmed {count} answers in {perf_counter() - started:.1f} s)"
    server = web.Server(lambda r: serve_farm(responder, r), access_log=None)
    runner = web.ServerRunner(server)
    await runner.setup()
    await web.TCPSite(runner, host, port, backlog=512).start()
    logging.getLogger(__name__).info("farm on %s", runner.addresses)

    def report() -> None:
        requests = sum(responder.requests.values())
        print(
            f"farm stats: {requests} requests, {responder.renders} rendered on demand", flush=True
        )
        responder.requests.clear()
        responder.renders = 0

    asyncio.get_running_loop().add_signal_handler(signal.SIGUSR1, report)
    print(
        f"farm serving {len(farm.portals)} portals on http://{host}:{runner.addresses[0][1]}"
        + warmed,
        flush=True,
    )
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
