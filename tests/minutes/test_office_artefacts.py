"""What Word, its text export and the Bijoy-to-Unicode converters leave in minutes, one rule at a
time: invisible characters, list labels followed by a tab, merged table cells, auto-numbering,
courtesy titles, bracketed designations, bare phrases in a deadline column, prose headers."""

import pytest
from tests.minutes.minutes_files import minutes

from tadarki.minutes import parse_text
from tadarki.minutes.deadlines import parse_deadline, parse_deadline_cell
from tadarki.minutes.docx_text import _format
from tadarki.minutes.parser import clean_text

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

from tadarki.minutes import parse_file  # noqa: E402


def decisions(parsed: dict) -> list[dict]:
    return [d for item in parsed["agenda_items"] for d in item["decisions"]]


# ---------------------------------------------------------------- characters


def test_invisible_characters_go_and_odd_spaces_become_plain():
    text = "কার্য\u200cবিবরণী\u200b মাদক\u200dদ্রব্য\u00a0অধিদপ্তর\u2009ও\u00adকারা"
    assert clean_text(text) == "কার্যবিবরণী মাদকদ্রব্য অধিদপ্তর ওকারা"


def test_the_joiner_of_rya_phala_is_kept_and_made_one_kind():
    # converters write র‌্যাব with ZWNJ, Unicode wants ZWJ; both must match the known name
    assert clean_text("র\u200c্যাপিড") == clean_text("র\u200d্যাপিড") == "র\u200d্যাপিড"


def test_a_title_broken_by_a_zero_width_non_joiner_is_still_the_title():
    parsed = parse_text(minutes().replace("কার্যবিবরণী", "কার্য\u200cবিবরণী", 1))
    assert parsed["title"] == "ওয়েবসাইট মনিটরিং কমিটির ১৭তম সভার কার্যবিবরণী"
    assert parsed["meeting"]["sequence"] == 17


def test_bom_crlf_and_decomposed_ya_read_like_clean_text():
    clean = parse_text(minutes())
    messy = "\ufeff" + minutes().replace("য়", "\u09af\u09bc").replace("\n", "\r\n")
    assert parse_text(messy) == clean


# ---------------------------------------------------------------- people


@pytest.mark.parametrize(
    ("chair", "name", "designation"),
    [
        ("বেগম নাসরীন আক্তার, অতিরিক্ত সচিব (প্রশাসন)", "নাসরীন আক্তার", "অতিরিক্ত সচিব (প্রশাসন)"),
        ("ড. তরুণ কান্তি শিকদার অতিরিক্ত সচিব", "ড. তরুণ কান্তি শিকদার", "অতিরিক্ত সচিব"),
        ("মোছাঃ রাশিদা বেগম, উপসচিব", "মোছাঃ রাশিদা বেগম", "উপসচিব"),
    ],
)
def test_courtesy_titles_are_dropped_but_degrees_and_names_kept(chair, name, designation):
    parsed = parse_text(minutes(header=f"সভাপতি\t{chair}\nসভার তারিখ\t১২ আগস্ট ২০২৫"))
    assert parsed["meeting"]["chair"] == {"name": name, "designation": designation}


def test_signature_keeps_the_brackets_of_its_designation_and_drops_those_round_the_name():
    text = minutes().replace(
        "খলিল আহমেদ\nযুগ্মসচিব\n", "স্বাঃ/-\n(বেগম নাসরীন আক্তার)\nঅতিরিক্ত সচিব (প্রশাসন)\n"
    )
    assert parse_text(text)["signatory"] == {
        "name": "নাসরীন আক্তার",
        "designation": "অতিরিক্ত সচিব (প্রশাসন)",
    }


def test_chair_date_and_time_told_in_a_presided_sentence():
    text = (
        "ইনোভেশন টিমের ১ম সভার কার্যবিবরণী\n\n"
        "সুরক্ষা সেবা বিভাগের অতিরিক্ত সচিব জনাব মোঃ আবু তাহের এর সভাপতিত্বে ২২ জুলাই ২০২৫ "
        "তারিখ বেলা ১১:০০ টায় বিভাগের সভাকক্ষে ইনোভেশন টিমের ১ম সভা অনুষ্ঠিত হয়।\n\n"
        "সিদ্ধান্ত:\n\nক. প্রতি মাসে সভা অনুষ্ঠিত হবে।\n\n"
        "সভায় আর কোন আলোচনা না থাকায় সভার সমাপ্তি ঘোষণা করা হয়।\n"
    )
    meeting = parse_text(text)["meeting"]
    assert (meeting["date"], meeting["time"], meeting["chair"]["name"]) == (
        "2025-07-22",
        "11:00",
        "মোঃ আবু তাহের",
    )


