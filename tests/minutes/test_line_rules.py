"""The line rules of the parser, one variant at a time, on small made-up minutes."""

import pytest
from tests.minutes.minutes_files import minutes

from tadarki.minutes import parse_text
from tadarki.minutes.implementers import infer_implementers, split_implementers


@pytest.mark.parametrize(
    ("header", "name", "designation"),
    [
        ("সভাপতি : জনাব খলিল আহমেদ, যুগ্মসচিব", "খলিল আহমেদ", "যুগ্মসচিব"),
        ("সভাপতি\tখলিল আহমেদ যুগ্মসচিব", "খলিল আহমেদ", "যুগ্মসচিব"),
        ("| সভাপতি | খলিল আহমেদ যুগ্মসচিব |", "খলিল আহমেদ", "যুগ্মসচিব"),
        ("সভাপতি: ড. রহিম উদ্দিন অতিরিক্ত সচিব", "ড. রহিম উদ্দিন", "অতিরিক্ত সচিব"),
        ("সভাপতি খলিল আহমেদ যুগ্মসচিব", "খলিল আহমেদ", "যুগ্মসচিব"),
        ("সভার সভাপতি: জনাব রহিম উদ্দিন, উপসচিব", "রহিম উদ্দিন", "উপসচিব"),
        (
            "| সভাপতি | : জনাব মোহাম্মদ আলী, যুগ্মসচিব (অগ্নি অনুবিভাগ) |",
            "মোহাম্মদ আলী",
            "যুগ্মসচিব (অগ্নি অনুবিভাগ)",
        ),
    ],
)
def test_chair_variants(header, name, designation):
    chair = parse_text(minutes(header=header))["meeting"]["chair"]
    assert chair == {"name": name, "designation": designation}


@pytest.mark.parametrize(
    ("line", "time"),
    [
        ("সভার সময়\tসকাল ০৯.০০টা", "09:00"),
        ("সভার সময় : বিকাল ৩:০০ ঘটিকা", "15:00"),
        ("সময়: দুপুর ১২.৩০ টা", "12:30"),
        ("সময়: বেলা ০৩:০০ টা", "15:00"),
        ("সময়: বেলা ১১.০০ ঘটিকা", "11:00"),
        ("তারিখ ও সময়: ১২ আগস্ট ২০২৫, বেলা ২.৩০ টা", "14:30"),
    ],
)
def test_time_variants_are_24_hour(line, time):
    header = f"সভাপতি\tখলিল আহমেদ যুগ্মসচিব\nসভার তারিখ\t১২ আগস্ট ২০২৫\n{line}"
    assert parse_text(minutes(header=header))["meeting"]["time"] == time


def test_meeting_date_in_numeric_form():
    header = "সভাপতি: খলিল আহমেদ, যুগ্মসচিব\nতারিখ: ১২/০৮/২০২৫ খ্রি."
    assert parse_text(minutes(header=header))["meeting"]["date"] == "2025-08-12"


@pytest.mark.parametrize(
    ("back", "memo", "issued"),
    [
        (
            "স্মারক নং: ৫৮.০০.০০০০.০১৮.৯৯.০০২.২১.৪৩\nতারিখ: ১৯ ফাল্গুন ১৪৩০\n০৩ মার্চ ২০২৪",
            "৫৮.০০.০০০০.০১৮.৯৯.০০২.২১.৪৩",
            "2024-03-03",
        ),
        (
            "স্মারক নম্বর- ৫৮.০০.০০০০.০১৮.৩১.০০২.২১.২১৬   তারিখ: ১৬ পৌষ ১৪২৮ / ৩১ ডিসেম্বর ২০২১",
            "৫৮.০০.০০০০.০১৮.৩১.০০২.২১.২১৬",
            "2021-12-31",
        ),
        (
            "নং ৫৮.০০.০০০০.০১৮.৩১.০০৪.২৩.৫৫\nতারিখ: ১১ আশ্বিন ১৪৩০ বঙ্গাব্দ",
            "৫৮.০০.০০০০.০১৮.৩১.০০৪.২৩.৫৫",
            "2023-09-26",
        ),
        (
            "নম্বর: ৫৮.০০.০০০০.০০০.০১৮.৩১.০০০৩.১৭.৮৯\n\nতারিখ: ৬ ভাদ্র ১৪৩২ বঙ্গাব্দ\n২১ আগস্ট ২০২৫ খ্রিস্টাব্দ",
            "৫৮.০০.০০০০.০০০.০১৮.৩১.০০০৩.১৭.৮৯",
            "2025-08-21",
        ),
    ],
)
def test_memo_number_and_issue_date(back, memo, issued):
    result = parse_text(minutes(back=back))
    assert (result["memo_number"], result["issued_on"]) == (memo, issued)


