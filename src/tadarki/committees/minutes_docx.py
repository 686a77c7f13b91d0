"""Minutes out as DOCX (python-docx), in the layout of the signed samples.

Word and LibreOffice pick the font for Bengali from the complex-script slot, so every run
names a Bengali font in `w:rFonts w:cs` (and ascii/hAnsi, for digits and Latin in the same
run), the complex-script size `w:szCs`, and `w:lang w:bidi="bn-BD"`; otherwise Bengali falls
back to whatever font the reader's machine has.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from tadarki.committees import minutes_layout
from tadarki.committees.models import Meeting

BENGALI_FONT = "Noto Sans Bengali"
BODY_PT = 11


def _set_bengali(rpr, size_pt: float | None, bold: bool) -> None:
    """Complex-script font, size, weight and language on one run-properties element."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), BENGALI_FONT)
    if bold:
        b = rpr.find(qn("w:b"))
        if b is not None and rpr.find(qn("w:bCs")) is None:
            b.addnext(OxmlElement("w:bCs"))
    if size_pt:
        sz = rpr.find(qn("w:sz"))
        if sz is not None and rpr.find(qn("w:szCs")) is None:
            sz_cs = OxmlElement("w:szCs")
            sz_cs.set(qn("w:val"), str(int(size_pt * 2)))
            sz.addnext(sz_cs)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:bidi"), "bn-BD")


def _run(paragraph, text: str, *, bold: bool = False, size: float = BODY_PT):
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.font.size = Pt(size)
    run.font.name = BENGALI_FONT
    _set_bengali(run._element.get_or_add_rPr(), size, bold)
    return run


def _para(container, text: str = "", *, bold=False, size=BODY_PT, align=None, after=4):
    p = container.add_paragraph()
    if text:
        _run(p, text, bold=bold, size=size)
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_after = Pt(after)
    return p


def _cell(cell, text: str, *, bold=False, align=None) -> None:
    p = cell.paragraphs[0]
    _run(p, text, bold=bold)
    if align is not None:
        p.alignment = align


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _document() -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4, as the ministry prints
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin = section.bottom_margin = Cm(1.8)
    normal = doc.styles["Normal"]
    normal.font.name = BENGALI_FONT
    normal.font.size = Pt(BODY_PT)
    _set_bengali(normal.element.get_or_add_rPr(), BODY_PT, False)
    return doc


def _items_as_sections(doc, minutes: minutes_layout.Minutes) -> None:
    for item in minutes.items:
        p = _para(doc, after=2)
        _run(p, f"{item.number} আলোচ্য বিষয়: ".lstrip(), bold=True)
        _run(p, item.title, bold=True)
        for line in item.discussion:
            _para(doc, line, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        if item.decisions:
            _para(doc, f"{item.number} সিদ্ধান্ত:".lstrip(), bold=True)
            for label, text in item.decisions:
                p = _para(
                    doc, f"{label}. {text}" if label else text, align=WD_ALIGN_PARAGRAPH.JUSTIFY
                )
                p.paragraph_format.left_indent = Cm(0.6)
        if item.implementers:
            p = _para(doc, after=8)
            _run(p, f"{item.number} বাস্তবায়নকারী: ".lstrip(), bold=True)
            _run(p, item.implementers)


def _items_as_table(doc, minutes: minutes_layout.Minutes) -> None:
    # A discussion column only when there is discussion, so the title cell stays the title.
    with_discussion = any(item.discussion for item in minutes.items)
    heads = ["ক্রমিক", "আলোচ্য বিষয়", "সিদ্ধান্ত", "বাস্তবায়নকারী"]
    if with_discussion:
        heads.insert(2, "আলোচনা")
    table = doc.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        _cell(cell, head, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for n, item in enumerate(minutes.items, 1):
        cells = [item.number or minutes_layout.to_bengali(n), item.title]
        if with_discussion:
            cells.append("\n".join(item.discussion))
        cells.append("\n".join(f"{lb}. {tx}" if lb else tx for lb, tx in item.decisions))
        cells.append(item.implementers)
        for cell, text in zip(table.add_row().cells, cells, strict=True):
            _cell(cell, text)


def render(meeting: Meeting) -> bytes:
    minutes = minutes_layout.build(meeting)
    doc = _document()
    for i, line in enumerate(minutes.letterhead):
        _para(
            doc,
            line,
            bold=i < 3,
            size=BODY_PT + (1 if i < 3 else 0),
            align=WD_ALIGN_PARAGRAPH.CENTER,
            after=0,
        )
    _para(doc, after=6)
    _para(
        doc, minutes.title, bold=True, size=BODY_PT + 1, align=WD_ALIGN_PARAGRAPH.CENTER, after=10
    )

    info = doc.add_table(rows=0, cols=2)
    info.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(info)
    for label, value in minutes.info:
        row = info.add_row().cells
        _cell(row[0], label, bold=True)
        _cell(row[1], value)
        row[0].width, row[1].width = Cm(3.5), Cm(12.5)
    _para(doc, after=4)

    for line in minutes.opening:
        _para(doc, line, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    if minutes.table_layout:
        _items_as_table(doc, minutes)
    else:
        _items_as_sections(doc, minutes)
    if minutes.closing:
        _para(doc, minutes.closing, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=24)

    right = WD_ALIGN_PARAGRAPH.RIGHT
    if minutes.signature_date:
        _para(doc, minutes.signature_date, align=right, after=0)
    for line in minutes.signatory:
        _para(doc, line, align=right, after=0)
    _para(doc, after=8)

    memo = doc.add_table(rows=1, cols=2)
    _no_borders(memo)
    if minutes.memo_number:
        _cell(memo.rows[0].cells[0], f"স্মারক নম্বর: {minutes.memo_number}")
    date_cell = memo.rows[0].cells[1]
    if minutes.date_bangla:
        _cell(date_cell, f"তারিখ: {minutes.date_bangla}", align=right)
        _para(date_cell, minutes.date_gregorian, align=right, after=0)
    _para(doc, after=6)

    if minutes.distribution:
        _para(doc, minutes_layout.DISTRIBUTION_HEADING, bold=True)
        for line in minutes.distribution:
            _para(doc, line, after=2)
    if minutes.attendees:
        doc.add_page_break()
        _para(doc, minutes_layout.ANNEX_LABEL, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        for line in minutes.attendees:
            _para(doc, line, after=2)

    out = BytesIO()
    doc.save(out)
    return out.getvalue()
