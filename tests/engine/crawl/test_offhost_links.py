"""Links to other hosts are checked once (HEAD, then GET where HEAD is refused), never crawled."""

import asyncio

from aiohttp import web
from tests.engine.hostile.servers import (
    SEEN,
    Seen,
    counting,
    fast_config,
    page_html,
    portal_app,
    serve,
)

from tadarki.engine.audit import AuditConfig, Target, audit_many


def external_app():
    seen = Seen()
    app = web.Application(middlewares=[counting(seen)])
    app[SEEN] = seen

    async def ok(request):
        return web.Response(
            text=page_html("বাইরে", ["/deeper", "/deeper2"]), content_type="text/html"
        )

    async def no_head(request):
        if request.method == "HEAD":
            raise web.HTTPMethodNotAllowed("HEAD", ["GET"])
        return web.Response(text="ok", content_type="text/html")

    app.router.add_get("/ok", ok)
    app.router.add_route("*", "/no-head", no_head)
    return app


def test_external_links_are_checked_once_and_not_crawled():
    async def run():
        ext = external_app()
        async with serve(ext) as ext_url:
            links = [ext_url + "ok", ext_url + "no-head", ext_url + "gone"]
            first = portal_app(pages=1, external=links)
            second = portal_app(pages=1, external=links)
            async with serve(first) as a, serve(second) as b:
                result = await audit_many(
                    [Target("a", a), Target("b", b)], AuditConfig(crawl=fast_config())
                )
                return result.portals, ext[SEEN], ext_url

    portals, seen, ext_url = asyncio.run(run())
    assert seen.paths["/deeper"] == 0  # not crawled
    assert seen.paths["/ok"] == 1  # one HEAD for both portals
    assert seen.methods["HEAD"] == 3
    assert seen.paths["/no-head"] == 2  # HEAD refused with 405, then GET
    assert seen.paths["/gone"] == 1  # a 404 is not retried
    for portal in portals:
        assert not any(p.url.startswith(ext_url) for p in portal.pages)


def test_external_link_status_reaches_the_site():
    from tadarki.engine.crawl.crawler import SiteCrawler
    from tadarki.engine.crawl.fetcher import Fetcher
    from tadarki.engine.crawl.linkcheck import LinkChecker

    async def run():
        ext = external_app()
        async with serve(ext) as ext_url:
            links = [ext_url + "ok", ext_url + "gone"]
            async with serve(portal_app(pages=1, external=links)) as url:
                async with Fetcher(fast_config()) as fetcher:
                    crawler = SiteCrawler(fetcher, link_checker=LinkChecker(fetcher))
                    site = await crawler.crawl("o", url)
                    return site, ext_url, url

    site, ext_url, url = asyncio.run(run())
    assert site.links[ext_url + "ok"].status == 200
    gone = site.links[ext_url + "gone"]
    assert gone.broken and gone.sources == [url]
    assert site.links[url + "missing"].broken  # on-host links are checked by the crawl
    assert not site.links[url + "page/1"].broken