@pytest.mark.parametrize(
    ("first", "second", "labels"),
    [
        ("(ক)", "(খ)", ["ক", "খ"]),
        ("ক)", "খ)", ["ক", "খ"]),
        ("ক.", "খ.", ["ক", "খ"]),
        ("০১.", "০২.", ["০১", "০২"]),
        ("১.", "২.", ["১", "২"]),
        ("১)", "২)", ["১", "২"]),
    ],
)
def test_decision_label_variants(first, second, labels):
    body = (
        f"১.০ আলোচ্য বিষয়: ওয়েবসাইট।\n\nসিদ্ধান্ত:\n{first} কারা অধিদপ্তর দ্রুত হালনাগাদ করবে;\n"
        f"{second} ৯.২ নং কার্যক্রম অনুসারে কারা অধিদপ্তর প্রতি মাসে প্রতিবেদন দেবে।"
    )
    decisions = parse_text(minutes(body=body))["agenda_items"][0]["decisions"]
    assert [d["label"] for d in decisions] == labels
    assert decisions[1]["text"].startswith("৯.২ নং")
    assert [d["implementers"] for d in decisions] == [["কারা অধিদপ্তর"]] * 2


def test_implementer_list_after_the_decisions_applies_to_all():
    body = (
        "আলোচ্যসূচি-১: ওয়েবসাইট।\n\nসিদ্ধান্ত:\nক) দ্রুত হালনাগাদ করতে হবে;\nখ) মনিটর করতে হবে।\n"
        "বাস্তবায়নকারী: ১। বহিরাগমন ও পাসপোর্ট অধিদপ্তর ২। কারা অধিদপ্তর"
    )
    item = parse_text(minutes(body=body))["agenda_items"][0]
    names = ["বহিরাগমন ও পাসপোর্ট অধিদপ্তর", "কারা অধিদপ্তর"]
    assert item["number"] == "১"
    assert item["implementers"] == names
    assert [d["implementers"] for d in item["decisions"]] == [names, names]


def test_implementer_list_on_following_lines():
    body = (
        "১.০ আলোচ্য বিষয়: ওয়েবসাইট।\n\n১.০ সিদ্ধান্ত:\nক. দ্রুত হালনাগাদ করতে হবে।\n\n"
        "১.০ বাস্তবায়নকারী:\n১। কারা অধিদপ্তর\n২। মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর"
    )
    item = parse_text(minutes(body=body))["agenda_items"][0]
    assert item["decisions"][0]["implementers"] == ["কারা অধিদপ্তর", "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর"]


def test_inline_implementer_in_brackets_is_taken_out_of_the_text():
    body = "১.০ আলোচ্য বিষয়: বিবিধ।\n\nসিদ্ধান্ত:\nক) প্রতিবেদন দিতে হবে। (বাস্তবায়নে: আইসিটি সেল)"
    decision = parse_text(minutes(body=body))["agenda_items"][0]["decisions"][0]
    assert decision["text"] == "ক) প্রতিবেদন দিতে হবে।"[3:]
    assert decision["implementers"] == ["আইসিটি সেল"]


