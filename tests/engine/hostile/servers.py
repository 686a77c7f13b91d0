"""Test servers on 127.0.0.1: a small well-behaved portal, hostile ones, and a proxy.

Each counts what it saw on the server side (requests, in flight, conditional hits), so
tests assert on what the crawler did, never on how long the test took.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import socket
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import cache

import aiohttp
from aiohttp import web


@dataclass
class Seen:
    """Server-side counters."""

    paths: Counter = field(default_factory=Counter)
    in_flight: int = 0
    max_in_flight: int = 0
    arrivals: list[float] = field(default_factory=list)
    not_modified: int = 0
    methods: Counter = field(default_factory=Counter)
    user_agents: set[str] = field(default_factory=set)

    def max_in_window(self, window: float) -> int:
        times = sorted(self.arrivals)
        best, start = 0, 0
        for end, t in enumerate(times):
            while t - times[start] >= window:
                start += 1
            best = max(best, end - start + 1)
        return best


SEEN = web.AppKey("seen", Seen)


def counting(seen: Seen, hold: float = 0.0):
    @web.middleware
    async def middleware(request: web.Request, handler):
        seen.paths[request.path_qs] += 1
        seen.methods[request.method] += 1
        seen.arrivals.append(time.monotonic())
        seen.user_agents.add(request.headers.get("User-Agent", ""))
        seen.in_flight += 1
        seen.max_in_flight = max(seen.max_in_flight, seen.in_flight)
        try:
            if hold:
                await asyncio.sleep(hold)  # keeps requests overlapping if the crawler lets them
            return await handler(request)
        finally:
            seen.in_flight -= 1

    return middleware


@asynccontextmanager
async def serve(app: web.Application, ssl_context=None) -> AsyncIterator[str]:
    """Run `app` on a free 127.0.0.1 port; yields its base URL (with trailing slash), https
    when given an `ssl_context`."""
    runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=ssl_context)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    scheme = "https" if ssl_context is not None else "http"
    try:
        yield f"{scheme}://127.0.0.1:{port}/"
    finally:
        await runner.cleanup()


def page_html(title: str, links: list[str], body: str = "") -> str:
    anchors = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><h1>{title}</h1><ul>{anchors}</ul>{body}</body></html>"
    )


def portal_app(
    seen: Seen | None = None,
    *,
    pages: int = 8,
    robots: str | None = None,
    external: list[str] = (),
    extra_links: list[str] = (),
    hold: float = 0.0,
    etags: bool = True,
) -> web.Application:
    """A tiny portal: / links to /page/1..N, each page links back, to a PDF and a 404."""
    seen = seen if seen is not None else Seen()
    app = web.Application(middlewares=[counting(seen, hold)])
    app[SEEN] = seen

    def respond(request: web.Request, html: str) -> web.Response:
        if not etags:
            return web.Response(text=html, content_type="text/html")
        tag = '"' + hashlib.sha1(html.encode()).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == tag:
            seen.not_modified += 1
            return web.Response(status=304, headers={"ETag": tag})
        return web.Response(text=html, content_type="text/html", headers={"ETag": tag})

    async def home(request):
        links = [f"/page/{i}" for i in range(1, pages + 1)]
        links += ["/docs/charter.pdf", "/missing", "nolink/কর্মচারীবৃন্দ", "#", "javascript:;"]
        links += list(external) + list(extra_links)
        return respond(request, page_html("হোম", links))

    async def page(request):
        n = request.match_info["n"]
        return respond(request, page_html(f"পাতা {n}", ["/", f"/page/{n}"], "<p>বিষয়বস্তু</p>"))

    async def pdf(request):
        return web.Response(body=b"%PDF-1.4 tiny", content_type="application/pdf")

    async def robots_txt(request):
        if robots is None:
            raise web.HTTPNotFound()
        return web.Response(text=robots, content_type="text/plain")

    app.router.add_get("/", home)
    app.router.add_get("/page/{n}", page)
    app.router.add_get("/docs/charter.pdf", pdf)
    app.router.add_get("/robots.txt", robots_txt)
    return app


@cache
def gzip_bomb(size: int = 64 * 1024 * 1024) -> bytes:
    """A gzip body of a few dozen KB that inflates to `size` bytes."""
    return gzip.compress(b"<p>" + b"\0" * size, compresslevel=9)


def hostile_app(kind: str, seen: Seen | None = None) -> web.Application:
    """A portal whose home page misbehaves in one way (`kind`)."""
    seen = seen if seen is not None else Seen()
    app = web.Application(middlewares=[counting(seen)])
    app[SEEN] = seen

    async def home(request: web.Request):
        if kind == "huge":  # 20 MB, streamed, no Content-Length
            response = web.StreamResponse(headers={"Content-Type": "text/html"})
            await response.prepare(request)
            chunk = b"<p>" + "ক".encode() * 20000 + b"</p>"
            sent = 0
            try:
                while sent < 20 * 1024 * 1024:
                    await response.write(chunk)
                    sent += len(chunk)
            except (ConnectionResetError, RuntimeError):
                pass
            return response
        if kind == "gzip-bomb":
            return web.Response(
                body=gzip_bomb(),
                headers={"Content-Type": "text/html", "Content-Encoding": "gzip"},
            )
        if kind == "redirect-loop":
            raise web.HTTPFound("/r/1")
        if kind == "drip":  # a page that never finishes
            response = web.StreamResponse(headers={"Content-Type": "text/html"})
            await response.prepare(request)
            try:
                while True:
                    await response.write(b"<")
                    await asyncio.sleep(0.05)
            except (ConnectionResetError, RuntimeError):
                return response
        if kind == "invalid-utf8":
            body = page_html("ভাঙা", ["/page/1"]).encode() + b"<p>\xff\xfe\xc3(\xa0\xa1</p>"
            return web.Response(body=body, headers={"Content-Type": "text/html; charset=utf-8"})
        if kind == "malformed":
            body = (
                "<html><body><a href='/page/1'>১<div><table><tr><td><a href=\"/page/2\"<<p>"
                "</b></i><a href=/page/3>৩</a><rt-renderer encoded-content='!!notbase64'>"
                "<a href='/page/4'</scr<!-- <a href='/x'> --><a href="
            )
            return web.Response(text=body, content_type="text/html")
        if kind == "server-error":
            raise web.HTTPServiceUnavailable()
        raise AssertionError(kind)

    async def redirect(request: web.Request):
        n = int(request.match_info["n"])
        raise web.HTTPFound(f"/r/{n + 1}")

    async def page(request: web.Request):
        return web.Response(text=page_html("পাতা", ["/"]), content_type="text/html")

    app.router.add_get("/", home)
    app.router.add_get("/r/{n}", redirect)
    app.router.add_get("/page/{n}", page)
    return app


@asynccontextmanager
async def silent_server() -> AsyncIterator[str]:
    """Accepts connections and never answers."""
    writers = []

    async def handle(reader, writer):
        writers.append(writer)
        await asyncio.sleep(3600)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        for writer in writers:
            writer.close()
        server.close()


def closed_port_url() -> str:
    """A port nothing listens on (connection refused)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}/"


