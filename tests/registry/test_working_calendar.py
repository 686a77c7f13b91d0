from datetime import date

import pytest

from tadarki.registry.calendar import working_calendar
from tadarki.registry.models import Holiday

workdays = pytest.importorskip("tadarki.bangla.workdays")


@pytest.mark.django_db
def test_holidays_from_the_admin_reach_the_working_calendar(monkeypatch):
    seen = {}

    class Recorder:
        def __init__(self, extra_holidays=(), removed=()):
            seen["extra"], seen["removed"] = list(extra_holidays), list(removed)

    monkeypatch.setattr(workdays, "WorkingCalendar", Recorder)
    Holiday.objects.create(date=date(2025, 8, 5), name_bn="জুলাই গণঅভ্যুত্থান দিবস")
    Holiday.objects.create(date=date(2025, 3, 26), removed=True)
    working_calendar()
    assert seen == {"extra": [date(2025, 8, 5)], "removed": [date(2025, 3, 26)]}


@pytest.mark.django_db
def test_added_holiday_is_not_a_working_day_and_removed_one_is():
    added = date(2025, 8, 12)  # a Tuesday
    Holiday.objects.create(date=added, name_bn="বিশেষ ছুটি")
    assert working_calendar().is_working_day(added) is False
    builtin = date(2025, 3, 26)  # Independence Day, a Wednesday
    assert working_calendar().is_working_day(builtin) is False
    Holiday.objects.create(date=builtin, removed=True)
    assert working_calendar().is_working_day(builtin) is True
