"""A loopback HTTP forward proxy that maps real host names to farm ports.

The crawler runs through it exactly as it runs in production behind `HTTP_PROXY`: it sends
`GET http://passport.lakshmipur.gov.bd/ HTTP/1.1` and the proxy forwards the request to the
127.0.0.1 port the host map names, keeping the `Host` header.

Safety: the proxy only ever opens connections to loopback addresses. A host map entry
that is not loopback is refused when the proxy is built, and a host absent from the map
answers 502 with `X-Tadarki-Error: dns` (a failed name lookup), so nothing ever reaches
the internet.

HTTPS: the farm is http-only. `CONNECT` is answered 502 with `X-Tadarki-Error: tls`, so an
auditor probing `https://` finds no working HTTPS and every farm portal carries
`portal.insecure` in the ground truth.

    with FarmServer(farm) as farm_server, LoopbackProxy(farm_server) as proxy:
        os.environ["HTTP_PROXY"] = proxy.url
"""

from __future__ import annotations

import ipaddress
from collections import Counter
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

from tadarki.farm.server import ERROR_HEADER, SQUID_ERRORS, BackgroundServer, FarmServer

HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-connection",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "content-length",
}


def is_loopback(address: str) -> bool:
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


class LoopbackProxy(BackgroundServer):
    def __init__(
        self,
        target: dict[str, tuple[str, int]] | FarmServer,
        host: str = "127.0.0.1",
        port: int = 0,
        timeout: float = 10.0,
    ):
        super().__init__(host, port)
        host_map = target.host_map() if isinstance(target, FarmServer) else dict(target)
        for name, (address, _port) in host_map.items():
            if not is_loopback(address):
                raise ValueError(f"{name} maps to {address}: the proxy only connects to loopback")
        self.host_map = {name.lower(): value for name, value in host_map.items()}
        self.timeout = timeout
        self.requests: Counter[str] = Counter()
        self._session: aiohttp.ClientSession | None = None

    async def _start(self) -> None:
        await super()._start()
        self._session = aiohttp.ClientSession(
            auto_decompress=False,
            timeout=aiohttp.ClientTimeout(total=self.timeout),
            connector=aiohttp.TCPConnector(limit=200, force_close=False),
            trust_env=False,  # never chain to another proxy from the environment
        )

    def stop(self) -> None:
        if self._loop and self._session:
            import asyncio

            asyncio.run_coroutine_threadsafe(self._session.close(), self._loop).result(5)
        super().stop()

    async def handle(self, request: web.BaseRequest) -> web.StreamResponse:
        if request.method == "CONNECT":
            return refuse("tls", "no TLS on the farm")
        raw = request.raw_path
        if raw.lower().startswith("http://"):
            parts = urlsplit(raw)
            name, path = (parts.hostname or "").lower(), parts.path or "/"
            if parts.query:
                path += "?" + parts.query
        else:
            header = request.headers.get("Host", "")
            name, path = (
                (header.rsplit(":", 1)[0] if header.count(":") == 1 else header).lower(),
                raw,
            )
        self.requests[name] += 1
        destination = self.host_map.get(name)
        if destination is None:
            return refuse("dns", f"cannot resolve {name}")
        address, port = destination
        if not is_loopback(address):  # defence in depth; the constructor checked already
            return refuse("refused", f"{address} is not loopback")
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        headers["Host"] = name
        body = await request.read()
        assert self._session is not None
        try:
            async with self._session.request(
                request.method,
                f"http://{address}:{port}{path}",
                headers=headers,
                data=body or None,
                allow_redirects=False,
            ) as upstream:
                payload = await upstream.read()
                out = {k: v for k, v in upstream.headers.items() if k.lower() not in HOP_BY_HOP}
                if request.method == "HEAD":
                    return web.Response(status=upstream.status, headers=out)
                return web.Response(status=upstream.status, body=payload, headers=out)
        except aiohttp.ClientConnectorError:
            return refuse("connect", f"cannot connect to {name}")
        except (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError, aiohttp.ClientOSError):
            return refuse("reset", f"{name} dropped the connection")
        except TimeoutError:
            return web.Response(
                status=504, text="gateway time-out\n", headers={ERROR_HEADER: "timeout"}
            )


def refuse(error: str, message: str) -> web.Response:
    headers = {ERROR_HEADER: error}
    if error in SQUID_ERRORS:
        headers["X-Squid-Error"] = SQUID_ERRORS[error]
    return web.Response(status=502, text=message + "\n", headers=headers)
