"""Minutes (কার্যবিবরণী) as text → the structure of spec/minutes-json.md.

The text is read line by line; each line is classified by a small set of rules (agenda
heading, discussion, decisions heading, lettered decision, implementer line, table row,
closing line, memo number, distribution list) and the rest is continuation of whatever came
before. Table rows arrive as markdown pipes or tab-separated cells (a DOCX table is turned
into the latter), so the decisions-table form and the lettered form share one parser.

Before that the text is made uniform (`_prepare`): NFC, invisible characters and odd spaces
removed, grid and HTML tables (pandoc) turned into pipe rows, Markdown escapes undone, Word's
"label<TAB>text" list items and tab-aligned headers told apart from table rows.

Plain Python: no Django here.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from tadarki.bangla.digits import parse_int, to_bengali
from tadarki.minutes.dates import find_dates, parse_time, preferred_date
from tadarki.minutes.deadlines import parse_deadline, parse_deadline_cell
from tadarki.minutes.implementers import (
    KNOWN_BODIES,
    POSTS,
    infer_implementers,
    names_a_body,
    split_implementers,
)

BN = "\u0980-\u09ff"
D = "[0-9০-৯]"
NUM = rf"{D}+(?:\.{D}+)*"
COLON = r"[:ঃ]"

_AGENDA = re.compile(
    rf"^(?:(?P<num>{NUM})\s*[.)।]?\s*)?(?:আলোচ্য\s*(?:বিষয়|সূচি|সূচী)|আলোচ্যসূচি|আলোচ্যসূচী)"
    rf"(?:\s*(?:নং|নম্বর)?\s*[-–]?\s*(?P<num2>{NUM}))?\s*[:ঃ\-–।]\s*(?P<rest>.*)$"
)
_DISCUSSION = re.compile(rf"^(?:{NUM}\s*[.)।]?\s*)?আলোচনা\s*[:ঃ\-–]\s*(?P<rest>.*)$")
_DECISIONS = re.compile(
    rf"^(?:{NUM}\s*[.)।]?\s*)?(?:আলোচনা\s*ও\s*)?(?:গৃহীত\s+)?সিদ্ধান্ত(?:সমূহ)?\s*(?:[:ঃ\-–]\s*(?P<rest>.*))?$"
)
_IMPLEMENTER = re.compile(
    rf"^(?P<open>[(\[]\s*)?(?:(?P<num>{NUM})\s*[.)।]?\s*)?(?:বাস্তবায়নকারী(?:\s*(?:কর্তৃপক্ষ|দপ্তর|সংস্থা|কর্মকর্তা))?|"
    rf"বাস্তবায়নে|বাস্তবায়ন|বাস্তবায়নের\s+দায়িত্বে?|দায়িত্বে|দায়িত্ব(?:প্রাপ্ত)?)\s*[:ঃ\-–]\s*(?P<rest>.*)$"
)
_INLINE_IMPLEMENTER = re.compile(
    rf"(?:\s+[-–—]+)?\s*[(\[]?\s*(?<![{BN}])বাস্তবায়ন(?:কারী|ে)\s*{COLON}\s*(?P<names>[^)\]]+?)"
    rf"[)\]]?\s*[।.;]?\s*$"
)
_INTRO_END = re.compile(r"সিদ্ধান্ত(?:সমূহ)?\s+(?:সর্বসম্মতিক্রমে\s+)?গৃহীত\s+(?:হয়|হলো|হয়েছে)\s*[:ঃ]$")
_LETTERS = "কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ"
# Latin letters: a Word list converted to Markdown (pandoc) comes out as "a.", "b)".
_LATIN = "abcdefghijklmnopqrstuvwxyz"
_LABEL = re.compile(
    # stray spaces are typed inside and before the brackets: "( ক )", "ক )"; "ক:" also occurs
    rf"^(?:\(\s?(?P<p>[{_LETTERS}]|{D}{{1,2}}|[a-z])\s?\)|(?P<l>[{_LETTERS}])\s?(?:[).।:]|ঃ(?=\s))"
    rf"|(?P<a>[a-z])[.)](?=\s)"
    rf"|(?P<n>{D}{{1,2}}\.{D}{{1,2}}(?=\s)|{D}{{1,2}}(?=[).।]\s))[).।]?)\s*(?P<text>\S.*)$"
)


def _label_of(m: re.Match) -> str:
    return m["p"] or m["l"] or m["a"] or m["n"]


_CLOSING = re.compile(
    r"সমাপ্তি\s+ঘোষণা|সভা\s+সমাপ্ত|সভা\s+শেষ\s+(?:করেন|ঘোষণা)"
    r"|(?:আর|অন্য)\s+কোনো?\s+(?:আলোচ্য\s+)?(?:বিষয়|আলোচনা|আলোচ্যসূচি)\s+না\s+থাকায়"
)
_MEMO = re.compile(rf"^(?:স্মারক\s*(?:নং|নম্বর|নম্বরঃ)?|নম্বর|নং|সূত্র)\s*[:ঃ\-–.]?\s*(?P<value>.*{D}.*)$")
_TITLE_WORD = re.compile(r"কার্য\s*বিবর[ণন][ীি]")
_SEQUENCE = re.compile(rf"({D}{{1,3}})\s*(?:ম|য়|র্থ|ষ্ঠ|তম|শ)\s*সভা")
_WORD_ORDINALS = {
    "প্রথম": 1,
    "দ্বিতীয়": 2,
    "তৃতীয়": 3,
    "চতুর্থ": 4,
    "পঞ্চম": 5,
    "ষষ্ঠ": 6,
    "সপ্তম": 7,
    "অষ্টম": 8,
    "নবম": 9,
    "দশম": 10,
}
_WORD_SEQUENCE = re.compile(rf"(?<![{BN}])({'|'.join(_WORD_ORDINALS)})\s+সভা")
_KEYS = (
    r"(?:সভার\s+)?সভাপতি(?:ত্ব)?|সভার\s+তারিখ(?:\s*ও\s*সময়)?|তারিখ(?:\s*ও\s*সময়)?|সভার\s+সময়|সময়|"
    r"সভার\s+স্থান|স্থান|উপস্থিতি|উপস্থিত\s+সদস্যবৃন্দ"
)
_HEADER_KEY = re.compile(rf"^(?P<key>{_KEYS})\s*(?P<colon>[:ঃ\-–])?\s*(?P<value>.+)$")
_HEADER_CELL = re.compile(rf"^(?:{_KEYS})$")
_PORTAL = re.compile(r"(?<![@\w.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+gov\.bd)(?![\w-])", re.I)
_ENTRY = re.compile(rf"^\(?({D}{{1,2}})\s*[)।.](?!{D})")
_INLINE_ENTRY = re.compile(rf"\s\(?({D}{{1,2}})\s*[)।](?!{D})")
_TERMINAL = tuple("।;.:ঃ?!|")
_LETTERHEAD_END = ("মন্ত্রণালয়", "বিভাগ", "সেল", "শাখা", "অধিশাখা", "অনুবিভাগ", "অধিদপ্তর", "সরকার")
_UNIT_END = ("সেল", "শাখা", "অধিশাখা", "অনুবিভাগ", "অনুশাখা", "উইং", "সেকশন", "ডেস্ক")
_POST_AT = re.compile(
    rf"(?<![{BN}])(?:{'|'.join(re.escape(p) for p in sorted(POSTS, key=len, reverse=True))})(?![{BN}])"
)


@dataclass
class Line:
    text: str
    cells: list[str] | None = None
    blank_before: bool = False
    agenda_hint: bool = False  # a numbered topic line followed by আলোচনা:/সিদ্ধান্ত:
    decision_intro: bool = False  # "… নিম্নরূপ সিদ্ধান্ত গৃহীত হয়:" followed by a lettered list


@dataclass
class Decision:
    label: str
    text: str
    implementers: list[str] | None = None
    deadline: dict | None = None
    extra: list[str] = field(default_factory=list)
    deadline_cell: str = ""

    def as_json(self) -> dict:
        return {
            "label": self.label,
            "text": self.text,
            "implementers": self.implementers or [],
            "deadline": self.deadline,
        }


@dataclass
class Agenda:
    number: str | None
    title: str
    implementers: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    # (how many decisions preceded the line, names) for each বাস্তবায়নকারী line
    implementer_lines: list[tuple[int, list[str]]] = field(default_factory=list)
    from_row: bool = False  # started by a decisions-table row, not by a heading
    discussion: list[str] = field(default_factory=list)  # its lines, as printed

    def as_json(self) -> dict:
        return {
            "number": self.number,
            "title": self.title,
            "implementers": self.implementers,
            "decisions": [d.as_json() for d in self.decisions],
        }


# ---------------------------------------------------------------- preparing lines


# Word and the Bijoy-to-Unicode converters leave invisible characters behind: zero-width spaces,
# soft hyphens, stray joiners, odd spaces. Only the joiner of র‍্য ("র‍্যাব") is meaningful.
_INVISIBLE = re.compile("[\u200b\u2060\u00ad\ufeff]|[\u200c\u200d](?!্য)|(?<!র)[\u200c\u200d]")
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def clean_text(text: str) -> str:
    """NFC, without invisible characters, every kind of space a plain one."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub("র[\u200c\u200d]্য", "র\u200d্য", text)
    return _ODD_SPACE.sub(" ", _INVISIBLE.sub("", text))


