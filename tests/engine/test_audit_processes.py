"""An audit in several worker processes finds what the in-process audit finds, streams the
same callbacks, and survives a worker that dies."""

import asyncio
import multiprocessing.forkserver
import os
import signal
from pathlib import Path

import pytest
from tests.helpers.farm import farm_process, served_farm

from tadarki.engine import workers
from tadarki.engine.audit import AuditConfig, audit_many
from tadarki.engine.crawl.config import CrawlConfig

farm_generate = pytest.importorskip("tadarki.farm.generate")


@pytest.fixture(scope="module")
def farm():
    with served_farm(8, 10) as (_farm, targets, proxy):
        yield targets, proxy


def _config(proxy, processes: int, portals_at_once: int = 4) -> AuditConfig:
    crawl = CrawlConfig(
        proxy_env={"HTTP_PROXY": proxy.url},
        requests_per_second=0,
        concurrency_per_host=4,
        retry_backoff=0.01,
    )
    return AuditConfig(crawl=crawl, portal_concurrency=portals_at_once, processes=processes)


def _keys(result):
    return [
        (p.office, p.pages_fetched, p.score, [(f.rule, f.subject, f.url) for f in p.findings])
        for p in result.portals
    ]


@pytest.fixture(scope="module")
def in_process(farm):
    targets, proxy = farm
    return asyncio.run(audit_many(targets, _config(proxy, processes=1)))


def test_two_processes_find_exactly_what_one_process_finds(farm, in_process):
    targets, proxy = farm
    events: list[dict] = []
    streamed: dict = {}
    result = asyncio.run(
        audit_many(
            targets,
            _config(proxy, processes=2),
            progress=events.append,
            on_portal=streamed.__setitem__,
        )
    )
    assert result.portals == []  # streamed, as in one process
    ordered = type(result)(started_at="", portals=[streamed[i] for i in sorted(streamed)])
    assert _keys(ordered) == _keys(in_process)
    assert sorted(streamed) == list(range(len(targets)))
    # progress crosses the process boundary: a page event for every fetched page
    pages = sum(1 for e in events if e["event"] == "page")
    assert pages >= sum(p.pages_fetched for p in in_process.portals)
    assert sum(1 for e in events if e["event"] == "portal-done") == len(targets)


def test_workers_replaced_after_each_portal_still_audit_every_portal(farm, in_process):
    targets, proxy = farm
    got: dict = {}

    async def run():
        await workers.audit_in_processes(
            targets,
            _config(proxy, processes=2),
            2,
            progress=None,
            sink=got.__setitem__,
            keep_pages=True,
            failed_portal=lambda t, reason: pytest.fail(reason),
            max_portals=1,
        )

    asyncio.run(run())
    ordered = type(in_process)(started_at="", portals=[got[i] for i in sorted(got)])
    assert _keys(ordered) == _keys(in_process)
    assert all(p.pages for p in ordered.portals if p.reachable)  # keep_pages crosses too


def _worker_pids() -> list[int]:
    """The audit workers: children of multiprocessing's fork server."""
    server = multiprocessing.forkserver._forkserver._forkserver_pid
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == server:
            found.append(int(stat.parent.name))
    return found


def test_a_killed_worker_loses_only_its_portals_in_flight(farm, in_process):
    targets, proxy = farm
    killed: list[int] = []

    def kill_on_first_page(event: dict) -> None:
        if event["event"] == "page" and not killed:
            killed.extend(_worker_pids())
            for pid in killed:
                os.kill(pid, signal.SIGKILL)

    # one portal at a time per worker: exactly two are in flight when both workers die
    config = _config(proxy, processes=2, portals_at_once=2)
    result = asyncio.run(audit_many(targets, config, progress=kill_on_first_page))
    assert len(killed) == 2
    lost = [p for p in result.portals if "internal-error" in {f.subject for f in p.findings}]
    assert len(lost) == 2
    assert all("exit code -9" in p.warnings[0] for p in lost)
    assert len(result.portals) == len(targets)
    for expected, got, portal in zip(_keys(in_process), _keys(result), result.portals, strict=True):
        if portal not in lost:
            assert got == expected


def test_process_count_follows_cpus_and_targets():
    assert workers.resolve_processes(4, 2) == 2
    assert workers.resolve_processes(3, 10) == 3
    assert workers.resolve_processes(0, 100) == (os.cpu_count() or 1)
    assert workers.resolve_processes(0, 1) == 1


