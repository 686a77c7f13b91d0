"""`serve --warm` renders every page up front, so a crawler is answered from the cache."""

import http.client
import re
import signal
import subprocess
import sys
from datetime import date

from tadarki.farm.generate import build_farm
from tadarki.farm.server import FarmResponder, known_paths

HOST = "passport.lakshmipur.gov.bd"


def test_warm_renders_every_known_page_and_its_gzip():
    farm = build_farm(9, 60, today=date(2026, 12, 1))
    responder = FarmResponder(farm, cache_size=10_000)
    held = responder.warm()
    assert held == len(responder.cache) > sum(len(p.pages) for p in farm.portals.values())
    assert responder.renders == 0 and not responder.requests  # warming is not traffic
    for path in known_paths(farm.portals[HOST]):
        answer = responder.answer(HOST, path, "")
        assert answer.gz is not None or len(answer.body) <= 256
    assert responder.renders == 0  # every one came from the cache
    assert responder.answer(HOST, "/no/such/page", "").status == 404
    assert responder.renders == 1


def test_without_warm_pages_render_on_first_request():
    responder = FarmResponder(build_farm(4, 20, today=date(2026, 12, 1)))
    assert responder.cache_size == 4096 and not responder.cache
    responder.answer(HOST, "/", "")
    responder.answer(HOST, "/", "")
    assert responder.renders == 1 and responder.requests[HOST] == 2


def test_serve_warm_then_reports_misses_on_sigusr1():
    args = ["serve", "--portals", "4", "--pages", "20", "--port", "0", "--warm"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "tadarki.farm", *args, "--cache-size", "5000"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        found = re.match(r"farm serving 4 portals on http://127.0.0.1:(\d+) \(warmed (\d+) ", line)
        assert found, line
        assert int(found[2]) > 4 * 20
        conn = http.client.HTTPConnection("127.0.0.1", int(found[1]), timeout=10)
        conn.request("GET", f"http://{HOST}/", headers={"Accept-Encoding": "gzip"})
        response = conn.getresponse()
        assert response.status == 200 and response.headers["Content-Encoding"] == "gzip"
        response.read()
        conn.close()
        proc.send_signal(signal.SIGUSR1)
        assert proc.stdout.readline().strip() == "farm stats: 1 requests, 0 rendered on demand"
    finally:
        proc.terminate()
        proc.wait(10)
