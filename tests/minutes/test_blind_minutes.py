"""Minutes the parser was not written against (tests/minutes/data/blind): their expected JSON
was written by hand before the parser first saw them; each batch's misses were then fixed by
general rules (tests/minutes/test_office_artefacts.py), never by special cases.

The text files are as offices save them: BOM, CRLF, NBSP, zero-width joiners, decomposed য়,
page numbers, `সভাপতি :` lines, tab rows, Word's "label<TAB>text" export, markdown pipes,
pandoc grid tables and `<br />`, cells copied one per line, headers told only in prose. The
Word documents are built here the way Word stores them: two- and three-column header tables,
decisions tables with vertically merged serial/topic cells and a caption row spanning all
columns, manual line breaks (`<w:br/>`), memo number and date on tab stops or in a borderless
table, and decisions and distribution lists numbered by Word's own auto-numbering (the label
is in `w:numPr`, in paragraphs and inside table cells, not in the text).

Each expectation lists only what a reader can check by eye; keys left out are not compared.
"""

from pathlib import Path

import pytest
from tests.minutes.minutes_files import json_twin

from tadarki.minutes import parse_file
from tadarki.minutes.accuracy import mistakes, score

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

BLIND = Path(__file__).parent / "data" / "blind"
TEXT_FILES = [
    "ssd-website-18th-2025.txt",
    "psd-rms-4th-2025.txt",
    "fscd-website-9th-2024.txt",
    "dnc-enothi-2025.md",
    "psd-coordination-2025-07.txt",
    "ssd-innovation-1st-2025.txt",
    "psd-coastguard-2023.txt",
    "ssd-apa-2024.md",
    "dnc-training-2024.txt",
    "fscd-portal-pdfcopy-2025.txt",
    "psd-ansar-vdp-2024.txt",
    "ssd-prison-ict-2025.txt",
    "ssd-website-19th-pandoc-2025.md",
    "ssd-portal-inventory-2024.md",
    "psd-rms-5th-2025.md",
    "ssd-grs-2025.md",
]
WORD_FILES = [
    "ssd-passport-prisoners-2025.docx",
    "ssd-charter-q2-2026.docx",
    "ansar-eservice-2025.docx",
    "dip-epassport-2024.docx",
    "fscd-digital-mixed-2025.docx",
]


def _expected(name: str) -> dict:
    return json_twin(BLIND / name)


