"""Acknowledge, request a waiver, ICT cell decides; every change is in the history."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tadarki.audits import actions, runner, services
from tadarki.audits.models import Finding, Score


@pytest.fixture
def finding(tree, auditor):
    url = tree["lakshmipur"].portal_url
    auditor.portal(url).pages = {url: b"home"}
    auditor.portal(url).findings = {("stats.missing", "undelivered-passports"): url}
    runner.run_round(services.create_round(offices=[tree["lakshmipur"]]), audit=auditor)
    return Finding.objects.get()


@pytest.mark.django_db
def test_waiver_requested_by_editor_and_approved_by_ict(finding, users, tree, auditor):
    editor, ict = users["lakshmipur_editor"], users["ict"]
    actions.acknowledge(finding, editor, "দেখেছি")
    actions.request_waiver(
        finding, editor, "Not applicable to this office", date.today() + timedelta(30)
    )
    with pytest.raises(PermissionDenied):
        actions.decide_waiver(finding, editor, approve=True)
    actions.decide_waiver(finding, ict, approve=True, note="ok")
    finding.refresh_from_db()
    assert finding.review == "waived"
    history = list(
        finding.events.exclude(actor=None).values_list("kind", "actor__username", "note")
    )
    assert history == [
        ("acknowledged", "lakeditor", "দেখেছি"),
        ("waiver_requested", "lakeditor", "Not applicable to this office"),
        ("waiver_approved", "ict", "ok"),
    ]
    # A waived finding no longer costs the office points in the next round.
    r2 = runner.run_round(services.create_round(offices=[tree["lakshmipur"]]), audit=auditor)
    assert Score.objects.get(round=r2, unit=tree["lakshmipur"]).score == 100.0


@pytest.mark.django_db
def test_expired_waiver_counts_again(finding, users, tree, auditor):
    actions.request_waiver(finding, users["dip_focal"], "reason", date.today() - timedelta(1))
    actions.decide_waiver(finding, users["ict"], approve=True)
    r2 = runner.run_round(services.create_round(offices=[tree["lakshmipur"]]), audit=auditor)
    assert Score.objects.get(round=r2, unit=tree["lakshmipur"]).score == 92.0


@pytest.mark.django_db
def test_waiver_rules(finding, users):
    with pytest.raises(PermissionDenied):
        actions.request_waiver(finding, users["dnc_focal"], "reason", None)  # other department
    with pytest.raises(PermissionDenied):
        actions.acknowledge(finding, users["member"])  # committee member is read-only
    with pytest.raises(ValidationError):
        actions.request_waiver(finding, users["dip_focal"], "  ", None)
    with pytest.raises(ValidationError):
        actions.decide_waiver(finding, users["ict"], approve=True)  # nothing requested
    actions.request_waiver(finding, users["dip_focal"], "reason", None)
    actions.decide_waiver(finding, users["ict"], approve=False, note="no")
    finding.refresh_from_db()
    assert finding.review == "waiver_rejected"
