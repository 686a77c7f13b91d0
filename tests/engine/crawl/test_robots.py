"""robots.txt is honoured by default and can be switched off."""

import asyncio

from tests.engine.hostile.servers import SEEN, fast_config, portal_app, serve

from tadarki.engine.audit import AuditConfig, Target, audit_portal
from tadarki.engine.crawl.robots import RobotsRules

ROBOTS = "User-agent: *\nDisallow: /page/\n"


def crawl(robots, **crawl):
    async def run():
        app = portal_app(pages=4, robots=robots)
        async with serve(app) as url:
            portal = await audit_portal(Target("o", url), AuditConfig(crawl=fast_config(**crawl)))
            return portal, app[SEEN]

    return asyncio.run(run())


def test_disallowed_paths_are_not_fetched():
    portal, seen = crawl(ROBOTS)
    assert seen.paths["/robots.txt"] == 1
    assert not [p for p in seen.paths if p.startswith("/page/")]
    assert seen.paths["/"] == 1
    assert any(w.startswith("robots.txt:") for w in portal.warnings)


def test_respect_robots_false_crawls_everything():
    _, seen = crawl(ROBOTS, respect_robots=False)
    assert seen.paths["/robots.txt"] == 0
    assert seen.paths["/page/1"] == 1


def test_missing_robots_txt_allows_everything():
    _, seen = crawl(None)
    assert seen.paths["/page/4"] == 1


def test_a_home_page_closed_by_robots_is_blocked_not_unreachable():
    portal, seen = crawl("User-agent: Tadarki\nDisallow: /\n")
    assert seen.paths["/"] == 0
    assert [f.rule for f in portal.findings] == ["portal.blocked"]


def test_rules_for_our_agent_take_precedence():
    rules = RobotsRules("User-agent: Tadarki\nDisallow: /private\n\nUser-agent: *\nDisallow: /")
    assert rules.allowed("http://x.gov.bd/page")
    assert not rules.allowed("http://x.gov.bd/private/1")
