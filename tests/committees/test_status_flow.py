"""Per-implementer status: implementers report, the ICT cell confirms, every change recorded."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from tadarki.committees import actions, services
from tadarki.committees.models import AgendaItem, Occurrence, Status


@pytest.fixture
def decision(committee, users, org):
    meeting = services.create_meeting(
        committee, by=users["ict"], date=date(2025, 1, 5), issued_on=date(2025, 1, 6)
    )
    item = AgendaItem.objects.create(meeting=meeting, number="১.০", title="বিষয়")
    return services.add_decision(
        item,
        "পর্যবেক্ষণ হালনাগাদ",
        label="ক",
        deadline={"kind": "date", "date": "2025-02-01"},
        units=[org["dip"], org["prisons"]],
    )


def _occ(decision, unit):
    return Occurrence.objects.get(assignment__decision=decision, assignment__unit=unit)


def test_each_implementer_has_its_own_status(decision, users, org):
    dip, prisons = _occ(decision, org["dip"]), _occ(decision, org["prisons"])
    actions.change_status(dip, Status.IN_PROGRESS, by=users["dip"], note="কাজ চলছে")
    actions.change_status(dip, Status.REPORTED_DONE, by=users["dip"], note="হালনাগাদ সম্পন্ন")
    dip.refresh_from_db()
    prisons.refresh_from_db()
    assert dip.status == Status.REPORTED_DONE
    assert prisons.status == Status.NOT_STARTED
    history = list(dip.changes.values_list("from_status", "to_status", "by__username", "note"))
    assert history == [
        ("not_started", "in_progress", "dipfocal", "কাজ চলছে"),
        ("in_progress", "reported", "dipfocal", "হালনাগাদ সম্পন্ন"),
    ]


def test_confirming_is_a_separate_act_of_the_ict_cell(decision, users, org):
    dip = _occ(decision, org["dip"])
    actions.change_status(dip, Status.REPORTED_DONE, by=users["dip"])
    with pytest.raises(PermissionDenied):
        actions.change_status(dip, Status.CONFIRMED_DONE, by=users["dip"])
    actions.change_status(dip, Status.CONFIRMED_DONE, by=users["ict"], note="যাচাই করা হয়েছে")
    dip.refresh_from_db()
    assert dip.status == Status.CONFIRMED_DONE
    assert dip.changes.last().by == users["ict"]
    # Once confirmed, the implementer cannot move it again.
    with pytest.raises(PermissionDenied):
        actions.change_status(dip, Status.IN_PROGRESS, by=users["dip"])


def test_other_departments_and_members_cannot_report(decision, users, org):
    dip = _occ(decision, org["dip"])
    for user in (users["prisons"], users["member"]):
        with pytest.raises(PermissionDenied):
            actions.change_status(dip, Status.IN_PROGRESS, by=user)
    assert not dip.changes.exists()


def test_overdue_is_open_work_past_its_date(decision, users, org, committee):
    dip, prisons = _occ(decision, org["dip"]), _occ(decision, org["prisons"])
    actions.change_status(dip, Status.REPORTED_DONE, by=users["dip"])
    dip.refresh_from_db()
    assert not dip.is_overdue(date(2025, 2, 2))
    assert prisons.is_overdue(date(2025, 2, 2))
    assert not prisons.is_overdue(date(2025, 2, 1))
    counts = services.committee_counts(committee, users["ict"], today=date(2025, 2, 2))
    assert counts["overdue"] == 1 and counts["reported"] == 1 and counts["open"] == 1


def test_memo_numbers_run_per_year_in_bengali_digits(committee, users):
    first = services.create_meeting(committee, by=users["ict"], date=date(2025, 12, 20))
    services.issue_meeting(first, by=users["ict"], on=date(2025, 12, 28))
    second = services.create_meeting(committee, by=users["ict"], date=date(2025, 12, 29))
    services.issue_meeting(second, by=users["ict"], on=date(2025, 12, 30))
    third = services.create_meeting(committee, by=users["ict"], date=date(2026, 1, 10))
    services.issue_meeting(third, by=users["ict"], on=date(2026, 1, 12))
    assert first.memo_number == "৫৮.০০.০০০০.০১৮.৩১.০০২.২১.১"
    assert second.memo_number == "৫৮.০০.০০০০.০১৮.৩১.০০২.২১.২"
    assert third.memo_number == "৫৮.০০.০০০০.০১৮.৩১.০০২.২১.১"
    assert third.state == "issued" and third.title.endswith("৩য় সভার কার্যবিবরণী")
