"""The field-accuracy scorer counts the judged fields and nothing else."""

import copy

from tadarki.minutes.accuracy import mistakes, score

EXPECTED = {
    "title": "সভার কার্যবিবরণী",
    "meeting": {"date": "2025-08-12", "chair": {"name": "খলিল আহমেদ", "designation": "যুগ্মসচিব"}},
    "memo_number": "৫৮.০০",
    "issued_on": "2025-08-21",
    "agenda_items": [
        {
            "decisions": [
                {"label": "ক", "text": "এক", "implementers": ["কারা অধিদপ্তর"], "deadline": None},
                {"label": "খ", "text": "দুই", "implementers": [], "deadline": {"kind": "asap"}},
            ]
        }
    ],
}


def test_identical_parse_scores_every_field():
    assert score(EXPECTED, copy.deepcopy(EXPECTED)) == (10, 10)
    assert mistakes(EXPECTED, EXPECTED) == []


def test_unjudged_fields_do_not_count():
    actual = copy.deepcopy(EXPECTED)
    actual["title"] = "অন্য"
    actual["meeting"]["chair"]["designation"] = "সচিব"
    actual["agenda_items"][0]["decisions"][0]["label"] = "১"
    assert score(EXPECTED, actual) == (10, 10)


def test_wrong_and_missing_fields_count_against():
    actual = copy.deepcopy(EXPECTED)
    actual["issued_on"] = None
    actual["agenda_items"][0]["decisions"].pop()  # its text, implementers and deadline
    assert score(EXPECTED, actual) == (6, 10)
    assert mistakes(EXPECTED, actual) == [
        "issued_on",
        "decisions[1].text",
        "decisions[1].implementers",
        "decisions[1].deadline",
    ]


def test_decisions_are_compared_across_agenda_items_in_order():
    actual = copy.deepcopy(EXPECTED)
    second = actual["agenda_items"][0]["decisions"].pop()
    actual["agenda_items"].append({"decisions": [second]})
    assert score(EXPECTED, actual) == (10, 10)
