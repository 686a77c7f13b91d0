"""The fetcher's per-host answers (proxy choice, private address) are remembered, and the
in-process politeness without a rate limit is the bare per-host semaphore."""

from __future__ import annotations

import asyncio

from tadarki.engine.crawl.config import CrawlConfig
from tadarki.engine.crawl.fetcher import Fetcher, ProxySettings
from tadarki.engine.crawl.politeness import InProcessPoliteness


def test_proxy_choice_per_host_keeps_no_proxy():
    proxy = ProxySettings({"HTTP_PROXY": "127.0.0.1:3128", "NO_PROXY": "local.gov.bd"})
    for _ in range(2):  # the second answer comes from the memo
        assert proxy.for_url("http://dnc.manikganj.gov.bd/x") == "http://127.0.0.1:3128"
        assert proxy.for_url("http://local.gov.bd/") is None
        assert proxy.for_host("https", "dnc.manikganj.gov.bd") is None  # no HTTPS proxy


def test_private_address_answer_is_remembered_per_host():
    fetcher = Fetcher(CrawlConfig())
    assert fetcher._is_private("127.0.0.1") and fetcher._is_private("10.1.2.3")
    assert not fetcher._is_private("passport.lakshmipur.gov.bd")
    assert fetcher._private == {
        "127.0.0.1": True,
        "10.1.2.3": True,
        "passport.lakshmipur.gov.bd": False,
    }


def test_unlimited_rate_still_caps_requests_in_flight_per_host():
    polite = InProcessPoliteness(concurrency=2, rate=0)
    in_flight = {"a": 0, "b": 0}
    most = {"a": 0, "b": 0}

    async def request(host: str) -> None:
        async with polite.slot(host):
            in_flight[host] += 1
            most[host] = max(most[host], in_flight[host])
            await asyncio.sleep(0.001)
            in_flight[host] -= 1

    async def run() -> None:
        await asyncio.gather(*(request(h) for h in "ab" * 6))

    asyncio.run(run())
    assert most == {"a": 2, "b": 2} and in_flight == {"a": 0, "b": 0}


def test_a_crawl_delay_spaces_the_host_even_without_a_rate():
    polite = InProcessPoliteness(concurrency=4, rate=0)
    polite.set_min_interval("slow.gov.bd", 0.01)

    async def run() -> None:
        for _ in range(3):
            async with polite.slot("slow.gov.bd"):
                pass

    asyncio.run(run())
    assert "slow.gov.bd" in polite._next_slot  # the spaced path booked its slots
    assert "fast.gov.bd" not in polite._next_slot