# ---------------------------------------------------------------- Word's text export


def test_list_labels_followed_by_a_tab_are_decisions_not_table_rows():
    body = (
        "১.০ আলোচ্য বিষয়: বিবিধ।\n\nসিদ্ধান্ত:\n"
        "১)\tপ্রতি মাসের ০৪ তারিখের মধ্যে প্রতিবেদন দাখিল করবে;\n"
        "২)\tপরবর্তী সভায় অগ্রগতি উপস্থাপন করতে হবে।\n"
        "বাস্তবায়নে: সকল দপ্তর/সংস্থা"
    )
    got = decisions(parse_text(minutes(body=body)))
    assert [(d["label"], d["implementers"], d["deadline"]["kind"]) for d in got] == [
        ("১", ["সকল দপ্তর/সংস্থা"], "recurring"),
        ("২", ["সকল দপ্তর/সংস্থা"], "next_meeting"),
    ]


def test_a_short_serial_header_and_a_one_cell_caption_row_keep_the_table():
    body = (
        "ক্রম\tআলোচ্য বিষয়\tসিদ্ধান্ত\tবাস্তবায়নকারী\n"
        "ই-সেবা সংক্রান্ত বিষয়াবলি\t\n"
        "১)\tঅনলাইন আবেদন\tসফটওয়্যার চালু করতে হবে।\tকারা অধিদপ্তর\n"
    )
    items = parse_text(minutes(body=body))["agenda_items"]
    assert [(i["number"], i["title"], i["implementers"]) for i in items] == [
        ("১", "অনলাইন আবেদন", ["কারা অধিদপ্তর"])
    ]


def test_rows_of_a_merged_serial_cell_stay_one_agenda_item():
    header = "ক্রমিক নং\tআলোচ্য বিষয়\tসিদ্ধান্ত\tবাস্তবায়নকারী\n"
    repeated = (  # python-docx repeats a merged cell on every row it spans
        header + "১\tপাসপোর্ট\t(ক) তালিকা প্রেরণ করবে;\tকারা অধিদপ্তর\n"
        "১\tপাসপোর্ট\t(খ) যাচাই করতে হবে।\tবহিরাগমন ও পাসপোর্ট অধিদপ্তর\n"
    )
    exported = (  # Word's text export leaves the merged cells empty after the first row
        header + "১\tপাসপোর্ট\t(ক) তালিকা প্রেরণ করবে;\tকারা অধিদপ্তর\n\t\t(খ) যাচাই করতে হবে।\t\n"
    )
    items = parse_text(minutes(body=repeated))["agenda_items"]
    assert [len(i["decisions"]) for i in items] == [2]
    assert items[0]["implementers"] == ["কারা অধিদপ্তর", "বহিরাগমন ও পাসপোর্ট অধিদপ্তর"]
    items = parse_text(minutes(body=exported))["agenda_items"]
    assert [d["implementers"] for d in items[0]["decisions"]] == [["কারা অধিদপ্তর"]] * 2


# ---------------------------------------------------------------- deadlines


def test_next_meeting_said_with_agami():
    assert parse_deadline("ছক চূড়ান্ত করে আগামী সভায় উপস্থাপন করতে হবে।") == {"kind": "next_meeting"}


@pytest.mark.parametrize(
    ("cell", "deadline"),
    [
        ("পরবর্তী সভা", {"kind": "next_meeting"}),
        ("১৫ কার্যদিবস", {"kind": "working_days", "count": 15}),
        ("৩০ সেপ্টেম্বর ২০২৫", {"kind": "date", "date": "2025-09-30"}),
        ("৭ দিন", {"kind": "days", "count": 7}),
        ("-", None),
    ],
)
def test_bare_phrases_in_a_deadline_column(cell, deadline):
    assert parse_deadline_cell(cell) == deadline


