"""HTTP_PROXY / NO_PROXY are honoured; through a proxy the crawler resolves no names itself."""

import asyncio

from aiohttp import web
from tests.engine.hostile.servers import (
    SEEN,
    fast_config,
    forward_proxy_app,
    portal_app,
    serve,
)

from tadarki.engine.audit import AuditConfig, Target, audit_portal
from tadarki.engine.crawl.fetcher import ProxySettings

HOST = "passport.lakshmipur.gov.bd"  # never resolved: the proxy maps it to a local server


def audit_through_proxy(app, url=f"http://{HOST}/", **crawl):
    async def run():
        log: list[str] = []
        async with serve(app) as upstream:
            proxy = forward_proxy_app({HOST: upstream}, log)
            async with serve(proxy) as proxy_url:
                env = {"HTTP_PROXY": proxy_url, "NO_PROXY": "example.invalid"}
                config = AuditConfig(crawl=fast_config(proxy_env=env, **crawl))
                portal = await audit_portal(Target("o", url), config)
                return portal, log

    return asyncio.run(run())


def test_requests_go_through_the_proxy_without_local_dns():
    app = portal_app(pages=3)
    portal, log = audit_through_proxy(app, allow_private=False)
    assert portal.reachable, portal.findings
    assert portal.pages_fetched >= 4
    assert f"http://{HOST}/" in log
    assert all(entry.startswith(f"http://{HOST}/") for entry in log)
    assert app[SEEN].paths["/page/3"] == 1


def test_a_redirect_to_a_private_address_is_refused_even_through_the_proxy():
    app = web.Application()

    async def bounce(request):
        raise web.HTTPFound("http://10.0.0.1/admin")

    app.router.add_get("/", bounce)
    portal, log = audit_through_proxy(app, allow_private=False)
    assert [(f.rule, f.subject) for f in portal.findings] == [
        ("portal.unreachable", "private-address")
    ]
    assert not any("10.0.0.1" in entry for entry in log)


def test_no_proxy_bypasses_the_proxy():
    settings = ProxySettings({"HTTP_PROXY": "http://127.0.0.1:3128", "NO_PROXY": "gov.bd"})
    assert settings.for_url("http://dnc.manikganj.gov.bd/") is None
    assert settings.for_url("http://example.com/") == "http://127.0.0.1:3128"
    assert settings.for_url("https://example.com/") is None  # no HTTPS_PROXY given


def test_proxy_settings_read_the_environment(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "proxy.local:8080")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    assert ProxySettings().for_url("https://x.gov.bd/") == "http://proxy.local:8080"
