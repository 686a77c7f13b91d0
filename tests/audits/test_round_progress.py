"""Live progress: page counts of portals still being crawled reach the progress JSON."""

import pytest

from tadarki.audits import services


@pytest.mark.django_db
def test_running_portals_report_pages_before_they_finish(tree, users, client):
    audit_round = services.create_round(department=tree["dip"])
    first, second = audit_round.portals.order_by("pk")
    services.mark_running(first.pk)
    services.show_live_pages({first.pk: 17, second.pk: 5})  # second is not running: ignored
    client.force_login(users["member"])
    data = client.get(f"/audits/rounds/{audit_round.number}/progress.json").json()
    assert data["state"] == "running"
    assert (data["portals_done"], data["portals_running"], data["portals_total"]) == (0, 1, 2)
    assert data["pages"] == 17


@pytest.mark.django_db
def test_progress_counts_only_what_the_reader_may_see(tree, users, client):
    audit_round = services.create_round()
    client.force_login(users["lakshmipur_editor"])
    data = client.get(f"/audits/rounds/{audit_round.number}/progress.json").json()
    assert data["portals_total"] == 1
    client.force_login(users["ict"])
    data = client.get(f"/audits/rounds/{audit_round.number}/progress.json").json()
    assert data["portals_total"] == 4
