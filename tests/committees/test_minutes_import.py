"""import_minutes: parsed minutes (minutes-json.md) become an issued meeting with tracked work."""

from datetime import date

import pytest

from tadarki.bangla.workdays import WorkingCalendar
from tadarki.committees import services
from tadarki.committees.models import Assignment, Decision, Meeting, Occurrence


@pytest.mark.django_db
def test_website_monitoring_sample_becomes_an_issued_meeting(committee, users, org, sample_json):
    meeting = services.import_minutes(
        sample_json("website-monitoring-17th-2025.json"), committee, by=users["ict"]
    )
    assert meeting.state == Meeting.State.ISSUED
    assert meeting.sequence == 17
    assert meeting.memo_number == "৫৮.০০.০০০০.০০০.০১৮.৩১.০০০৩.১৭.৮৯"
    assert meeting.issued_on == date(2025, 8, 21)
    assert meeting.chair_name == "খলিল আহমেদ"
    assert meeting.time.hour == 9
    assert meeting.agenda_items.count() == 5
    assert Decision.objects.filter(agenda_item__meeting=meeting).count() == 11
    first = Decision.objects.get(agenda_item__number="১.০", label="ক")
    assert first.is_asap
    assert [a.unit for a in first.assignments.all()] == [org["dip"]]
    # "সুরক্ষা সেবা বিভাগ ও আওতাধীন অধিদপ্তরসমূহ": the division and each of its four departments.
    misc = Decision.objects.get(agenda_item__number="৫.০", label="ক")
    assert {a.unit.code for a in misc.assignments.all()} == {"ssd", "dip", "prisons", "dnc", "fscd"}
    # Monthly publication of seizure figures: one occurrence per month per implementer.
    monthly = Decision.objects.get(agenda_item__number="৩.০", label="খ")
    assert Occurrence.objects.filter(assignment__decision=monthly).count() == 12


@pytest.mark.django_db
def test_charter_sample_counts_working_days_from_the_issue_date(committee, users, sample_json):
    meeting = services.import_minutes(
        sample_json("citizen-charter-q3-2024.json"), committee, by=users["ict"]
    )
    nominate = Decision.objects.get(agenda_item__meeting=meeting, deadline__kind="working_days")
    assert nominate.due_date == WorkingCalendar().add_working_days(date(2024, 3, 3), 7)
    assert nominate.assignments.filter(unit__kind="department").count() == 4
    training = Decision.objects.get(
        agenda_item__meeting=meeting, label="খ", agenda_item__number="২.০"
    )
    (a,) = training.assignments.all()
    assert a.unit is None and a.name == "প্রশাসন-১ শাখা"


@pytest.mark.django_db
def test_review_mapping_overrides_matching_and_keeps_free_text(committee, users, org, sample_json):
    parsed = sample_json("innovation-team-4th-2019.json")
    unit_map = {"সুরক্ষা সেবা বিভাগের অধীন অধিদপ্তরসমূহ": [org["dnc"].pk], "যুগ্মসচিব (প্রশাসন ও অর্থ)": []}
    meeting = services.import_minutes(parsed, committee, by=users["ict"], unit_map=unit_map)
    first = Decision.objects.get(agenda_item__meeting=meeting, label="ক", agenda_item__number="১.০")
    assert [a.unit for a in first.assignments.all()] == [org["dnc"]]
    assert first.due_date == date(2020, 3, 1)
    post = Assignment.objects.get(
        decision__agenda_item__meeting=meeting, name="যুগ্মসচিব (প্রশাসন ও অর্থ)"
    )
    assert post.unit is None


@pytest.mark.django_db
def test_aliases_match_registry_units(committee, org):
    assert services.match_implementers("ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর", committee) == [org["dip"]]
    assert services.match_implementers("সিস্টেম এনালিস্ট, আইসিটি সেল", committee) == []
    assert len(services.match_implementers("সকল অধিদপ্তর", committee)) == 4
