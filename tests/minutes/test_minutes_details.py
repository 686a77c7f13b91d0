"""`details=True`: the parts of the minutes a reprint needs besides the decisions (opening,
each item's discussion, closing line, distribution entries, attendance annex), in the keys and
types `committees.services.import_minutes` reads. Without it the output stays minutes-json."""

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from tests.minutes.minutes_files import json_twin

from tadarki.minutes import parse_file, parse_text

TADARKI = Path(sys.executable).with_name("tadarki")
SAMPLES = ("website-monitoring-17th-2025", "citizen-charter-q3-2024", "innovation-team-4th-2019")
DETAIL_KEYS = {"opening", "closing", "distribution", "attendees"}


@pytest.fixture
def sample(shared_dir):
    def parse(name: str, **options) -> dict:
        return parse_file(shared_dir / "samples" / "minutes" / f"{name}.txt", **options)

    return parse


@pytest.mark.parametrize("name", SAMPLES)
def test_details_add_keys_and_change_nothing_else(sample, shared_dir, name):
    expected = json_twin(shared_dir / "samples" / "minutes" / f"{name}.txt")
    plain, detailed = sample(name), sample(name, details=True)
    assert plain == expected
    assert not DETAIL_KEYS & set(plain) and "discussion" not in plain["agenda_items"][0]

    assert set(detailed) - set(plain) == DETAIL_KEYS
    assert isinstance(detailed["opening"], str) and isinstance(detailed["closing"], str)
    assert all(isinstance(e, str) for e in detailed["distribution"] + detailed["attendees"])
    assert len(detailed["distribution"]) == detailed["distribution_count"]
    assert detailed["attendees"] == []  # the samples do not include the annex
    for item in detailed["agenda_items"]:
        discussion = item.pop("discussion")
        assert discussion and discussion == unicodedata.normalize("NFC", discussion)
    assert {k: v for k, v in detailed.items() if k not in DETAIL_KEYS} == expected


def test_website_monitoring_details(sample):
    parsed = sample("website-monitoring-17th-2025", details=True)
    opening = parsed["opening"].split("\n\n")
    assert opening == [
        "সভাপতি উপস্থিত সকলকে শুভেচ্ছা ও স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন। সভাপতির "
        "অনুমতিক্রমে কমিটির সদস্য-সচিব সিস্টেম এনালিস্ট (আইসিটি সেল)-সভার আলোচ্য সূচি অনুযায়ী "
        "বিষয়াবলী উপস্থাপন করেন। সিস্টেম এনালিস্ট সভাকে অবহিত করেন যে, ১৮ জুন ২০২৫ তারিখে কমিটির "
        "১৬তম সভা অনুষ্ঠিত হয় এবং সভার কার্যবিবরণী ২৬ জুন ২০২৫ তারিখে সংশ্লিষ্ট সকলকে প্রেরণ করা হয়েছে।",
        "সভার আলোচ্যসূচি অনুযায়ী বিস্তারিত আলোচনা হয় এবং সর্বসম্মতিক্রমে নিম্নলিখিত সিদ্ধান্তসমূহ গৃহীত হয়।",
    ]
    first = parsed["agenda_items"][0]["discussion"].split("\n\n")
    assert len(first) == 2
    assert first[0].startswith("সিস্টেম এনালিস্ট সভাকে অবহিত করেন বিগত সভাসমূহে")
    assert "[passport.lakshmipur.gov.bd]" in first[0]
    assert first[1] == (
        "বহিরাগমন ও পাসপোর্ট অধিদপ্তরের যে সকল তথ্য বাতায়নের উপর পর্যবেক্ষণ সভায় প্রদান করা হয় "
        "সভাপতি তা দূত সময়ের মধ্যে হালনাগাদ করার জন্য পরামর্শ প্রদান করেন।"
    )
    # a paragraph cut by a page break is one paragraph again
    third = parsed["agenda_items"][2]["discussion"]
    assert "\n" not in third
    assert third.endswith("দায়েরকৃত মামলার সংখ্যা নিয়মিত প্রকাশের জন্য মতামত প্রকাশ করেন।")
    assert parsed["agenda_items"][4]["discussion"].startswith(
        "সভাপতি সকল অফিসের কার্যক্রম স্বচ্ছতার সাথে সম্পন্ন"
    )
    assert parsed["closing"] == (
        "সভায় আর কোন আলোচনা না থাকায় সকলকে ধন্যবাদ জ্ঞাপন করে সভার সমাপ্তি ঘোষণা করা হয়।"
    )
    assert parsed["distribution"][0] == "অধিদপ্তর প্রধান (সকল), সুরক্ষা সেবা বিভাগ, স্বরাষ্ট্র মন্ত্রণালয়।"
    assert parsed["distribution"][-1] == (
        "সহঃ প্রোগ্রামার, আইসিটি সেল, সুরক্ষা সেবা বিভাগ (কার্যবিবরণীটি ওয়েবসাইটে প্রকাশের অনুরোধসহ)।"
    )


