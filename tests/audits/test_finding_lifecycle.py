"""new → open → fixed → regressed, and a page not reached leaves a finding open."""

import pytest

from tadarki.audits import lifecycle, runner, services
from tadarki.audits.models import Finding, FindingEvent, Observation

HOME = "http://passport.lakshmipur.gov.bd/"
STAFF = "http://passport.lakshmipur.gov.bd/bn/staff"
CHARTER = "http://passport.lakshmipur.gov.bd/bn/charter"


def test_transition_table():
    t = lifecycle.transition
    assert t(None, True, True).status == "new"
    assert t("new", True, True).status == "open"
    assert t("open", False, True) == lifecycle.Transition("fixed", "fixed", "fixed")
    assert t("fixed", True, True).status == "regressed"
    assert t("regressed", True, True).status == "open"
    stays = t("open", False, False)
    assert (stays.status, stays.observation, stays.event) == ("open", "not_rechecked", None)
    assert t("fixed", False, False).observation is None


def test_urls_compare_without_fragment_or_trailing_slash():
    read = lifecycle.read_pages([{"url": "http://a.gov.bd/x/#top", "status": 200}])
    assert lifecycle.was_rechecked("http://A.gov.bd:80/x", read, True)
    assert not lifecycle.was_rechecked("http://a.gov.bd/y", read, True)
    assert not lifecycle.was_rechecked("http://a.gov.bd/x", read, False)


def _round(auditor, tree):
    audit_round = services.create_round(offices=[tree["lakshmipur"]], trigger="command")
    return runner.run_round(audit_round, audit=auditor)


@pytest.mark.django_db
def test_finding_goes_new_open_fixed_regressed(tree, auditor):
    portal = auditor.portal(HOME)
    portal.pages = {HOME: b"<html>home</html>", STAFF: b"<html>staff</html>"}
    portal.findings = {("menu.empty-submenu", "আমাদের সম্পর্কে › কর্মচারীবৃন্দ"): STAFF}

    r1 = _round(auditor, tree)
    finding = Finding.objects.get(rule="menu.empty-submenu")
    assert finding.status == "new" and finding.first_round == r1

    _round(auditor, tree)
    finding.refresh_from_db()
    assert finding.status == "open"

    portal.findings = {}
    r3 = _round(auditor, tree)
    finding.refresh_from_db()
    assert finding.status == "fixed"
    assert Observation.objects.get(finding=finding, round=r3).state == "fixed"

    portal.findings = {("menu.empty-submenu", "আমাদের সম্পর্কে › কর্মচারীবৃন্দ"): STAFF}
    _round(auditor, tree)
    finding.refresh_from_db()
    assert finding.status == "regressed"
    kinds = list(FindingEvent.objects.filter(finding=finding).values_list("kind", flat=True))
    assert kinds == ["new", "open", "fixed", "regressed"]
    assert Finding.objects.count() == 1


@pytest.mark.django_db
def test_page_not_reached_keeps_finding_open_and_not_rechecked(tree, auditor):
    portal = auditor.portal(HOME)
    portal.pages = {HOME: b"home", CHARTER: b"charter"}
    portal.findings = {("charter.incomplete", "অভিযোগ প্রতিকার"): CHARTER}
    _round(auditor, tree)

    del portal.pages[CHARTER]  # not reached this time, so the defect is not reported
    portal.findings = {}
    r2 = _round(auditor, tree)
    finding = Finding.objects.get(rule="charter.incomplete")
    assert finding.status == "open"
    assert Observation.objects.get(finding=finding, round=r2).state == "not_rechecked"


@pytest.mark.django_db
def test_unreachable_portal_rechecks_nothing(tree, auditor):
    portal = auditor.portal(HOME)
    portal.pages = {HOME: b"home", STAFF: b"staff"}
    portal.findings = {("link.broken", "http://x.gov.bd/dead"): STAFF}
    _round(auditor, tree)
    portal.reachable = False
    portal.pages = {}
    portal.findings = {("portal.unreachable", "timeout"): HOME}
    _round(auditor, tree)
    broken = Finding.objects.get(rule="link.broken")
    assert broken.status == "open"
    portal.reachable = True
    portal.pages = {HOME: b"home", STAFF: b"staff"}
    portal.findings = {}
    _round(auditor, tree)
    assert set(Finding.objects.values_list("rule", "status")) == {
        ("link.broken", "fixed"),
        ("portal.unreachable", "fixed"),
    }


@pytest.mark.django_db
def test_office_without_portal_gets_portal_missing(tree, auditor):
    audit_round = services.create_round(offices=[tree["noportal"]])
    runner.run_round(audit_round, audit=auditor)
    assert list(Finding.objects.values_list("rule", flat=True)) == ["portal.missing"]
    assert auditor.calls == []
