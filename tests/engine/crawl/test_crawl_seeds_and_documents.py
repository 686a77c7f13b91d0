"""Template seeds are requested, documents are recorded by their headers, the UA is named."""

import asyncio

from aiohttp import web
from tests.engine.hostile.servers import SEEN, Seen, counting, fast_config, portal_app, serve

from tadarki.engine.audit import AuditConfig, Target, audit_portal
from tadarki.engine.crawl.crawler import SiteCrawler
from tadarki.engine.crawl.fetcher import Fetcher

G3_HOME = """<html><body><div data-widget_name="MenuWidget"><a href="/pages/static-pages/abc">পাতা</a>
</div><rt-renderer encoded-content="PGEgaHJlZj0iL3BhZ2VzL2hpZGRlbiI+PC9hPg=="></rt-renderer>
</body></html>"""


def g3_app():
    seen = Seen()
    app = web.Application(middlewares=[counting(seen)])
    app[SEEN] = seen

    async def home(request):
        return web.Response(text=G3_HOME, content_type="text/html")

    async def other(request):
        return web.Response(text="<html><body><p>x</p></body></html>", content_type="text/html")

    app.router.add_get("/", home)
    app.router.add_get("/{tail:.+}", other)
    return app


def test_g3_seeds_and_rt_renderer_links_are_crawled():
    async def run():
        app = g3_app()
        async with serve(app) as url, Fetcher(fast_config()) as fetcher:
            site = await SiteCrawler(fetcher).crawl("o", url)
            return site, app[SEEN]

    site, seen = asyncio.run(run())
    for path in ("/views/sitemap", "/pages/officers", "/views/info-officers", "/pages/notices"):
        assert seen.paths[path] == 1, path
    assert seen.paths["/pages/hidden"] == 1  # found only inside the encoded body
    assert seen.paths["/pages/static-pages/abc"] == 1
    vias = {p.url.split("/", 3)[-1]: p.found_via for p in site.pages.values()}
    assert vias["views/sitemap"] == "seed" and vias["pages/static-pages/abc"] == "link"


def test_pdf_is_recorded_by_head_and_not_downloaded():
    async def run():
        app = portal_app(pages=1)
        async with serve(app) as url:
            portal = await audit_portal(Target("o", url), AuditConfig(crawl=fast_config()))
            return portal, app[SEEN], url

    portal, seen, url = asyncio.run(run())
    pdf = next(p for p in portal.pages if p.url.endswith(".pdf"))
    assert pdf.status == 200 and pdf.content_type == "application/pdf" and pdf.sha256 is None
    assert seen.methods["HEAD"] == 1 and seen.paths["/docs/charter.pdf"] == 1


def test_requests_carry_the_named_user_agent():
    async def run():
        app = portal_app(pages=1)
        async with serve(app) as url:
            await audit_portal(Target("o", url), AuditConfig(crawl=fast_config()))
            return app[SEEN]

    seen = asyncio.run(run())
    (agent,) = seen.user_agents
    assert agent.startswith("Tadarki/") and "+https://" in agent


def test_the_user_agent_names_the_deployments_contact_url(monkeypatch):
    from tadarki.engine.crawl import defaults
    from tadarki.engine.crawl.config import CrawlConfig

    monkeypatch.setenv("TADARKI_CONTACT_URL", "https://ict.example.gov.bd/crawler")
    assert "(+https://ict.example.gov.bd/crawler; portal audit)" in CrawlConfig().user_agent
    given = defaults.user_agent("https://other.example/")
    assert given.endswith("(+https://other.example/; portal audit)")
    monkeypatch.delenv("TADARKI_CONTACT_URL")
    assert f"(+{defaults.PROJECT_URL};" in CrawlConfig().user_agent


def test_keep_bodies_gives_page_snapshots_and_hashes():
    import hashlib

    async def run():
        async with serve(portal_app(pages=2)) as url:
            config = AuditConfig(crawl=fast_config())
            return await audit_portal(Target("o", url), config, keep_bodies=True)

    portal = asyncio.run(run())
    html_pages = [
        p for p in portal.pages if p.content_type.startswith("text/html") and p.status == 200
    ]
    assert len(html_pages) == 3
    for record in html_pages:
        assert record.body and hashlib.sha256(record.body).hexdigest() == record.sha256
