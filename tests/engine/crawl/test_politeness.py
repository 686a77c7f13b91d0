"""Never more than N requests in flight per host, and the rate is kept (server-side counts)."""

import asyncio
import os
import time

import pytest
from tests.engine.hostile.servers import SEEN, fast_config, portal_app, serve

from tadarki.engine.audit import AuditConfig, Target, audit_portal
from tadarki.engine.crawl.politeness import InProcessPoliteness, RedisPoliteness


def crawl_counted(politeness=None, *, pages=12, hold=0.05, **crawl):
    async def run():
        app = portal_app(pages=pages, hold=hold)
        async with serve(app) as url:
            config = AuditConfig(crawl=fast_config(**crawl))
            portal = await audit_portal(Target("o", url), config, politeness=politeness)
            return portal, app[SEEN]

    return asyncio.run(run())


def test_in_flight_requests_per_host_never_exceed_the_limit():
    portal, seen = crawl_counted(concurrency_per_host=2)
    assert portal.pages_fetched >= 13
    assert seen.max_in_flight == 2  # the server held each request, so 2 did overlap


def test_a_single_slot_serialises_requests():
    _, seen = crawl_counted(concurrency_per_host=1)
    assert seen.max_in_flight == 1


def test_request_rate_per_host_is_respected():
    # 10 requests/second: any 0.5-second window holds at most 5 (+1 for the window edge).
    _, seen = crawl_counted(concurrency_per_host=4, requests_per_second=10, hold=0, pages=10)
    assert sum(seen.paths.values()) >= 10
    assert seen.max_in_window(0.5) <= 6


def test_in_process_politeness_keeps_hosts_apart():
    polite = InProcessPoliteness(concurrency=1, rate=0)
    state = {"a": 0, "max_a": 0, "b_ran_during_a": False}

    async def use(host, hold):
        async with polite.slot(host):
            if host == "a":
                state["a"] += 1
                state["max_a"] = max(state["max_a"], state["a"])
                await asyncio.sleep(hold)
                state["a"] -= 1
            else:
                state["b_ran_during_a"] = state["a"] > 0

    async def run():
        await asyncio.gather(use("a", 0.05), use("a", 0.05), use("b", 0))

    asyncio.run(run())
    assert state["max_a"] == 1
    assert state["b_ran_during_a"]  # another host is not held up by a busy one


REDIS_URL = os.getenv("TADARKI_TEST_REDIS", "redis://127.0.0.1:6379/15")


@pytest.mark.integration
def test_redis_politeness_limits_concurrency_across_instances():
    import redis.asyncio

    async def run():
        client = redis.asyncio.Redis.from_url(REDIS_URL)
        prefix = f"tadarki:test:{os.getpid()}:"
        # Two instances stand for two worker processes sharing one Redis.
        first = RedisPoliteness(client, concurrency=2, rate=0, prefix=prefix)
        second = RedisPoliteness(client, concurrency=2, rate=0, prefix=prefix)
        app = portal_app(pages=0, hold=0.1)
        async with serve(app) as url:
            host = url.split("/")[2]
            config = AuditConfig(crawl=fast_config(concurrency_per_host=4))
            await asyncio.gather(
                *(
                    audit_portal(Target(str(i), url + f"page/{i}"), config, politeness=p)
                    for i, p in enumerate([first, second, first, second, first, second])
                )
            )
            keys = await client.keys(prefix + "*")
            holders = await client.zcard(f"{prefix}{host}:holders")
        await client.aclose()
        return app[SEEN], keys, holders

    seen, keys, holders = asyncio.run(run())
    assert sum(seen.paths.values()) >= 6
    assert seen.max_in_flight == 2
    assert holders == 0  # every slot was given back


@pytest.mark.integration
def test_redis_politeness_spaces_requests_by_the_rate():
    import redis.asyncio

    async def run():
        client = redis.asyncio.Redis.from_url(REDIS_URL)
        prefix = f"tadarki:test:rate:{os.getpid()}:"
        polite = [RedisPoliteness(client, concurrency=4, rate=10, prefix=prefix) for _ in range(2)]
        app = portal_app(pages=10)
        async with serve(app) as url:
            config = AuditConfig(crawl=fast_config(concurrency_per_host=4))
            await asyncio.gather(
                audit_portal(Target("a", url), config, politeness=polite[0]),
                audit_portal(Target("b", url), config, politeness=polite[1]),
            )
        await client.aclose()
        return app[SEEN]

    seen = asyncio.run(run())
    assert sum(seen.paths.values()) >= 20
    assert seen.max_in_window(0.5) <= 6


def test_a_stalled_event_loop_does_not_turn_waiting_requests_into_a_burst():
    polite = InProcessPoliteness(concurrency=4, rate=10)  # one request per 0.1 s
    starts: list[float] = []

    async def request() -> None:
        async with polite.slot("portal.gov.bd"):
            starts.append(time.monotonic())

    async def run() -> None:
        waiting = [asyncio.ensure_future(request()) for _ in range(4)]
        await asyncio.sleep(0.01)  # all four have booked their slots and sleep
        time.sleep(0.35)  # the loop is busy (a big page parsed) past three of the slots
        await asyncio.gather(*waiting)

    asyncio.run(run())
    gaps = [later - earlier for earlier, later in zip(starts, starts[1:], strict=False)]
    assert len(starts) == 4 and min(gaps) >= 0.095