# ---------------------------------------------------------------- Word's auto-numbering

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _list(document, fmt: str, text: str, start: int = 1, custom: str = "") -> int:
    numbering = document.part.numbering_part.element
    abstract_id = 90 + len(numbering.findall(f"{{{W}}}abstractNum"))
    num_id = 90 + len(numbering.findall(f"{{{W}}}num"))
    extra = f' w:format="{custom}"' if custom else ""
    numbering.find(f"{{{W}}}num").addprevious(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}"><w:lvl w:ilvl="0">'
            f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"{extra}/>'
            f'<w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )
    return num_id


def _item(container, text: str, num_id: int) -> None:
    paragraph = container.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


@pytest.mark.parametrize(
    ("fmt", "text", "start", "custom", "labels"),
    [
        ("decimal", "%1.", 1, "", ["১", "২"]),
        ("decimalZero", "%1.", 1, "", ["০১", "০২"]),
        ("custom", "(%1)", 1, "ক, খ, গ, ...", ["ক", "খ"]),
        ("hindiConsonants", "%1)", 1, "", ["ক", "খ"]),
        ("decimal", "%1।", 3, "", ["৩", "৪"]),
    ],
)
def test_auto_numbered_decisions_get_the_label_word_shows(
    tmp_path, fmt, text, start, custom, labels
):
    document = docx.Document()
    document.add_paragraph("কমিটির সভার কার্যবিবরণী")
    document.add_paragraph("১.০ আলোচ্য বিষয়: বিবিধ।")
    document.add_paragraph("১.২ সিদ্ধান্ত:")
    num_id = _list(document, fmt, text, start, custom)
    _item(document, "প্রতি মাসে প্রতিবেদন দিতে হবে;", num_id)
    _item(document, "দ্রুত হালনাগাদ করতে হবে।", num_id)
    document.add_paragraph("বাস্তবায়নকারী: কারা অধিদপ্তর")
    document.add_paragraph("সভায় আর কোন আলোচনা না থাকায় সভার সমাপ্তি ঘোষণা করা হয়।")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    got = decisions(parse_file(path))
    assert [(d["label"], d["text"], d["implementers"]) for d in got] == [
        (labels[0], "প্রতি মাসে প্রতিবেদন দিতে হবে;", ["কারা অধিদপ্তর"]),
        (labels[1], "দ্রুত হালনাগাদ করতে হবে।", ["কারা অধিদপ্তর"]),
    ]


def test_auto_numbered_paragraphs_inside_a_table_cell_are_separate_decisions(tmp_path):
    document = docx.Document()
    document.add_paragraph("কমিটির সভার কার্যবিবরণী")
    table = document.add_table(rows=2, cols=4)
    for cell, value in zip(
        table.rows[0].cells, ["ক্রমিক নং", "আলোচ্য বিষয়", "সিদ্ধান্ত", "বাস্তবায়নকারী"], strict=True
    ):
        cell.text = value
    cells = table.rows[1].cells
    cells[0].text, cells[1].text, cells[3].text = "১", "ওয়েবসাইট", "কারা অধিদপ্তর"
    num_id = _list(document, "custom", "%1)", custom="ক, খ, গ, ...")
    cell = cells[2]
    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    _item(cell, "দ্রুত হালনাগাদ করতে হবে;", num_id)
    _item(cell, "প্রতি মাসে প্রতিবেদন দিতে হবে।", num_id)
    document.add_paragraph("সভায় আর কোন আলোচনা না থাকায় সভার সমাপ্তি ঘোষণা করা হয়।")
    path = tmp_path / "cell.docx"
    document.save(str(path))
    got = decisions(parse_file(path))
    assert [(d["label"], d["deadline"]["kind"]) for d in got] == [("ক", "asap"), ("খ", "recurring")]


def test_a_list_number_style_numbers_the_distribution_list(tmp_path):
    document = docx.Document()
    document.add_paragraph("কমিটির সভার কার্যবিবরণী")
    document.add_paragraph("সিদ্ধান্ত: দ্রুত হালনাগাদ করতে হবে।")
    document.add_paragraph("সভায় আর কোন আলোচনা না থাকায় সভার সমাপ্তি ঘোষণা করা হয়।")
    document.add_paragraph("বিতরণ:")
    for entry in ("মহাপরিচালক, কারা অধিদপ্তর।", "অফিস কপি।", "সিস্টেম এনালিস্ট, আইসিটি সেল।"):
        document.add_paragraph(entry, style="List Number")
    path = tmp_path / "style.docx"
    document.save(str(path))
    assert parse_file(path)["distribution_count"] == 3