def test_a_decision_broken_by_a_page_break_is_joined():
    body = "১.০ আলোচ্য বিষয়: বিবিধ।\n\nসিদ্ধান্ত:\n\nক) কারা অধিদপ্তর তথ্য বাতায়ন\n\nহালনাগাদ করবে।"
    decision = parse_text(minutes(body=body))["agenda_items"][0]["decisions"][0]
    assert decision["text"] == "কারা অধিদপ্তর তথ্য বাতায়ন হালনাগাদ করবে।"


def test_distribution_entries_are_counted_in_any_numbering():
    back = (
        "স্মারক নম্বর: ৫৮.০০.০০০০.০১৮.৩১.০০৩.২৫.৮৯\nতারিখ: ২১ আগস্ট ২০২৫\n\nবিতরণ:\n"
        "১. মহাপরিচালক, কারা অধিদপ্তর\n২. মহাপরিচালক, মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর\n"
        "৩) উপসচিব, প্রশাসন-১ শাখা ৪) অফিস কপি\n\nসদয় অবগতির জন্য:\n১। সচিবের একান্ত সচিব"
    )
    assert parse_text(minutes(back=back))["distribution_count"] == 4


def test_portals_in_order_without_duplicates_letterhead_or_mail():
    text = "স্বরাষ্ট্র মন্ত্রণালয়\nwww.ssd.gov.bd\n\n" + minutes(
        body=(
            "১.০ আলোচ্য বিষয়: ওয়েবসাইট।\n\n[dnc.manikganj.gov.bd] ও [passport.lakshmipur.gov.bd] "
            "যাচাই করা হয়। পুনরায় dnc.manikganj.gov.bd দেখা হয়। ই-মেইল ict@ssd.gov.bd।\n\n"
            "সিদ্ধান্ত:\nক. দ্রুত হালনাগাদ করতে হবে।"
        )
    )
    assert parse_text(text)["portals_mentioned"] == [
        "dnc.manikganj.gov.bd",
        "passport.lakshmipur.gov.bd",
    ]


def test_signatory_skips_the_signing_date_line():
    text = minutes().replace("খলিল আহমেদ\nযুগ্মসচিব", "২১-০৮-২০২৫\n(খলিল আহমেদ)\nযুগ্মসচিব")
    assert parse_text(text)["signatory"] == {"name": "খলিল আহমেদ", "designation": "যুগ্মসচিব"}


