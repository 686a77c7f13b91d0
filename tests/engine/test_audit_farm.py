"""The whole audit against the fixture farm, reached through its loopback proxy as a real
deployment reaches portals through HTTP_PROXY."""

import asyncio

import pytest
from tests.helpers.farm import served_farm

from tadarki.engine.audit import AuditConfig, audit_many
from tadarki.engine.crawl.config import CrawlConfig

farm_generate = pytest.importorskip("tadarki.farm.generate")
farm_server = pytest.importorskip("tadarki.farm.server")
farm_proxy = pytest.importorskip("tadarki.farm.proxy")


@pytest.fixture(scope="module")
def farm_and_runs(farm):
    farm, targets, proxy = farm
    return farm, targets, proxy, audit(proxy, targets), audit(proxy, targets)


@pytest.fixture(scope="module")
def farm():
    with served_farm(10, 12) as served:
        yield served


def audit(proxy, targets):
    config = AuditConfig(
        crawl=CrawlConfig(
            proxy_env={"HTTP_PROXY": proxy.url},
            requests_per_second=0,
            concurrency_per_host=4,
            retry_backoff=0.01,
        ),
        portal_concurrency=4,
    )
    return asyncio.run(audit_many(targets, config))


def test_farm_audit_is_deterministic_and_goes_through_the_proxy(farm_and_runs):
    farm, targets, proxy, first, second = farm_and_runs
    keys = [[(f.rule, f.subject, f.url) for f in p.findings] for p in first.portals]
    assert keys == [[(f.rule, f.subject, f.url) for f in p.findings] for p in second.portals]
    assert [p.score for p in first.portals] == [p.score for p in second.portals]
    hosts = {p.host for p in first.portals}
    assert hosts <= set(proxy.requests) | {""}  # every portal was asked for via the proxy
    reachable = [p for p in first.portals if p.reachable]
    assert len(reachable) >= len(targets) // 2
    crawled = [p for p in reachable if not any(f.rule == "portal.blocked" for f in p.findings)]
    assert crawled and all(p.pages_fetched >= 12 for p in crawled)


def test_farm_unreachable_and_blocked_portals_are_reported(farm_and_runs):
    farm, targets, proxy, result, _ = farm_and_runs
    truth = farm.truth()
    for portal in result.portals:
        expected = {d.rule for d in truth.get(portal.host, set())}
        got = {f.rule for f in portal.findings}
        if "portal.unreachable" in expected:
            assert "portal.unreachable" in got, portal.host
        if "portal.blocked" in expected:
            assert "portal.blocked" in got and "portal.unreachable" not in got, portal.host
