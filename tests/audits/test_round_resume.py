"""A round interrupted halfway resumes doing only what is not done, without duplicates."""

import pytest
from django.core.management import call_command

from tadarki.audits import runner, services
from tadarki.audits.models import AuditRound, Finding, Observation, RoundPortal


def _script(auditor, tree):
    for i, key in enumerate(["lakshmipur", "brahmanbaria", "manikganj"]):
        url = tree[key].portal_url
        portal = auditor.portal(url)
        portal.pages = {url: b"home " + key.encode()}
        portal.findings = {("notice.empty", ""): url, ("link.broken", f"{url}dead{i}"): url}


def _snapshot_of_findings():
    return sorted(
        Observation.objects.values_list(
            "finding__unit__code", "finding__rule", "finding__subject", "state"
        )
    )


@pytest.mark.django_db
def test_interrupted_round_resumes_to_the_same_findings(tree, auditor):
    _script(auditor, tree)
    audit_round = services.create_round(trigger="command")
    runner.run_round(audit_round, audit=auditor, concurrency=1, stop_after=2)
    states = sorted(audit_round.portals.values_list("state", flat=True))
    assert states == ["done", "done", "pending", "pending"]
    audit_round.refresh_from_db()
    assert audit_round.state == "running"
    # A crash mid-portal leaves it "running"; resuming must redo it.
    audit_round.portals.filter(state="pending").update(state="running")

    auditor.calls.clear()
    runner.run_round(audit_round, audit=auditor)
    assert len(auditor.calls) == 1  # one portal left to crawl; the other has no portal
    audit_round.refresh_from_db()
    assert audit_round.state == "done"
    interrupted = _snapshot_of_findings()

    # The same round uninterrupted, on a fresh database state.
    Observation.objects.all().delete()
    Finding.objects.all().delete()
    AuditRound.objects.all().delete()
    uninterrupted_round = services.create_round(trigger="command")
    runner.run_round(uninterrupted_round, audit=auditor)
    assert _snapshot_of_findings() == interrupted
    assert Observation.objects.count() == 7  # 2 per portal + portal.missing


@pytest.mark.django_db
def test_recording_a_portal_twice_does_not_duplicate(tree, auditor):
    _script(auditor, tree)
    audit_round = services.create_round(offices=[tree["lakshmipur"]])
    runner.run_round(audit_round, audit=auditor)
    rp = RoundPortal.objects.get(round=audit_round)
    import asyncio

    result = asyncio.run(auditor(runner.make_target(rp), None, None))
    services.record_portal_result(rp.pk, result)
    assert Observation.objects.filter(round=audit_round).count() == 2


@pytest.mark.django_db
def test_resume_command_finishes_a_round(tree, auditor, monkeypatch):
    _script(auditor, tree)
    audit_round = services.create_round(offices=[tree["lakshmipur"], tree["manikganj"]])
    runner.run_round(audit_round, audit=auditor, concurrency=1, stop_after=1)
    original = runner.run_round
    monkeypatch.setattr(
        runner, "run_round", lambda r, **kw: original(r, audit=auditor, concurrency=1)
    )
    call_command("audit_round", "--resume", str(audit_round.number))
    audit_round.refresh_from_db()
    assert audit_round.state == "done"
    assert audit_round.portals.filter(state="done").count() == 2


@pytest.mark.django_db
def test_cancelled_round_stops_and_leaves_the_rest_pending(tree, auditor):
    _script(auditor, tree)
    audit_round = services.create_round()
    services.request_cancel(audit_round)
    runner.run_round(audit_round, audit=auditor)
    audit_round.refresh_from_db()
    assert audit_round.state == "cancelled"
    assert auditor.calls == []
    assert runner.unfinished_rounds().count() == 0


@pytest.mark.django_db
def test_resume_from_the_round_page(client, tree, users, auditor, settings, monkeypatch):
    _script(auditor, tree)
    audit_round = services.create_round()
    runner.run_round(audit_round, audit=auditor, concurrency=1, stop_after=1)
    original = runner.run_round
    monkeypatch.setattr(runner, "run_round", lambda r, **kw: original(r, audit=auditor))
    settings.TADARKI_RUN_ROUNDS_INLINE = True
    client.force_login(users["dip_focal"])
    url = f"/audits/rounds/{audit_round.number}/resume/"
    assert client.post(url).status_code == 403
    client.force_login(users["ict"])
    assert client.post(url).status_code == 302
    audit_round.refresh_from_db()
    assert audit_round.state == "done"
    assert Observation.objects.count() == 7