def test_counter_formats():
    assert [_format(n, "lowerLetter") for n in (1, 2, 27)] == ["a", "b", "aa"]
    assert [_format(n, "upperRoman") for n in (4, 9, 14)] == ["IV", "IX", "XIV"]
    assert _format(12, "decimal") == "১২"
    assert _format(3, "bengaliLetters") == "গ"


def test_a_post_written_before_the_courtesy_title_is_the_designation():
    header = (
        "সভাপতি : সুরক্ষা সেবা বিভাগের সিনিয়র সচিব জনাব মোঃ আব্দুল্লাহ আল মাসুদ চৌধুরী\nসভার তারিখ : ১২ আগস্ট ২০২৫"
    )
    assert parse_text(minutes(header=header))["meeting"]["chair"] == {
        "name": "মোঃ আব্দুল্লাহ আল মাসুদ চৌধুরী",
        "designation": "সুরক্ষা সেবা বিভাগের সিনিয়র সচিব",
    }


@pytest.mark.parametrize(
    ("first", "second", "labels"),
    [
        ("( ক ) দ্রুত হালনাগাদ করতে হবে;", "( খ ) প্রতি মাসে দিতে হবে।", ["ক", "খ"]),
        ("ক ) দ্রুত হালনাগাদ করতে হবে;", "খ ) প্রতি মাসে দিতে হবে।", ["ক", "খ"]),
        ("ক: দ্রুত হালনাগাদ করতে হবে;", "খ: প্রতি মাসে দিতে হবে।", ["ক", "খ"]),
        ("( ১ ) দ্রুত হালনাগাদ করতে হবে;", "( ২ ) প্রতি মাসে দিতে হবে।", ["১", "২"]),
    ],
)
def test_labels_with_stray_spaces_or_a_colon(first, second, labels):
    body = f"১.০ আলোচ্য বিষয়: বিবিধ।\n\nসিদ্ধান্ত:\n\n{first}\n{second}"
    got = decisions(parse_text(minutes(body=body)))
    assert [d["label"] for d in got] == labels
    assert [d["deadline"]["kind"] for d in got] == ["asap", "recurring"]


def test_stray_spaced_labels_sharing_one_table_cell_are_split():
    body = (
        "ক্রমিক নং\tআলোচ্য বিষয়\tসিদ্ধান্ত\tবাস্তবায়নকারী\n"
        "১\tওয়েবসাইট\t( ক ) দ্রুত হালনাগাদ করতে হবে; ( খ ) প্রতি মাসে দিতে হবে।\tকারা অধিদপ্তর\n"
    )
    assert [d["label"] for d in decisions(parse_text(minutes(body=body)))] == ["ক", "খ"]


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("আইসিটি সেল, সুরক্ষা সেবা বিভাগ", ["আইসিটি সেল, সুরক্ষা সেবা বিভাগ"]),
        ("প্রশাসন-১ শাখা, সুরক্ষা সেবা বিভাগ, কারা অধিদপ্তর", ["প্রশাসন-১ শাখা, সুরক্ষা সেবা বিভাগ", "কারা অধিদপ্তর"]),
        ("প্রশাসন-১ শাখা, বাজেট-২ শাখা", ["প্রশাসন-১ শাখা", "বাজেট-২ শাখা"]),
    ],
)
def test_a_section_named_with_its_division_is_one_implementer(cell, names):
    from tadarki.minutes.implementers import split_implementers

    assert split_implementers(cell) == names


def test_dayitwo_names_the_implementer_and_sattar_is_as_soon_as_possible():
    body = (
        "আলোচ্য বিষয়-১: তথ্য বাতায়ন\nআলোচনা: তথ্য হালনাগাদ নেই।\n"
        "সিদ্ধান্ত: তথ্য বাতায়নের সকল তথ্য সত্বর হালনাগাদ করবে।\nদায়িত্ব: বাংলাদেশ কোস্ট গার্ড"
    )
    item = parse_text(minutes(body=body))["agenda_items"][0]
    assert item["implementers"] == ["বাংলাদেশ কোস্ট গার্ড"]
    assert item["decisions"][0]["deadline"] == {"kind": "asap"}


