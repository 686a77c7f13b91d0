"""audit_portal fills page evidence into findings, reports progress, and survives rule bugs."""

import asyncio

import pytest
from tests.engine.hostile.servers import closed_port_url, fast_config, portal_app, serve

import tadarki.engine.audit as audit_module
from tadarki.engine.audit import AuditConfig, Target, audit_many, audit_portal


def run_portal(**kwargs):
    async def run():
        async with serve(portal_app(pages=2)) as url:
            portal = await audit_portal(
                Target("o", url), AuditConfig(crawl=fast_config()), **kwargs
            )
            return portal, url

    return asyncio.run(run())


def test_findings_carry_status_time_and_hash_of_their_page():
    pytest.importorskip("tadarki.engine.rules")
    portal, url = run_portal()
    broken = [f for f in portal.findings if f.rule == "link.broken"]
    assert broken, portal.findings  # the portal links to /missing, which answers 404
    pages = {p.url: p for p in portal.pages}
    for finding in broken:
        page = pages[finding.url]
        assert (finding.fetched_at, finding.sha256) == (page.fetched_at, page.sha256)
        assert finding.status is not None  # a rule may set the target's status itself
    assert portal.findings == sorted(portal.findings, key=lambda f: (f.rule, f.subject, f.url))


def test_progress_reports_pages_and_portal_done():
    events = []
    portal, _ = run_portal(progress=events.append)
    kinds = [e["event"] for e in events]
    assert kinds[0] == "portal-start" and kinds[-1] == "portal-done"
    assert kinds.count("page") == len(portal.pages)
    assert events[-1]["findings"] == len(portal.findings)


def test_a_failing_rule_pack_leaves_a_warning_not_a_crash(monkeypatch):
    def broken_judge(site, config, target):
        raise RuntimeError("rule bug")

    monkeypatch.setattr(audit_module, "_judge", broken_judge)
    portal, _ = run_portal()
    assert portal.reachable and portal.pages_fetched >= 3
    assert any("rules-error" in w for w in portal.warnings)


def test_audit_many_keeps_the_order_of_targets():
    async def run():
        async with serve(portal_app(pages=1)) as a, serve(portal_app(pages=1)) as b:
            targets = [Target("b", b), Target("dead", closed_port_url()), Target("a", a)]
            config = AuditConfig(crawl=fast_config(), portal_concurrency=3)
            return await audit_many(targets, config)

    result = asyncio.run(run())
    assert [p.office for p in result.portals] == ["b", "dead", "a"]
    assert result.started_at <= result.finished_at
