"""Scale-out: the same round gives the same findings on Celery workers (PostgreSQL + Redis)
as in-process (SQLite); a second Celery round re-fetches conditionally (the farm answers 304)
and finds the same.

Needs Redis at 127.0.0.1:6379 and PostgreSQL at 127.0.0.1:5432 (user postgres, trust). The
test creates and drops its own database, uses its own Celery queue, and starts a real
`celery -A tadarki worker` subprocess with the same environment as the command.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
import uuid
from pathlib import Path

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

pytestmark = pytest.mark.integration

PORTALS = int(os.getenv("TADARKI_CELERY_TEST_PORTALS", "4"))
PAGES = 12
# Knobs for measuring what a worker sustains (the defaults keep CI quick).
CONCURRENCY = os.getenv("TADARKI_CELERY_TEST_CONCURRENCY", "2")
CRAWL = dict(FAST_CRAWL, requests_per_second=float(os.getenv("TADARKI_CELERY_TEST_RPS", "0")))
SEEN_IN_ROUND_2 = (
    "SELECT u.code, f.rule, f.subject FROM audits_observation o "
    "JOIN audits_finding f ON f.id = o.finding_id JOIN registry_orgunit u ON u.id = f.unit_id "
    "JOIN audits_auditround r ON r.id = o.round_id WHERE r.number = 2 AND o.state = 'open'"
)


def _psycopg():
    psycopg = pytest.importorskip("psycopg")
    try:
        return psycopg.connect(
            "host=127.0.0.1 port=5432 user=postgres dbname=postgres",
            autocommit=True,
            connect_timeout=3,
        )
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL not reachable: {exc}")


@pytest.fixture
def pg_database():
    admin = _psycopg()
    name = f"tadarki_celery_{uuid.uuid4().hex[:8]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def redis_url():
    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/11"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError as exc:
        pytest.skip(f"Redis not reachable: {exc}")
    return url


def _environment(tmp: Path, proxy_url: str, database_url: str, broker: str, queue: str) -> dict:
    (tmp / "celery_round_settings.py").write_text(
        "from tadarki.settings import *  # noqa: F403\n"
        "TADARKI_ALLOW_PRIVATE = True\n"
        f"TADARKI_HTTP_PROXY = {proxy_url!r}\n"
        f"TADARKI_CRAWL = {CRAWL!r}\n"
        f"CELERY_TASK_DEFAULT_QUEUE = {queue!r}\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="celery_round_settings",
        PYTHONPATH=f"{tmp}{os.pathsep}{REPO}",
        DATABASE_URL=database_url,
        CELERY_BROKER_URL=broker,
        TADARKI_VAR_DIR=str(tmp / "var"),
        DJANGO_ALLOW_ASYNC_UNSAFE="",
    )
    return env


def _tadarki(env, *args, timeout=300):
    return run_tadarki(env, *args, timeout=timeout)


def _prepare(env):
    seed_database(env, PORTALS, PAGES, migrate_timeout=300, seed_timeout=120)


def _wait_for_round(db, number: int, worker, log_path: Path) -> None:
    deadline = time.monotonic() + 180
    state = None
    while time.monotonic() < deadline:
        state = db.execute("SELECT state FROM audits_auditround WHERE number = %s", [number])
        state = state.fetchone()
        db.commit()
        if state and state[0] == "done":
            return
        assert worker.poll() is None, log_path.read_text()[-2000:]
        time.sleep(0.5)
    raise AssertionError(f"round {number}: {state}\n{log_path.read_text()[-3000:]}")


def test_celery_round_matches_in_process_round(tmp_path, pg_database, redis_url):
    queue = f"tadarki-test-{uuid.uuid4().hex[:8]}"
    with farm_served(portals=PORTALS, pages=PAGES) as (_farm, server, proxy):
        # In-process, embedded default (SQLite).
        local = tmp_path / "local"
        local.mkdir()
        sqlite_path = local / "round.sqlite3"
        env_local = _environment(local, proxy.url, f"sqlite:///{sqlite_path}", "", queue)
        _prepare(env_local)
        started = time.monotonic()
        _tadarki(env_local, "audit_round")
        in_process_seconds = time.monotonic() - started
        with sqlite3.connect(sqlite_path) as db:
            expected = sorted(db.execute(FINDINGS_SQL).fetchall())
            in_process_work = db.execute(
                "SELECT (julianday(max(finished_at)) - julianday(min(started_at))) * 86400 "
                "FROM audits_roundportal"
            ).fetchone()[0]
        assert expected

        # Celery workers on PostgreSQL + Redis.
        celery_dir = tmp_path / "celery"
        celery_dir.mkdir()
        pg_url = f"postgres://postgres@127.0.0.1:5432/{pg_database}"
        env_celery = _environment(celery_dir, proxy.url, pg_url, redis_url, queue)
        _prepare(env_celery)
        log = (celery_dir / "worker.log").open("wb")
        worker = subprocess.Popen(
            [
                str(BIN / "celery"),
                "-A",
                "tadarki",
                "worker",
                "-Q",
                queue,
                "--concurrency",
                "2",
                "-l",
                "warning",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            env=env_celery,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            started = time.monotonic()
            out = _tadarki(env_celery, "audit_round").stdout
            assert "queued to Celery workers" in out
            import psycopg

            with psycopg.connect(pg_url.replace("postgres://", "postgresql://")) as db:
                _wait_for_round(db, 1, worker, celery_dir / "worker.log")
                celery_seconds = time.monotonic() - started
                got = sorted(tuple(row) for row in db.execute(FINDINGS_SQL).fetchall())
                celery_work = db.execute(
                    "SELECT extract(epoch FROM max(finished_at) - min(started_at)) "
                    "FROM audits_roundportal"
                ).fetchone()[0]
                portals = db.execute(
                    "SELECT count(*), sum(pages_fetched) FROM audits_roundportal "
                    "WHERE state = 'done'"
                ).fetchone()

                # A second round on the workers asks "changed since?": the farm answers 304.
                server.reset_counts()
                _tadarki(env_celery, "audit_round")
                _wait_for_round(db, 2, worker, celery_dir / "worker.log")
                second = sorted(tuple(row) for row in db.execute(SEEN_IN_ROUND_2).fetchall())
                runner = db.execute("SELECT runner FROM audits_auditround WHERE number = 2")
                runner = runner.fetchone()[0]
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
    assert portals[0] == PORTALS
    assert got == expected
    assert second == sorted(row[:3] for row in expected)
    assert server.statuses[304] > server.statuses[200]
    assert runner == "celery"
    print(
        f"\n{PORTALS} portals, {portals[1]} pages: in-process {in_process_seconds:.1f}s "
        f"(crawling {in_process_work:.1f}s), celery (1 worker x {CONCURRENCY}) "
        f"{celery_seconds:.1f}s (crawling {float(celery_work):.1f}s)"
    )