# What a DOCX → Markdown conversion (pandoc) adds: backslash escapes, list HTML in cells.
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!'\"<>~^])")
_HTML_TAG = re.compile(r"</?(?:ol|ul|li|p|br|span|div|strong|em|b|i|u|sup|sub)\b[^>]*>", re.I)
_GRID_RULE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_GRID_ROW = re.compile(r"^\s*\|.*\|\s*$")


def _unfold_grid_tables(raw_lines: list[str]) -> list[str]:
    """A grid table (`+----+----+` rules, a row's cells wrapped over several `|` lines)
    becomes one pipe line per row, each cell's pieces joined."""
    out: list[str] = []
    i = 0
    while i < len(raw_lines):
        if not _GRID_RULE.match(raw_lines[i]):
            out.append(raw_lines[i])
            i += 1
            continue
        i += 1  # the rule itself is layout
        row: list[list[str]] = []
        while i < len(raw_lines) and _GRID_ROW.match(raw_lines[i]):
            pieces = raw_lines[i].strip().strip("|").split("|")
            if row and len(pieces) != len(row):
                break  # not the same table any more
            row = row or [[] for _ in pieces]
            for column, piece in zip(row, pieces, strict=True):
                if piece.strip():
                    column.append(piece.strip())
            i += 1
        if row:
            out.append("| " + " | ".join(" ".join(column) for column in row) + " |")
    return out


_HTML_TABLE = re.compile(r"<table\b.*?</table>", re.I | re.S)
_HTML_ROW = re.compile(r"<tr\b.*?</tr>", re.I | re.S)
_HTML_CELL = re.compile(r"<t([dh])\b([^>]*)>(.*?)</t\1>", re.I | re.S)
_ROWSPAN = re.compile(r"rowspan\s*=\s*[\"']?(\d+)", re.I)


def _html_tables(text: str) -> str:
    """An HTML table (pandoc writes one when a cell holds several paragraphs) → pipe rows.
    A cell spanning rows is repeated on each, as python-docx reads a merged Word cell."""

    def rows(match: re.Match) -> str:
        lines, spans = [], {}  # column → (rows still to fill, text)
        for tr in _HTML_ROW.findall(match[0]):
            cells, column = [], 0
            found = iter(_HTML_CELL.findall(tr))
            pending = next(found, None)
            while pending is not None or column in spans:
                if column in spans:
                    left, value = spans[column]
                    cells.append(value)
                    spans = {k: v for k, v in spans.items() if k != column}
                    if left > 1:
                        spans[column] = (left - 1, value)
                else:
                    _, attributes, content = pending
                    value = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", content)).split())
                    cells.append(value)
                    span = _ROWSPAN.search(attributes)
                    if span and int(span[1]) > 1:
                        spans[column] = (int(span[1]) - 1, value)
                    pending = next(found, None)
                column += 1
            lines.append("| " + " | ".join(cells) + " |")
        return "\n" + "\n".join(lines) + "\n"

    return _HTML_TABLE.sub(rows, text)


def _prepare(text: str) -> list[Line]:
    text = _HTML_TAG.sub(" ", _html_tables(_MD_ESCAPE.sub(r"\1", clean_text(text))))
    lines: list[Line] = []
    blank = False
    for raw in _unfold_grid_tables(text.splitlines()):
        line = raw.strip()
        if not line:
            blank = True
            continue
        cells = None
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if all(re.fullmatch(r":?-*:?", c) for c in cells):
                continue  # a markdown separator or an empty row
            line = " ".join(c for c in cells if c)
        elif "\t" in raw.lstrip("\t ") and not _tabbed_label(raw, lines):
            # Leading tabs are indentation, except on a table's next row, where they are the
            # empty cells Word's text export leaves under merged ones; a trailing tab marks a
            # one-cell row.
            in_table = bool(lines) and lines[-1].cells is not None and not blank
            cells = [
                c.strip() for c in (raw.strip(" \r\n") if in_table else raw.strip()).split("\t")
            ]
            line = " ".join(c for c in cells if c)
        elif "\t" in raw.strip():
            line = re.sub(r"\s+", " ", line)  # "১)\tসকল দপ্তর …": Word's list label and tab
        else:
            line = re.sub(r"^(?:[-*•]\s+|#+\s+)", "", line).strip()
            # "**১.২ সিদ্ধান্ত:**", "**ক)** …": emphasis that opens the line is layout, not text
            line = re.sub(r"^(\*\*|__)(.+?)\1", r"\2", line).strip()
        line = re.sub(r" {2,}", " ", line)  # stray spaces typed between words
        if cells is not None:
            cells = [re.sub(r"\s+", " ", c).strip() for c in cells]
        if not line:
            continue
        lines.append(Line(line, cells, blank))
        blank = False
    lines = [
        ln
        for ln in _fold_line_tables(lines)
        if ln.cells is not None or not _PAGE_MARK.match(ln.text)
    ]
    _mark_implicit_agenda(lines)
    return lines


