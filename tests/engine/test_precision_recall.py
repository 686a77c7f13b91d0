"""The real audit over the fixture farm: precision and recall per rule against ground truth.

The crawler goes through the loopback proxy named by HTTP_PROXY, exactly as it runs in
production; the farm answers for real host names (passport.lakshmipur.gov.bd, …) with G1,
G2 and G3 portals carrying declared defects, three clean controls and three portals that
fail as a whole (closed port, unknown name, bot challenge); then synthetic portals.
"""

import asyncio
from datetime import date

import pytest

from tadarki.farm.generate import build_farm
from tadarki.farm.proxy import LoopbackProxy
from tadarki.farm.server import FarmServer
from tadarki.farm.truth import compare

audit = pytest.importorskip("tadarki.engine.audit")
crawl_config = pytest.importorskip("tadarki.engine.crawl.config")
if not hasattr(audit, "audit_many"):
    pytest.skip("tadarki.engine.audit.audit_many is not there yet", allow_module_level=True)

MIN_PRECISION = 0.95
MIN_RECALL = 0.9


def run_audit(farm, monkeypatch, hosts=None):
    with FarmServer(farm) as server, LoopbackProxy(server) as proxy:
        for name in ("NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy", "http_proxy"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        targets = [
            audit.Target(office, url, department)
            for office, url, department in farm.targets()
            if hosts is None or url.split("/")[2] in hosts
        ]
        # Politeness off: the farm is ours and on loopback; everything else is the default.
        config = audit.AuditConfig(
            crawl=crawl_config.CrawlConfig(requests_per_second=0, concurrency_per_host=4),
            portal_concurrency=len(targets),
        )
        result = asyncio.run(audit.audit_many(targets, config))
    return result.to_json()


def test_precision_and_recall_per_rule(monkeypatch):
    # The 18 named portals (every rule in every generation, controls, whole-portal failures)
    # and 12 synthetic ones with seeded random defect mixes.
    farm = build_farm(30, today=date.today())
    report = run_audit(farm, monkeypatch)
    comparison = compare(farm.truth(), report, farm.dont_care())
    print("\n" + comparison.table() + "\n" + comparison.details())
    below = {
        rule: (round(s.precision, 2), round(s.recall, 2))
        for rule, s in comparison.scores.items()
        if s.precision < MIN_PRECISION or s.recall < MIN_RECALL
    }
    assert not below, f"rules below precision {MIN_PRECISION} / recall {MIN_RECALL}: {below}"
    templates = {p["host"]: p["template"] for p in report["portals"]}
    for host, portal in farm.portals.items():
        if portal.kind == "normal":
            assert templates[host] == portal.generation, host


def test_fixed_defect_is_gone_on_the_next_round(monkeypatch):
    farm = build_farm(3, today=date.today())
    host = "dnc.chuadanga.gov.bd"
    defect = next(d for d in sorted(farm.truth()[host], key=str) if d.rule == "menu.empty-submenu")

    def subjects():
        report = run_audit(farm, monkeypatch, {host})
        return {(f["rule"], f["subject"]) for f in report["portals"][0]["findings"]}

    assert (defect.rule, defect.subject) in subjects()
    farm.fix(host, defect.rule, defect.subject)
    assert (defect.rule, defect.subject) not in subjects()
