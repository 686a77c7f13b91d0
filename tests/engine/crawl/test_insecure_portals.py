"""portal.insecure, from a real crawl: a portal with no HTTPS at all, and one whose HTTPS has
an invalid (self-signed) certificate, audited over plain HTTP instead. The two causes get
different sentences and evidence."""

import asyncio
import shutil
import ssl
import subprocess
from urllib.parse import urlsplit

import pytest
from aiohttp import web
from tests.engine.hostile.servers import fast_config, portal_app, serve

from tadarki.engine.audit import AuditConfig, Target, audit_portal
from tadarki.engine.crawl.crawler import SiteCrawler
from tadarki.engine.crawl.fetcher import Fetcher


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def _insecure(portal):
    return [f for f in portal.findings if f.rule == "portal.insecure"]


def test_a_portal_without_https_is_insecure_for_want_of_it():
    async def run():
        async with serve(portal_app(pages=2)) as url:
            return await audit_portal(Target("o", url), AuditConfig(crawl=fast_config()))

    portal = asyncio.run(run())
    assert portal.reachable and portal.pages_fetched >= 2
    (finding,) = _insecure(portal)
    assert finding.evidence == "HTTPS: no answer"
    assert "কেবল অনিরাপদ (HTTP) সংযোগে খোলে" in finding.message_bn


def test_a_self_signed_certificate_is_a_tls_error(self_signed):
    async def run():
        async with serve(portal_app(pages=1), self_signed) as url:
            async with Fetcher(fast_config()) as fetcher:
                return (await fetcher.fetch(url)).page

    page = asyncio.run(run())
    assert page.status is None and page.error == "tls"


class _HttpsElsewhere(Fetcher):
    """The portal's HTTPS is the TLS server's port: the same host answers plain HTTP on one
    port and TLS on another, as a host does on 80 and 443."""

    def __init__(self, config, tls_url: str) -> None:
        super().__init__(config)
        self.tls_netloc = urlsplit(tls_url).netloc

    async def fetch(self, url, **kwargs):
        if url.startswith("https://"):
            url = f"https://{self.tls_netloc}/{url.split('/', 3)[3]}"
        return await super().fetch(url, **kwargs)


def test_a_portal_with_an_invalid_certificate_is_audited_over_http_and_reported(self_signed):
    async def run():
        async with (
            serve(portal_app(pages=2)) as plain,
            serve(web.Application(), self_signed) as tls,
        ):
            https = "https://" + plain.removeprefix("http://")
            async with _HttpsElsewhere(fast_config(), tls) as fetcher:
                return await SiteCrawler(fetcher).crawl("o", https)

    site = asyncio.run(run())
    assert site.home is not None and site.home.url.startswith("http://")  # audited over HTTP
    assert site.insecure and site.insecure_reason == "certificate"
    from tadarki.engine.rules import RulesConfig, judge

    (finding,) = [f for f in judge(site, RulesConfig()).findings if f.rule == "portal.insecure"]
    assert finding.evidence == "TLS: invalid certificate"
    assert "নিরাপত্তা সনদ (SSL সার্টিফিকেট) বৈধ নয়" in finding.message_bn