_LIST_LABEL = re.compile(
    rf"^(?:\(?(?:[{_LETTERS}]|[a-z]|{D}{{1,2}}(?:\.{D}{{1,2}})?)[).।]?|\((?:[{_LETTERS}]|{D}{{1,2}})\))$"
)


def _tabbed_label(raw: str, before: list[Line]) -> bool:
    """Word saves an auto-numbered paragraph as "১)<TAB>text": a list item, not a table row.
    Inside a table (the line before has cells) a serial cell is still a cell."""
    cells = [c.strip() for c in raw.strip().split("\t") if c.strip()]
    return (
        len(cells) == 2
        and bool(_LIST_LABEL.match(cells[0]))
        and (not before or before[-1].cells is None)
    )


# "-২-", "পৃষ্ঠা ২ এর ৩", "2/3": page furniture, never content.
_PAGE_MARK = re.compile(
    rf"^(?:পৃষ্ঠা\s*[-–:]?\s*)?[-–(]?\s*{D}{{1,3}}\s*(?:/\s*{D}{{1,3}}|এর\s+{D}{{1,3}})?\s*[-–)]?$"
)
_NUMBERED_TOPIC = re.compile(
    rf"^(?:বিষয়\s*(?:নং)?\s*[-–]?\s*)?(?P<num>{NUM})\s*[.)।:ঃ]\s*(?:বিষয়\s*{COLON}\s*)?(?P<rest>\S.*)$"
)


def _mark_implicit_agenda(lines: list[Line]) -> None:
    """Agenda items headed only by a number ("১। ওয়েবসাইট হালনাগাদকরণ") are recognised by the
    আলোচনা:/সিদ্ধান্ত: line that follows them."""
    for line, following in zip(lines, lines[1:], strict=False):
        if (
            line.cells is None
            and following.cells is None
            and "সিদ্ধান্ত" in line.text
            and line.text.endswith((":", "ঃ"))
            and _LABEL.match(following.text)
            and not _AGENDA.match(following.text)
        ):
            line.decision_intro = True
        if line.cells is not None or len(line.text) > 200 or not _NUMBERED_TOPIC.match(line.text):
            continue
        if any(rule.match(line.text) for rule in (_AGENDA, _DISCUSSION, _DECISIONS, _IMPLEMENTER)):
            continue
        if (
            _DISCUSSION.match(following.text)
            or _DECISIONS.match(following.text)
            or re.match(rf"^সিদ্ধান্ত(?:সমূহ)?\s*{COLON}", following.text)
        ):
            line.agenda_hint = True


_SERIAL_HEADER = re.compile(r"^(?:ক্রমিক(?:\s*নং)?|ক্রম(?:\s*নং)?|ক্রঃ\s*নং|ক্র\.\s*নং|ক্র:\s*নং|নং)$")
_SERIAL = re.compile(rf"^{D}{{1,2}}[.)।]?$")


