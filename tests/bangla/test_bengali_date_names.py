"""Bengali month and weekday names, their spelling variants, and dates written in words."""

import unicodedata
from datetime import date

import pytest

from tadarki.bangla.calendar import (
    GREGORIAN_MONTHS_BN,
    MONTHS_BN,
    WEEKDAYS_BN,
    format_dual,
    format_gregorian_bn,
    gregorian_month_from_name,
    month_from_name,
    parse_bangla,
    parse_gregorian_bn,
    weekday_bn,
)


def test_names_are_nfc_and_complete():
    for names, count in ((MONTHS_BN, 12), (GREGORIAN_MONTHS_BN, 12), (WEEKDAYS_BN, 7)):
        assert len(names) == len(set(names)) == count
        assert all(unicodedata.is_normalized("NFC", name) for name in names)
    assert MONTHS_BN[7] == unicodedata.normalize("NFC", "অগ্রহায়ণ")
    assert GREGORIAN_MONTHS_BN[11] == "ডিসেম্বর"


@pytest.mark.parametrize("number", range(1, 13))
def test_standard_month_names_round_trip(number):
    assert month_from_name(MONTHS_BN[number - 1]) == number
    assert gregorian_month_from_name(GREGORIAN_MONTHS_BN[number - 1]) == number


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("অগ্রহায়ন", 8),
        ("অগ্রহায়ণ", 8),
        ("\u0985\u0997\u09cd\u09b0\u09b9\u09be\u09df\u09a3", 8),  # precomposed য় (U+09DF)
        ("জৈষ্ঠ", 2),
        ("জ্যৈষ্ঠ", 2),
        ("আষাড়", 3),
        ("আষাঢ়", 3),
        ("ফাল্গুন", 11),
        ("ফালগুন", 11),
        ("চৈত্র", 12),
        ("শ্রাবন", 4),
        ("কার্ত্তিক", 7),
        (" পৌষ ", 9),
        ("Boishakh", 1),
    ],
)
def test_bangla_month_spelling_variants(name, number):
    assert month_from_name(name) == number


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("জানুয়ারী", 1),
        ("জানুয়ারি", 1),
        ("ফেব্রুয়ারী", 2),
        ("আগষ্ট", 8),
        ("আগস্ট", 8),
        ("সেপ্টেম্বর", 9),
        ("অক্টোবর", 10),
        ("নভেম্বর", 11),
        ("নভেম্বার", 11),
        ("ডিসেম্বর", 12),
        ("December", 12),
    ],
)
def test_gregorian_month_spelling_variants(name, number):
    assert gregorian_month_from_name(name) == number


@pytest.mark.parametrize("name", ["", "সোমবার", "ভাদ্রমাস", "xyz"])
def test_unknown_month_names_raise(name):
    with pytest.raises(ValueError):
        month_from_name(name)
    with pytest.raises(ValueError):
        gregorian_month_from_name(name)


def test_gregorian_and_dual_formatting():
    assert format_gregorian_bn(date(2021, 12, 31)) == "৩১ ডিসেম্বর ২০২১"
    assert format_gregorian_bn(date(2020, 3, 1)) == "১ মার্চ ২০২০"
    assert format_gregorian_bn(date(2020, 3, 1), zero_pad=True) == "০১ মার্চ ২০২০"
    assert format_dual(date(2021, 12, 31)) == ("১৬ পৌষ ১৪২৮", "৩১ ডিসেম্বর ২০২১")


def test_weekday_names():
    assert weekday_bn(date(2025, 8, 21)) == "বৃহস্পতিবার"
    assert weekday_bn(date(2021, 12, 31)) == "শুক্রবার"
    assert weekday_bn(date(2024, 3, 3)) == "রবিবার"


def test_parse_dates_written_in_words():
    assert parse_bangla("১৬ পৌষ ১৪২৮") == date(2021, 12, 31)
    assert parse_bangla("০৬ ভাদ্র ১৪৩২ বঙ্গাব্দ") == date(2025, 8, 21)
    assert parse_bangla("১৯ ফালগুন ১৪৩০") == date(2024, 3, 3)
    assert parse_gregorian_bn("৩১ ডিসেম্বর ২০২১") == date(2021, 12, 31)
    assert parse_gregorian_bn("১৫ অক্টোবর, ২০২৩ খ্রিষ্টাব্দ") == date(2023, 10, 15)
    with pytest.raises(ValueError):
        parse_bangla("৩১ কার্তিক ১৪৩২")
    with pytest.raises(ValueError):
        parse_gregorian_bn("ডিসেম্বর ২০২১")