def test_title_sequence_and_letterhead():
    text = (
        "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার\nস্বরাষ্ট্র মন্ত্রণালয়\nজননিরাপত্তা বিভাগ\nপুলিশ-১ শাখা\n\n"
        + minutes().replace("১৭তম সভার", "দ্বিতীয় সভার")
    )
    result = parse_text(text)
    assert result["issuer"] == {
        "ministry": "স্বরাষ্ট্র মন্ত্রণালয়",
        "division": "জননিরাপত্তা বিভাগ",
        "unit": "পুলিশ-১ শাখা",
    }
    assert result["meeting"]["sequence"] == 2
    assert result["title"] == "ওয়েবসাইট মনিটরিং কমিটির দ্বিতীয় সভার কার্যবিবরণী"


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("বহিরাগমন ও পাসপোর্ট অধিদপ্তর", ["বহিরাগমন ও পাসপোর্ট অধিদপ্তর"]),
        ("সুরক্ষা সেবা বিভাগ ও আওতাধীন অধিদপ্তরসমূহ।", ["সুরক্ষা সেবা বিভাগ ও আওতাধীন অধিদপ্তরসমূহ"]),
        ("কারা অধিদপ্তর ও মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর", ["কারা অধিদপ্তর", "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর"]),
        (
            "কারা অধিদপ্তর/ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর",
            ["কারা অধিদপ্তর", "ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর"],
        ),
        ("বাংলাদেশ পুলিশ, বর্ডার গার্ড বাংলাদেশ", ["বাংলাদেশ পুলিশ", "বর্ডার গার্ড বাংলাদেশ"]),
        ("উপসচিব, প্রশাসন-১ শাখা", ["উপসচিব, প্রশাসন-১ শাখা"]),
        ("সকল দপ্তর/সংস্থা", ["সকল দপ্তর/সংস্থা"]),
        ("১। বহিরাগমন ও পাসপোর্ট অধিদপ্তর ২। কারা অধিদপ্তর", ["বহিরাগমন ও পাসপোর্ট অধিদপ্তর", "কারা অধিদপ্তর"]),
    ],
)
def test_implementer_cells_split_only_between_bodies(cell, names):
    assert split_implementers(cell) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("মন্ত্রিপরিষদ বিভাগ কর্তৃক প্রদত্ত নির্দেশিকা মোতাবেক কারা অধিদপ্তর হালনাগাদ করবে।", ["কারা অধিদপ্তর"]),
        ("এ বিভাগের প্রশাসন-১ শাখা একটি প্রশিক্ষণ আয়োজন করবে।", ["প্রশাসন-১ শাখা"]),
        ("সুরক্ষা সেবা বিভাগ কর্তৃক অফিস পরিদর্শনের সময় প্রশিক্ষণ প্রদানের সিদ্ধান্ত গৃহীত হয়।", ["সুরক্ষা সেবা বিভাগ"]),
        (
            "এ বিভাগের যুগ্মসচিব (প্রশাসন ও অর্থ) মহোদয়কে ব্যবস্থা গ্রহণের অনুরোধ করা হয়।",
            ["যুগ্মসচিব (প্রশাসন ও অর্থ)"],
        ),
        ("ইনোভেশন শোকেসিং আয়োজন সম্পন্ন করার সিদ্ধান্ত গৃহীত হয়।", []),
        ("অধিদপ্তরসমূহের প্রতিনিধির সাথে সভা অনুষ্ঠিত হয়।", []),
    ],
)
def test_implementers_read_off_the_decision_text(text, names):
    assert infer_implementers(text) == names


def test_file_over_the_size_cap_is_refused(tmp_path, monkeypatch):
    from tadarki.minutes import parser

    path = tmp_path / "big.txt"
    path.write_text(minutes(), encoding="utf-8")
    monkeypatch.setattr(parser, "MAX_BYTES", 100)
    with pytest.raises(parser.MinutesError, match="larger than"):
        parser.parse_file(path)