def _fold_line_tables(lines: list[Line]) -> list[Line]:
    """A decisions table written one cell per line (ক্রমিক নং / আলোচ্য বিষয় / সিদ্ধান্ত /
    বাস্তবায়নকারী, then `১`, its cells, `২`, …) becomes rows of cells."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.cells is None and _SERIAL_HEADER.match(line.text):
            header = [line.text]
            j = i + 1
            while j < len(lines) and len(header) < 7 and lines[j].cells is None:
                if _SERIAL.match(lines[j].text) or len(lines[j].text) > 40:
                    break
                header.append(lines[j].text)
                j += 1
            if _is_decision_table(header):
                out.append(Line(" ".join(header), header, line.blank_before))
                rows, i = _line_rows(lines, j, len(header))
                out.extend(rows)
                continue
        out.append(line)
        i += 1
    return out


def _line_rows(lines: list[Line], i: int, width: int) -> tuple[list[Line], int]:
    rows: list[Line] = []
    while i < len(lines) and _SERIAL.match(lines[i].text):
        serial = lines[i]
        j = i + 1
        content: list[str] = []
        while j < len(lines) and not _SERIAL.match(lines[j].text) and not _ends_table(lines[j]):
            content.append(lines[j].text)
            j += 1
        rows.append(
            Line(" ".join([serial.text, *content]), _spread(content, width - 1, serial.text))
        )
        i = j
    return rows, i


def _ends_table(line: Line) -> bool:
    return bool(_CLOSING.search(line.text) or _MEMO.match(line.text) or _AGENDA.match(line.text))


def _spread(content: list[str], columns: int, serial: str) -> list[str]:
    """Cells of a row written one per line. When a cell took several lines, the implementer
    cell is the run of list entries or body names at the end, the topic is the first line,
    and the decision starts at its first lettered line (or is the last remaining line)."""
    if len(content) <= columns:
        return [serial, *content, *[""] * (columns - len(content))]
    cut = len(content) - 1
    while cut > 1 and _is_implementer_line(content[cut - 1]) and _is_implementer_line(content[cut]):
        cut -= 1
    topic, middle, implementer = content[0], content[1:cut], " ".join(content[cut:])
    labelled = next((k for k, text in enumerate(middle) if _LABEL.match(text)), None)
    split = labelled if labelled is not None else max(len(middle) - 1, 0)
    if columns >= 4:  # topic, discussion, decision, implementer
        return [serial, topic, " ".join(middle[:split]), " ".join(middle[split:]), implementer]
    return [serial, topic, " ".join(middle), implementer]


def _is_implementer_line(text: str) -> bool:
    return bool(_ENTRY.match(text)) or names_a_body(text.rstrip("।.,; "))


# ---------------------------------------------------------------- the decisions table


def _column_role(cell: str) -> str:
    if re.search(r"ক্রমিক|ক্রঃ|ক্র\.|ক্র:|^ক্রম(?:\s*নং)?$|^নং$", cell):
        return "serial"
    if re.search(r"সময়সীমা|সময়|তারিখ", cell) and "সিদ্ধান্ত" not in cell:
        return "deadline"
    if "সিদ্ধান্ত" in cell:
        return "decision"
    if "বাস্তবায়ন" in cell or "দায়িত্ব" in cell:
        return "implementer"
    if "আলোচ্য" in cell or "বিষয়" in cell:
        return "topic"
    if "আলোচনা" in cell:
        return "discussion"
    return "other"


def _is_decision_table(cells: list[str]) -> bool:
    """A header row with a decision column and an implementer, serial or topic column (the
    implementers may then be written inside the decision: "(বাস্তবায়নে: …)")."""
    roles = [_column_role(c) for c in cells if c]
    others = {"implementer", "serial", "topic"}
    return "decision" in roles and bool(others & set(roles)) and len(cells) >= 3


def _split_labelled(cell: str) -> list[tuple[str, str]]:
    """`(ক) … (খ) …` inside one cell → [("ক", "…"), ("খ", "…")]; unlabelled → [("", cell)].

    Only labels in sequence (ক, খ, গ … or ১, ২, ৩ …) split, so "৯.২ নং" stays inside a text.
    """
    first = _LABEL.match(cell)
    if not first:
        return [("", cell)]
    labels = _label_sequence(_label_of(first))
    starts: list[tuple[int, int]] = [(0, first.start("text"))]  # (marker start, text start)
    for label in labels[1:]:
        mark = re.escape(label)
        marker = re.compile(rf"(?<=\s)(?:\(\s?{mark}\s?\)|{mark}\s?[).।])\s*")
        m = marker.search(cell, starts[-1][1])
        if not m:
            break
        starts.append((m.start(), m.end()))
    ends = [s for s, _ in starts[1:]] + [len(cell)]
    return [
        (labels[i], cell[text_start:end].strip())
        for i, ((_, text_start), end) in enumerate(zip(starts, ends, strict=True))
    ]


def _label_sequence(first: str) -> list[str]:
    if first in _LETTERS:
        return list(_LETTERS[_LETTERS.index(first) :])
    if first in _LATIN:
        return list(_LATIN[_LATIN.index(first) :])
    if "." in first:  # ১.১, ১.২, …
        prefix, last = first.rsplit(".", 1)
        return [f"{prefix}.{label}" for label in _label_sequence(last)]
    value, width = parse_int(first), len(first)
    bengali = first[0] in "০১২৩৪৫৬৭৮৯"
    labels = []
    for n in range(value, value + 40):
        text = str(n).zfill(width)
        labels.append(to_bengali(text) if bengali else text)
    return labels


# ---------------------------------------------------------------- the body


class _Body:
    """Agenda items and their decisions, fed one line at a time."""

    def __init__(self) -> None:
        self.items: list[Agenda] = []
        self.agenda: Agenda | None = None
        self.mode = ""
        self.decision: Decision | None = None
        self.pending_title = False
        self.table: list[str] | None = None  # column roles while inside a decisions table
        self.pending_implementers: list[str] | None = None

    def feed(self, line: Line) -> None:
        text = line.text
        if line.cells is not None and _is_decision_table(line.cells):
            self.table = [_column_role(c) for c in line.cells]
            return
        if self.table is not None:
            if line.cells is not None:
                self._table_row(line.cells)
                return
            self.table = None
        if self.pending_implementers is not None:
            # the list under an empty "বাস্তবায়নকারী:" line, one name per line
            listed = _ENTRY.match(text) or (not self.pending_implementers and names_a_body(text))
            if listed and line.cells is None:
                self.pending_implementers.extend(split_implementers(text))
                return
            self.pending_implementers = None
        m = _AGENDA.match(text)
        if m:
            self._new_agenda(m["num"] or m["num2"], m["rest"])
            return
        if line.agenda_hint:
            m = _NUMBERED_TOPIC.match(text)
            self._new_agenda(m["num"], m["rest"])
            return
        if line.decision_intro and not _DECISIONS.match(text):
            if self.agenda is None:
                self._new_agenda(None, "")
                self.pending_title = False
            elif self.mode in ("agenda", "discussion"):
                self._discuss(line)
            self.mode = "decision"
            self.decision = None
            return
        m = _DISCUSSION.match(text)
        if m:
            if m["rest"].strip():
                self._discuss(Line(m["rest"].strip()))
            # "… আলোচনা শেষে নিম্নরূপ সিদ্ধান্ত গৃহীত হয়:" ends a discussion and opens the decisions
            self.mode = "decision" if _INTRO_END.search(text) else "discussion"
            self.decision = None
            return
        if self.mode in ("discussion", "agenda") and _INTRO_END.search(text) and not line.cells:
            self._discuss(line)
            self.mode = "decision"
            self.decision = None
            return
        m = _DECISIONS.match(text)
        if m:
            if self.agenda is None:
                self._new_agenda(None, "")
            self.mode = "decision"
            self.decision = None
            if m["rest"]:
                self._decision_line(Line(m["rest"].strip()))
            return
        m = _IMPLEMENTER.match(text)
        if m and self.agenda is not None:
            rest = m["rest"].strip()
            if m["open"] and rest.count("(") < rest.count(")") + (rest[-1:] == "]"):
                rest = rest[:-1]  # "(বাস্তবায়নে: কারা অধিদপ্তর)" on a line of its own
            names = split_implementers(rest)
            self.agenda.implementer_lines.append((len(self.agenda.decisions), names))
            if not names:
                self.pending_implementers = names  # filled in place by the lines that follow
            return
        if self.mode == "decision":
            self._decision_line(line)
        elif self.pending_title and self.agenda is not None and line.cells is None:
            self.agenda.title = _agenda_title(text)
            self.pending_title = False
        elif self.mode in ("agenda", "discussion"):
            self._discuss(line)

    def _discuss(self, line: Line) -> None:
        """What is said under a heading before its decisions: kept for `details`."""
        if self.agenda is not None and line.cells is None:
            self.agenda.discussion.append(line.text)

    def _new_agenda(self, number: str | None, title: str) -> None:
        self.agenda = Agenda(number, _agenda_title(title))
        self.items.append(self.agenda)
        self.mode = "agenda"
        self.decision = None
        self.pending_title = not title.strip()

    def _decision_line(self, line: Line) -> None:
        decision = self.decision
        if line.cells is not None:
            if decision:
                decision.extra.append(line.text)
            return
        if _LABEL.match(line.text):
            # "(ক) … ; (খ) …" may share one line
            for label, text in _split_labelled(line.text):
                self._add_decision(label, text)
            return
        if decision is None:
            self._add_decision("", line.text)
        elif not decision.extra and not decision.text.rstrip(")”\"' ").endswith(_TERMINAL):
            decision.text = f"{decision.text} {line.text}"  # a wrapped line or a page break
        elif decision.label == "" and not decision.extra and line.blank_before:
            self._add_decision("", line.text)
        else:
            decision.extra.append(line.text)

    def _add_decision(self, label: str, text: str) -> None:
        assert self.agenda is not None
        decisions = self.agenda.decisions
        if label and decisions and decisions[-1].label == "" and not decisions[-1].extra:
            if decisions[-1].text.endswith((":", "ঃ")):
                decisions.pop()  # "… নিম্নরূপ সিদ্ধান্ত গৃহীত হয়:" introduces the list
        self.decision = Decision(label, text.strip())
        self.agenda.decisions.append(self.decision)

    def _table_row(self, cells: list[str]) -> None:
        roles = self.table or []
        row = {role: "" for role in roles}
        for role, cell in zip(roles, cells, strict=False):
            row[role] = f"{row[role]} {cell}".strip() if row[role] else cell
        decision_text = row.get("decision", "")
        if not decision_text:
            return
        if (
            self.agenda
            and self.agenda.decisions
            and self.agenda.decisions[-1].text == decision_text
        ):
            return  # a vertically merged cell repeated on the next row
        implementer = re.sub(rf"^বাস্তবায়ন(?:কারী|ে)\s*{COLON}\s*", "", row.get("implementer", ""))
        names = split_implementers(implementer)
        inline = _INLINE_IMPLEMENTER.search(decision_text)
        if inline and not names:  # "(ক) …; (খ) … (বাস্তবায়নে: X)" names X for the whole cell
            decision_text = decision_text[: inline.start()].rstrip()
            names = split_implementers(inline["names"])
        serial = row.get("serial", "").strip(" .)।(")
        title = row.get("topic") or row.get("discussion") or ""
        title = re.sub(rf"^আলোচ্য\s*বিষয়\s*{COLON}\s*", "", title)
        discussion = row.get("discussion", "") if "topic" in roles else ""
        if "discussion" not in roles or "topic" not in roles:
            # A combined "আলোচ্য বিষয়/আলোচনা" cell, or only an "আলোচনা" column ("মাসিক তথ্য: …"):
            # the topic is what precedes the colon, the discussion what follows it.
            title, *said = re.split(rf"\s*{COLON}\s+", title, maxsplit=1)
            discussion = said[0] if said else ""
        # A serial (and topic) cell merged over several rows is read once per row: same item.
        same_item = (
            self.agenda is not None
            and serial
            and serial == self.agenda.number
            and _agenda_title(title) == self.agenda.title
        )
        # A small table of serial, decision, implementer under an agenda heading: its rows
        # are that item's decisions, the serials ("১.১") their labels.
        under_heading = (
            self.agenda is not None
            and not self.agenda.from_row
            and "topic" not in roles
            and "discussion" not in roles
        )
        if under_heading:
            self.agenda.implementers = list(dict.fromkeys([*self.agenda.implementers, *names]))
        elif (serial and not same_item) or self.agenda is None or "serial" not in roles:
            self.agenda = Agenda(serial or None, _agenda_title(title), names, from_row=True)
            self.items.append(self.agenda)
        elif not names and self.agenda.decisions:
            # Word's text export leaves a merged implementer cell empty after its first row.
            names = list(self.agenda.decisions[-1].implementers or [])
        else:
            self.agenda.implementers = list(dict.fromkeys([*self.agenda.implementers, *names]))
        if discussion and discussion not in self.agenda.discussion:
            self.agenda.discussion.append(discussion)
        for label, text in _split_labelled(decision_text):
            decision = Decision(
                label or (serial if under_heading else ""), text, list(names) or None
            )
            decision.deadline_cell = row.get("deadline", "")
            self.agenda.decisions.append(decision)
        self.decision = self.agenda.decisions[-1]
        self.mode = ""


def _agenda_title(title: str) -> str:
    title = title.strip()
    bare = title.rstrip("।").strip()
    # "বিবিধ।" is printed as a heading word, a sentence-long title keeps its দাঁড়ি.
    return bare if len(bare.split()) == 1 else title


def _finish(items: list[Agenda], meeting_date: date | None = None) -> None:
    for agenda in items:
        # "সিদ্ধান্ত: --" or "সিদ্ধান্ত: -" says there is none
        agenda.decisions = [d for d in agenda.decisions if re.search(r"\w", d.text)]
        decisions = agenda.decisions
        lines = agenda.implementer_lines
        if len(lines) == 1 and lines[0][0] in (0, len(decisions)):
            agenda.implementers = lines[0][1]
            for d in decisions:
                d.implementers = d.implementers or list(lines[0][1])
        elif lines:
            previous = 0
            for count, names in lines:
                for d in decisions[previous:count]:
                    d.implementers = d.implementers or list(names)
                previous = count
            agenda.implementers = list(dict.fromkeys(n for _, names in lines for n in names))
        for d in decisions:
            m = _INLINE_IMPLEMENTER.search(d.text)
            if m:
                d.text = d.text[: m.start()].rstrip()
                d.implementers = split_implementers(m["names"])
            if d.implementers is None:
                d.implementers = infer_implementers(d.text)
            if d.deadline_cell:
                d.deadline = parse_deadline_cell(d.deadline_cell, meeting_date)
            if d.deadline is None:
                d.deadline = parse_deadline(" ".join([d.text, *d.extra]), meeting_date)


# ---------------------------------------------------------------- front and back matter


def _is_header_row(line: Line) -> tuple[str, str] | None:
    if line.cells is not None:
        cells = [c for c in line.cells if c]
        if len(cells) >= 2:
            key = cells[0].rstrip(":ঃ ").strip()
            if _HEADER_CELL.match(key):
                return key, " ".join(cells[1:]).lstrip(":ঃ ").strip()
        return None
    m = _HEADER_KEY.match(line.text)
    if not m:
        return None
    if not m["colon"] and (len(line.text) > 100 or re.search("করেন|জানিয়ে|স্বাগত", line.text)):
        return None
    return re.sub(r"\s+", " ", m["key"]), m["value"].strip()


def _header_pairs(lines: list[Line]):
    """(key, value) of each header row; a header table copied out of a PDF or a Word table
    puts each cell on its own line ("সভাপতি", then "জনাব …", "যুগ্মসচিব"), so a key alone on
    its line takes the lines up to the next key (at most two)."""
    for i, line in enumerate(lines):
        key = line.text.rstrip(":ঃ ").strip()
        if line.cells is None and _HEADER_CELL.match(key):
            value = []
            for following in lines[i + 1 : i + 3]:
                if following.cells is not None or _HEADER_CELL.match(
                    following.text.rstrip(":ঃ ").strip()
                ):
                    break
                value.append(following.text)
            if value:
                yield re.sub(r"\s+", " ", key), " ".join(value) if "সভাপতি" in key else value[0]
            continue
        pair = _is_header_row(line)
        if pair:
            yield pair


def _header(lines: list[Line]) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in _header_pairs(lines):
        key, value = pair
        if "সভাপতি" in key:
            found.setdefault("chair", value)
        elif "তারিখ" in key:
            found.setdefault("date", value)
            if "সময়" in key:
                found.setdefault("time", value)
        elif "সময়" in key:
            found.setdefault("time", value)
        elif "স্থান" in key:
            found.setdefault("venue", value)
    return found


_CHAIRED_BY = re.compile(r"সভাপতিত্ব\s+করেন\s+(?P<who>[^।]+)")


# "… জনাব মোঃ আবু তাহের এর সভাপতিত্বে ২২ জুলাই ২০২৫ তারিখ বেলা ১১:০০ টায় … অনুষ্ঠিত হয়"
_PRESIDED = re.compile(
    r"(?:জনাব|বেগম|(?=ড\.))\s*(?P<who>[^,।()]+?)\s*(?:,\s*(?P<post>[^,।]+?)\s*)?"
    r"(?:-?এর|মহোদয়ের)\s+সভাপতিত্বে"
)


def _presided_sentence(front: list[Line]) -> dict[str, str]:
    """The sentence that says who chaired, when: date, time and chair from it."""
    facts: dict[str, str] = {}
    for line in front:
        for sentence in line.text.split("।"):
            if "অনুষ্ঠিত" not in sentence or re.search(r"পূর্ববর্তী|বিগত", sentence):
                continue  # the previous meeting is told the same way
            if "সভাপতিত্বে" not in sentence and not re.search(r"তারিখ", sentence):
                continue
            m = _PRESIDED.search(sentence)
            if m:
                who = m["who"].strip()
                facts["chair"] = f"{who}, {m['post'].strip()}" if m["post"] else who
            dates = find_dates(sentence)
            if dates:
                facts["date"] = sentence[dates[0].start : dates[0].end]
                after = sentence[dates[0].end : dates[0].end + 40]
                if parse_time(after):
                    facts["time"] = after
            return facts
    return facts


def _opening_facts(front: list[Line]) -> dict[str, str]:
    """Minutes without a header table say it in prose: "… তারিখে অনুষ্ঠিত …",
    "সভায় সভাপতিত্ব করেন জনাব …", "জনাব … এর সভাপতিত্বে … অনুষ্ঠিত হয়"."""
    facts = _presided_sentence(front)
    for line in front:
        for found in find_dates(line.text):
            if "date" not in facts and "অনুষ্ঠিত" in line.text[found.end : found.end + 40]:
                facts["date"] = line.text[found.start : found.end]
        m = _CHAIRED_BY.search(line.text)
        if m and "chair" not in facts:
            facts["chair"] = m["who"].strip()
    return facts


def _without_dates(text: str) -> str:
    for found in reversed(find_dates(text)):
        text = text[: found.start] + " " + text[found.end :]
    return text


# Courtesy titles, not part of the name; "ড." (a degree) is kept, as the minutes print it.
_HONORIFIC = re.compile(r"^(?:জনাব|বেগম)\s+")
_INNER_HONORIFIC = re.compile(r"(?<=\s)(?:জনাব|বেগম)\s+(?P<name>\S.*)$")


def _unwrap(text: str) -> str:
    """`(মোঃ আবদুল্লাহ আল মামুন)` → the name; `উপসচিব (প্রশাসন)` keeps its brackets."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1]
    return text.strip()


