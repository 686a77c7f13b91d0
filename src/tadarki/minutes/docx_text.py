"""A DOCX file as the plain text the minutes parser reads.

Paragraphs and tables are taken in document order; a table row becomes one line of
tab-separated cells (a cell's own paragraphs joined by spaces), so a header table or a
decisions table reads exactly like its `.txt` twin.

Word's automatic numbering keeps a list label ("১.", "ক)") out of the paragraph text, in
`w:numPr` and the numbering part. The label is rebuilt here and put in front of the text,
as Word shows it, so an auto-numbered decision list reads like a typed one.
"""

from __future__ import annotations

from pathlib import Path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BENGALI_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
BENGALI_LETTERS = "কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"))
_ROMAN += ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


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
    numbering = _Numbering(document)
    lines: list[str] = []
    for child in _blocks(document.element.body):
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            label = numbering.label(child)
            text = Paragraph(child, document).text
            if label is None:
                lines.append(text)
            elif label == "":
                lines.extend(["", text])  # a bullet: its own item, without a label
            else:
                lines.append(f"{label} {text.lstrip()}")
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, document), numbering))
            lines.append("")
    return "\n".join(lines)


def _blocks(body):
    """Paragraphs and tables in order, looking inside content controls (`w:sdt`), which
    government templates use for fillable fields."""
    for child in body.iterchildren():
        if child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content)
        else:
            yield child


def _table_lines(table, numbering: _Numbering) -> list[str]:
    lines = []
    for row in table.rows:
        cells = []
        seen = []
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):
                continue  # a merged cell is repeated once per grid column
            seen.append(cell._tc)
            parts = []
            for paragraph in cell.paragraphs:
                label = numbering.label(paragraph._p) if paragraph.text.strip() else None
                parts.append(
                    f"{label} {paragraph.text.strip()}" if label else paragraph.text.strip()
                )
            text = " ".join(part for part in parts if part)
            cells.append(" ".join(text.split()))
        if any(cells):
            # A one-cell row still needs a tab, or it would read as a plain paragraph.
            lines.append("\t".join(cells) + ("\t" if len(cells) == 1 else ""))
    return lines


class _Numbering:
    """Word's list numbering: which paragraphs are list items, and the label each shows."""

    def __init__(self, document) -> None:
        self.styles = _style_numbering(document)
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → ilvl → level
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: no auto-numbered lists
        abstracts = {a.get(f"{W}abstractNumId"): a for a in root.iter(f"{W}abstractNum")}
        for num in root.iter(f"{W}num"):
            abstract_ref = num.find(f"{W}abstractNumId")
            abstract = (
                abstracts.get(abstract_ref.get(f"{W}val")) if abstract_ref is not None else None
            )
            if abstract is None:
                continue
            levels = {
                int(lvl.get(f"{W}ilvl", "0")): _level(lvl) for lvl in abstract.iter(f"{W}lvl")
            }
            for override in num.iter(f"{W}lvlOverride"):
                ilvl, start = int(override.get(f"{W}ilvl", "0")), override.find(f"{W}startOverride")
                if start is not None and ilvl in levels:
                    _, fmt, text = levels[ilvl]
                    levels[ilvl] = (int(start.get(f"{W}val", "1")), fmt, text)
            self.levels[num.get(f"{W}numId")] = levels

    def label(self, paragraph) -> str | None:
        """The label Word shows before the paragraph; "" for a bullet, None when not a list."""
        num_id, ilvl = _num_pr(paragraph)
        if num_id is None:
            style = paragraph.find(f"{W}pPr/{W}pStyle")
            num_id, ilvl = self.styles.get(
                style.get(f"{W}val") if style is not None else "", (None, 0)
            )
        if num_id is None or num_id == "0" or num_id not in self.levels:
            return None
        levels = self.levels[num_id]
        counters = self.counters.setdefault(num_id, {})
        start = levels.get(ilvl, (1, "decimal", "%1."))[0]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a sub-list restarts under each new item
        fmt, text = levels.get(ilvl, (1, "decimal", "%1."))[1:]
        if fmt in ("bullet", "none"):
            return ""
        for level in range(ilvl, -1, -1):
            value = counters.get(level, levels.get(level, (1,))[0])
            level_fmt = levels.get(level, (1, "decimal", ""))[1]
            text = text.replace(f"%{level + 1}", _format(value, level_fmt))
        return text.strip()


def _level(lvl) -> tuple[int, str, str]:
    start = lvl.find(f"{W}start")
    # Word 2010 writes a custom format inside mc:AlternateContent, the fallback after it.
    fmt = next(lvl.iter(f"{W}numFmt"), None)
    fmt_value = fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal"
    if fmt_value == "custom" and fmt.get(f"{W}format", "")[:1] in BENGALI_LETTERS:
        fmt_value = "bengaliLetters"
    text = lvl.find(f"{W}lvlText")
    return (
        int(start.get(f"{W}val", "1")) if start is not None else 1,
        fmt_value,
        text.get(f"{W}val", "") if text is not None else "",
    )


def _num_pr(element) -> tuple[str | None, int]:
    num_pr = element.find(f"{W}pPr/{W}numPr")
    if num_pr is None:
        return None, 0
    num_id, ilvl = num_pr.find(f"{W}numId"), num_pr.find(f"{W}ilvl")
    return (
        num_id.get(f"{W}val") if num_id is not None else None,
        int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0,
    )


def _style_numbering(document) -> dict[str, tuple[str | None, int]]:
    """Paragraph styles that number their paragraphs ("List Number"), following basedOn."""
    styles = {}
    try:
        root = document.styles.element
    except AttributeError:
        return styles
    by_id = {s.get(f"{W}styleId"): s for s in root.iter(f"{W}style")}
    for style_id in by_id:
        current, hops = by_id.get(style_id), 0
        while current is not None and hops < 10:
            num_id, ilvl = _num_pr(current)
            if num_id is not None:
                styles[style_id] = (num_id, ilvl)
                break
            based = current.find(f"{W}basedOn")
            current = by_id.get(based.get(f"{W}val")) if based is not None else None
            hops += 1
    return styles


def _format(value: int, fmt: str) -> str:
    """A counter as Word prints it; digits in Bengali, as the minutes are written."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman, rest = "", value
        for amount, numeral in _ROMAN:
            while rest >= amount:
                roman, rest = roman + numeral, rest - amount
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in ("bengaliLetters", "hindiConsonants", "hindiVowels"):
        return BENGALI_LETTERS[(value - 1) % len(BENGALI_LETTERS)]
    digits = f"{value:02d}" if fmt == "decimalZero" else str(value)
    return digits.translate(BENGALI_DIGITS)
