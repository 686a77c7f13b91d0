"""Every portal of an audit is judged on the audit's one judging thread (not a pool: each
extra thread that allocates costs a malloc arena that the process keeps)."""

import asyncio
import threading

from tests.engine.hostile.servers import ServerThread, portal_app

from tadarki.engine import audit as audit_module
from tadarki.engine.audit import AuditConfig, Target, audit_many
from tadarki.engine.crawl.config import CrawlConfig


def test_all_portals_are_judged_on_one_thread_off_the_event_loop(monkeypatch):
    threads: list[threading.Thread] = []
    judge = audit_module._judge

    def recording_judge(*args):
        threads.append(threading.current_thread())
        return judge(*args)

    monkeypatch.setattr(audit_module, "_judge", recording_judge)
    crawl = CrawlConfig(allow_private=True, requests_per_second=0, max_pages=10, retries=0)
    apps = [portal_app(pages=2) for _ in range(4)]
    with ServerThread(*apps) as urls:
        targets = [Target(f"অফিস {n}", url) for n, url in enumerate(urls)]
        result = asyncio.run(audit_many(targets, AuditConfig(crawl=crawl, portal_concurrency=4)))
    assert [p.reachable for p in result.portals] == [True] * 4
    assert len(threads) == 4
    assert len({t.ident for t in threads}) == 1
    assert threads[0] is not threading.main_thread()
    assert threads[0].name.startswith("tadarki-judge")