def _split_person(value: str, known_name: str | None = None) -> dict:
    value = re.sub(r"\s+", " ", value).strip().strip("।").strip()
    value = _HONORIFIC.sub("", value)
    inner = _INNER_HONORIFIC.search(value)
    if inner:  # "সুরক্ষা সেবা বিভাগের সচিব জনাব মোঃ X": the post, then the person
        person = _split_person(inner["name"])
        before = value[: inner.start()].strip(" ,")
        designation = ", ".join(part for part in (before, person["designation"]) if part)
        return {"name": person["name"], "designation": designation or None}
    post_first = _POST_AT.match(value)
    if post_first and known_name:  # "সভাপতি: সচিব, সুরক্ষা সেবা বিভাগ" names the post only
        return {"name": known_name, "designation": value}
    if known_name and value.startswith(known_name) and value != known_name:
        return {"name": known_name, "designation": value[len(known_name) :].strip(" ,") or None}
    if "," in value:
        name, rest = value.split(",", 1)
        return {"name": name.strip(), "designation": rest.strip() or None}
    m = _POST_AT.search(value)
    if m and m.start() > 0:
        return {"name": value[: m.start()].strip(), "designation": value[m.start() :].strip()}
    return {"name": value or None, "designation": None}


def _title(front: list[Line]) -> tuple[str | None, int]:
    for i, line in enumerate(front):
        if line.cells is None and len(line.text) <= 250 and _TITLE_WORD.search(line.text):
            start = i
            while (
                start > 0
                and not front[start].blank_before
                and front[start - 1].cells is None
                and not _is_letterhead(front[start - 1].text)
            ):
                start -= 1
            text = " ".join(front[k].text for k in range(start, i + 1))
            text = re.sub(rf"^বিষয়\s*{COLON}\s*", "", text).strip(" *#")
            return text.rstrip("।").strip(), start
    return None, len(front)


