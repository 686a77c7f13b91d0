"""The loopback proxy maps real names to farm ports and never leaves 127.0.0.1."""

import http.client
from datetime import date

import pytest

from tadarki.farm.generate import build_farm
from tadarki.farm.proxy import LoopbackProxy
from tadarki.farm.server import FarmServer


@pytest.fixture(scope="module")
def proxy():
    with FarmServer(build_farm(9, 60, today=date(2026, 12, 1))) as srv, LoopbackProxy(srv) as px:
        yield px


def via(proxy, url, method="GET"):
    conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
    try:
        conn.request(method, url)
        resp = conn.getresponse()
        return resp.status, resp.headers, resp.read()
    finally:
        conn.close()


def test_maps_farm_names(proxy):
    status, _, body = via(proxy, "http://passport.lakshmipur.gov.bd/")
    assert status == 200 and "লক্ষ্মীপুর".encode() in body
    status, _, body = via(proxy, "http://dnc.chuadanga.gov.bd/views/info-officers")
    assert status == 200 and b"InfoOfficersViewWidget" in body


def test_unknown_names_fail_like_dns(proxy):
    for url in ("http://www.google.com/", "http://dnc.bogura.gov.bd/"):
        status, headers, _ = via(proxy, url)
        assert status == 502 and headers["X-Tadarki-Error"] == "dns"
    assert proxy.requests["www.google.com"] == 1


def test_unreachable_portal_maps_to_a_closed_port(proxy):
    status, headers, _ = via(proxy, "http://passport.rangpur.gov.bd/")
    assert status == 502 and headers["X-Tadarki-Error"] == "connect"


def test_connect_is_refused(proxy):
    conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
    conn.set_tunnel("passport.lakshmipur.gov.bd", 443)
    with pytest.raises(OSError, match="502"):
        conn.request("GET", "/")
    conn.close()


def test_non_loopback_targets_are_refused():
    with pytest.raises(ValueError, match="loopback"):
        LoopbackProxy({"passport.lakshmipur.gov.bd": ("93.184.216.34", 80)})


def test_conditional_requests_pass_through(proxy):
    _, headers, _ = via(proxy, "http://passport.lakshmipur.gov.bd/")
    conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
    conn.request(
        "GET", "http://passport.lakshmipur.gov.bd/", headers={"If-None-Match": headers["ETag"]}
    )
    assert conn.getresponse().status == 304
    conn.close()