def test_a_decisions_table_without_an_implementer_column_reads_them_inline():
    body = (
        "| ক্রমিক নং | আলোচ্য বিষয় | আলোচনা | সিদ্ধান্ত |\n|---|---|---|---|\n"
        "| ১ | প্রমাণক | প্রমাণক সংরক্ষণ হয়নি। | (ক) আগামী ৩০ জুনের মধ্যে আপলোড করতে হবে; "
        "(খ) একটি কমিটি গঠন করতে হবে। (বাস্তবায়নে: পরিকল্পনা ও উন্নয়ন অধিশাখা) |"
    )
    parsed = parse_text(minutes(body=body))
    assert [
        (d["label"], d["text"], d["implementers"], d["deadline"]) for d in decisions(parsed)
    ] == [
        (
            "ক",
            "আগামী ৩০ জুনের মধ্যে আপলোড করতে হবে;",
            ["পরিকল্পনা ও উন্নয়ন অধিশাখা"],
            {"kind": "date", "date": "2026-06-30"},  # after the meeting of 12 August 2025
        ),
        ("খ", "একটি কমিটি গঠন করতে হবে।", ["পরিকল্পনা ও উন্নয়ন অধিশাখা"], None),
    ]


def test_date_and_time_of_a_meeting_told_in_a_held_on_sentence():
    text = (
        "আইসিটি প্রশিক্ষণ সংক্রান্ত সভার কার্যবিবরণী\n\n"
        "১। গত ১৮ সেপ্টেম্বর ২০২৪ তারিখ বুধবার সকাল ১০:৩০ ঘটিকায় সভাকক্ষে প্রশিক্ষণ সংক্রান্ত "
        "সভা অনুষ্ঠিত হয়। সভায় সভাপতিত্ব করেন বেগম শামীমা আক্তার, যুগ্মসচিব।\n\n"
        "২। বিগত ১০ আগস্ট ২০২৪ তারিখে অনুষ্ঠিত সভার সিদ্ধান্ত বাস্তবায়িত হয়েছে।\n\n"
        "সিদ্ধান্ত:\n\n(ক) প্রশিক্ষণ সম্পন্ন করতে হবে।\n\n"
        "সভায় আর কোন আলোচনা না থাকায় সভার সমাপ্তি ঘোষণা করা হয়।\n"
    )
    meeting = parse_text(text)["meeting"]
    assert (meeting["date"], meeting["time"], meeting["chair"]) == (
        "2024-09-18",
        "10:30",
        {"name": "শামীমা আক্তার", "designation": "যুগ্মসচিব"},
    )


def test_a_discussion_ending_in_decisions_taken_opens_unlabelled_decisions():
    body = (
        "১। আলোচ্য বিষয়: ভিডিও কনফারেন্সিং\n"
        "আলোচনা: ৪০টিতে চালু রয়েছে। আলোচনা শেষে নিম্নরূপ সিদ্ধান্ত গৃহীত হয়:\n"
        "অবশিষ্ট কারাগারসমূহে ৩১ ডিসেম্বর ২০২৫ তারিখের মধ্যে চালু করতে হবে।\n"
        "বাস্তবায়নকারী: কারা অধিদপ্তর\n\n"
        "২। আলোচ্য বিষয়: বিবিধ\nআলোচনা: কোন আলোচনা হয়নি।\nসিদ্ধান্ত: --"
    )
    items = parse_text(minutes(body=body))["agenda_items"]
    assert [[(d["text"].split()[0], d["implementers"]) for d in i["decisions"]] for i in items] == [
        [("অবশিষ্ট", ["কারা অধিদপ্তর"])],
        [],  # "--" records that there was no decision
    ]


def test_header_cells_copied_one_per_line():
    header = (
        "সভাপতি\nজনাব আবু সাঈদ মোঃ কামরুজ্জামান\nযুগ্মসচিব (অগ্নি অনুবিভাগ)\n"
        "সভার তারিখ\n০৪ ফেব্রুয়ারি ২০২৫\nসভার সময়\nসকাল ১১:০০ ঘটিকা\nস্থান\nসভাকক্ষ"
    )
    meeting = parse_text(minutes(header=header))["meeting"]
    assert meeting["chair"] == {
        "name": "আবু সাঈদ মোঃ কামরুজ্জামান",
        "designation": "যুগ্মসচিব (অগ্নি অনুবিভাগ)",
    }
    assert (meeting["date"], meeting["time"], meeting["venue"]) == ("2025-02-04", "11:00", "সভাকক্ষ")