def test_numbered_topics_memo_on_top_and_signature_after_the_memo():
    text = """গণপ্রজাতন্ত্রী বাংলাদেশ সরকার
স্বরাষ্ট্র মন্ত্রণালয়
সুরক্ষা সেবা বিভাগ
স্মারক নং: ৫৮.০০.০০০০.০১৮.৩১.০০১.২৪.১২                    তারিখ: ১০ এপ্রিল ২০২৪

বিষয়: সেবা প্রদান প্রতিশ্রুতি হালনাগাদকরণ কমিটির সভার কার্যবিবরনী

সভার সভাপতি: জনাব মোঃ খায়রুল কবীর মেনন, অতিরিক্ত সচিব
সভার তারিখ: ০৪ এপ্রিল ২০২৪

১। সেবা প্রদান প্রতিশ্রুতি হালনাগাদকরণ
আলোচনা ও সিদ্ধান্ত: সভায় বিস্তারিত আলোচনা হয়। নিম্নরূপ সিদ্ধান্ত গৃহীত হয়:
১.১ কারা অধিদপ্তর ৩০ এপ্রিল ২০২৪ তারিখের মধ্যে সেবা প্রদান প্রতিশ্রুতি
- ২ -
হালনাগাদ করবে;
১.২ মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর প্রতি ০৩ মাস পর পর অগ্রগতি জানাবে।

২। বিবিধ
আলোচনা: কোনো আলোচনা হয়নি।

অন্য কোন আলোচনা না থাকায় সভাপতি সকলকে ধন্যবাদ জানান।

মোঃ খায়রুল কবীর মেনন
অতিরিক্ত সচিব
"""
    result = parse_text(text)
    assert result["title"] == "সেবা প্রদান প্রতিশ্রুতি হালনাগাদকরণ কমিটির সভার কার্যবিবরনী"
    assert result["memo_number"] == "৫৮.০০.০০০০.০১৮.৩১.০০১.২৪.১২"
    assert result["issued_on"] == "2024-04-10"
    assert result["meeting"]["chair"]["name"] == "মোঃ খায়রুল কবীর মেনন"
    assert [(a["number"], a["title"]) for a in result["agenda_items"]] == [
        ("১", "সেবা প্রদান প্রতিশ্রুতি হালনাগাদকরণ"),
        ("২", "বিবিধ"),
    ]
    decisions = result["agenda_items"][0]["decisions"]
    assert [d["label"] for d in decisions] == ["১.১", "১.২"]
    assert decisions[0]["text"].endswith("সেবা প্রদান প্রতিশ্রুতি হালনাগাদ করবে;")
    assert decisions[0]["deadline"] == {"kind": "date", "date": "2024-04-30"}
    assert decisions[1]["implementers"] == ["মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর"]
    assert result["signatory"]["name"] == "মোঃ খায়রুল কবীর মেনন"


def test_decisions_introduced_by_a_sentence_without_agenda_headings():
    text = minutes(
        body=(
            "সভায় বিস্তারিত আলোচনার পর নিম্নোক্ত সিদ্ধান্তসমূহ গৃহীত হয়:\n"
            "১। সকল অধিদপ্তর স্ব স্ব ওয়েবসাইট ১৫ সেপ্টেম্বর ২০২৫ তারিখের মধ্যে হালনাগাদ করবে।\n"
            "২। আইসিটি সেল প্রতি মাসে মনিটরিং প্রতিবেদন উপস্থাপন করবে।"
        )
    )
    items = parse_text(text)["agenda_items"]
    assert len(items) == 1 and items[0]["number"] is None
    assert [(d["label"], d["implementers"], d["deadline"]) for d in items[0]["decisions"]] == [
        ("১", ["সকল অধিদপ্তর"], {"kind": "date", "date": "2025-09-15"}),
        ("২", ["আইসিটি সেল"], {"kind": "recurring", "rrule": "FREQ=MONTHLY"}),
    ]


def test_lettered_decisions_sharing_one_line_and_a_trailing_implementer():
    body = (
        "১.০ আলোচ্য বিষয়: বিবিধ।\n\n"
        "সিদ্ধান্ত: (ক) ধারা ৫(খ) অনুযায়ী তালিকা হালনাগাদ করতে হবে; (খ) প্রতিবেদন দিতে হবে। "
        "— বাস্তবায়নে: কারা অধিদপ্তর"
    )
    decisions = parse_text(minutes(body=body))["agenda_items"][0]["decisions"]
    assert [(d["label"], d["text"]) for d in decisions] == [
        ("ক", "ধারা ৫(খ) অনুযায়ী তালিকা হালনাগাদ করতে হবে;"),
        ("খ", "প্রতিবেদন দিতে হবে।"),
    ]
    assert decisions[1]["implementers"] == ["কারা অধিদপ্তর"]


def test_chair_named_by_post_takes_the_signatory_name():
    header = "সভাপতি: সচিব, সুরক্ষা সেবা বিভাগ\nসভার তারিখ: ১২ আগস্ট ২০২৫"
    chair = parse_text(minutes(header=header))["meeting"]["chair"]
    assert chair == {"name": "খলিল আহমেদ", "designation": "সচিব, সুরক্ষা সেবা বিভাগ"}


