"""Loopback, private and link-local addresses are refused unless configured."""

import asyncio

import pytest
from tests.engine.hostile.servers import SEEN, fast_config, portal_app, serve

from tadarki.engine.audit import AuditConfig, Target, audit_portal
from tadarki.engine.crawl.fetcher import Fetcher, is_private_address


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.1",
        "172.16.5.5",
        "169.254.169.254",
        "::1",
        "0.0.0.0",
        "::ffff:127.0.0.1",
        "fe80::1",
    ],
)
def test_private_ranges_are_recognised(host):
    assert is_private_address(host)


@pytest.mark.parametrize("host", ["103.48.16.5", "8.8.8.8", "2404:6800::1", "passport.gov.bd"])
def test_public_addresses_and_names_are_not_flagged(host):
    assert not is_private_address(host)


def fetch_private(url_of, **crawl):
    async def run():
        app = portal_app(pages=1)
        async with serve(app) as url, Fetcher(fast_config(**crawl)) as fetcher:
            page = (await fetcher.fetch(url_of(url))).page
            return page, app[SEEN]

    return asyncio.run(run())


def test_literal_loopback_address_is_refused_by_default():
    page, seen = fetch_private(lambda u: u, allow_private=False)
    assert page.status is None and page.error == "private-address"
    assert sum(seen.paths.values()) == 0


def test_a_name_resolving_to_loopback_is_refused():
    page, seen = fetch_private(lambda u: u.replace("127.0.0.1", "localhost"), allow_private=False)
    assert page.error == "private-address"
    assert sum(seen.paths.values()) == 0


def test_allow_private_lets_the_request_through():
    page, _ = fetch_private(lambda u: u.replace("127.0.0.1", "localhost"), allow_private=True)
    assert page.status == 200


def test_audit_of_a_private_portal_is_unreachable_private_address():
    async def run():
        async with serve(portal_app(pages=1)) as url:
            config = AuditConfig(crawl=fast_config(allow_private=False))
            return await audit_portal(Target("o", url), config)

    portal = asyncio.run(run())
    assert [(f.rule, f.subject) for f in portal.findings] == [
        ("portal.unreachable", "private-address")
    ]
