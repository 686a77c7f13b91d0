from datetime import date

import pytest
from django.core.management import call_command

from tadarki.bangla.workdays import WorkingCalendar
from tadarki.committees import deadlines, services
from tadarki.committees.models import AgendaItem, Occurrence
from tadarki.registry.models import Holiday


def test_date_kind_is_taken_as_is():
    r = deadlines.resolve({"kind": "date", "date": "2020-03-01"}, date(2020, 1, 5))
    assert r.dates == [date(2020, 3, 1)]


def test_working_days_skip_friday_saturday_and_holidays():
    # Issued Sunday 3 March 2024: Mon–Thu, then the weekend, then Sun 10, Mon 11, Tue 12.
    plain = deadlines.resolve(
        {"kind": "working_days", "count": 7}, date(2024, 3, 3), WorkingCalendar()
    )
    assert plain.first == date(2024, 3, 12)
    with_holiday = deadlines.resolve(
        {"kind": "working_days", "count": 7},
        date(2024, 3, 3),
        WorkingCalendar(extra_holidays=[date(2024, 3, 5)]),
    )
    assert with_holiday.first == date(2024, 3, 13)


def test_recurring_gives_every_occurrence_up_to_the_horizon():
    r = deadlines.resolve(
        {"kind": "recurring", "rrule": "FREQ=MONTHLY;BYMONTHDAY=4"},
        date(2024, 3, 3),
        until=date(2024, 12, 31),
    )
    assert r.dates[0] == date(2024, 3, 4)
    assert r.dates[-1] == date(2024, 12, 4)
    assert len(r.dates) == 10


def test_quarterly_charter_rule_lands_on_the_seventh_of_the_third_month():
    r = deadlines.resolve(
        {"kind": "recurring", "rrule": "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=7"},
        date(2024, 3, 3),
    )
    assert r.dates[:4] == [date(2024, 3, 7), date(2024, 6, 7), date(2024, 9, 7), date(2024, 12, 7)]


def test_asap_and_next_meeting_have_no_date_yet():
    assert deadlines.resolve({"kind": "asap"}, date(2024, 1, 1)).asap
    waiting = deadlines.resolve({"kind": "next_meeting"}, date(2024, 1, 1))
    assert waiting.waits_for_next_meeting and waiting.first is None
    known = deadlines.resolve(
        {"kind": "next_meeting"}, date(2024, 1, 1), next_meeting=date(2024, 2, 1)
    )
    assert known.first == date(2024, 2, 1)


@pytest.fixture
def meeting(committee, users):
    return services.create_meeting(
        committee, by=users["ict"], date=date(2024, 2, 27), issued_on=date(2024, 3, 3)
    )


def _item(meeting):
    return AgendaItem.objects.create(meeting=meeting, number="১.০", title="বিষয়")


def test_working_days_on_save_use_admin_holidays(meeting, org):
    Holiday.objects.create(date=date(2024, 3, 5), name_bn="সাধারণ ছুটি")
    d = services.add_decision(
        _item(meeting),
        "কর্মকর্তা মনোনয়ন",
        deadline={"kind": "working_days", "count": 7},
        units=[org["dip"]],
    )
    assert d.due_date == date(2024, 3, 13)
    assert list(
        Occurrence.objects.filter(assignment__decision=d).values_list("due_date", flat=True)
    ) == [date(2024, 3, 13)]


def test_recurring_occurrences_are_tracked_per_implementer(meeting, org):
    d = services.add_decision(
        _item(meeting),
        "মাসিক প্রতিবেদন",
        deadline={"kind": "recurring", "rrule": "FREQ=MONTHLY;BYMONTHDAY=4"},
        units=[org["dip"], org["prisons"]],
    )
    dip = Occurrence.objects.filter(assignment__decision=d, assignment__unit=org["dip"])
    assert dip.count() == 12  # 4 March 2024 … 4 February 2025
    first, second = dip[0], dip[1]
    first.status = "confirmed"
    first.save()
    second.refresh_from_db()
    assert second.status == "not_started"
    # Extending is idempotent and adds only the new months.
    added = services.extend_recurring(until=date(2025, 4, 30))
    assert added == 2 * 2
    assert services.extend_recurring(until=date(2025, 4, 30)) == 0
    call_command("extend_occurrences", "--until", "2025-05-31")
    assert dip.count() == 15


def test_next_meeting_deadline_resolves_when_the_next_meeting_is_scheduled(
    meeting, committee, org, users
):
    d = services.add_decision(
        _item(meeting), "পরবর্তী সভায় উপস্থাপন", deadline={"kind": "next_meeting"}, units=[org["dnc"]]
    )
    occurrence = Occurrence.objects.get(assignment__decision=d)
    assert occurrence.due_date is None
    services.create_meeting(committee, by=users["ict"], date=date(2024, 4, 10))
    d.refresh_from_db()
    occurrence.refresh_from_db()
    assert d.due_date == date(2024, 4, 10) == occurrence.due_date


def test_decision_form_reads_the_deadline_from_bengali_wording(client, users, meeting, org):
    item = _item(meeting)
    client.force_login(users["ict"])
    response = client.post(
        f"/committees/items/{item.pk}/decisions/",
        {
            "label": "খ",
            "text": "কর্মকর্তা মনোনয়নপূর্বক আগামী ০৭ (সাত) কার্যদিবসের মধ্যে অবহিত করতে হবে;",
            "deadline_kind": "auto",
            "units": [org["dip"].pk, org["prisons"].pk],
        },
    )
    assert response.status_code == 302
    decision = item.decisions.get()
    assert decision.deadline == {"kind": "working_days", "count": 7}
    assert decision.due_date == WorkingCalendar().add_working_days(date(2024, 3, 3), 7)
    assert decision.assignments.count() == 2


def test_reissuing_moves_the_single_occurrence_instead_of_adding_one(meeting, org, users):
    d = services.add_decision(
        _item(meeting), "মনোনয়ন", deadline={"kind": "working_days", "count": 7}, units=[org["dip"]]
    )
    meeting.issued_on = date(2024, 3, 10)
    meeting.save()
    services.sync_occurrences(d)
    (occurrence,) = Occurrence.objects.filter(assignment__decision=d)
    assert occurrence.due_date == WorkingCalendar().add_working_days(date(2024, 3, 10), 7)


def test_bare_monthly_falls_due_a_month_after_issue():
    r = deadlines.resolve(
        {"kind": "recurring", "rrule": "FREQ=MONTHLY"}, date(2025, 8, 21), until=date(2025, 12, 31)
    )
    assert r.dates == [
        date(2025, 9, 21),
        date(2025, 10, 21),
        date(2025, 11, 21),
        date(2025, 12, 21),
    ]


def test_moving_the_next_meeting_moves_the_deadline(meeting, committee, org, users, client):
    d = services.add_decision(
        _item(meeting), "পরবর্তী সভায় জানাতে হবে", deadline={"kind": "next_meeting"}, units=[org["dnc"]]
    )
    nxt = services.create_meeting(committee, by=users["ict"], date=date(2024, 4, 10))
    client.force_login(users["ict"])
    response = client.post(
        f"/committees/meetings/{nxt.pk}/edit/",
        {"sequence": nxt.sequence, "title": nxt.title, "date": "2024-04-17", "layout": "sections"},
    )
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.due_date == date(2024, 4, 17)
