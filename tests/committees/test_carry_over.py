"""Preparing the next meeting carries the open decisions of earlier meetings over."""

from datetime import date

import pytest

from tadarki.committees import actions, services
from tadarki.committees.models import AgendaItem, Occurrence, Status


@pytest.fixture
def previous(committee, users, org):
    m = services.create_meeting(
        committee, by=users["ict"], date=date(2025, 6, 18), issued_on=date(2025, 6, 26)
    )
    item = AgendaItem.objects.create(meeting=m, number="১.০", title="যাচাই-বাছাই")
    done = services.add_decision(item, "সম্পন্ন সিদ্ধান্ত", label="ক", units=[org["dip"]])
    open_ = services.add_decision(
        item, "অনিষ্পন্ন সিদ্ধান্ত", label="খ", units=[org["dip"], org["prisons"]]
    )
    future = services.add_decision(
        item,
        "ভবিষ্যৎ সিদ্ধান্ত",
        label="গ",
        deadline={"kind": "date", "date": "2026-01-31"},
        units=[org["dnc"]],
    )
    occ = Occurrence.objects.get(assignment__decision=done)
    actions.change_status(occ, Status.CONFIRMED_DONE, by=users["ict"])
    dip = Occurrence.objects.get(assignment__decision=open_, assignment__unit=org["dip"])
    actions.change_status(dip, Status.REPORTED_DONE, by=users["dip"])
    return {"meeting": m, "done": done, "open": open_, "future": future}


def test_open_decisions_come_back_with_each_implementers_status(committee, users, previous):
    nxt = services.prepare_next_meeting(committee, by=users["ict"], on=date(2025, 8, 12))
    assert nxt.state == "draft" and nxt.sequence == 2
    first = nxt.agenda_items.get(order=0)
    assert first.title == "বিগত সভার সিদ্ধান্ত বাস্তবায়ন অগ্রগতি"
    assert list(first.carried.all()) == [previous["open"]]
    assert "অনিষ্পন্ন সিদ্ধান্ত" in first.discussion
    assert "বহিরাগমন ও পাসপোর্ট অধিদপ্তর: সম্পন্ন বলে জানানো হয়েছে" in first.discussion
    assert "কারা অধিদপ্তর: শুরু হয়নি" in first.discussion
    assert "সম্পন্ন সিদ্ধান্ত" not in first.discussion.replace("অনিষ্পন্ন", "")
    assert "ভবিষ্যৎ" not in first.discussion  # not yet due
    assert nxt.title.endswith("২য় সভার কার্যবিবরণী")


def test_audit_summary_section_when_the_audits_service_answers(
    committee, users, previous, org, monkeypatch
):
    import types

    fake = types.ModuleType("tadarki.audits.services")

    def department_summary(department, round=None):
        if department.code != "dip":
            return {}
        return {
            "worst_offices": [
                {
                    "name": "আঞ্চলিক পাসপোর্ট অফিস, লক্ষ্মীপুর",
                    "host": "passport.lakshmipur.gov.bd",
                    "score": 42,
                }
            ],
            "open_findings": 7,
        }

    fake.department_summary = department_summary
    monkeypatch.setitem(__import__("sys").modules, "tadarki.audits.services", fake)
    nxt = services.prepare_next_meeting(committee, by=users["ict"], on=date(2025, 8, 12))
    items = list(nxt.agenda_items.order_by("order"))
    assert len(items) == 2
    assert items[1].number == "২.০" and "বহিরাগমন ও পাসপোর্ট অধিদপ্তরের" in items[1].title
    assert "passport.lakshmipur.gov.bd" in items[1].discussion and "৪২" in items[1].discussion
    assert "৭টি" in items[1].discussion


def test_prepare_view_shows_the_carried_decision(client, users, previous, committee):
    client.force_login(users["ict"])
    response = client.post(f"/committees/{committee.pk}/prepare/", follow=True)
    page = response.content.decode()
    assert "বিগত সভার সিদ্ধান্ত বাস্তবায়ন অগ্রগতি" in page
    assert "অনিষ্পন্ন সিদ্ধান্ত" in page


def test_audit_section_from_the_real_audits_service(committee, users, previous, org):
    pytest.importorskip("tadarki.audits.services").department_summary  # noqa: B018
    from tadarki.audits import scoring
    from tadarki.audits.models import AuditRound, Score

    audit_round = AuditRound.objects.create(number=3, state="done", score_method=scoring.METHOD)
    office = org["dip-lakshmipur"]
    office.portal_url = "https://passport.lakshmipur.gov.bd/"
    office.save()
    Score.objects.create(
        round=audit_round,
        unit=org["dip"],
        level="department",
        score=71.5,
        method=scoring.METHOD,
        open_findings=9,
        offices=1,
    )
    Score.objects.create(
        round=audit_round,
        unit=office,
        level="office",
        score=42.5,
        method=scoring.METHOD,
        open_findings=9,
    )
    nxt = services.prepare_next_meeting(committee, by=users["ict"], on=date(2025, 8, 12))
    (section,) = nxt.agenda_items.filter(order__gt=0)
    assert section.implementers_text == "বহিরাগমন ও পাসপোর্ট অধিদপ্তর"
    assert "নিরীক্ষা রাউন্ড ৩: অধিদপ্তরের স্কোর ৭১.৫" in section.discussion
    assert (
        "আঞ্চলিক পাসপোর্ট অফিস, লক্ষ্মীপুর [passport.lakshmipur.gov.bd] — স্কোর ৪২.৫" in section.discussion
    )
    assert "অনিষ্পন্ন পর্যবেক্ষণ: ৯টি" in section.discussion
