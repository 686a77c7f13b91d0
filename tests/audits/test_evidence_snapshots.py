"""Page snapshots: stored with each observation, once per content hash, purged by age."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tadarki.audits import evidence, runner, services
from tadarki.audits.models import Observation, Snapshot


@pytest.mark.django_db
def test_snapshots_are_stored_deduplicated_and_purged(tree, auditor):
    body = "<html><body>নোটিশ বোর্ড খালি</body></html>".encode()
    for key in ("lakshmipur", "brahmanbaria"):  # two portals serving the very same page
        url = tree[key].portal_url
        auditor.portal(url).pages = {url: body}
        auditor.portal(url).findings = {("notice.empty", ""): url}
    runner.run_round(services.create_round(department=tree["dip"]), audit=auditor)

    assert Snapshot.objects.count() == 1
    snapshot = Snapshot.objects.get()
    assert evidence.snapshot_body(snapshot) == body
    assert len(bytes(snapshot.body)) < len(body) + 20
    obs = Observation.objects.filter(state="new")
    assert obs.count() == 2
    for o in obs:
        assert o.snapshot_id == snapshot.pk
        assert o.sha256 == evidence.sha256_of(body)
        assert o.http_status == 200 and o.fetched_at and o.evidence == "<p>notice.empty</p>"

    Snapshot.objects.update(last_seen=timezone.now() - timedelta(days=500))
    call_command("purge_snapshots", "--days", "400")
    assert Snapshot.objects.count() == 0
    assert Observation.objects.filter(snapshot=None, sha256__gt="").count() == 2


@pytest.mark.django_db
def test_purge_keeps_recent_snapshots(db):
    evidence.store_snapshot(b"fresh page")
    assert evidence.purge_snapshots(400) == 0
    assert Snapshot.objects.count() == 1


@pytest.mark.django_db
def test_only_pages_showing_a_finding_are_kept(tree, auditor):
    url = tree["lakshmipur"].portal_url
    auditor.portal(url).pages = {url: b"home page", url + "about": b"a clean page"}
    auditor.portal(url).findings = {("notice.empty", ""): url}
    runner.run_round(services.create_round(offices=[tree["lakshmipur"]]), audit=auditor)
    assert [evidence.snapshot_body(s) for s in Snapshot.objects.all()] == [b"home page"]