def test_each_worker_gets_its_share_of_the_external_rate_and_portals():
    config = AuditConfig(
        crawl=CrawlConfig(external_requests_per_second=2.0, total_connections=64),
        portal_concurrency=5,
        processes=2,
    )
    share = workers.worker_config(config, 2)
    assert share.crawl.external_requests_per_second == 1.0
    assert share.crawl.total_connections == 32
    assert share.portal_concurrency == 3
    assert share.processes == 1


def test_the_command_forks_its_workers_and_writes_what_one_process_writes(tmp_path):
    """`tadarki audit` runs no thread of its own, so its workers are forked (no fork server):
    the audit through a farm in another process gives the same portals either way."""
    import json
    import subprocess
    import sys

    with farm_process(6, 8, tmp_path) as (url, offices):
        env = {**os.environ, "HTTP_PROXY": url, "HTTPS_PROXY": url, "NO_PROXY": ""}
        runs = []
        for processes in ("1", "2"):
            out = tmp_path / f"{processes}.json"
            command = [sys.executable, "-m", "tadarki", "audit", str(offices), "--json", str(out)]
            command += ["--processes", processes, "--rate", "0", "--per-host", "4"]
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
            assert done.returncode == 0, done.stderr
            portals = json.loads(out.read_text(encoding="utf-8"))["portals"]
            runs.append(
                [
                    (
                        p["office"],
                        p["pages_fetched"],
                        [(f["rule"], f["subject"]) for f in p["findings"]],
                    )
                    for p in portals
                ]
            )
            assert "portals 6/6" in done.stderr
            workers_said = "1 worker process\n" if processes == "1" else "2 worker processes\n"
            assert "tadarki audit: 6 portals, 4 at once, " + workers_said in done.stderr
        assert runs[0] == runs[1]
        assert sum(pages for _o, pages, _f in runs[0]) > 20


def test_workers_are_forked_only_from_a_process_without_other_threads():
    import subprocess
    import sys
    import threading

    code = "from tadarki.engine.workers import start_context; print(start_context().get_start_method())"
    alone = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert alone.stdout.strip() == "fork"
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert workers.start_context().get_start_method() == "forkserver"
    finally:
        stop.set()
        other.join()


WATCHED_AUDIT = """
import asyncio, csv, gc, json, os, sys
from tadarki.engine import audit
from tadarki.engine.audit import AuditConfig, Target, audit_many
from tadarki.engine.crawl import defaults
from tadarki.engine.crawl.config import CrawlConfig

defaults.WORKER_MAX_PORTALS = 3  # workers retire often, so one is often draining
held = [0]
original = audit.audit_one

async def watched(target, config, shared, progress, keep_pages):
    held[0] += 1
    at_once = held[0]
    try:
        portal = await original(target, config, shared, progress, keep_pages)
    finally:
        held[0] -= 1
    seen = {"pid": os.getpid(), "at_once": at_once, "frozen": gc.get_freeze_count()}
    portal.warnings.append(json.dumps(seen))
    return portal

audit.audit_one = watched  # forked workers inherit it
if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        targets = [Target(r["office"], r["url"]) for r in csv.DictReader(handle)]
    crawl = CrawlConfig(requests_per_second=0, concurrency_per_host=4, retry_backoff=0.01)
    config = AuditConfig(crawl=crawl, portal_concurrency=4, processes=2)
    result = asyncio.run(audit_many(targets, config))
    print(json.dumps({
        "seen": [json.loads(p.warnings[-1]) for p in result.portals],
        "parent_frozen": gc.get_freeze_count(),
    }))
"""


def test_forked_workers_hold_their_share_while_another_drains_and_share_frozen_memory(
    tmp_path,
):
    """4 portals at once in 2 workers: never more than 2 in one worker, also while the other
    drains before its replacement; forked workers' inherited objects are frozen (their
    collections leave those pages shared), the parent's are not."""
    import json
    import subprocess
    import sys

    with farm_process(14, 6, tmp_path) as (url, offices):
        script = tmp_path / "watched.py"
        script.write_text(WATCHED_AUDIT, encoding="utf-8")
        env = {**os.environ, "HTTP_PROXY": url, "HTTPS_PROXY": url, "NO_PROXY": ""}
        done = subprocess.run(
            [sys.executable, str(script), str(offices)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    seen = report["seen"]
    assert len(seen) == 14
    assert len({s["pid"] for s in seen}) >= 3  # a worker was replaced along the way
    assert max(s["at_once"] for s in seen) == 2
    assert all(s["frozen"] > 0 for s in seen)
    assert report["parent_frozen"] == 0
