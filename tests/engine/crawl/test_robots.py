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


def test_longest_match_wins_and_allow_wins_a_tie():
    rules = RobotsRules(
        "User-agent: *\nDisallow: /site/\nAllow: /site/page/\nDisallow: /x\nAllow: /x"
    )
    assert rules.allowed("http://a.gov.bd/site/page/1")
    assert not rules.allowed("http://a.gov.bd/site/view/officer_list")
    assert rules.allowed("http://a.gov.bd/x")


def test_wildcards_end_anchor_and_percent_encoding():
    rules = RobotsRules("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?print=\nDisallow: /সাইট/")
    assert not rules.allowed("http://a.gov.bd/files/charter.pdf")
    assert rules.allowed("http://a.gov.bd/files/charter.pdf.html")
    assert not rules.allowed("http://a.gov.bd/page?print=1")
    assert not rules.allowed("http://a.gov.bd/%E0%A6%B8%E0%A6%BE%E0%A6%87%E0%A6%9F/1")


def test_groups_crawl_delay_and_empty_disallow():
    text = "User-agent: other\nDisallow: /\n\nUser-agent: tadarki\nCrawl-delay: 2\nDisallow:\n"
    rules = RobotsRules(text)
    assert rules.allowed("http://a.gov.bd/anything")
    assert rules.crawl_delay() == 2.0
    assert not RobotsRules(text, agent="other").allowed("http://a.gov.bd/")


def test_crawl_delay_spaces_requests_to_the_host():
    _, seen = crawl("User-agent: *\nCrawl-delay: 0.2\n", requests_per_second=0)
    assert len(seen.arrivals) >= 6
    # Server-side arrivals: at most 3 requests in any 0.5-second window at 0.2 s apart.
    assert seen.max_in_window(0.5) <= 3