def forward_proxy_app(routes: dict[str, str], log: list[str]) -> web.Application:
    """A loopback HTTP forward proxy: maps a host name to a local server, records requests."""

    async def handle(request: web.Request):
        target = str(request.url)
        log.append(target)
        host = request.url.host or ""
        upstream = routes.get(host)
        if upstream is None:
            return web.Response(status=502, text="unknown host")
        path = request.rel_url.path_qs
        async with aiohttp.ClientSession(auto_decompress=False) as session:
            async with session.request(
                request.method,
                upstream.rstrip("/") + path,
                headers={k: v for k, v in request.headers.items() if k.lower() != "host"},
                allow_redirects=False,
            ) as resp:
                body = await resp.read()
                headers = {
                    k: v
                    for k, v in resp.headers.items()
                    if k.lower() not in ("transfer-encoding", "content-length", "connection")
                }
                return web.Response(status=resp.status, body=body, headers=headers)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    return app


def fast_config(**overrides):
    """Crawl settings for loopback tests: private addresses allowed, short waits."""
    from tadarki.engine.crawl.config import CrawlConfig

    values = dict(
        allow_private=True,
        requests_per_second=0,
        concurrency_per_host=4,
        retries=1,
        retry_backoff=0.01,
        connect_timeout=1.0,
        read_timeout=1.0,
        total_timeout=2.0,
        max_pages=50,
    )
    values.update(overrides)
    return CrawlConfig(**values)


class ServerThread:
    """Runs apps in a background event loop, for code that calls asyncio.run() itself."""

    def __init__(self, *apps: web.Application) -> None:
        import threading

        self.apps = apps
        self.urls: list[str] = []
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)

    async def _main(self) -> None:
        from contextlib import AsyncExitStack

        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        async with AsyncExitStack() as stack:
            for app in self.apps:
                self.urls.append(await stack.enter_async_context(serve(app)))
            self._ready.set()
            await self._stop.wait()

    def __enter__(self) -> list[str]:
        self._thread.start()
        self._ready.wait(10)
        return self.urls

    def __exit__(self, *exc) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)
