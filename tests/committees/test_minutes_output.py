"""Minutes out: the sample 17th meeting recreated through import, as DOCX, HTML and PDF."""

import shutil
import subprocess
import unicodedata
import zipfile
from io import BytesIO

import pytest
from docx import Document

from tadarki.committees import minutes_docx, minutes_html, minutes_layout, minutes_pdf, services
from tadarki.committees.models import Meeting

TITLE = "সুরক্ষা সেবা বিভাগের আওতাধীন অধিদপ্তরসমূহের ওয়েবসাইট মনিটরিং সংক্রান্ত কমিটির ১৭তম সভার কার্যবিবরণী।"
MEMO = "৫৮.০০.০০০০.০০০.০১৮.৩১.০০০৩.১৭.৮৯"


@pytest.fixture
def meeting(committee, users, sample_json):
    m = services.import_minutes(
        sample_json("website-monitoring-17th-2025.json"), committee, by=users["ict"]
    )
    m.distribution = (
        "অধিদপ্তর প্রধান (সকল), সুরক্ষা সেবা বিভাগ, স্বরাষ্ট্র মন্ত্রণালয়।\nউপসচিব, প্রশাসন-১ শাখা, সুরক্ষা সেবা বিভাগ।"
    )
    m.attendees = "খলিল আহমেদ, যুগ্মসচিব\nমোঃ আইয়ুব হোসেন, সিস্টেম এনালিস্ট"
    m.save()
    return m


def _docx_text(data: bytes) -> str:
    doc = Document(BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def test_layout_prints_the_official_lines(meeting):
    m = minutes_layout.build(meeting)
    assert m.letterhead[:4] == [
        "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
        "স্বরাষ্ট্র মন্ত্রণালয়",
        "সুরক্ষা সেবা বিভাগ",
        "আইসিটি সেল",
    ]
    assert m.title == TITLE
    assert ("সভার সময়", "সকাল ০৯.০০টা") in m.info
    assert ("সভার তারিখ", "১২ আগস্ট ২০২৫") in m.info
    assert m.date_bangla == "৬ ভাদ্র ১৪৩২ বঙ্গাব্দ"
    assert m.date_gregorian == "২১ আগস্ট ২০২৫ খ্রিস্টাব্দ"
    assert m.distribution[1].startswith("২। উপসচিব")


def test_docx_has_the_layout_and_names_a_bengali_complex_script_font(meeting):
    data = minutes_docx.render(meeting)
    text = _docx_text(data)
    for line in (
        TITLE,
        f"স্মারক নম্বর: {MEMO}",
        "তারিখ: ৬ ভাদ্র ১৪৩২ বঙ্গাব্দ",
        "২১ আগস্ট ২০২৫ খ্রিস্টাব্দ",
        "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়):",
        "১.০ সিদ্ধান্ত:",
        "১.০ বাস্তবায়নকারী: বহিরাগমন ও পাসপোর্ট অধিদপ্তর",
    ):
        assert line in text
    xml = zipfile.ZipFile(BytesIO(data)).read("word/document.xml").decode()
    assert 'w:cs="Noto Sans Bengali"' in xml
    assert 'w:bidi="bn-BD"' in xml
    assert "<w:szCs " in xml
    # The signature block is right-aligned.
    doc = Document(BytesIO(data))
    signature = [p for p in doc.paragraphs if p.text == "খলিল আহমেদ"]
    assert signature and signature[0].alignment == 2  # WD_ALIGN_PARAGRAPH.RIGHT


def test_table_layout_prints_the_decision_table(meeting):
    meeting.layout = Meeting.Layout.TABLE
    meeting.save()
    doc = Document(BytesIO(minutes_docx.render(meeting)))
    headers = [c.text for c in doc.tables[1].rows[0].cells]
    assert headers == ["ক্রমিক", "আলোচ্য বিষয়", "সিদ্ধান্ত", "বাস্তবায়নকারী"]
    assert len(doc.tables[1].rows) == 1 + 5


def test_html_minutes_page(meeting, client, users):
    html = minutes_html.render(meeting)
    assert TITLE in html and MEMO in html and "৬ ভাদ্র ১৪৩২ বঙ্গাব্দ" in html
    client.force_login(users["ict"])
    response = client.get(f"/committees/meetings/{meeting.pk}/minutes/")
    assert response.status_code == 200 and TITLE in response.content.decode()


@pytest.mark.skipif(not minutes_pdf.available(), reason="LibreOffice (soffice) is not installed")
def test_pdf_renders_bengali_with_an_embedded_bengali_font(meeting, tmp_path):
    for tool in ("pdftoppm", "pdftotext", "pdffonts"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} (poppler-utils) is not installed")
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(minutes_pdf.render(meeting))
    assert pdf.read_bytes().startswith(b"%PDF-")

    page = ["-r", "40", "-f", "1", "-l", "1", str(pdf)]
    subprocess.run(["pdftoppm", "-png", *page, str(tmp_path / "page")], check=True)
    (png,) = tmp_path.glob("page*.png")
    assert png.read_bytes().startswith(b"\x89PNG")
    # The same page as greyscale PGM, whose pixels can be read without an imaging library.
    pgm = subprocess.run(["pdftoppm", "-gray", *page], check=True, capture_output=True).stdout
    magic, width, height, maxval, pixels = pgm.split(maxsplit=4)
    assert magic == b"P5" and len(pixels) >= int(width) * int(height)
    dark = sum(1 for v in pixels if v < 128)
    assert dark > 500  # ink on the page, not a blank sheet

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    text = unicodedata.normalize("NFC", text)
    flowing = " ".join(text.split())  # the title wraps onto two lines
    assert TITLE in flowing
    assert "তারিখ: ৬ ভাদ্র ১৪৩২ বঙ্গাব্দ" in flowing and "২১ আগস্ট ২০২৫ খ্রিস্টাব্দ" in flowing
    for line in ("গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "সুরক্ষা সেবা বিভাগ", MEMO, "স্মারক নম্বর"):
        assert line in text, line
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    assert "NotoSansBengali" in fonts.replace(" ", "")
