"""Minutes written for these tests (tests/minutes/data): a decisions table with tabs, one with
a cell per line, one in markdown pipes with a deadline column, and lettered forms with colon
headers, hard-wrapped lines and per-decision or per-agenda implementer lines."""

import pytest
from tests.minutes.minutes_files import DATA, json_twin

from tadarki.minutes import parse_file
from tadarki.minutes.accuracy import mistakes, score

OWN = [
    "psd-rms-3rd-2022.txt",
    "psd-website-2nd-2022.txt",
    "ssd-enothi-2023.md",
    "fscd-website-8th-2023.md",
    "psd-coordination-2022-03.txt",
]


def _expected(name: str) -> dict:
    return json_twin(DATA / name)


@pytest.mark.parametrize("name", OWN)
def test_own_minutes_parse_to_their_json(name):
    assert parse_file(DATA / name) == _expected(name)


def test_judged_fields_of_own_minutes_are_all_right():
    right = checked = 0
    for name in OWN:
        expected, actual = _expected(name), parse_file(DATA / name)
        r, c = score(expected, actual)
        assert not mistakes(expected, actual), name
        right, checked = right + r, checked + c
    assert checked == 5 * 4 + 3 * (6 + 5 + 3 + 3 + 4)
    assert right == checked


def test_table_form_keeps_each_row_as_an_agenda_item_with_its_implementers():
    minutes = parse_file(DATA / "psd-rms-3rd-2022.txt")
    rows = minutes["agenda_items"]
    assert [row["number"] for row in rows] == ["০১", "০২", "০৩", "০৪", "০৫"]
    assert rows[0]["title"] == "মাসিক প্রতিবেদন প্রেরণ"
    assert rows[2]["implementers"] == ["আনসার ও গ্রাম প্রতিরক্ষা বাহিনী", "আইসিটি সেল"]
    assert [d["label"] for d in rows[4]["decisions"]] == ["ক", "খ"]


def test_distribution_stops_where_a_second_list_restarts_at_one():
    assert parse_file(DATA / "psd-rms-3rd-2022.txt")["distribution_count"] == 5
