"""Every page, export and API call is filtered by scope; guessed URLs answer 404."""

import json

import pytest
from django.urls import reverse

from tadarki.audits import runner, services, tokens
from tadarki.audits.models import Finding, Observation


@pytest.fixture
def audited(tree, users, auditor):
    for key in ("lakshmipur", "brahmanbaria", "manikganj"):
        url = tree[key].portal_url
        auditor.portal(url).pages = {url: f"<html><script>alert(1)</script>{key}</html>".encode()}
        auditor.portal(url).findings = {("notice.empty", ""): url, ("link.broken", url + "x"): url}
    runner.run_round(services.create_round(), audit=auditor)
    auditor.portal(tree["lakshmipur"].portal_url).findings = {
        ("notice.empty", ""): tree["lakshmipur"].portal_url
    }
    return runner.run_round(services.create_round(), audit=auditor)


def _login(client, user):
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_dashboard_shows_departments_chart_and_changes(client, audited, users):
    html = _login(client, users["ict"]).get(reverse("audits:dashboard")).content.decode()
    assert "বহিরাগমন ও পাসপোর্ট অধিদপ্তর" in html and "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর" in html
    assert "<svg" in html and "<polyline" in html
    assert (
        'id="fixed-since"' in html and "link.broken" not in html.split('id="fixed-since"')[0][-50:]
    )
    assert "start-round" in html


@pytest.mark.django_db
def test_department_focal_point_sees_only_their_department(client, audited, users, tree):
    _login(client, users["dnc_focal"])
    html = client.get(reverse("audits:dashboard")).content.decode()
    assert "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর" in html
    assert "বহিরাগমন ও পাসপোর্ট অধিদপ্তর" not in html
    assert "start-round" not in html
    assert client.get(reverse("audits:unit", args=["dnc"])).status_code == 200
    assert client.get(reverse("audits:unit", args=["dnc-manikganj"])).status_code == 200
    for code in ("dip", "passport-lakshmipur"):
        assert client.get(reverse("audits:unit", args=[code])).status_code == 404
        assert client.get(reverse("audits:report", args=[code, audited.number])).status_code == 404
    other = Finding.objects.filter(unit=tree["lakshmipur"]).first()
    assert client.get(reverse("audits:finding", args=[other.pk])).status_code == 404
    obs = Observation.objects.filter(finding=other).exclude(snapshot=None).first()
    assert client.get(reverse("audits:snapshot", args=[obs.pk])).status_code == 404
    assert client.get(reverse("audits:snapshot_raw", args=[obs.pk])).status_code == 404
    assert (
        client.post(
            reverse("audits:finding_action", args=[other.pk]), {"action": "acknowledge"}
        ).status_code
        == 404
    )
    rows = json.loads(client.get(reverse("audits:findings") + "?format=json").content)["findings"]
    assert rows and {r["department"] for r in rows} == {"dnc"}
    csv_text = client.get(reverse("audits:findings") + "?format=csv&status=all").content.decode()
    assert "dnc-manikganj" in csv_text and "passport" not in csv_text
    xlsx = client.get(reverse("audits:findings") + "?format=xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


@pytest.mark.django_db
def test_office_editor_sees_only_their_office(client, audited, users):
    _login(client, users["lakshmipur_editor"])
    assert client.get(reverse("audits:unit", args=["passport-lakshmipur"])).status_code == 200
    assert client.get(reverse("audits:unit", args=["passport-brahmanbaria"])).status_code == 404
    assert client.get(reverse("audits:unit", args=["dip"])).status_code == 404


@pytest.mark.django_db
def test_only_ict_starts_or_cancels_rounds(client, audited, users):
    _login(client, users["member"])
    assert client.post(reverse("audits:round_start")).status_code == 403
    assert client.post(reverse("audits:round_cancel", args=[audited.number])).status_code == 403
    assert client.get(reverse("audits:dashboard")).status_code == 200  # members may read


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client, audited):
    response = client.get(reverse("audits:dashboard"))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.django_db
def test_office_page_groups_findings_with_evidence(client, audited, users):
    _login(client, users["ict"])
    html = client.get(reverse("audits:unit", args=["passport-lakshmipur"])).content.decode()
    assert 'id="family-notices"' in html
    assert "নোটিশ ও খবর" in html  # the group's label, in Bengali
    assert "প্রধান" in html  # severity "major", in Bengali
    assert "সংগৃহীত পাতা" in html  # link to the page as fetched
    assert 'id="family-links"' in html  # the fixed broken link is still listed this round