def test_citizen_charter_details(sample):
    parsed = sample("citizen-charter-q3-2024", details=True)
    assert parsed["opening"].startswith("সভাপতি উপস্থিত সকলকে স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন।")
    assert parsed["opening"].endswith("আলোচ্যসূচি অনুযায়ী নিম্নরূপ আলোচনা ও সিদ্ধান্ত গৃহীত হয়:")
    first, second = (item["discussion"] for item in parsed["agenda_items"])
    # "১.১ আলোচনা:" is the heading, not the text; the page break inside "সুরক্ষা সেবা বিভাগের" is mended
    assert first.startswith("সভায় উপস্থিত সদস্যবৃন্দ সুরক্ষা সেবা বিভাগের বার্ষিক কর্মসম্পাদন চুক্তি")
    assert "মন্ত্রিপরিষদ বিভাগ কর্তৃক সুরক্ষা সেবা বিভাগের সেবা প্রদান প্রতিশ্রুতি বিষয়ক" in first
    assert "\n" not in first
    assert second.endswith("একটি প্রশিক্ষণ আয়োজনের জন্য আহ্বান জানান।")
    assert parsed["distribution"] == [
        "সকল কর্মকর্তা, সুরক্ষা সেবা বিভাগ",
        "অধিদপ্তর প্রধান (সকল), সুরক্ষা সেবা বিভাগ (সভার সিদ্ধান্ত মোতাবেক স্ব স্ব অফিসের সেবা প্রদান "
        "প্রতিশ্রুতি হালনাগাদকরণ এবং কার্যকরভাবে বাস্তবায়ন করার জন্য সংশ্লিষ্ট কর্মকর্তাদের নির্দেশনা "
        "প্রদানের অনুরোধ করা হলো)",
        "যুগ্মসচিব (সংযুক্ত), সুশাসন ও অভিযোগ ব্যবস্থাপনা অধিশাখা, মন্ত্রিপরিষদ বিভাগ",
        "উপসচিব, সুশাসন অধিশাখা, মন্ত্রিপরিষদ বিভাগ",
        "সহঃ প্রোগ্রামার, আইসিটি সেল, সুরক্ষা সেবা বিভাগ (ওয়েবসাইটে প্রকাশের অনুরোধ করা হলো)",
    ]


def test_innovation_team_details(sample):
    parsed = sample("innovation-team-4th-2019", details=True)
    assert parsed["opening"] == (
        "সভাপতি উপস্থিত সকলকে স্বাগত জানিয়ে সভা আরম্ভ করেন। অতঃপর সভার আলোচ্যসূচি উপস্থাপনের জন্য "
        "সভাপতি সদস্য-সচিবকে অনুরোধ করেন। সদস্য-সচিব নিম্নরূপভাবে আলোচ্য বিষয়সমূহ উপস্থাপন করেনঃ"
    )
    first, second = (item["discussion"] for item in parsed["agenda_items"])
    assert first.endswith("যথাসময়ে বাস্তবায়নের উপর সভায় গুরুত্ব আরোপ করা হয়।")
    assert "বাস্তবায়ন অগ্রগতি" not in first  # the progress tables belong to the decisions
    assert (
        second
        == "সুরক্ষা সেবা বিভাগের অধীনস্থ অধিদপ্তরসমূহের মাঠ পর্যায়ে ইনোভেশন সংক্রান্ত প্রশিক্ষণ প্রদান বিষয়ে আলোচনা হয়।"
    )
    assert parsed["closing"] == (
        "সভায় আর কোন আলোচ্য বিষয় না থাকায় সকলকে ধন্যবাদ জ্ঞাপন করে সভার সমাপ্তি ঘোষণা করা হয়।"
    )
    assert parsed["distribution"][1] == (
        "জনাব সৈয়দ বেলাল হোসেন, অতিরিক্ত সচিব, কারা অনুবিভাগ, সুরক্ষা সেবা বিভাগ"
    )
    assert parsed["distribution"][-1] == (
        "অতিরিক্ত সচিব (মাদকদ্রব্য নিয়ন্ত্রণ) এর ব্যক্তিগত কর্মকর্তা, সুরক্ষা সেবা বিভাগ"
    )


