"""A DOCX file as the plain text the minutes parser reads.

Paragraphs and tables are taken in document order; a table row becomes one line of
tab-separated cells (a cell's own paragraphs joined by spaces), so a header table or a
decisions table reads exactly like its `.txt` twin.
"""

from __future__ import annotations

from pathlib import Path


def docx_to_text(path: str | Path) -> str:
    """Every paragraph and table row of the document body, one per line."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from tadarki.minutes.parser import MinutesError

    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx raises several types for a damaged package
        raise MinutesError(f"{Path(path).name}: not a readable .docx file ({exc})") from None
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, document)))
            lines.append("")
    return "\n".join(lines)


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells = []
        seen = []
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):
                continue  # a merged cell is repeated once per grid column
            seen.append(cell._tc)
            text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
            cells.append(" ".join(text.split()))
        if any(cells):
            # A one-cell row still needs a tab, or it would read as a plain paragraph.
            lines.append("\t".join(cells) + ("\t" if len(cells) == 1 else ""))
    return lines