def _is_letterhead(text: str) -> bool:
    words = text.split()
    return (len(words) <= 6 and text.rstrip("।, ").endswith(_LETTERHEAD_END)) or bool(
        re.search(r"www\.|ঢাকা|সচিবালয়|\.gov\.bd", text)
    )


def _issuer(letterhead: list[Line], title: str | None, back: list[Line]) -> dict:
    issuer: dict[str, str | None] = {"ministry": None, "division": None, "unit": None}
    parts = [p.strip() for line in letterhead if line.cells is None for p in line.text.split(",")]
    for part in parts:
        if part.endswith("মন্ত্রণালয়") and not issuer["ministry"]:
            issuer["ministry"] = part
        elif part.endswith("বিভাগ") and not issuer["division"]:
            issuer["division"] = part
        elif (
            part.endswith(_UNIT_END)
            and not issuer["unit"]
            and (issuer["division"] or issuer["ministry"])
        ):
            issuer["unit"] = part
    if not issuer["division"] and title:
        for name in KNOWN_BODIES:
            if name.endswith("বিভাগ") and name in title:
                issuer["division"] = name
                break
    if not issuer["division"]:
        segments = Counter(
            seg.strip(" ।")
            for line in back
            for seg in line.text.split(",")
            if seg.strip(" ।").endswith(" বিভাগ")
        )
        if segments:
            issuer["division"] = segments.most_common(1)[0][0]
    return issuer


def _sequence(title: str | None) -> int | None:
    if not title:
        return None
    m = _SEQUENCE.search(title)
    if m:
        return parse_int(m[1])
    m = _WORD_SEQUENCE.search(title)
    return _WORD_ORDINALS[m[1]] if m else None


def _is_date_line(text: str) -> bool:
    return bool(re.fullmatch(r"[\s0-9০-৯./\-–]+(?:খ্রি\S*|ইং)?", text)) or bool(
        re.match(r"^(?:স্বাক্ষরিত|\(?স্বাক্ষর\)?|sd/|স্বাঃ)", text, re.I)
    )


