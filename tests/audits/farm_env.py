"""The fixture farm behind a loopback proxy, registered as offices, for end-to-end tests.

Imported by tests/audits, tests/browser and tests/integration
(`from tests.audits.farm_env import ...`)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.helpers.org import ministry_and_division

from tadarki.farm import catalogue
from tadarki.farm.generate import build_farm
from tadarki.farm.proxy import LoopbackProxy
from tadarki.farm.server import FarmServer

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

# Department name (as the farm writes it) → registry code.
CODES = {names[0]: key for key, names in catalogue.DEPARTMENTS.items()}

FAST_CRAWL = {
    "requests_per_second": 0,
    "concurrency_per_host": 4,
    "retries": 0,
    # Generous: the farm answers at once, but a loaded CI machine must not turn into
    # spurious broken links and make two rounds differ.
    "connect_timeout": 5.0,
    "read_timeout": 10.0,
    "total_timeout": 20.0,
}


class CountingFarmServer(FarmServer):
    """The farm, counting answers by status and by (status, path), e.g. the 304s."""

    def __init__(self, farm) -> None:
        super().__init__(farm)
        self.statuses: Counter[int] = Counter()
        self.answers: Counter[tuple[int, str]] = Counter()

    async def handle(self, request):
        response = await super().handle(request)
        self.statuses[response.status] += 1
        self.answers[(response.status, path_of(request.raw_path))] += 1
        return response

    def reset_counts(self) -> None:
        self.statuses.clear()
        self.answers.clear()


@contextmanager
def farm_running(portals: int = 3, pages: int = 12, seed: int = 1):
    with farm_served(portals, pages, seed) as (farm, _server, proxy):
        yield farm, proxy


@contextmanager
def farm_served(portals: int = 3, pages: int = 12, seed: int = 1):
    """Like farm_running, also yielding the (counting) farm server."""
    farm = build_farm(portals, pages, seed)
    with CountingFarmServer(farm) as server, LoopbackProxy(server) as proxy:
        yield farm, server, proxy


def use_farm(settings, proxy) -> None:
    """Point the crawler at the farm: private addresses allowed, through the proxy only."""
    settings.TADARKI_ALLOW_PRIVATE = True
    settings.TADARKI_HTTP_PROXY = proxy.url
    settings.TADARKI_CRAWL = dict(FAST_CRAWL)
    settings.TADARKI_USE_CELERY = False


def register_farm(farm) -> dict:
    """Ministry → division → the farm's departments → one office per farm portal."""
    from tadarki.registry.models import OrgUnit

    K = OrgUnit.Kind
    _ministry, division = ministry_and_division()
    units = {"division": division}
    for host, portal in farm.portals.items():
        key = CODES.get(portal.department, portal.department)
        if key not in units:
            units[key] = OrgUnit.objects.create(
                kind=K.DEPARTMENT, code=key, name_bn=portal.department, parent=division
            )
        units[host] = OrgUnit.objects.create(
            kind=K.OFFICE,
            office_kind="district",
            code=host.replace(".", "-"),
            name_bn=portal.office,
            parent=units[key],
            portal_url=f"http://{host}/",
        )
    return units


def path_of(url: str) -> str:
    return unquote(urlsplit(url).path)


# For tests that run `tadarki` as a subprocess on their own database and compare the findings.
FINDINGS_SQL = (
    "SELECT u.code, f.rule, f.subject, f.severity, f.status FROM audits_finding f "
    "JOIN registry_orgunit u ON u.id = f.unit_id"
)
_SEED = """
import django; django.setup()
from tadarki.farm.generate import build_farm
from tests.audits.farm_env import register_farm
register_farm(build_farm({portals}, {pages}, 1))
"""


def run_tadarki(env: dict, *args: str, timeout: float) -> subprocess.CompletedProcess:
    """`tadarki <args>` in a subprocess with `env`, failing the test on a non-zero exit."""
    return subprocess.run(
        [str(BIN / "tadarki"), *args],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def seed_database(
    env: dict, portals: int, pages: int, *, migrate_timeout: float, seed_timeout: float
) -> None:
    """Migrate the database `env` names and register a farm of that size in it."""
    run_tadarki(env, "migrate", "--noinput", timeout=migrate_timeout)
    script = _SEED.format(portals=portals, pages=pages)
    subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=REPO, check=True, timeout=seed_timeout
    )
