"""A round whose runner is gone is resumed; one whose runner is alive is left to it."""

import os
import socket
import subprocess
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tadarki.audits import leases, runner, services
from tadarki.audits.models import AuditRound, Observation


def _script(auditor, tree):
    for key in ["lakshmipur", "brahmanbaria", "manikganj"]:
        url = tree[key].portal_url
        portal = auditor.portal(url)
        portal.pages = {url: b"home " + key.encode()}
        portal.findings = {("notice.empty", ""): url}


def _held_by(audit_round, runner_id: str, seconds: float = 60) -> None:
    AuditRound.objects.filter(pk=audit_round.pk).update(
        runner=runner_id, lease_until=timezone.now() + timedelta(seconds=seconds)
    )
    audit_round.refresh_from_db()


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def _interrupted_round(auditor, tree) -> AuditRound:
    _script(auditor, tree)
    audit_round = services.create_round(trigger="command")
    runner.run_round(audit_round, audit=auditor, concurrency=1, stop_after=1)
    audit_round.refresh_from_db()
    return audit_round


@pytest.mark.django_db
def test_interrupted_round_is_orphaned_and_resumed(tree, auditor):
    audit_round = _interrupted_round(auditor, tree)
    assert audit_round.state == "running" and audit_round.runner == ""
    assert [r.pk for r in leases.orphaned_rounds()] == [audit_round.pk]
    assert runner.resume_orphaned(audit=auditor) == [audit_round.number]
    audit_round.refresh_from_db()
    assert audit_round.state == "done"
    assert set(audit_round.portals.values_list("state", flat=True)) == {"done"}
    assert leases.orphaned_rounds() == []


@pytest.mark.django_db
def test_runner_killed_on_this_machine_is_known_dead_before_its_lease_ends(tree, auditor):
    audit_round = _interrupted_round(auditor, tree)
    _held_by(audit_round, f"{socket.gethostname()}:{_dead_pid()}:abcd")
    assert not leases.holder_alive(audit_round)
    assert runner.resume_orphaned(audit=auditor) == [audit_round.number]


@pytest.mark.django_db
def test_live_runner_keeps_its_round(tree, auditor, client, users, settings):
    audit_round = _interrupted_round(auditor, tree)
    _held_by(audit_round, f"{socket.gethostname()}:{os.getpid()}:other")
    assert leases.holder_alive(audit_round)
    assert runner.resume_orphaned(audit=auditor) == []
    with pytest.raises(runner.RoundBusy):
        runner.run_round(audit_round, audit=auditor)
    with pytest.raises(CommandError, match="being run by"):
        call_command("audit_round", "--resume", str(audit_round.number))
    settings.TADARKI_RUN_ROUNDS_INLINE = True
    client.force_login(users["ict"])
    assert client.post(f"/audits/rounds/{audit_round.number}/resume/").status_code == 302
    audit_round.refresh_from_db()
    assert audit_round.state == "running"
    assert audit_round.portals.filter(state="pending").count() == 3


@pytest.mark.django_db
def test_runner_on_another_machine_counts_until_its_lease_ends(tree, auditor):
    audit_round = _interrupted_round(auditor, tree)
    _held_by(audit_round, "other-host:123:abcd", seconds=60)
    assert leases.holder_alive(audit_round)
    _held_by(audit_round, "other-host:123:abcd", seconds=-1)
    assert not leases.holder_alive(audit_round)
    assert [r.pk for r in leases.orphaned_rounds()] == [audit_round.pk]


@pytest.mark.django_db
def test_audit_round_command_resumes_only_orphaned_rounds(tree, auditor, monkeypatch):
    orphan = _interrupted_round(auditor, tree)
    busy = services.create_round(offices=[tree["lakshmipur"]], trigger="command")
    _held_by(busy, "other-host:123:abcd")
    original = runner.run_round
    monkeypatch.setattr(runner, "run_round", lambda r, **kw: original(r, audit=auditor))
    call_command("audit_round", "--resume-only")
    orphan.refresh_from_db()
    busy.refresh_from_db()
    assert orphan.state == "done"
    assert busy.state == "pending"
    assert AuditRound.objects.count() == 2  # --resume-only starts no new round


@pytest.mark.django_db
def test_runner_that_lost_its_lease_stops_starting_portals(tree, auditor, monkeypatch):
    _script(auditor, tree)
    audit_round = services.create_round(trigger="command")
    renewals = []
    original = leases.renew

    def renew(round_id, identity):
        renewals.append(identity)
        if len(renewals) == 2:  # meanwhile another process thought us dead and took over
            AuditRound.objects.filter(pk=round_id).update(runner="other-host:1:y")
        return original(round_id, identity)

    monkeypatch.setattr(leases, "renew", renew)
    runner.run_round(audit_round, audit=auditor, concurrency=1)
    audit_round.refresh_from_db()
    assert audit_round.state == "running" and audit_round.runner == "other-host:1:y"
    states = sorted(audit_round.portals.values_list("state", flat=True))
    assert states == ["done", "pending", "pending", "pending"]
    assert Observation.objects.count() == 1


def test_web_process_start_resumes_in_the_background(monkeypatch):
    calls = []
    monkeypatch.setattr(runner, "resume_orphaned", lambda: calls.append(1) or [])
    runner.resume_orphaned_in_background().join(timeout=5)
    assert calls == [1]


@pytest.mark.django_db
def test_only_one_of_two_runners_gets_the_round(tree):
    audit_round = services.create_round(trigger="command")
    first, second = leases.new_identity(), leases.new_identity()
    assert leases.claim(audit_round.pk, first)
    assert not leases.claim(audit_round.pk, second)
    assert leases.renew(audit_round.pk, first) and not leases.renew(audit_round.pk, second)
    leases.release(audit_round.pk, first)
    assert leases.claim(audit_round.pk, second)


@pytest.mark.django_db
def test_celery_round_is_left_to_the_broker_but_can_be_requeued(tree, settings, monkeypatch):
    from tadarki.audits import tasks

    queued = []
    monkeypatch.setattr(tasks.audit_portal_task, "delay", queued.append)
    settings.TADARKI_USE_CELERY = True
    audit_round = services.create_round(trigger="command")
    assert runner.start_round(audit_round) == "celery"
    audit_round.refresh_from_db()
    assert audit_round.runner == leases.CELERY and len(queued) == 4
    assert runner.resume_orphaned() == []  # redelivery is the broker's job
    call_command("audit_round", "--resume", str(audit_round.number))  # explicit: re-queue
    assert len(queued) == 8