# ---------------------------------------------------------------- DOCX → Markdown (pandoc)


def test_a_grid_table_row_wrapped_over_several_lines_is_one_row():
    body = (
        "+------+--------+-----------------+------------------+\n"
        "| ক্রমিক নং | আলোচ্য বিষয় | সিদ্ধান্ত | বাস্তবায়নকারী |\n"
        "+======+========+=================+==================+\n"
        "| ১. | তথ্য | ক) সাবমেনু দ্রুততম | ১। কারা অধিদপ্তর |\n"
        "| | বাতায়ন | সময়ে হালনাগাদ করতে হবে; | ২। আইসিটি সেল |\n"
        "| | | খ) প্রতি মাসে প্রকাশ করতে হবে। | |\n"
        "+------+--------+-----------------+------------------+\n"
    )
    items = parse_text(minutes(body=body))["agenda_items"]
    assert [(i["number"], i["title"]) for i in items] == [("১", "তথ্য বাতায়ন")]
    assert [(d["label"], d["text"], d["implementers"]) for d in items[0]["decisions"]] == [
        ("ক", "সাবমেনু দ্রুততম সময়ে হালনাগাদ করতে হবে;", ["কারা অধিদপ্তর", "আইসিটি সেল"]),
        ("খ", "প্রতি মাসে প্রকাশ করতে হবে।", ["কারা অধিদপ্তর", "আইসিটি সেল"]),
    ]


def test_markdown_escapes_and_list_html_are_removed():
    body = (
        "১.০ আলোচ্য বিষয়: বিবিধ।\n\n১.০ সিদ্ধান্ত:\n\n"
        "ক\\) তথ্য বাতায়ন \\[jail.feni.gov.bd\\] <ol><li>দ্রুত হালনাগাদ করতে হবে।</li></ol>"
    )
    parsed = parse_text(minutes(body=body))
    assert decisions(parsed)[0]["label"] == "ক"
    assert decisions(parsed)[0]["text"] == ("তথ্য বাতায়ন [jail.feni.gov.bd] দ্রুত হালনাগাদ করতে হবে।")
    assert parsed["portals_mentioned"] == ["jail.feni.gov.bd"]


def test_pandoc_ordered_lists_with_latin_letters_or_ascii_digits():
    for first, second, labels in (
        ("a. দ্রুত হালনাগাদ করতে হবে;", "b. প্রতি মাসে দিতে হবে।", ["a", "b"]),
        ("1. দ্রুত হালনাগাদ করতে হবে;", "2. প্রতি মাসে দিতে হবে।", ["1", "2"]),
    ):
        body = f"১.০ আলোচ্য বিষয়: বিবিধ।\n\n১.০ সিদ্ধান্ত:\n\n{first}\n\n{second}"
        got = decisions(parse_text(minutes(body=body)))
        assert [(d["label"], d["deadline"]["kind"]) for d in got] == [
            (labels[0], "asap"),
            (labels[1], "recurring"),
        ]


def test_an_html_table_with_a_row_spanning_serial_cell():
    body = (
        "<table><thead><tr><th>ক্রমিক নং</th><th>আলোচ্য বিষয়</th><th>সিদ্ধান্ত</th>"
        "<th>বাস্তবায়নকারী</th></tr></thead><tbody>\n"
        '<tr><td rowspan="2">১</td><td rowspan="2">পাসপোর্ট</td><td><p>(ক) তালিকা প্রেরণ '
        "করবে;</p></td><td><p>১। কারা অধিদপ্তর</p><p>২। আইসিটি সেল</p></td></tr>\n"
        "<tr><td>(খ) যাচাই &amp; প্রতিবেদন দ্রুত দাখিল করতে হবে।</td>"
        "<td>বহিরাগমন ও পাসপোর্ট অধিদপ্তর</td></tr>\n</tbody></table>"
    )
    items = parse_text(minutes(body=body))["agenda_items"]
    assert [(i["number"], i["title"]) for i in items] == [("১", "পাসপোর্ট")]
    assert [(d["label"], d["text"], d["implementers"]) for d in items[0]["decisions"]] == [
        ("ক", "তালিকা প্রেরণ করবে;", ["কারা অধিদপ্তর", "আইসিটি সেল"]),
        ("খ", "যাচাই & প্রতিবেদন দ্রুত দাখিল করতে হবে।", ["বহিরাগমন ও পাসপোর্ট অধিদপ্তর"]),
    ]


