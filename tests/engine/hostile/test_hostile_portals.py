"""Each hostile portal ends with a clear finding or warning; the normal portal beside it in
the same audit is crawled in full."""

import asyncio

import pytest
from tests.engine.hostile.servers import (
    SEEN,
    closed_port_url,
    fast_config,
    hostile_app,
    portal_app,
    serve,
    silent_server,
)

from tadarki.engine.audit import AuditConfig, Target, audit_many


def audit_beside_normal(hostile_url_factory, **crawl):
    async def run():
        async with serve(portal_app(pages=5)) as normal, hostile_url_factory() as hostile:
            config = AuditConfig(crawl=fast_config(**crawl))
            result = await audit_many(
                [Target("hostile", hostile), Target("normal", normal)], config
            )
            return result.portals

    hostile, normal = asyncio.run(run())
    assert normal.reachable and normal.pages_fetched >= 6, normal
    return hostile


def unreachable_subject(portal):
    found = [f for f in portal.findings if f.rule == "portal.unreachable"]
    assert found, portal.findings
    assert not portal.reachable
    return found[0].subject


def hostile(kind):
    return lambda: serve(hostile_app(kind))


class _Fixed:
    def __init__(self, url):
        self.url = url

    async def __aenter__(self):
        return self.url

    async def __aexit__(self, *exc):
        return False


def test_port_that_never_answers_is_a_timeout():
    portal = audit_beside_normal(silent_server, retries=0)
    assert unreachable_subject(portal) == "timeout"


def test_refused_connection_is_reported_as_refused():
    url = closed_port_url()
    portal = audit_beside_normal(lambda: _Fixed(url))
    assert unreachable_subject(portal) == "refused"


def test_twenty_megabyte_page_stops_at_the_byte_cap():
    portal = audit_beside_normal(hostile("huge"), max_bytes=1024 * 1024, total_timeout=10)
    assert unreachable_subject(portal) == "too-large"


def test_gzip_bomb_stops_at_the_cap_after_decompression():
    portal = audit_beside_normal(hostile("gzip-bomb"), max_bytes=1024 * 1024, total_timeout=10)
    assert unreachable_subject(portal) == "too-large"
    home = portal.pages[0]
    assert home.error == "too-large"


def test_endless_redirects_are_capped():
    portal = audit_beside_normal(hostile("redirect-loop"), max_redirects=4)
    assert unreachable_subject(portal) == "too-many-redirects"


def test_page_that_never_finishes_times_out():
    portal = audit_beside_normal(hostile("drip"), total_timeout=0.6, retries=0)
    assert unreachable_subject(portal) == "timeout"


def test_invalid_utf8_is_decoded_with_replacement_and_recorded():
    portal = audit_beside_normal(hostile("invalid-utf8"))
    assert portal.reachable
    assert any(w.startswith("invalid-encoding:") for w in portal.warnings), portal.warnings


def test_malformed_html_is_crawled_without_crashing():
    portal = audit_beside_normal(hostile("malformed"))
    assert portal.reachable
    crawled = {p.url.rsplit("/", 2)[-2] + "/" + p.url.rsplit("/", 1)[-1] for p in portal.pages}
    assert "page/1" in crawled and "page/3" in crawled


def test_server_errors_on_the_home_page_are_http_5xx_after_retries():
    async def run():
        app = hostile_app("server-error")
        async with serve(app) as url, serve(portal_app(pages=2)) as normal:
            config = AuditConfig(crawl=fast_config(retries=2))
            result = await audit_many([Target("bad", url), Target("ok", normal)], config)
            return result.portals, app[SEEN]

    (bad, ok), seen = asyncio.run(run())
    assert unreachable_subject(bad) == "http-5xx"
    assert seen.paths["/"] == 3  # the first try and two retries
    assert ok.reachable


@pytest.mark.parametrize("kind", ["huge", "drip"])
def test_hostile_portal_does_not_stall_the_normal_one(kind):
    portal = audit_beside_normal(hostile(kind), max_bytes=512 * 1024, total_timeout=1.0, retries=0)
    assert portal.findings