MINIMAL = """সুরক্ষা সেবা বিভাগ
আইসিটি সেল

কমিটির ৩য় সভার কার্যবিবরণী

সভাপতি
খলিল আহমেদ
যুগ্মসচিব
সভার তারিখ
১২ আগস্ট ২০২৫
স্থান
সভাকক্ষ

সভাপতি সকলকে স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন।

১.০ আলোচ্য বিষয়: ওয়েবসাইট হালনাগাদ।

| ক্রমিক | আলোচ্য বিষয় | আলোচনা | সিদ্ধান্ত | বাস্তবায়নকারী |
|---|---|---|---|---|
| ১ | ই-নথি | ই-নথি ব্যবহারের অগ্রগতি আলোচনা হয়। | ই-নথি চালু করতে হবে। | কারা অধিদপ্তর |

সভায় আর কোন আলোচনা না থাকায় সকলকে ধন্যবাদ জ্ঞাপন করে সভার সমাপ্তি ঘোষণা করা হয়।

খলিল আহমেদ
যুগ্মসচিব

স্মারক নম্বর: ৫৮.০০.০০০০.০১৮.৩১.০০২.২১.২১৬
তারিখ: ২১ আগস্ট ২০২৫

বিতরণ:
১। অধিদপ্তর প্রধান (সকল), সুরক্ষা সেবা বিভাগ,
স্বরাষ্ট্র মন্ত্রণালয়।
২। উপসচিব, প্রশাসন-১ শাখা। ৩। সহঃ প্রোগ্রামার, আইসিটি সেল।
সদয় অবগতির জন্য:
১। সচিবের একান্ত সচিব।

পরিশিষ্ট-'ক'
| ক্রমিক | নাম | পদবি | দপ্তর |
|---|---|---|---|
| ১ | খলিল আহমেদ | যুগ্মসচিব | সুরক্ষা সেবা বিভাগ |
| ২ | মোঃ আবুল কালাম | উপ কারা মহাপরিদর্শক | কারা অধিদপ্তর |
"""


def test_header_cells_on_own_lines_table_discussion_wrapped_entries_and_annex():
    parsed = parse_text(MINIMAL, details=True)
    assert parsed["opening"] == "সভাপতি সকলকে স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন।"
    assert [i["discussion"] for i in parsed["agenda_items"]][-1] == "ই-নথি ব্যবহারের অগ্রগতি আলোচনা হয়।"
    assert parsed["distribution"] == [
        "অধিদপ্তর প্রধান (সকল), সুরক্ষা সেবা বিভাগ, স্বরাষ্ট্র মন্ত্রণালয়।",
        "উপসচিব, প্রশাসন-১ শাখা।",
        "সহঃ প্রোগ্রামার, আইসিটি সেল।",
    ]
    assert parsed["distribution_count"] == 3 == parse_text(MINIMAL)["distribution_count"]
    assert parsed["attendees"] == [
        "খলিল আহমেদ, যুগ্মসচিব, সুরক্ষা সেবা বিভাগ",
        "মোঃ আবুল কালাম, উপ কারা মহাপরিদর্শক, কারা অধিদপ্তর",
    ]


def test_cli_details_flag(shared_dir):
    path = shared_dir / "samples" / "minutes" / "innovation-team-4th-2019.txt"
    result = subprocess.run(
        [str(TADARKI), "minutes", "parse", str(path), "--details"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["distribution"][0] == "অধিদপ্তর প্রধান (সকল), সুরক্ষা সেবা বিভাগ"


def test_key_colon_header_with_chair_on_several_lines_and_wrapped_paragraphs():
    data = Path(__file__).parent / "data" / "psd-coordination-2022-03.txt"
    parsed = parse_file(data, details=True)
    # "সভাপতি : জনাব …" then "সিনিয়র সচিব" on a line of its own is still the header
    assert parsed["opening"] == (
        "সভাপতি উপস্থিত সকলকে স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন। অতঃপর আলোচ্যসূচি অনুযায়ী আলোচনা শুরু হয়।"
    )
    assert parsed["agenda_items"][1]["discussion"] == (
        "বিভিন্ন দপ্তর/সংস্থার পেন্ডিং বিষয়সমূহ সময়মত নিষ্পত্তি না হওয়ায় সভাপতি অসন্তোষ প্রকাশ করেন।"
    )
    assert parsed["distribution"][-1] == "অফিস কপি।"
