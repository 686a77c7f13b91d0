"""The farm server answers by Host header and by absolute URI, with 304s, gzip and robots."""

import gzip
import http.client
from datetime import date

import pytest

from tadarki.farm.generate import build_farm
from tadarki.farm.server import FarmServer

HOST = "passport.lakshmipur.gov.bd"


@pytest.fixture(scope="module")
def server():
    with FarmServer(build_farm(9, 60, today=date(2026, 12, 1))) as srv:
        yield srv


def get(server, target, headers=None, method="GET"):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request(method, target, headers={"Host": HOST, **(headers or {})})
        resp = conn.getresponse()
        return resp.status, resp.headers, resp.read()
    finally:
        conn.close()


def test_host_header_selects_the_portal(server):
    status, headers, body = get(server, "/", {"Host": "dnc.chuadanga.gov.bd"})
    assert status == 200
    assert b'data-widget_name="MenusExpandableWidget"' in body
    status, _, body = get(server, "/")
    assert status == 200 and b"meganizr" in body and b"dnc.chuadanga" not in body


def test_absolute_uri_overrides_host_header(server):
    status, _, body = get(server, "http://dnc.manikganj.gov.bd/", {"Host": "ignored.example"})
    assert status == 200
    assert "মাদকদ্রব্য নিয়ন্ত্রণ".encode() in body


def test_etag_and_last_modified_give_304(server):
    status, headers, _ = get(server, "/")
    assert status == 200 and headers["ETag"] and headers["Last-Modified"]
    assert get(server, "/", {"If-None-Match": headers["ETag"]})[0] == 304
    assert get(server, "/", {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert get(server, "/", {"If-None-Match": '"other"'})[0] == 200


def test_gzip_only_when_asked(server):
    _, plain_headers, plain = get(server, "/")
    _, headers, packed = get(server, "/", {"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in plain_headers
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed) == plain


def test_head_has_headers_and_no_body(server):
    status, headers, body = get(server, "/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000


def test_robots_per_host_and_unknown_host(server):
    status, _, body = get(server, "/robots.txt")
    assert status == 200 and body.startswith(b"User-agent: *")
    status, headers, _ = get(server, "http://nowhere.example.org/")
    assert status == 502 and headers["X-Tadarki-Error"] == "dns"


def test_off_host_friends_and_dead_hosts(server):
    assert get(server, "http://www.grs.gov.bd/")[0] == 200
    assert get(server, "http://old-portal.gov.bd/x")[0] == 404
    assert get(server, "http://legacy-server.gov.bd/x")[0] == 500


def test_blocked_portal_serves_a_challenge(server):
    status, headers, body = get(server, "http://fireservice.pabna.gov.bd/")
    assert status == 403 and b"window._cf_chl_opt" in body and b"Just a moment..." in body


def test_paths_match_after_nfc(server):
    """A link written with precomposed য় (U+09DF) reaches the same page as the NFC one."""
    from urllib.parse import quote

    portal = server.farm.portals[HOST]
    path = next(p for p in portal.pages if "\u09af\u09bc" in p)
    old_form = path.replace("\u09af\u09bc", "\u09df")
    assert get(server, quote(old_form))[0] == get(server, quote(path))[0] == 200