def _signature(lines: list[Line]) -> dict | None:
    people = [ln.text for ln in lines if ln.cells is None and not _is_date_line(ln.text)]
    people = [p for p in people if len(p) <= 80]
    if not people:
        return None
    name = _unwrap(people[0])
    if "," in name:
        return _split_person(name)
    designation = _unwrap(people[1]).rstrip("।") if len(people) > 1 else None
    return {"name": _HONORIFIC.sub("", name), "designation": designation}


# "পরিশিষ্ট-'ক'", "পরিশিষ্ট - ক": the attendance annex printed after the distribution list
_ANNEX = re.compile(r"^পরিশিষ্ট\s*[-–]?\s*['‘’\"]?\s*ক\s*['‘’\"]?\s*[:ঃ।]?$")
_ANNEX_HEADER_CELL = re.compile(
    r"^(?:ক্রমিক|ক্রম|ক্রঃ|নং|নাম|পদবি|পদবী|দপ্তর|অফিস|কর্মস্থল|স্বাক্ষর|মোবাইল|ফোন|ই-?মেইল)"
    r"(?:\s*(?:নং|নম্বর|ও\s*পদবি|ও\s*পদবী|/সংস্থা|ও\s*ঠিকানা))?$"
)


def _entry_marks(text: str) -> list[re.Match]:
    """The numbers that may start list entries on a line: at its start and inside it."""
    m = _ENTRY.match(text)
    return ([m] if m else []) + list(_INLINE_ENTRY.finditer(text))


def _distribution(lines: list[Line]) -> list[str]:
    """The বিতরণ list's entries without their numbers. Only numbers in sequence start an entry
    (so "প্রশাসন-১ শাখা" or "(৩) নং" inside a text does not), a second list numbered from ১
    again ("সদয় অবগতির জন্য") ends it, and so does the attendance annex."""
    entries: list[str] = []
    may_continue = False  # the last entry did not end a sentence: a wrapped line may follow
    for line in lines:
        if line.cells is None and _ANNEX.match(line.text):
            break
        text, starts, second_list = line.text, [], False
        for mark in _entry_marks(line.text):
            number = parse_int(mark[1])
            if number == len(entries) + len(starts) + 1:
                starts.append(mark)
            elif number == 1 and (entries or starts):
                text, second_list = line.text[: mark.start()], True
                break
        if not starts and text.strip():
            heading = text.rstrip().endswith((":", "ঃ"))
            if may_continue and not line.blank_before and not heading:
                entries[-1] = f"{entries[-1]} {text.strip()}"
            else:
                may_continue = False
        if starts:
            ends = [mark.start() for mark in starts[1:]] + [len(text)]
            for mark, end in zip(starts, ends, strict=True):
                entries.append(text[mark.end() : end].strip())
            may_continue = not entries[-1].rstrip(")”\"' ").endswith(_TERMINAL)
        if second_list:
            break
    return entries


def _attendees(lines: list[Line]) -> list[str]:
    """The attendance annex (পরিশিষ্ট-'ক') when the file has it: numbered lines without their
    numbers, or table rows without the serial cell and the header row."""
    start = _first(lines, 0, lambda ln: ln.cells is None and bool(_ANNEX.match(ln.text)))
    if start is None:
        return []
    people: list[str] = []
    for line in lines[start + 1 :]:
        if line.cells is not None:
            cells = [c for c in line.cells if c]
            if any(_ANNEX_HEADER_CELL.match(c.rstrip(":ঃ ")) for c in cells):
                continue  # the table's header row
            if cells and _SERIAL.match(cells[0]):
                cells = cells[1:]
            if cells:
                people.append(", ".join(cells))
            continue
        m = _ENTRY.match(line.text)
        if m:
            people.append(line.text[m.end() :].strip())
    return people


def _paragraphs(texts: list[str]) -> str:
    """Lines → paragraphs joined by a blank line; a line that does not end a sentence was
    wrapped (or cut by a page break) and goes on in the next one."""
    paragraphs: list[str] = []
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if paragraphs and not paragraphs[-1].rstrip(")”\"' ").endswith(_TERMINAL):
            paragraphs[-1] = f"{paragraphs[-1]} {text}"
        else:
            paragraphs.append(text)
    return unicodedata.normalize("NFC", "\n\n".join(paragraphs))


def _opening(front: list[Line], title_at: int) -> str:
    """The paragraph(s) between the header table and the first agenda item."""
    title_end = next(
        (i for i in range(title_at, len(front)) if _TITLE_WORD.search(front[i].text)), title_at
    )
    start = title_end + 1
    i, in_header = start, False
    while i < len(front):
        line = front[i]
        key = line.text.rstrip(":ঃ ").strip()
        if line.cells is None and _HEADER_CELL.match(key):
            # a header cell on its own line: its value follows (the chair's on up to two lines)
            i += 1
            for _ in range(2 if "সভাপতি" in key else 1):
                if (
                    i < len(front)
                    and front[i].cells is None
                    and not _HEADER_CELL.match(front[i].text.rstrip(":ঃ ").strip())
                ):
                    i += 1
            start, in_header = i, True
            continue
        if line.cells is not None or _is_header_row(line):
            start, in_header = i + 1, True
        elif in_header and len(line.text) <= 60 and not line.text.endswith(_TERMINAL):
            start = i + 1  # "সভাপতি : জনাব …" goes on with the designation on lines of its own
        elif in_header:
            break  # the header is over: what follows is the opening
        i += 1
    texts = [
        ln.text
        for ln in front[start:]
        if ln.cells is None and not _MEMO.match(ln.text) and not _is_date_line(ln.text)
    ]
    return _paragraphs(texts)


def _closing(lines: list[Line], closing: int | None, stop: int) -> str:
    """The closing line, and its wrapped continuation."""
    if closing is None:
        return ""
    texts = [lines[closing].text]
    for line in lines[closing + 1 : stop]:
        if line.cells is not None or texts[-1].rstrip(")”\"' ").endswith(_TERMINAL):
            break
        if _is_date_line(line.text) or _MEMO.match(line.text) or len(line.text) <= 40:
            break  # the signature block, not a wrapped sentence
        texts.append(line.text)
    return unicodedata.normalize("NFC", " ".join(texts))


def _portals(lines: list[Line]) -> list[str]:
    hosts: list[str] = []
    for line in lines:
        for host in _PORTAL.findall(line.text):
            host = host.lower()
            if host not in hosts:
                hosts.append(host)
    return hosts


# ---------------------------------------------------------------- the whole document


def _first(lines: list[Line], start: int, test) -> int | None:
    return next((i for i in range(start, len(lines)) if test(lines[i])), None)


