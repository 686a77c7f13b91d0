"""Ever-growing relative URLs, deep paths and page caps cannot make the crawl endless."""

import asyncio

from aiohttp import web
from tests.engine.hostile.servers import SEEN, Seen, counting, fast_config, page_html, serve

from tadarki.engine.audit import AuditConfig, Target, audit_portal
from tadarki.engine.crawl.config import CrawlConfig
from tadarki.engine.crawl.links import UrlResolver, is_trap


def trap_app():
    """Every page links relatively, like NPF, so each hop nests one level deeper."""
    seen = Seen()
    app = web.Application(middlewares=[counting(seen)])
    app[SEEN] = seen

    async def any_page(request):
        links = ["site/page/a1/x", "site/photogallery/b2/y", "more/deeper/", "?page=2"]
        return web.Response(text=page_html("ফাঁদ", links), content_type="text/html")

    app.router.add_get("/{tail:.*}", any_page)
    return app


def crawl_trap(**crawl):
    async def run():
        app = trap_app()
        async with serve(app) as url:
            config = AuditConfig(crawl=fast_config(max_pages=400, max_depth=50, **crawl))
            portal = await audit_portal(Target("o", url + "site/page/start/home"), config)
            return portal, app[SEEN]

    return asyncio.run(run())


def test_nesting_relative_links_end_without_hitting_the_page_cap():
    portal, seen = crawl_trap()
    assert portal.pages_fetched < 100
    assert all(path.count("/site/") <= 2 for path in seen.paths)
    assert all(path.count("/") <= 14 for path in seen.paths)


def test_max_pages_caps_a_portal():
    async def run():
        app = trap_app()
        async with serve(app) as url:
            config = AuditConfig(crawl=fast_config(max_pages=7, max_repeated_segment=50))
            portal = await audit_portal(Target("o", url), config)
            return portal, app[SEEN]

    portal, seen = asyncio.run(run())
    assert portal.pages_fetched == 7
    assert sum(n for p, n in seen.paths.items() if p != "/robots.txt") == 7


def test_repeated_segments_and_depth_are_traps():
    config = CrawlConfig(max_repeated_segment=2, max_path_segments=6)
    assert is_trap("http://a.gov.bd/site/page/1/site/page/2/site/page/3", config)
    assert is_trap("http://a.gov.bd/a/b/c/d/e/f/g", config)
    assert not is_trap("http://a.gov.bd/site/view/sitemap//সাইট-ম্যাপ", config)
    assert is_trap("http://a.gov.bd/" + "x" * 3000, config)


def test_resolution_is_memoised_per_base_directory():
    resolver = UrlResolver()
    for page in range(50):
        for href in ("/", "site/page/x", "/pages/officers", "?q=1"):
            resolver.resolve(f"http://a.gov.bd/dir/page{page}", href)
    # "?q=1" depends on the whole page URL; the others are resolved once.
    assert resolver.misses == 3 + 50
    assert resolver.resolve("http://a.gov.bd/dir/p", "site/page/x") == (
        "http://a.gov.bd/dir/site/page/x"
    )


def test_no_target_hrefs_are_not_followed():
    resolver = UrlResolver()
    for href in ("nolink/কর্মচারীবৃন্দ", "#", "", "javascript:;", "http://", "mailto:a@b.c", "tel:1"):
        assert resolver.resolve("http://a.gov.bd/", href) is None
