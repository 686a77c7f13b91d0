"""What a finished portal freed goes back to the system, portal by portal."""

import asyncio

from tests.engine.hostile.servers import ServerThread, portal_app

from tadarki.engine import audit as audit_module
from tadarki.engine import heap
from tadarki.engine.audit import AuditConfig, Target, audit_many
from tadarki.engine.crawl.config import CrawlConfig


def test_the_heap_is_given_back_after_each_portal(monkeypatch):
    given: list[int] = []
    monkeypatch.setattr(audit_module.heap, "give_back", lambda: given.append(1))
    crawl = CrawlConfig(allow_private=True, requests_per_second=0, max_pages=5, retries=0)
    with ServerThread(*[portal_app(pages=2) for _ in range(3)]) as urls:
        targets = [Target(f"অফিস {n}", url) for n, url in enumerate(urls)]
        result = asyncio.run(audit_many(targets, AuditConfig(crawl=crawl, portal_concurrency=2)))
    assert [p.reachable for p in result.portals] == [True] * 3
    assert len(given) == 3


def test_the_heap_top_is_kept_once_per_process(monkeypatch):
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(heap, "_mallopt", lambda option, value: calls.append((option, value)))
    monkeypatch.setattr(heap, "_tuned", False)
    heap.keep_top()
    heap.keep_top()  # once per process: the second call changes nothing
    assert calls == [(heap._M_TRIM_THRESHOLD, heap.KEPT_AT_TOP)]
