"""Gregorian ↔ Bangla (বঙ্গাব্দ) conversion under the 1987 and the revised (1426+) rules."""

import calendar
from datetime import date, timedelta

import pytest

from tadarki.bangla.calendar import (
    MAX_YEAR,
    MONTHS_BN,
    REVISED_FROM_YEAR,
    BanglaDate,
    format_bangla,
    from_bangla,
    month_length,
    month_lengths,
    to_bangla,
    year_start,
)

# Issue dates printed on signed minutes of the Ministry of Home Affairs.
SIGNED_MINUTES = [
    (date(2025, 8, 21), "৬ ভাদ্র ১৪৩২", BanglaDate(1432, 5, 6)),
    (date(2021, 12, 31), "১৬ পৌষ ১৪২৮", BanglaDate(1428, 9, 16)),
    (date(2024, 3, 3), "১৯ ফাল্গুন ১৪৩০", BanglaDate(1430, 11, 19)),
    (date(2023, 9, 26), "১১ আশ্বিন ১৪৩০", BanglaDate(1430, 6, 11)),
    (date(2020, 3, 8), "২৪ ফাল্গুন ১৪২৬", BanglaDate(1426, 11, 24)),
]


@pytest.mark.parametrize(("gregorian", "text", "bangla"), SIGNED_MINUTES)
def test_signed_minutes_dates(gregorian, text, bangla):
    assert to_bangla(gregorian) == bangla
    assert format_bangla(gregorian) == text
    assert from_bangla(bangla.year, bangla.month, bangla.day) == gregorian


# National days the revision pinned to their historical Bangla dates.
FIXED_DAYS = [
    ((12, 16), (9, 1)),  # Victory Day = ১ পৌষ
    ((2, 21), (11, 8)),  # Shaheed Day = ৮ ফাল্গুন
    ((3, 26), (12, 12)),  # Independence Day = ১২ চৈত্র
    ((4, 14), (1, 1)),  # Pohela Boishakh = ১ বৈশাখ
    ((8, 15), (4, 31)),  # ৩১ শ্রাবণ
]


@pytest.mark.parametrize("year", [2020, 2021, 2023, 2024, 2025, 2028, 2100])
@pytest.mark.parametrize(("gregorian_md", "bangla_md"), FIXED_DAYS)
def test_fixed_national_days_in_leap_and_common_years(year, gregorian_md, bangla_md):
    bangla = to_bangla(date(year, *gregorian_md))
    assert (bangla.month, bangla.day) == bangla_md


def test_round_trip_every_day_1990_to_2035():
    day = date(1990, 1, 1)
    previous = to_bangla(day - timedelta(days=1))
    while day <= date(2035, 12, 31):
        bangla = to_bangla(day)
        assert from_bangla(bangla.year, bangla.month, bangla.day) == day
        # Consecutive days are consecutive Bangla days: no gap, no repeat.
        if bangla.day == 1:
            assert (bangla.month, previous.month) in {(1, 12), *((m, m - 1) for m in range(2, 13))}
            assert previous.day == month_length(previous.year, previous.month)
            assert bangla.year == previous.year + (bangla.month == 1)
        else:
            assert (bangla.year, bangla.month, bangla.day - 1) == (
                previous.year,
                previous.month,
                previous.day,
            )
        previous = bangla
        day += timedelta(days=1)


def test_revised_month_lengths():
    # 1430: Falgun falls in February–March 2024, a leap year.
    assert month_lengths(1430) == (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30)
    assert month_lengths(1431) == (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 29, 30)
    assert month_lengths(1426) == (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30)


def test_1987_rule_month_lengths_before_the_revision():
    # 1422: Falgun in February–March 2016 (leap) has 31 days; Ashwin already 30.
    assert month_lengths(1422) == (31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 31, 30)
    assert month_lengths(1425) == (31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30, 30)


@pytest.mark.parametrize("year", range(1390, 1460))
def test_every_year_has_the_gregorian_length_and_starts_on_14_april(year):
    start = year_start(year)
    assert start == date(year + 593, 4, 14)
    assert sum(month_lengths(year)) == (year_start(year + 1) - start).days
    expected = 366 if calendar.isleap(year + 594) else 365
    assert sum(month_lengths(year)) == expected


def test_1987_rule_dates_differ_from_the_revised_ones():
    # Under the old rule Victory Day fell on ২ পৌষ and Shaheed Day on ৯ ফাল্গুন.
    assert to_bangla(date(2018, 12, 16)) == BanglaDate(1425, 9, 2)
    assert to_bangla(date(2019, 2, 21)) == BanglaDate(1425, 11, 9)
    assert to_bangla(date(2016, 3, 14)) == BanglaDate(1422, 11, 31)


def test_cut_over_on_14_april_2019():
    assert to_bangla(date(2019, 4, 13)) == BanglaDate(1425, 12, 30)
    assert to_bangla(date(2019, 4, 14)) == BanglaDate(1426, 1, 1)
    assert from_bangla(1425, 12, 30) == date(2019, 4, 13)
    assert REVISED_FROM_YEAR == 1426
    # The first year under the revised rule gives Ashwin its 31st day.
    assert from_bangla(1426, 6, 31) == date(2019, 10, 16)
    with pytest.raises(ValueError):
        from_bangla(1425, 6, 31)


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [
        (1431, 11, 30),  # Falgun 1431 (2025, not leap) has 29 days
        (1430, 11, 31),
        (1432, 7, 31),  # Kartik has 30
        (1432, 0, 1),
        (1432, 13, 1),
        (1432, 1, 0),
        (0, 1, 1),
        (MAX_YEAR + 1, 1, 1),
    ],
)
def test_from_bangla_rejects_days_that_do_not_exist(year, month, day):
    with pytest.raises(ValueError):
        from_bangla(year, month, day)


def test_falgun_30_exists_only_in_leap_years():
    assert from_bangla(1430, 11, 30) == date(2024, 3, 14)
    assert from_bangla(1431, 11, 29) == date(2025, 3, 14)


def test_dates_before_the_bangla_era_are_rejected():
    with pytest.raises(ValueError):
        to_bangla(date(500, 1, 1))


def test_bangla_date_is_frozen_and_prints_in_bengali():
    bangla = BanglaDate(1432, 5, 6)
    assert str(bangla) == "৬ ভাদ্র ১৪৩২"
    with pytest.raises(AttributeError):
        bangla.day = 7  # type: ignore[misc]
    assert MONTHS_BN[bangla.month - 1] == "ভাদ্র"