@pytest.mark.django_db
def test_snapshot_is_served_sandboxed(client, audited, users):
    _login(client, users["ict"])
    obs = Observation.objects.exclude(snapshot=None).first()
    framed = client.get(reverse("audits:snapshot", args=[obs.pk])).content.decode()
    assert 'sandbox=""' in framed
    raw = client.get(reverse("audits:snapshot_raw", args=[obs.pk]))
    assert raw["Content-Security-Policy"].startswith("sandbox")
    assert raw["X-Content-Type-Options"] == "nosniff"
    assert b"<script>" in raw.content  # as it was, but it cannot run
    text = client.get(reverse("audits:snapshot_raw", args=[obs.pk]) + "?as=text")
    assert text["Content-Type"].startswith("text/plain")


@pytest.mark.django_db
def test_round_progress_json(client, audited, users):
    _login(client, users["member"])
    data = client.get(reverse("audits:round_progress", args=[audited.number])).json()
    assert data["state"] == "done" and data["portals_done"] == data["portals_total"] == 4
    assert data["pages"] == 3 and data["findings"] == 6


@pytest.mark.django_db
def test_finding_page_actions_record_history(client, audited, users, tree):
    finding = Finding.objects.get(unit=tree["lakshmipur"], rule="notice.empty")
    _login(client, users["lakshmipur_editor"])
    url = reverse("audits:finding_action", args=[finding.pk])
    client.post(url, {"action": "request_waiver", "note": "নোটিশ নেই", "expires": "2099-01-01"})
    client.force_login(users["ict"])
    client.post(url, {"action": "approve", "note": "ঠিক আছে"})
    html = client.get(reverse("audits:finding", args=[finding.pk])).content.decode()
    assert "waiver_approved" in html and "নোটিশ নেই" in html
    finding.refresh_from_db()
    assert finding.review == "waived"


@pytest.mark.django_db
def test_api_requires_a_token_and_applies_scope(client, audited, users, tree):
    assert client.get(reverse("audits:api_findings")).status_code == 401
    bad = client.get(reverse("audits:api_findings"), HTTP_AUTHORIZATION="Bearer tdk_nope")
    assert bad.status_code == 401
    raw = tokens.create_token(users["dnc_focal"], "ci")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    data = client.get(reverse("audits:api_findings"), **auth).json()
    offices = {f["office_code"] for f in data["findings"]}
    assert data["count"] == 3 and offices == {"dnc-manikganj", "dnc-noportal"}
    assert client.get(reverse("audits:api_unit", args=["dip"]), **auth).status_code == 404
    assert client.get(reverse("audits:api_unit", args=["dnc"]), **auth).json()["scores"]
    other = Finding.objects.filter(unit=tree["lakshmipur"]).first()
    assert client.get(reverse("audits:api_finding", args=[other.pk]), **auth).status_code == 404
    dash = client.get(reverse("audits:api_dashboard"), **auth).json()
    assert [d["unit"] for d in dash["departments"]] == ["dnc"]
    from tadarki.audits.models import ApiToken

    assert not ApiToken.objects.filter(token_hash=raw).exists()  # only the hash is stored


@pytest.mark.django_db
def test_pages_are_bengali_first(client, audited, users):
    _login(client, users["ict"])
    html = client.get(reverse("audits:dashboard")).content.decode()
    assert "তথ্য বাতায়ন নিরীক্ষা" in html  # "Portal audits"
    assert "সর্বশেষ রাউন্ড: ২" in html  # Bengali digits in the text
    client.post(reverse("set_language"), {"language": "en"})
    assert "Portal audits" in client.get(reverse("audits:dashboard")).content.decode()


@pytest.mark.django_db
def test_ict_starts_a_department_round_from_the_dashboard(
    client, tree, users, settings, monkeypatch
):
    started = []
    monkeypatch.setattr(runner, "start_round", started.append)
    _login(client, users["ict"])
    response = client.post(reverse("audits:round_start"), {"department": "dnc"})
    assert response.status_code == 302
    (audit_round,) = started
    assert audit_round.scope == "department" and audit_round.started_by == users["ict"]
    assert set(audit_round.portals.values_list("unit__code", flat=True)) == {
        "dnc-manikganj",
        "dnc-noportal",
    }
