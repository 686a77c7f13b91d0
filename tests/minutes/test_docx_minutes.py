"""A .docx made here with python-docx (paragraphs, a header table, a decisions table, in document
order) parses to the same structure as its text twin."""

from pathlib import Path

import pytest
from tests.minutes.minutes_files import DATA, json_twin

from tadarki.minutes import parse_file, parse_text
from tadarki.minutes.docx_text import docx_to_text

docx = pytest.importorskip("docx")


def _write_docx(text: str, path: Path) -> None:
    """Runs of tab-separated lines become one Word table each; other lines become paragraphs."""
    document = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for row, cells in zip(table.rows, rows, strict=True):
                for cell, value in zip(row.cells, cells, strict=False):
                    cell.text = value
            rows.clear()

    for line in text.splitlines():
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        flush()
        document.add_paragraph(line)
    flush()
    document.save(str(path))


def test_decisions_table_docx_matches_its_text_twin(tmp_path):
    text = (DATA / "psd-rms-3rd-2022.txt").read_text(encoding="utf-8")
    path = tmp_path / "psd-rms-3rd-2022.docx"
    _write_docx(text, path)
    expected = json_twin(DATA / "psd-rms-3rd-2022.txt")
    expected["source"] = path.name
    assert parse_file(path) == expected


def test_header_table_docx_matches_its_text_twin(tmp_path, shared_dir):
    sample = shared_dir / "samples" / "minutes" / "website-monitoring-17th-2025.txt"
    path = tmp_path / "website.docx"
    _write_docx(sample.read_text(encoding="utf-8"), path)
    expected = json_twin(sample)
    expected["source"] = path.name
    assert parse_file(path) == expected


def test_docx_keeps_document_order_and_multi_paragraph_cells(tmp_path):
    document = docx.Document()
    document.add_paragraph("কমিটির ১ম সভার কার্যবিবরণী")
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text, header.cell(0, 1).text = "সভাপতি", "খলিল আহমেদ যুগ্মসচিব"
    header.cell(1, 0).text, header.cell(1, 1).text = "সভার তারিখ", "১২ আগস্ট ২০২৫"
    document.add_paragraph("সভাপতি উপস্থিত সকলকে স্বাগত জানান।")
    table = document.add_table(rows=2, cols=4)
    for cell, value in zip(
        table.rows[0].cells, ["ক্রমিক নং", "আলোচ্য বিষয়", "সিদ্ধান্ত", "বাস্তবায়নকারী"], strict=True
    ):
        cell.text = value
    cells = table.rows[1].cells
    cells[0].text, cells[1].text = "১", "ওয়েবসাইট"
    cells[2].text = "(ক) দ্রুত হালনাগাদ করতে হবে;"
    cells[2].add_paragraph("(খ) প্রতি মাসে প্রতিবেদন দিতে হবে।")
    cells[3].text = "কারা অধিদপ্তর"
    document.add_paragraph("সভায় আর কোন আলোচনা না থাকায় সভার সমাপ্তি ঘোষণা করা হয়।")
    path = tmp_path / "order.docx"
    document.save(str(path))

    text = docx_to_text(path)
    assert text.index("কার্যবিবরণী") < text.index("সভাপতি\t") < text.index("স্বাগত")
    minutes = parse_file(path)
    assert minutes == parse_text(text, source="order.docx")
    assert minutes["meeting"]["chair"]["name"] == "খলিল আহমেদ"
    decisions = minutes["agenda_items"][0]["decisions"]
    assert [(d["label"], d["implementers"], d["deadline"]["kind"]) for d in decisions] == [
        ("ক", ["কারা অধিদপ্তর"], "asap"),
        ("খ", ["কারা অধিদপ্তর"], "recurring"),
    ]


def test_vertically_merged_cells_apply_to_every_row_they_span(tmp_path):
    document = docx.Document()
    document.add_paragraph("কমিটির সভার কার্যবিবরণী")
    table = document.add_table(rows=3, cols=4)
    header = ["ক্রমিক নং", "আলোচ্য বিষয়", "সিদ্ধান্ত", "বাস্তবায়নকারী"]
    for cell, value in zip(table.rows[0].cells, header, strict=True):
        cell.text = value
    table.cell(1, 0).text, table.cell(1, 2).text = "১", "দ্রুত হালনাগাদ করতে হবে।"
    table.cell(2, 0).text, table.cell(2, 2).text = "২", "প্রতি মাসে প্রতিবেদন দিতে হবে।"
    table.cell(1, 3).merge(table.cell(2, 3)).text = "কারা অধিদপ্তর"
    path = tmp_path / "merged.docx"
    document.save(str(path))

    items = parse_file(path)["agenda_items"]
    assert [d["implementers"] for item in items for d in item["decisions"]] == [
        ["কারা অধিদপ্তর"],
        ["কারা অধিদপ্তর"],
    ]
