"""Redirects: hops are capped and checked; a moved home page is followed, other pages are not
led off the portal."""

import asyncio

from aiohttp import web
from tests.engine.hostile.servers import SEEN, fast_config, page_html, portal_app, serve

from tadarki.engine.audit import AuditConfig, Target, audit_portal


def bouncer(target_of):
    app = web.Application()

    async def home(request):
        raise web.HTTPMovedPermanently(target_of(request))

    async def links(request):
        return web.Response(text=page_html("হোম", ["/away"]), content_type="text/html")

    app.router.add_get("/", home)
    app.router.add_get("/links", links)
    app.router.add_get("/away", home)
    return app


def test_a_home_page_moved_to_another_host_is_followed_and_noted():
    async def run():
        new = portal_app(pages=2)
        async with serve(new) as new_url:
            async with serve(bouncer(lambda r: new_url)) as old_url:
                portal = await audit_portal(Target("o", old_url), AuditConfig(crawl=fast_config()))
                return portal, new[SEEN]

    portal, seen = asyncio.run(run())
    assert portal.reachable
    assert seen.paths["/page/2"] == 1
    assert any(w.startswith("home-moved:") for w in portal.warnings)


def test_an_inner_page_redirecting_off_the_portal_is_not_followed():
    async def run():
        other = portal_app(pages=1)
        async with serve(other) as other_url:
            app = bouncer(lambda r: other_url)
            async with serve(app) as url:
                target = Target("o", url + "links")
                portal = await audit_portal(target, AuditConfig(crawl=fast_config()))
                return portal, other[SEEN]

    portal, seen = asyncio.run(run())
    away = next(p for p in portal.pages if p.url.endswith("/away"))
    assert away.error == "off-host-redirect"
    assert seen.paths["/"] == 0
