"""A fixture farm served on 127.0.0.1 behind its loopback proxy, with its audit targets."""

import contextlib
import csv
import io

from tadarki.engine.audit import Target
from tadarki.farm.generate import build_farm
from tadarki.farm.proxy import LoopbackProxy
from tadarki.farm.server import FarmServer


@contextlib.contextmanager
def served_farm(portals: int, pages: int, seed: int = 1):
    """(farm, targets, proxy) while the farm and its proxy run."""
    farm = build_farm(portals, pages, seed)
    rows = list(csv.DictReader(io.StringIO(farm.csv_text())))
    targets = [Target(r["office"], r["url"], r.get("department", "")) for r in rows]
    with FarmServer(farm) as server, LoopbackProxy(server) as proxy:
        yield farm, targets, proxy


@contextlib.contextmanager
def farm_process(portals: int, pages: int, folder):
    """`python -m tadarki.farm serve` in a process of its own, for audits that must run no
    thread of ours (their workers are then forked): (proxy URL, offices CSV in `folder`)."""
    import re
    import subprocess
    import sys

    farm = subprocess.Popen(
        [sys.executable, "-m", "tadarki.farm", "serve", "--portals", str(portals)]
        + ["--pages", str(pages), "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+", farm.stdout.readline()).group(0)
        offices = folder / "offices.csv"
        offices.write_text(build_farm(portals, pages).csv_text(), encoding="utf-8")
        yield url, offices
    finally:
        farm.terminate()
        farm.wait(10)