def test_paragraphs_inside_a_content_control_are_read(tmp_path):
    document = docx.Document()
    document.add_paragraph("কমিটির সভার কার্যবিবরণী")
    sdt = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>সভার তারিখ : ১২ আগস্ট ২০২৫"
        "</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    document.element.body.insert(1, sdt)
    document.add_paragraph("সিদ্ধান্ত: দ্রুত হালনাগাদ করতে হবে।")
    path = tmp_path / "sdt.docx"
    document.save(str(path))
    assert parse_file(path)["meeting"]["date"] == "2025-08-12"


@pytest.mark.parametrize(
    ("text", "iso"),
    [("১২ আগস্ট’২৫", "2025-08-12"), ("১২ আগস্ট'২০২৫", "2025-08-12"), ("০৬ ভাদ্র’৩২", "2025-08-21")],
)
def test_a_year_after_an_apostrophe(text, iso):
    from tadarki.minutes.dates import preferred_date

    assert preferred_date(text).isoformat() == iso


def test_a_two_digit_number_after_a_month_is_not_a_year():
    from tadarki.minutes.dates import find_dates

    assert find_dates("২১ জুন ১৫টি অফিস") == []


def test_a_bracketed_implementer_on_its_own_line_after_each_decision():
    body = (
        "১.০ আলোচ্য বিষয়: জিআরএস\n\nসিদ্ধান্ত:\n\n**ক)** দ্রুত প্রকাশ করতে হবে;\n\n"
        "(বাস্তবায়নে: কারা অধিদপ্তর ও মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর)\n\n"
        "**খ)** প্রতি মাসে প্রতিবেদন দিতে হবে।\n\n(বাস্তবায়নে: উপসচিব (প্রশাসন-২ শাখা))"
    )
    got = decisions(parse_text(minutes(body=body)))
    assert [d["implementers"] for d in got] == [
        ["কারা অধিদপ্তর", "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর"],
        ["উপসচিব (প্রশাসন-২ শাখা)"],
    ]


def test_a_small_decisions_table_under_an_agenda_heading_belongs_to_it():
    body = (
        "১। আলোচ্য বিষয়: অনলাইন লাইসেন্স\n"
        "ক্রমিক\tসিদ্ধান্ত\tবাস্তবায়নকারী\n"
        "১.১\tআবেদন নিষ্পত্তির সময় প্রকাশ করতে হবে।\tফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর\n"
        "১.২\tপেমেন্ট ব্যবস্থা দ্রুত চালু করতে হবে।\tঅগ্নি-১ শাখা\n\n"
        "২। আলোচ্য বিষয়: বিবিধ\n"
        "ক্রমিক\tসিদ্ধান্ত\tবাস্তবায়নকারী\n"
        "২.১\tঅগ্রগতি পর্যালোচনা করতে হবে।\tঅগ্নি-১ শাখা\n"
    )
    items = parse_text(minutes(body=body))["agenda_items"]
    assert [(i["number"], [d["label"] for d in i["decisions"]]) for i in items] == [
        ("১", ["১.১", "১.২"]),
        ("২", ["২.১"]),
    ]
    assert items[0]["implementers"] == ["ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর", "অগ্নি-১ শাখা"]


def test_a_numbered_label_and_an_implementer_followed_by_tabs():
    body = (
        "১.০ আলোচ্য বিষয়: বিবিধ\nসিদ্ধান্ত:\n১.১\tদ্রুত হালনাগাদ করতে হবে;\n"
        "১.২\tপ্রতি মাসে দিতে হবে।\nবাস্তবায়নকারী:\tকারা অধিদপ্তর"
    )
    got = decisions(parse_text(minutes(body=body)))
    assert [(d["label"], d["implementers"]) for d in got] == [
        ("১.১", ["কারা অধিদপ্তর"]),
        ("১.২", ["কারা অধিদপ্তর"]),
    ]
