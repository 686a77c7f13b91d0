"""A real crash: `tadarki audit_round` killed with SIGKILL mid-round, then `--resume N`.

Both rounds run as subprocesses on file SQLite databases (copies of one migrated, seeded
database), over the same fixture farm; the test reads the databases with sqlite3.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from tests.audits.farm_env import (
    BIN,
    FAST_CRAWL,
    FINDINGS_SQL,
    REPO,
    farm_served,
    run_tadarki,
    seed_database,
)

PORTALS, PAGES = 3, 12
# Slow enough that a portal is surely mid-crawl when the kill lands, fast enough for CI.
CRAWL = dict(FAST_CRAWL, requests_per_second=40)
OBSERVATIONS = (
    "SELECT u.code, f.rule, f.subject, o.state FROM audits_observation o "
    "JOIN audits_finding f ON f.id = o.finding_id JOIN registry_orgunit u ON u.id = f.unit_id"
)


def _environment(tmp: Path, database: Path, proxy_url: str, crawl: dict = CRAWL) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="tadarki.settings",
        PYTHONPATH=str(REPO),
        DATABASE_URL=f"sqlite:///{database}",
        TADARKI_VAR_DIR=str(tmp / "var"),
        TADARKI_ALLOW_PRIVATE="true",
        TADARKI_HTTP_PROXY=proxy_url,
        TADARKI_CRAWL=json.dumps(crawl),
        TADARKI_PORTAL_CONCURRENCY="1",
    )
    return env


def _tadarki(env, *args, timeout=120):
    return run_tadarki(env, *args, timeout=timeout)


def _rows(database: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(database) as db:
        return sorted(db.execute(sql).fetchall())


def _portals(database: Path) -> dict[int, tuple]:
    with sqlite3.connect(database, timeout=5) as db:
        rows = db.execute("SELECT id, state, started_at, unit_id FROM audits_roundportal")
        return {pk: (state, started, unit) for pk, state, started, unit in rows}


@pytest.fixture
def databases(tmp_path):
    """(base, crash, clean): one migrated, seeded database and two copies of it."""
    base = tmp_path / "base.sqlite3"
    env = _environment(tmp_path, base, "")
    seed_database(env, PORTALS, PAGES, migrate_timeout=120, seed_timeout=60)
    crash, clean = tmp_path / "crash.sqlite3", tmp_path / "clean.sqlite3"
    shutil.copy(base, crash)
    shutil.copy(base, clean)
    return crash, clean


def test_killed_round_resumes_to_the_findings_of_an_uninterrupted_one(tmp_path, databases):
    crash, clean = databases
    with farm_served(portals=PORTALS, pages=PAGES) as (_farm, server, proxy):
        # The uninterrupted round needs no slowing down: speed does not change findings.
        _tadarki(_environment(tmp_path, clean, proxy.url, FAST_CRAWL), "audit_round")

        env = _environment(tmp_path, crash, proxy.url)
        process = subprocess.Popen(
            [str(BIN / "tadarki"), "audit_round"],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                assert process.poll() is None, "the round finished before it could be killed"
                try:
                    states = [s for s, _t, _u in _portals(crash).values()]
                except sqlite3.OperationalError:  # tables not there yet / locked
                    states = []
                if states.count("done") >= 1 and "running" in states:
                    break
                time.sleep(0.02)
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.wait(timeout=10)
        assert process.returncode == -signal.SIGKILL

        before = _portals(crash)
        killed = {pk: v for pk, v in before.items() if v[0] == "running"}
        done_before = {pk for pk, v in before.items() if v[0] == "done"}
        assert len(killed) == 1 and done_before
        with sqlite3.connect(crash) as db:
            runner, lease = db.execute(
                "SELECT runner, lease_until FROM audits_auditround"
            ).fetchone()
            hosts = dict(db.execute("SELECT id, portal_url FROM registry_orgunit").fetchall())
        assert runner and lease  # the dead runner's claim is still written down

        requests_before = dict(server.responder.requests)
        _tadarki(env, "audit_round", "--resume", "1")

    after = _portals(crash)
    assert {state for state, _t, _u in after.values()} == {"done"}
    assert len(after) == len(before)
    for pk, (_state, started, _unit) in killed.items():
        assert after[pk][1] > started  # the portal running at the kill was audited again
    for pk in done_before:
        assert after[pk][1] == before[pk][1]  # portals done before the kill were not redone
        host = urlsplit(hosts[after[pk][2]]).hostname
        assert server.responder.requests[host] == requests_before.get(host, 0)

    findings = _rows(crash, FINDINGS_SQL)
    assert findings and findings == _rows(clean, FINDINGS_SQL)
    observations = _rows(crash, OBSERVATIONS)
    assert observations == _rows(clean, OBSERVATIONS)
    assert len(set(observations)) == len(observations)
    with sqlite3.connect(crash) as db:
        state, runner = db.execute("SELECT state, runner FROM audits_auditround").fetchone()
        rounds = db.execute("SELECT count(*) FROM audits_auditround").fetchone()[0]
    assert (state, runner, rounds) == ("done", "", 1)