def parse_text(text: str, source: str = "", *, details: bool = False) -> dict:
    """Minutes as text (lines; table rows as `|` pipes or tabs) → the minutes-json dict.

    With `details`, also what a reprint of the minutes needs (what
    `committees.services.import_minutes` reads): `opening` (str), per agenda item
    `discussion` (paragraphs joined by a blank line), `closing` (str), `distribution` (the
    entries without their numbers; as many as `distribution_count`) and `attendees` (the
    annex list, [] when the file has none).
    """
    lines = _prepare(text)
    body_start = _first(
        lines,
        0,
        lambda ln: (
            bool(_AGENDA.match(ln.text))
            or (ln.cells is not None and _is_decision_table(ln.cells))
            or bool(
                re.match(
                    rf"^(?:{NUM}\s*[.)]?\s*)?(?:আলোচনা\s*ও\s*)?সিদ্ধান্ত(?:সমূহ)?\s*{COLON}", ln.text
                )
            )
            or ln.agenda_hint
            or ln.decision_intro
        ),
    )
    if body_start is None:
        body_start = len(lines)
    closing = _first(lines, body_start, lambda ln: bool(_CLOSING.search(ln.text)))
    memo_at = _first(lines, closing or body_start, lambda ln: bool(_MEMO.match(ln.text)))
    if memo_at is None:  # some offices print the memo number under the letterhead
        memo_at = _first(lines, 0, lambda ln: bool(_MEMO.match(ln.text)) and ln.cells is None)
    dist_at = _first(lines, closing or body_start, lambda ln: ln.text.startswith("বিতরণ"))
    if dist_at is None:
        dist_at = _first(lines, closing or body_start, lambda ln: ln.text.startswith("অনুলিপি"))
    ends = [i for i in (closing, memo_at, dist_at) if i is not None and i >= body_start]
    body_end = min(ends) if ends else len(lines)

    front = lines[:body_start]
    title, title_at = _title(front)
    header = _header(front[title_at:]) or _header(front[:title_at])  # the table may come first
    for key, value in _opening_facts(front).items():
        header.setdefault(key, value)
    meeting_date = preferred_date(header.get("date", ""))

    body = _Body()
    for line in lines[body_start:body_end]:
        body.feed(line)
    _finish(body.items, meeting_date)

    sign_from = (closing + 1) if closing is not None else body_end
    sign_to = min(i for i in (memo_at, dist_at, len(lines)) if i is not None and i >= sign_from)
    signatory = _signature(lines[sign_from:sign_to])
    if signatory is None and memo_at is not None and dist_at is not None and memo_at < dist_at:
        # closing, memo number and date, then the signature, then বিতরণ
        after_memo = [
            ln
            for ln in lines[memo_at + 1 : dist_at]
            if not find_dates(ln.text) and not ln.text.startswith("তারিখ")
        ]
        signatory = _signature(after_memo)
    if signatory is None and dist_at is not None:
        tail = [ln for ln in lines[dist_at + 1 :] if not _ENTRY.match(ln.text)]
        signatory = _signature(tail[-2:]) if len(tail) >= 2 else None
    signatory = signatory or {"name": None, "designation": None}

    memo_number = None
    issued_on = None
    if memo_at is not None:
        value = _MEMO.match(lines[memo_at].text)["value"]
        memo_number = re.split(r"\s*তারিখ", value)[0].strip().rstrip("।,; ")
        stop = memo_at + 6
        if dist_at is not None and memo_at < dist_at < stop:
            stop = dist_at
        around = " \n ".join(ln.text for ln in lines[memo_at:stop])
        issued_on = preferred_date(around[len(memo_number) :] if memo_number else around)
    if issued_on is None:
        issued_on = preferred_date(" \n ".join(ln.text for ln in lines[sign_from:sign_to]))

    chair = _split_person(header["chair"], signatory.get("name")) if "chair" in header else None
    chair = chair or dict(signatory)
    if chair.get("designation") is None and chair.get("name") == signatory.get("name"):
        chair["designation"] = signatory.get("designation")  # printed on the next line
    time_text = _without_dates(header.get("time", ""))
    venue = header.get("venue")

    distribution = _distribution(lines[dist_at + 1 :]) if dist_at is not None else []
    parsed = {
        "source": source,
        "title": title,
        "issuer": _issuer(front[:title_at], title, lines[dist_at:] if dist_at else []),
        "meeting": {
            "sequence": _sequence(title),
            "date": meeting_date.isoformat() if meeting_date else None,
            "time": parse_time(time_text) if time_text else None,
            "venue": venue.strip().rstrip("।").strip() if venue else None,
            "chair": chair,
        },
        "memo_number": memo_number,
        "issued_on": issued_on.isoformat() if issued_on else None,
        "agenda_items": _dated_calendar_days(
            [a.as_json() for a in body.items], issued_on or meeting_date
        ),
        "portals_mentioned": _portals(lines[title_at:]),
        "distribution_count": len(distribution),
        "signatory": signatory,
    }
    if details:
        parsed["opening"] = _opening(front, title_at)
        for item, agenda in zip(parsed["agenda_items"], body.items, strict=True):
            item["discussion"] = _paragraphs(agenda.discussion)
        parsed["closing"] = _closing(lines, closing, sign_to)
        parsed["distribution"] = distribution
        parsed["attendees"] = _attendees(lines[closing or body_end :])
    return parsed


def _dated_calendar_days(items: list[dict], start) -> list[dict]:
    """minutes-json.md knows no calendar-day deadline: "৭ দিনের মধ্যে" becomes the date it
    falls on, counted from the issue date (or the meeting date when no issue date is printed)."""
    if start is None:
        return items
    for item in items:
        for decision in item["decisions"]:
            deadline = decision.get("deadline")
            if deadline and deadline.get("kind") == "days":
                due = start + timedelta(days=deadline["count"])
                decision["deadline"] = {"kind": "date", "date": due.isoformat()}
    return items


class MinutesError(Exception):
    """A file that cannot be read as minutes; the message is one line for the user."""


MAX_BYTES = 20 * 1024 * 1024
SUPPORTED = (".txt", ".md", ".docx")


def read_text(path: str | Path) -> str:
    """The text of a .txt, .md or .docx file (DOCX tables become tab-separated lines)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise MinutesError(f"{path.name}: unsupported file type (use .txt, .md or .docx)")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise MinutesError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if size > MAX_BYTES:
        raise MinutesError(f"{path.name}: file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if suffix == ".docx":
        from tadarki.minutes.docx_text import docx_to_text

        return docx_to_text(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MinutesError(f"{path}: cannot read ({exc.strerror or exc})") from None
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
                continue
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise MinutesError(f"{path.name}: not UTF-8 text")


def parse_file(path: str | Path, *, details: bool = False) -> dict:
    """Parse a minutes file; `source` is its file name. `details` as in `parse_text`."""
    return parse_text(read_text(path), source=Path(path).name, details=details)