def test_table_written_one_cell_per_line_with_multi_line_cells():
    body = """সভায় নিম্নরূপ সিদ্ধান্ত গৃহীত হয়।

ক্রঃ নং
আলোচ্য বিষয়
সিদ্ধান্ত
বাস্তবায়নকারী
১।
ওয়েবসাইট হালনাগাদ
(ক) পর্যবেক্ষণসমূহ দ্রুত সংশোধন করতে হবে;
(খ) প্রতি মাসে হালনাগাদ অবস্থা জানাতে হবে।
১। কারা অধিদপ্তর
২। মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর
২।
ই-নথি
৩১ ডিসেম্বর ২০২৫ তারিখের মধ্যে সকল অফিসে ই-নথি চালু করতে হবে।
বহিরাগমন ও পাসপোর্ট অধিদপ্তর"""
    items = parse_text(minutes(body=body))["agenda_items"]
    assert [(i["number"], i["title"]) for i in items] == [("১", "ওয়েবসাইট হালনাগাদ"), ("২", "ই-নথি")]
    both = ["কারা অধিদপ্তর", "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর"]
    assert [(d["label"], d["implementers"], d["deadline"]) for d in items[0]["decisions"]] == [
        ("ক", both, {"kind": "asap"}),
        ("খ", both, {"kind": "recurring", "rrule": "FREQ=MONTHLY"}),
    ]
    assert items[1]["decisions"][0]["implementers"] == ["বহিরাগমন ও পাসপোর্ট অধিদপ্তর"]
    assert items[1]["decisions"][0]["deadline"] == {"kind": "date", "date": "2025-12-31"}


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "|", "\t", "সিদ্ধান্ত:", "ক) ", "১.০ আলোচ্য বিষয়:", "বিতরণ", "স্মারক নং: ১"],
)
def test_fragments_give_the_full_shape_without_errors(text):
    result = parse_text(text)
    assert list(result) == [
        "source",
        "title",
        "issuer",
        "meeting",
        "memo_number",
        "issued_on",
        "agenda_items",
        "portals_mentioned",
        "distribution_count",
        "signatory",
    ]


def test_every_truncation_of_a_minutes_parses():
    from pathlib import Path

    lines = (
        (Path(__file__).parent / "data" / "psd-website-2nd-2022.txt")
        .read_text("utf-8")
        .splitlines()
    )
    for cut in range(0, len(lines), 3):
        assert isinstance(parse_text("\n".join(lines[:cut]))["agenda_items"], list)
        assert isinstance(parse_text("\n".join(lines[cut:]))["agenda_items"], list)


def test_date_and_chair_told_in_prose_when_there_is_no_header():
    text = minutes(header="উপস্থিতি: পরিশিষ্ট-ক").replace(
        "সভাপতি উপস্থিত সকলকে স্বাগত জানান।",
        "গত ১২ আগস্ট ২০২৫ তারিখে অনুষ্ঠিত সভায় সভাপতিত্ব করেন জনাব খলিল আহমেদ, যুগ্মসচিব।",
    )
    meeting = parse_text(text)["meeting"]
    assert meeting["date"] == "2025-08-12"
    assert meeting["chair"] == {"name": "খলিল আহমেদ", "designation": "যুগ্মসচিব"}


def test_markdown_emphasis_opening_a_heading_or_label_is_ignored():
    body = (
        "**১.০ আলোচ্য বিষয়:** বিবিধ।\n\n**১.২ সিদ্ধান্ত:**\n\n"
        "**ক)** কারা অধিদপ্তর **HTML** পাতা দ্রুত প্রকাশ করবে।"
    )
    item = parse_text(minutes(body=body))["agenda_items"][0]
    assert (item["number"], item["title"]) == ("১.০", "বিবিধ")
    assert item["decisions"][0]["label"] == "ক"
    assert item["decisions"][0]["text"] == "কারা অধিদপ্তর **HTML** পাতা দ্রুত প্রকাশ করবে।"
