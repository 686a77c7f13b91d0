"""Bangladesh working days: Friday–Saturday weekend, public holidays, admin-entered changes."""

from datetime import date, timedelta

import pytest

from tadarki.bangla.workdays import EXTRA_HOLIDAY_NAME, WorkingCalendar


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar()


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2024, 2, 21), "শহীদ দিবস ও আন্তর্জাতিক মাতৃভাষা দিবস"),
        (date(2024, 3, 26), "স্বাধীনতা দিবস"),
        (date(2024, 4, 14), "পহেলা বৈশাখ"),
        (date(2024, 5, 1), "মে দিবস"),
        (date(2024, 12, 16), "বিজয় দিবস"),
        (date(2024, 4, 11), "ঈদুল ফিতর"),
        (date(2024, 6, 17), "ঈদুল আজহা"),
        (date(2023, 8, 15), "জাতীয় শোক দিবস"),
        (date(2025, 8, 5), "জুলাই গণ-অভ্যুত্থান দিবস"),
    ],
)
def test_known_public_holidays(cal, day, name):
    assert cal.is_holiday(day)
    assert not cal.is_working_day(day)
    assert cal.holiday_name(day) == name


def test_national_mourning_day_is_no_holiday_since_2024(cal):
    # Cancelled on 13 August 2024; 15 August 2024 was a Thursday and offices worked.
    assert not cal.is_holiday(date(2024, 8, 15))
    assert cal.is_working_day(date(2024, 8, 15))
    assert not cal.is_holiday(date(2025, 8, 15))
    assert not cal.is_holiday(date(2026, 8, 15))


def test_friday_and_saturday_are_weekend_not_holidays(cal):
    friday, saturday, sunday = date(2024, 3, 1), date(2024, 3, 2), date(2024, 3, 3)
    assert cal.is_weekend(friday) and cal.is_weekend(saturday)
    assert not cal.is_working_day(friday)
    assert not cal.is_working_day(saturday)
    assert cal.holiday_name(friday) is None
    assert cal.is_working_day(sunday)


def test_extra_holidays_from_the_admin():
    durga_puja = date(2024, 10, 13)  # Bijoya Dashami, absent from the library
    assert WorkingCalendar().is_working_day(durga_puja)
    cal = WorkingCalendar(extra_holidays={durga_puja})
    assert not cal.is_working_day(durga_puja)
    assert cal.holiday_name(durga_puja) == EXTRA_HOLIDAY_NAME
    named = WorkingCalendar(extra_holidays={durga_puja: "দুর্গাপূজা (বিজয়া দশমী)"})
    assert named.holiday_name(durga_puja) == "দুর্গাপূজা (বিজয়া দশমী)"


def test_removed_dates_become_working_days():
    christmas = date(2024, 12, 25)
    assert not WorkingCalendar().is_working_day(christmas)
    cal = WorkingCalendar(removed=[christmas])
    assert cal.is_working_day(christmas)
    assert cal.holiday_name(christmas) is None
    # Removing a holiday does not make a weekend day a working day.
    assert not WorkingCalendar(removed=[date(2024, 4, 12)]).is_working_day(date(2024, 4, 12))


def test_add_working_days_counts_from_the_issue_date(cal):
    # Thursday 21 August 2025 + "আগামী ০৭ কার্যদিবস": Sun 24 … Thu 28, Sun 31, Mon 1 Sep.
    assert cal.add_working_days(date(2025, 8, 21), 7) == date(2025, 9, 1)
    # Across Eid-ul-Fitr and Pohela Boishakh 2024.
    assert cal.add_working_days(date(2024, 4, 4), 7) == date(2024, 4, 21)
    assert cal.add_working_days(date(2024, 4, 4), 0) == date(2024, 4, 4)
    assert cal.add_working_days(date(2024, 4, 21), -7) == date(2024, 4, 4)


def test_working_days_between_is_the_inverse_of_add(cal):
    start = date(2024, 3, 20)
    for offset in range(0, 40, 3):
        a = start + timedelta(days=offset)
        for n in range(-12, 13):
            b = cal.add_working_days(a, n)
            assert cal.working_days_between(a, b) == n
            assert n == 0 or cal.is_working_day(b)


def test_working_days_between_examples(cal):
    assert cal.working_days_between(date(2024, 4, 9), date(2024, 4, 15)) == 1
    assert cal.working_days_between(date(2024, 3, 3), date(2024, 3, 3)) == 0
    # Sun 3 .. Thu 7 March 2024: four working days after Sunday.
    assert cal.working_days_between(date(2024, 3, 3), date(2024, 3, 7)) == 4


def test_next_working_day(cal):
    assert cal.next_working_day(date(2024, 4, 9)) == date(2024, 4, 15)
    assert cal.next_working_day(date(2024, 3, 3)) == date(2024, 3, 4)
    assert cal.working_day_on_or_after(date(2024, 3, 3)) == date(2024, 3, 3)
    assert cal.working_day_on_or_after(date(2024, 3, 1)) == date(2024, 3, 3)


def test_holidays_in_lists_named_holidays_in_order(cal):
    found = cal.holidays_in(date(2024, 4, 1), date(2024, 4, 30))
    days = [day for day, _ in found]
    assert days == sorted(days)
    assert (date(2024, 4, 14), "পহেলা বৈশাখ") in found
    assert date(2024, 4, 11) in days
