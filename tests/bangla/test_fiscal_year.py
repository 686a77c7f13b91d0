"""July–June fiscal year, its quarters, the charter deadline and Bengali ordinals."""

import unicodedata
from datetime import date, timedelta

import pytest

from tadarki.bangla.fiscal import (
    charter_deadline,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_label,
    fy_label,
    ordinal_bn,
    parse_fiscal_year,
    parse_ordinal_bn,
    quarter_label_bn,
    quarter_range,
)


@pytest.mark.parametrize(
    ("day", "fy", "quarter"),
    [
        (date(2024, 2, 27), 2023, 3),
        (date(2023, 7, 1), 2023, 1),
        (date(2023, 6, 30), 2022, 4),
        (date(2023, 9, 30), 2023, 1),
        (date(2023, 10, 1), 2023, 2),
        (date(2023, 12, 31), 2023, 2),
        (date(2024, 1, 1), 2023, 3),
        (date(2024, 4, 1), 2023, 4),
    ],
)
def test_fiscal_year_and_quarter(day, fy, quarter):
    assert fiscal_year(day) == fy
    assert fiscal_quarter(day) == quarter


def test_labels():
    assert fiscal_year_label(date(2024, 2, 27)) == "২০২৩-২০২৪"
    assert fy_label(2025) == "২০২৫-২০২৬"
    label = quarter_label_bn(2023, 3)
    assert label == unicodedata.normalize("NFC", "২০২৩-২০২৪ অর্থবছরের ৩য় ত্রৈমাসিক")
    assert unicodedata.is_normalized("NFC", label)


def test_quarter_ranges_tile_the_fiscal_year():
    assert quarter_range(2023, 1) == (date(2023, 7, 1), date(2023, 9, 30))
    assert quarter_range(2023, 2) == (date(2023, 10, 1), date(2023, 12, 31))
    assert quarter_range(2023, 3) == (date(2024, 1, 1), date(2024, 3, 31))
    assert quarter_range(2023, 4) == (date(2024, 4, 1), date(2024, 6, 30))
    for fy in (2019, 2023, 2024):
        previous_end = date(fy, 6, 30)
        for q in range(1, 5):
            first, last = quarter_range(fy, q)
            assert first == previous_end + timedelta(days=1)
            assert fiscal_quarter(first) == fiscal_quarter(last) == q
            assert fiscal_year(first) == fiscal_year(last) == fy
            previous_end = last
        assert previous_end == date(fy + 1, 6, 30)


def test_charter_deadlines():
    assert [charter_deadline(2023, q) for q in range(1, 5)] == [
        date(2023, 9, 7),
        date(2023, 12, 7),
        date(2024, 3, 7),
        date(2024, 6, 7),
    ]


@pytest.mark.parametrize("q", [0, 5])
def test_quarter_out_of_range(q):
    with pytest.raises(ValueError):
        quarter_range(2023, q)
    with pytest.raises(ValueError):
        charter_deadline(2023, q)
    with pytest.raises(ValueError):
        quarter_label_bn(2023, q)


def test_parse_fiscal_year():
    assert parse_fiscal_year("২০২৩-২০২৪") == 2023
    assert parse_fiscal_year("২০২৩-২৪") == 2023
    assert parse_fiscal_year("2019-20") == 2019
    for bad in ("২০২৩-২০২৫", "২০২৩", "FY"):
        with pytest.raises(ValueError):
            parse_fiscal_year(bad)


ORDINALS = {
    1: "১ম",
    2: "২য়",
    3: "৩য়",
    4: "৪র্থ",
    5: "৫ম",
    6: "৬ষ্ঠ",
    7: "৭ম",
    10: "১০ম",
    11: "১১তম",
    17: "১৭তম",
    21: "২১তম",
    100: "১০০তম",
}


@pytest.mark.parametrize(("n", "text"), ORDINALS.items())
def test_ordinals(n, text):
    text = unicodedata.normalize("NFC", text)
    assert ordinal_bn(n) == text
    assert parse_ordinal_bn(text) == n


def test_ordinals_round_trip_and_variants():
    for n in range(1, 200):
        assert parse_ordinal_bn(ordinal_bn(n)) == n
    assert parse_ordinal_bn("১৭ তম") == 17
    assert parse_ordinal_bn("17th") == 17
    assert parse_ordinal_bn("দ্বিতীয়") == 2
    assert parse_ordinal_bn("\u09e9\u09df") == 3  # ৩ + precomposed য় (U+09DF)
    for bad in ("তম", "০তম", "১৭তমা", ""):
        with pytest.raises(ValueError):
            parse_ordinal_bn(bad)
    with pytest.raises(ValueError):
        ordinal_bn(0)
