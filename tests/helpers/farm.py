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