def _differences(expected, actual, path: str = "") -> list[str]:
    """Where `actual` differs from `expected`, looking only at the keys `expected` has."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: {actual!r}"]
        return [
            d for k, v in expected.items() for d in _differences(v, actual.get(k), f"{path}.{k}")
        ]
    if isinstance(expected, list) and expected and isinstance(expected[0], dict):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: {len(actual or [])} items, expected {len(expected)}"]
        return [
            d for i, v in enumerate(expected) for d in _differences(v, actual[i], f"{path}[{i}]")
        ]
    return [] if expected == actual else [f"{path}: {actual!r} != {expected!r}"]


# ---------------------------------------------------------------- Word documents, built as Word does


def _numbering(document, fmt: str, text: str) -> int:
    """A new list definition (abstractNum + num) in numbering.xml; returns its numId."""
    numbering = document.part.numbering_part.element
    abstract_ids = [
        int(a.get(f"{{{_W}}}abstractNumId")) for a in numbering.findall(f"{{{_W}}}abstractNum")
    ]
    num_ids = [int(n.get(f"{{{_W}}}numId")) for n in numbering.findall(f"{{{_W}}}num")]
    abstract_id, num_id = max(abstract_ids, default=0) + 1, max(num_ids, default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
    )
    # abstractNum elements must precede num elements
    first_num = numbering.find(f"{{{_W}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )
    return num_id


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _numbered(document, text: str, num_id: int):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def _lines(cell, *lines: str) -> None:
    """A cell holding several paragraphs."""
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _header_table(document, rows: list[tuple[str, list[str]]]) -> None:
    table = document.add_table(rows=len(rows), cols=2)
    for (key, value), row in zip(rows, table.rows, strict=True):
        row.cells[0].text = key
        _lines(row.cells[1], *value)


def _letterhead(document, *lines: str) -> None:
    for line in lines:
        document.add_paragraph(line)


def build_passport_prisoners(path: Path) -> None:
    """Decisions-table form: merged serial/topic cells, an implementer cell with one body per
    paragraph, a `<w:br/>` inside a decision, memo and date on one tabbed line."""
    document = docx.Document()
    _letterhead(
        document,
        "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
        "স্বরাষ্ট্র মন্ত্রণালয়",
        "সুরক্ষা সেবা বিভাগ",
        "বহিরাগমন ও পাসপোর্ট অনুবিভাগ",
    )
    document.add_paragraph(
        "বহিরাগমন ও পাসপোর্ট অধিদপ্তর এবং কারা অধিদপ্তরের সমন্বয়ে\nকারাবন্দিদের পাসপোর্ট যাচাই সংক্রান্ত সভার কার্যবিবরণী"
    )
    _header_table(
        document,
        [
            ("সভাপতি", ["ড. মোহাম্মদ আবু সাঈদ", "অতিরিক্ত সচিব (বহিরাগমন ও পাসপোর্ট অনুবিভাগ)"]),
            ("তারিখ ও সময়", ["০৬/১১/২০২৫ খ্রি., সকাল ১১:০০ ঘটিকা"]),
            ("স্থান", ["সুরক্ষা সেবা বিভাগের সভাকক্ষ, বাংলাদেশ সচিবালয়, ঢাকা"]),
            ("উপস্থিতি", ["পরিশিষ্ট-'ক'"]),
        ],
    )
    document.add_paragraph(
        "সভাপতি উপস্থিত সকলকে স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন। বিস্তারিত আলোচনা শেষে "
        "সভায় নিম্নবর্ণিত সিদ্ধান্তসমূহ গৃহীত হয়:"
    )
    table = document.add_table(rows=5, cols=4)
    for cell, value in zip(
        table.rows[0].cells, ["ক্রঃ নং", "আলোচনার বিষয়", "গৃহীত সিদ্ধান্ত", "বাস্তবায়নে"], strict=True
    ):
        cell.text = value
    serial = table.cell(1, 0).merge(table.cell(2, 0))
    serial.text = "০১."
    topic = table.cell(1, 1).merge(table.cell(2, 1))
    topic.text = "কারাবন্দিদের পাসপোর্ট যাচাই"
    table.cell(1, 2).text = (
        "(ক) কারাবন্দিদের পাসপোর্ট যাচাইয়ের জন্য কারা অধিদপ্তর প্রতি মাসের ১০ তারিখের মধ্যে "
        "বন্দিদের তালিকা প্রেরণ করবে;"
    )
    table.cell(1, 3).text = "কারা অধিদপ্তর"
    decision = table.cell(2, 2).paragraphs[0]
    decision.add_run("(খ) প্রাপ্ত তালিকা যাচাই করে")
    decision.add_run().add_break()
    decision.add_run("৩১ ডিসেম্বর ২০২৫ তারিখের মধ্যে প্রতিবেদন দাখিল করতে হবে।")
    _lines(table.cell(2, 3), "১। বহিরাগমন ও পাসপোর্ট অধিদপ্তর", "২। কারা অধিদপ্তর")
    row = table.rows[3].cells
    row[0].text, row[1].text = "০২.", "অবিলিকৃত পাসপোর্ট"
    row[2].text = "অবিলিকৃত পাসপোর্টের সংখ্যা প্রতি সপ্তাহে তথ্য বাতায়নে প্রকাশ করতে হবে।"
    row[3].text = "বহিরাগমন ও পাসপোর্ট অধিদপ্তর"
    row = table.rows[4].cells
    row[0].text, row[1].text = "০৩.", "বিবিধ"
    row[2].text = "পাসপোর্ট সেবা সংক্রান্ত অভিযোগ নিষ্পত্তির অগ্রগতি পরবর্তী সভায় উপস্থাপন করতে হবে।"
    row[3].text = "সকল অধিদপ্তর"
    document.add_paragraph("সভায় আর কোন আলোচনা না থাকায় সভাপতি সকলকে ধন্যবাদ জানিয়ে সভার সমাপ্তি ঘোষণা করেন।")
    document.add_paragraph("ড. মোহাম্মদ আবু সাঈদ")
    document.add_paragraph("অতিরিক্ত সচিব (বহিরাগমন ও পাসপোর্ট অনুবিভাগ)")
    document.add_paragraph("স্মারক নম্বর: ৫৮.০০.০০০০.০১৮.০৬.০১২.২৫.৩১৫\t\t\tতারিখ: ২৮ কার্তিক ১৪৩২ বঙ্গাব্দ")
    document.add_paragraph("\t\t\t\t\t১৩ নভেম্বর ২০২৫ খ্রিস্টাব্দ")
    document.add_paragraph("বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়):")
    listed = _numbering(document, "decimal", "%1।")
    for entry in (
        "মহাপরিচালক, বহিরাগমন ও পাসপোর্ট অধিদপ্তর, আগারগাঁও, ঢাকা।",
        "কারা মহাপরিদর্শক, কারা অধিদপ্তর, বকশীবাজার, ঢাকা।",
        "সিস্টেম এনালিস্ট, আইসিটি সেল, সুরক্ষা সেবা বিভাগ (ওয়েবসাইটে প্রকাশের অনুরোধসহ)।",
        "অফিস কপি।",
    ):
        _numbered(document, entry, listed)
    document.add_paragraph("মোঃ জাহাঙ্গীর আলম")
    document.add_paragraph("উপসচিব")
    document.save(str(path))


def build_charter(path: Path) -> None:
    """Lettered form whose first decision list is Word auto-numbering (no label in the text),
    the second typed by hand; distribution lists auto-numbered and restarted."""
    document = docx.Document()
    _letterhead(document, "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "স্বরাষ্ট্র মন্ত্রণালয়", "সুরক্ষা সেবা বিভাগ", "আইসিটি সেল")
    document.add_paragraph(
        "সেবা প্রদান প্রতিশ্রুতি বিষয়ে সুরক্ষা সেবা বিভাগ ও আওতাধীন অধিদপ্তরসমূহের সমন্বয়ে "
        "২০২৫-২০২৬ অর্থবছরের ২য় ত্রৈমাসিকে অনুষ্ঠিত সভার কার্যবিবরণী"
    )
    _header_table(
        document,
        [
            ("সভাপতি", ["বেগম ফারহানা ইসলাম", "অতিরিক্ত সচিব (প্রশাসন)"]),
            ("সভার তারিখ", ["মঙ্গলবার, ০৯ ডিসেম্বর ২০২৫"]),
            ("সভার সময়", ["বেলা ১১.০০টা"]),
            ("স্থান", ["আইসিটি প্রশিক্ষণ কক্ষ, স্বরাষ্ট্র মন্ত্রণালয়"]),
            ("উপস্থিতি", ["পরিশিষ্ট-'ক'"]),
        ],
    )
    document.add_paragraph("সভাপতি উপস্থিত সকলকে স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন।")
    document.add_paragraph(
        "১.০ আলোচ্য বিষয়: ২০২৫-২০২৬ অর্থবছরের ২য় ত্রৈমাসিকে সেবা প্রদান প্রতিশ্রুতি হালনাগাদকরণ।"
    )
    discussion = document.add_paragraph("১.১ আলোচনা: সদস্য সচিব সভাকে অবহিত করেন যে, সকল অধিদপ্তর")
    discussion.add_run().add_break()
    discussion.add_run("নির্ধারিত সময়ে সেবা প্রদান প্রতিশ্রুতি হালনাগাদ করেছে।")
    document.add_paragraph("১.২ সিদ্ধান্ত:")
    decisions = _numbering(document, "decimal", "%1.")
    for text in (
        "অধিদপ্তরসমূহ সেবা প্রদান প্রতিশ্রুতি প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে হালনাগাদ করবে;",
        "সেবা প্রদান প্রতিশ্রুতি পিডিএফ ফাইলের পরিবর্তে HTML পাতা আকারে প্রকাশ করতে হবে;",
        "সেবা প্রদান প্রতিশ্রুতি পরিবীক্ষণের জন্য মনোনীত কর্মকর্তার নাম আগামী ০৫ (পাঁচ) "
        "কার্যদিবসের মধ্যে এ বিভাগে প্রেরণ করতে হবে।",
    ):
        _numbered(document, text, decisions)
    document.add_paragraph("বাস্তবায়নকারী: সকল অধিদপ্তর")
    document.add_paragraph("২.০ আলোচ্য বিষয়: বিবিধ।")
    document.add_paragraph("২.১ আলোচনা: প্রমাণক দাখিল ও প্রশিক্ষণ বিষয়ে আলোচনা হয়।")
    document.add_paragraph("২.২ সিদ্ধান্ত:")
    document.add_paragraph("ক) প্রমাণকসমূহ মন্ত্রিপরিষদ বিভাগের সফটওয়্যারে যথাসময়ে দাখিল করতে হবে;")
    second = document.add_paragraph("খ) সেবা প্রদান প্রতিশ্রুতি বিষয়ক প্রশিক্ষণ ১৫ পৌষ")
    second.add_run().add_break()
    second.add_run("১৪৩২ তারিখের মধ্যে আয়োজন করতে হবে।")
    document.add_paragraph("বাস্তবায়নকারী: সুরক্ষা সেবা বিভাগ ও আওতাধীন অধিদপ্তরসমূহ")
    document.add_paragraph("সভায় আর কোন আলোচনা না থাকায় সভাপতি সকলকে ধন্যবাদ জানিয়ে সভার সমাপ্তি ঘোষণা করেন।")
    document.add_paragraph("ফারহানা ইসলাম")
    document.add_paragraph("অতিরিক্ত সচিব (প্রশাসন)")
    document.add_paragraph("স্মারক নং-৫৮.০০.০০০০.০১৮.৯৯.০০২.২৫.১৮")
    document.add_paragraph("তারিখ: ২৯ অগ্রহায়ণ ১৪৩২ বঙ্গাব্দ")
    document.add_paragraph("১৪ ডিসেম্বর ২০২৫ খ্রিস্টাব্দ")
    document.add_paragraph("বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়):")
    listed = _numbering(document, "decimal", "%1)")
    for entry in (
        "অধিদপ্তর প্রধান (সকল), সুরক্ষা সেবা বিভাগ।",
        "যুগ্মসচিব, সুশাসন অধিশাখা, মন্ত্রিপরিষদ বিভাগ।",
        "সহঃ প্রোগ্রামার, আইসিটি সেল, সুরক্ষা সেবা বিভাগ (ওয়েবসাইটে প্রকাশের অনুরোধসহ)।",
    ):
        _numbered(document, entry, listed)
    document.add_paragraph("সদয় অবগতির জন্য:")
    copies = _numbering(document, "decimal", "%1)")
    for entry in ("সচিবের একান্ত সচিব, সুরক্ষা সেবা বিভাগ।", "অফিস কপি।"):
        _numbered(document, entry, copies)
    document.add_paragraph("মোঃ আইয়ুব হোসেন")
    document.add_paragraph("সিস্টেম এনালিস্ট")
    document.save(str(path))


def build_ansar_eservice(path: Path) -> None:
    """Decisions table with a deadline column, a caption row spanning all columns and a
    decision cell whose two paragraphs are auto-numbered; a three-column header table
    (key, colon, value); the memo number and date in a borderless table; a distribution
    list numbered by the "List Number" style."""
    document = docx.Document()
    _letterhead(
        document,
        "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
        "স্বরাষ্ট্র মন্ত্রণালয়",
        "জননিরাপত্তা বিভাগ",
        "আনসার ও সীমান্ত অনুবিভাগ",
    )
    document.add_paragraph("আনসার ও গ্রাম প্রতিরক্ষা বাহিনীর ই-সেবা সম্প্রসারণ সংক্রান্ত সভার কার্যবিবরণী")
    header = document.add_table(rows=4, cols=3)
    for row, (key, value) in zip(
        header.rows,
        [
            ("সভাপতি", ["জনাব মোহাম্মদ মিজানুর রহমান", "যুগ্মসচিব (আনসার ও সীমান্ত অনুবিভাগ)"]),
            ("সভার তারিখ", ["১২-০৮-২০২৫ খ্রি."]),
            ("সভার সময়", ["বিকাল ০৩:০০ টায়"]),
            ("স্থান", ["জননিরাপত্তা বিভাগের সভাকক্ষ"]),
        ],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = key, ":"
        _lines(row.cells[2], *value)
    document.add_paragraph("সভায় বিস্তারিত আলোচনা শেষে নিম্নবর্ণিত সিদ্ধান্তসমূহ গৃহীত হয়:")
    table = document.add_table(rows=5, cols=5)
    for cell, value in zip(
        table.rows[0].cells,
        ["ক্রমিক নং", "আলোচ্য বিষয়", "সিদ্ধান্ত", "বাস্তবায়নকারী", "সময়সীমা"],
        strict=True,
    ):
        cell.text = value
    table.cell(1, 0).merge(table.cell(1, 4)).text = "ই-সেবা সংক্রান্ত বিষয়াবলি"
    cells = table.rows[2].cells
    cells[0].text, cells[1].text = "১", "অনলাইন আবেদন"
    lettered = _numbering(document, "custom", "%1)")
    lvl = document.part.numbering_part.element.findall(f"{{{_W}}}abstractNum")[-1]
    lvl.find(f".//{{{_W}}}numFmt").set(f"{{{_W}}}format", "ক, খ, গ, ...")
    cells[2].text = "অনলাইন আবেদন গ্রহণের সফটওয়্যার চালু করতে হবে;"
    cells[2].add_paragraph("সফটওয়্যার ব্যবহার বিষয়ে কর্মকর্তাদের প্রশিক্ষণ প্রদান করতে হবে।")
    for paragraph in cells[2].paragraphs:
        paragraph._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{lettered}"/></w:numPr>'
            )
        )
    cells[3].text, cells[4].text = "আনসার ও গ্রাম প্রতিরক্ষা বাহিনী", "৩০ সেপ্টেম্বর ২০২৫"
    cells = table.rows[3].cells
    cells[0].text, cells[1].text = "২", "তথ্য বাতায়ন"
    cells[2].text = "তথ্য বাতায়নে সকল ই-সেবার লিংক প্রকাশ করতে হবে।"
    cells[3].text = "আনসার ও গ্রাম প্রতিরক্ষা বাহিনী এবং বাংলাদেশ কম্পিউটার কাউন্সিল"
    cells[4].text = "১৫ কার্যদিবস"
    cells = table.rows[4].cells
    cells[0].text, cells[1].text = "৩", "বিবিধ"
    cells[2].text = "ই-সেবার অগ্রগতি নিয়মিত পর্যালোচনা করতে হবে।"
    cells[3].text, cells[4].text = "সংশ্লিষ্ট সকল", "প্রতি মাসে"
    document.add_paragraph("সভায় আর কোন আলোচনা না থাকায় সভাপতি সকলকে ধন্যবাদ জানিয়ে সভার সমাপ্তি ঘোষণা করেন।")
    document.add_paragraph("মোহাম্মদ মিজানুর রহমান")
    document.add_paragraph("যুগ্মসচিব (আনসার ও সীমান্ত অনুবিভাগ)")
    memo = document.add_table(rows=1, cols=2)
    memo.cell(0, 0).text = "স্মারক নম্বর: ৪৪.০০.০০০০.০৭২.১৮.০০৫.২৫.৪১"
    _lines(memo.cell(0, 1), "তারিখ: ০৩ ভাদ্র ১৪৩২ বঙ্গাব্দ", "১৮ আগস্ট ২০২৫ খ্রিস্টাব্দ")
    document.add_paragraph("বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়):")
    for entry in (
        "মহাপরিচালক, আনসার ও গ্রাম প্রতিরক্ষা বাহিনী, খিলগাঁও, ঢাকা।",
        "নির্বাহী পরিচালক, বাংলাদেশ কম্পিউটার কাউন্সিল, আগারগাঁও, ঢাকা।",
        "সিস্টেম এনালিস্ট, আইসিটি সেল, জননিরাপত্তা বিভাগ।",
    ):
        document.add_paragraph(entry, style="List Number")
    document.add_paragraph("মোঃ তানভীর আহমেদ")
    document.add_paragraph("উপসচিব")
    document.save(str(path))


def build_epassport(path: Path) -> None:
    """No tables at all: the header aligned with tabs, agenda headings auto-numbered, decisions
    typed as "ক)<TAB>…", an implementer after a tab, memo number and date on tab stops."""
    document = docx.Document()
    _letterhead(
        document,
        "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
        "স্বরাষ্ট্র মন্ত্রণালয়",
        "সুরক্ষা সেবা বিভাগ",
        "বহিরাগমন অনুবিভাগ",
    )
    document.add_paragraph("ই-পাসপোর্ট সেবা সহজিকরণ সংক্রান্ত সভার কার্যবিবরণী")
    for line in (
        "সভাপতি\t:\tবেগম সুরাইয়া পারভীন, যুগ্মসচিব (বহিরাগমন অনুবিভাগ)",
        "সভার তারিখ\t:\t১৫-০১-২০২৪ খ্রি.",
        "সময়\t:\tবেলা ১১.৩০ টা",
        "স্থান\t:\tসুরক্ষা সেবা বিভাগের সভাকক্ষ",
    ):
        document.add_paragraph(line)
    document.add_paragraph("সভাপতি উপস্থিত সকলকে স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন।")
    headings = _numbering(document, "decimal", "%1.")
    _numbered(document, "আলোচ্য বিষয়: ই-পাসপোর্ট বিতরণ", headings)
    document.add_paragraph("আলোচনা: অবিলিকৃত ই-পাসপোর্টের সংখ্যা বৃদ্ধি পাচ্ছে মর্মে সভাকে অবহিত করা হয়।")
    document.add_paragraph("সিদ্ধান্ত:")
    document.add_paragraph(
        "ক)\tঅবিলিকৃত ই-পাসপোর্টের সংখ্যা প্রতি মাসের ৫ তারিখের মধ্যে তথ্য বাতায়নে প্রকাশ করতে হবে;"
    )
    document.add_paragraph(
        "খ)\tপাসপোর্ট বিতরণে বিলম্বের কারণ চিহ্নিত করে ১৫.০২.২০২৪ তারিখের মধ্যে প্রতিবেদন দাখিল করতে হবে।"
    )
    document.add_paragraph("বাস্তবায়নকারী:\tবহিরাগমন ও পাসপোর্ট অধিদপ্তর")
    _numbered(document, "আলোচ্য বিষয়: কারাবন্দিদের পাসপোর্ট", headings)
    document.add_paragraph("আলোচনা: বিদেশি বন্দিদের পাসপোর্ট যাচাইয়ে বিলম্ব হচ্ছে।")
    document.add_paragraph(
        "সিদ্ধান্ত: কারা অধিদপ্তর বিদেশি বন্দিদের তালিকা আগামী ১০ কর্মদিবসের মধ্যে বহিরাগমন ও "
        "পাসপোর্ট অধিদপ্তরে প্রেরণ করবে।"
    )
    document.add_paragraph("বাস্তবায়নকারী:\tকারা অধিদপ্তর")
    _numbered(document, "আলোচ্য বিষয়: বিবিধ", headings)
    document.add_paragraph("আলোচনা: ই-গেট স্থাপন ও শুদ্ধাচার কৌশল বিষয়ে আলোচনা হয়।")
    document.add_paragraph("সিদ্ধান্ত:")
    decisions = _numbering(document, "decimal", "(%1)")
    _numbered(document, "পরবর্তী সভায় ই-গেট স্থাপনের অগ্রগতি উপস্থাপন করতে হবে;", decisions)
    _numbered(
        document,
        "সকল অধিদপ্তর জাতীয় শুদ্ধাচার কৌশল কর্মপরিকল্পনা ত্রৈমাসিক ভিত্তিতে বাস্তবায়ন করবে।",
        decisions,
    )
    document.add_paragraph("বাস্তবায়নকারী: সংশ্লিষ্ট সকল")
    document.add_paragraph("সভায় আর কোন আলোচনা না থাকায় সভাপতি সকলকে ধন্যবাদ জানিয়ে সভার সমাপ্তি ঘোষণা করেন।")
    document.add_paragraph("\t\t\tসুরাইয়া পারভীন")
    document.add_paragraph("\t\t\tযুগ্মসচিব (বহিরাগমন অনুবিভাগ)")
    document.add_paragraph("স্মারক নং-৫৮.০০.০০০০.০১৮.০৬.০০২.২৪.০৯\tতারিখ: ০৮ মাঘ ১৪৩০")
    document.add_paragraph("\t২২ জানুয়ারি ২০২৪")
    document.add_paragraph("বিতরণ:")
    for entry in (
        "১।\tমহাপরিচালক, বহিরাগমন ও পাসপোর্ট অধিদপ্তর, আগারগাঁও, ঢাকা।",
        "২।\tকারা মহাপরিদর্শক, কারা অধিদপ্তর, ঢাকা।",
        "৩।\tঅফিস কপি।",
    ):
        document.add_paragraph(entry)
    document.save(str(path))


def build_fire_mixed(path: Path) -> None:
    """Agenda headings as paragraphs, each followed by its own small decisions table
    (serial, decision, implementer); the header as paragraphs "key: value"."""
    document = docx.Document()
    _letterhead(document, "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "স্বরাষ্ট্র মন্ত্রণালয়", "সুরক্ষা সেবা বিভাগ", "অগ্নি-১ শাখা")
    document.add_paragraph("ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তরের ডিজিটাল সেবা সংক্রান্ত সভার কার্যবিবরণী")
    for line in (
        "সভাপতি: জনাব মোঃ আবুল কালাম আজাদ, অতিরিক্ত সচিব (অগ্নি অনুবিভাগ)",
        "তারিখ: ২৭ মে ২০২৫",
        "সময়: বেলা ১২.৩০ ঘটিকা",
        "স্থান: সুরক্ষা সেবা বিভাগের সভাকক্ষ",
    ):
        document.add_paragraph(line)
    document.add_paragraph("সভাপতি উপস্থিত সকলকে স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন।")
    rows_by_item = [
        (
            "১। আলোচ্য বিষয়: অনলাইন ফায়ার লাইসেন্স",
            [
                (
                    "১.১",
                    "অনলাইন ফায়ার লাইসেন্স সেবার আবেদন নিষ্পত্তির সময় তথ্য বাতায়নে প্রকাশ করতে হবে।",
                    "ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর",
                ),
                (
                    "১.২",
                    "লাইসেন্স নবায়নের অনলাইন পেমেন্ট ব্যবস্থা ৩০ জুন ২০২৫ তারিখের মধ্যে চালু করতে হবে।",
                    "ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর, অগ্নি-১ শাখা",
                ),
            ],
        ),
        (
            "২। আলোচ্য বিষয়: বিবিধ",
            [("২.১", "সেবা সহজিকরণের অগ্রগতি ত্রৈমাসিক ভিত্তিতে পর্যালোচনা করতে হবে।", "অগ্নি-১ শাখা")],
        ),
    ]
    for heading, rows in rows_by_item:
        document.add_paragraph(heading)
        table = document.add_table(rows=len(rows) + 1, cols=3)
        for cell, value in zip(table.rows[0].cells, ["ক্রমিক", "সিদ্ধান্ত", "বাস্তবায়নকারী"], strict=True):
            cell.text = value
        for row, values in zip(table.rows[1:], rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    document.add_paragraph("সভায় আর কোন আলোচনা না থাকায় সভাপতি সকলকে ধন্যবাদ জানিয়ে সভার সমাপ্তি ঘোষণা করেন।")
    document.add_paragraph("মোঃ আবুল কালাম আজাদ")
    document.add_paragraph("অতিরিক্ত সচিব (অগ্নি অনুবিভাগ)")
    document.add_paragraph("স্মারক নম্বর: ৫৮.০০.০০০০.০২৩.০৬.০০১.২৫.৭০")
    document.add_paragraph("তারিখ: ২০ জ্যৈষ্ঠ ১৪৩২ বঙ্গাব্দ/০৩ জুন ২০২৫ খ্রিস্টাব্দ")
    document.add_paragraph("বিতরণ:")
    document.add_paragraph("১। মহাপরিচালক, ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর, ঢাকা।")
    document.add_paragraph("২। অফিস কপি।")
    document.save(str(path))


BUILDERS = {
    "fscd-digital-mixed-2025.docx": build_fire_mixed,
    "dip-epassport-2024.docx": build_epassport,
    "ansar-eservice-2025.docx": build_ansar_eservice,
    "ssd-passport-prisoners-2025.docx": build_passport_prisoners,
    "ssd-charter-q2-2026.docx": build_charter,
}


@pytest.fixture(scope="module")
def blind_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("blind")
    files = {name: BLIND / name for name in TEXT_FILES}
    for name, build in BUILDERS.items():
        build(folder / name)
        files[name] = folder / name
    return files


@pytest.mark.parametrize("name", TEXT_FILES + WORD_FILES)
def test_blind_minutes_match_their_hand_written_expectation(blind_files, name):
    actual = parse_file(blind_files[name])
    assert _differences(_expected(name), actual) == []


def test_blind_minutes_judged_fields_are_all_right(blind_files, capsys):
    right = checked = 0
    report = []
    for name, path in blind_files.items():
        expected, actual = _expected(name), parse_file(path)
        r, c = score(expected, actual)
        report.append(f"{name}: {r}/{c} {mistakes(expected, actual)}")
        right, checked = right + r, checked + c
    with capsys.disabled():
        print("\n" + "\n".join(report) + f"\nblind overall: {right}/{checked}")
    assert right == checked, report
