"""Office, department and division scores per round, with the method version."""

import pytest

from tadarki.audits import runner, scoring, services
from tadarki.audits.models import Score


def test_office_score_uses_the_penalty_table():
    assert scoring.office_score(["critical", "major", "minor", "info"]) == 100 - 25 - 8 - 3
    assert scoring.office_score(["critical"] * 5) == 0.0
    assert scoring.mean_score([]) is None


@pytest.mark.django_db
def test_roll_up(tree, auditor):
    lak, bra, man = (tree[k].portal_url for k in ("lakshmipur", "brahmanbaria", "manikganj"))
    for url in (lak, bra, man):
        auditor.portal(url).pages = {url: b"x"}
    auditor.portal(lak).findings = {("charter.missing", ""): lak}  # critical: 75
    auditor.portal(bra).findings = {("notice.empty", ""): bra, ("news.empty", ""): bra}  # 84
    audit_round = runner.run_round(services.create_round(), audit=auditor)
    scores = {
        (s.level, s.unit.code): (s.score, s.method)
        for s in Score.objects.filter(round=audit_round).select_related("unit")
    }
    assert scores[("office", "passport-lakshmipur")] == (75.0, scoring.METHOD)
    assert scores[("office", "passport-brahmanbaria")] == (84.0, scoring.METHOD)
    assert scores[("office", "dnc-manikganj")][0] == 100.0
    assert scores[("office", "dnc-noportal")][0] == 92.0  # portal.missing is major
    assert scores[("department", "dip")][0] == 79.5
    assert scores[("department", "dnc")][0] == 96.0
    assert scores[("division", "ssd")][0] == 87.75
    assert Score.objects.get(round=audit_round, unit=tree["dip"]).offices == 2


@pytest.mark.django_db
def test_department_summary_for_committee_papers(tree, auditor):
    assert services.department_summary(tree["dip"]) is None
    lak = tree["lakshmipur"].portal_url
    auditor.portal(lak).pages = {lak: b"x"}
    auditor.portal(lak).findings = {("charter.missing", ""): lak}
    runner.run_round(services.create_round(department=tree["dip"]), audit=auditor)
    summary = services.department_summary(tree["dip"])
    assert summary["round"] == 1 and summary["offices"] == 2 and summary["open_findings"] == 1
    assert summary["worst_offices"][0] == {
        "code": "passport-lakshmipur",
        "name": "আঞ্চলিক পাসপোর্ট অফিস, লক্ষ্মীপুর",
        "host": "passport.lakshmipur.gov.bd",
        "score": 75.0,
    }
