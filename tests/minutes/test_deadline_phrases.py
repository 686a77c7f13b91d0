"""Bengali deadline phrases → minutes-json.md deadline objects."""

import pytest

from tadarki.minutes import parse_deadline

CASES = [
    ("১৫ অক্টোবর ২০২৩ তারিখের মধ্যে", {"kind": "date", "date": "2023-10-15"}),
    ("15 অক্টোবর 2023 তারিখের মধ্যে", {"kind": "date", "date": "2023-10-15"}),
    ("০১.০৩.২০২০ তারিখের মধ্যে", {"kind": "date", "date": "2020-03-01"}),
    ("1.3.2020 তারিখের মধ্যে", {"kind": "date", "date": "2020-03-01"}),
    ("০১/০৩/২০২০ তারিখের মধ্যে", {"kind": "date", "date": "2020-03-01"}),
    ("01-03-2020 এর মধ্যে", {"kind": "date", "date": "2020-03-01"}),
    ("১লা জুলাই ২০২৪ তারিখের মধ্যে", {"kind": "date", "date": "2024-07-01"}),
    ("১৫ পৌষ ১৪৩০ তারিখের মধ্যে", {"kind": "date", "date": "2023-12-30"}),
    ("২রা বৈশাখ ১৪৩১ তারিখের মধ্যে", {"kind": "date", "date": "2024-04-15"}),
    ("আগামী ০৭ কার্যদিবসের মধ্যে", {"kind": "working_days", "count": 7}),
    ("আগামী 7 কার্যদিবসের মধ্যে", {"kind": "working_days", "count": 7}),
    ("আগামী ০৭ (সাত) কার্যদিবসের মধ্যে", {"kind": "working_days", "count": 7}),
    ("সাত কর্মদিবসের মধ্যে", {"kind": "working_days", "count": 7}),
    ("৭ দিনের মধ্যে", {"kind": "days", "count": 7}),
    ("১০ দিনের মধ্যে", {"kind": "days", "count": 10}),
    ("প্রতিমাসের ০৪ তারিখের মধ্যে", {"kind": "recurring", "rrule": "FREQ=MONTHLY;BYMONTHDAY=4"}),
    ("প্রতি মাসের 4 তারিখের মধ্যে", {"kind": "recurring", "rrule": "FREQ=MONTHLY;BYMONTHDAY=4"}),
    ("প্রতি ০৩ মাস পর পর", {"kind": "recurring", "rrule": "FREQ=MONTHLY;INTERVAL=3"}),
    ("প্রতি 3 মাস পর পর", {"kind": "recurring", "rrule": "FREQ=MONTHLY;INTERVAL=3"}),
    ("মাসিকভিত্তিতে", {"kind": "recurring", "rrule": "FREQ=MONTHLY"}),
    ("প্রতি মাসে", {"kind": "recurring", "rrule": "FREQ=MONTHLY"}),
    ("ত্রৈমাসিকভিত্তিতে", {"kind": "recurring", "rrule": "FREQ=MONTHLY;INTERVAL=3"}),
    (
        "প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে",
        {"kind": "recurring", "rrule": "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=7"},
    ),
    ("পরবর্তী সভার পূর্বে", {"kind": "next_meeting"}),
    ("পরবর্তী সভার মধ্যে", {"kind": "next_meeting"}),
    ("দ্রুততম সময়ে", {"kind": "asap"}),
    ("দূততম সময়ে", {"kind": "asap"}),
    ("দ্রুত", {"kind": "asap"}),
    ("অবিলম্বে", {"kind": "asap"}),
    ("জরুরি ভিত্তিতে", {"kind": "asap"}),
]


@pytest.mark.parametrize(("phrase", "deadline"), CASES)
def test_phrase(phrase, deadline):
    assert parse_deadline(phrase) == deadline


@pytest.mark.parametrize(
    "sentence",
    [
        "অবিলম্বিত পাসপোর্টের সংখ্যা প্রকাশ করা নেই।",  # "undelivered", not "at once"
        "নতুন তথ্য বাতায়ন চালু হলে তাৎক্ষণিকভাবে তথ্যাদি প্রকাশ করতে হবে।",
        "প্রমাণকসমূহ সফটওয়্যারে যথাসময়ে দাখিল করতে হবে;",
        "১ দিনের কর্মশালা আয়োজন করা।",
        "১৪.০৯.২০১৯ তারিখে অনুষ্ঠিত হয়েছে।",
        "২০২৩-২০২৪ অর্থবছরের ৩য় ত্রৈমাসিকে অনুষ্ঠিত সভা",
        "",
    ],
)
def test_sentence_without_a_deadline(sentence):
    assert parse_deadline(sentence) is None


def test_a_date_beats_a_hurry_word_in_the_same_decision():
    text = "দ্রুত আপলোড করতে হবে। মূল্যায়ন ০১.০৩.২০২০ তারিখের মধ্যে সম্পন্ন করার জন্য অনুরোধ করা হলো।"
    assert parse_deadline(text) == {"kind": "date", "date": "2020-03-01"}


def test_quarter_rule_beats_the_generic_quarterly_word():
    text = "ত্রৈমাসিকভিত্তিতে হালনাগাদকরণ প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে সম্পন্ন করতে হবে"
    assert parse_deadline(text)["rrule"] == "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=7"


def test_monthly_meeting_word_is_a_monthly_recurrence():
    text = "স্ব স্ব অফিস কর্তৃক মাসিক সভা, জেলা পরিদর্শন কার্যক্রমে ওয়েবসাইট হালনাগাদ অন্তর্ভুক্ত করবে।"
    assert parse_deadline(text) == {"kind": "recurring", "rrule": "FREQ=MONTHLY"}


def test_decomposed_input_is_normalised():
    import unicodedata

    phrase = unicodedata.normalize("NFD", "আগামী ০৭ কার্যদিবসের মধ্যে")
    assert parse_deadline(phrase) == {"kind": "working_days", "count": 7}


@pytest.mark.parametrize(
    ("phrase", "deadline"),
    [
        ("প্রতি মাসের প্রথম সপ্তাহের মধ্যে", {"kind": "recurring", "rrule": "FREQ=MONTHLY;BYMONTHDAY=7"}),
        ("প্রতিমাসের দ্বিতীয় সপ্তাহে", {"kind": "recurring", "rrule": "FREQ=MONTHLY;BYMONTHDAY=14"}),
        ("বিষয়টি সত্বর নিষ্পত্তি করতে হবে", {"kind": "asap"}),
    ],
)
def test_more_phrases(phrase, deadline):
    assert parse_deadline(phrase) == deadline


def test_a_date_without_its_year_is_placed_after_the_meeting():
    from datetime import date

    phrase = "আগামী ৩০ জুনের মধ্যে আপলোড করতে হবে"
    assert parse_deadline(phrase) is None  # no meeting date, no year: no guess
    assert parse_deadline(phrase, date(2024, 3, 5)) == {"kind": "date", "date": "2024-06-30"}
    assert parse_deadline(phrase, date(2024, 8, 1)) == {"kind": "date", "date": "2025-06-30"}
    assert parse_deadline("১৫ ডিসেম্বরের মধ্যে", date(2024, 8, 1)) == {
        "kind": "date",
        "date": "2024-12-15",
    }
