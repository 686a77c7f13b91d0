"""The minutes (কার্যবিবরণী) as the printed lines of the official layout, shared by the DOCX and
HTML renderers so both print the same words: letterhead, title, the chair/date/time/venue/
attendance table, opening, agenda items (or the decision table), closing, signature, memo
number with the dual date, distribution list, and the attendance annex.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

from tadarki.bangla.calendar import format_bangla, format_gregorian_bn
from tadarki.bangla.digits import to_bengali
from tadarki.committees.models import Meeting
from tadarki.registry.models import OrgUnit

GOVERNMENT = "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার"
DISTRIBUTION_HEADING = "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়):"
ANNEX_LABEL = "পরিশিষ্ট-'ক'"


@dataclass
class Item:
    number: str
    title: str
    discussion: list[str]
    decisions: list[tuple[str, str]]
    implementers: str


@dataclass
class Minutes:
    letterhead: list[str]
    title: str
    info: list[tuple[str, str]]
    opening: list[str]
    items: list[Item]
    table_layout: bool
    closing: str
    signature_date: str
    signatory: list[str]
    memo_number: str
    date_bangla: str
    date_gregorian: str
    distribution: list[str]
    attendees: list[str] = field(default_factory=list)


def time_bn(t: time | None) -> str:
    """`09:00` → `সকাল ০৯.০০টা`, `15:00` → `বেলা ০৩.০০টা` (the 12-hour clock of the minutes)."""
    if t is None:
        return ""
    h = t.hour
    part = (
        "সকাল"
        if 5 <= h < 12
        else "বেলা"
        if h < 16
        else "বিকাল"
        if h < 18
        else "সন্ধ্যা"
        if h < 20
        else "রাত"
    )
    h12 = h % 12 or 12
    return f"{part} {to_bengali(f'{h12:02d}.{t.minute:02d}')}টা"


def _letterhead(meeting: Meeting) -> list[str]:
    owner = meeting.committee.owner
    chain = list(owner.ancestors())
    by_kind = {u.kind: u.name_bn for u in chain}
    lines = [GOVERNMENT]
    for kind in (OrgUnit.Kind.MINISTRY, OrgUnit.Kind.DIVISION):
        if kind in by_kind:
            lines.append(by_kind[kind])
    if owner.kind not in (OrgUnit.Kind.MINISTRY, OrgUnit.Kind.DIVISION):
        lines.append(owner.name_bn)
    lines += [x for x in (meeting.committee.address, meeting.committee.website) if x]
    return lines


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _implementers(item) -> str:
    if item.implementers_text:
        return item.implementers_text
    names: list[str] = []
    for decision in item.decisions.all():
        for a in decision.assignments.all():
            if a.display_name not in names:
                names.append(a.display_name)
    return ", ".join(names)


def build(meeting: Meeting) -> Minutes:
    items = []
    for item in meeting.agenda_items.prefetch_related("decisions__assignments__unit"):
        items.append(
            Item(
                number=item.number,
                title=item.title,
                discussion=_lines(item.discussion),
                decisions=[(d.label, d.text) for d in item.decisions.all()],
                implementers=_implementers(item),
            )
        )
    title = meeting.title.rstrip("।").strip() + "।" if meeting.title else ""
    chair = " ".join(x for x in (meeting.chair_name, meeting.chair_designation) if x)
    issued = meeting.issued_on
    return Minutes(
        letterhead=_letterhead(meeting),
        title=title,
        info=[
            ("সভাপতি", chair),
            ("সভার তারিখ", format_gregorian_bn(meeting.date)),
            ("সভার সময়", time_bn(meeting.time)),
            ("স্থান", meeting.venue),
            ("উপস্থিতি", ANNEX_LABEL),
        ],
        opening=_lines(meeting.opening),
        items=items,
        table_layout=meeting.layout == Meeting.Layout.TABLE,
        closing=meeting.closing,
        signature_date=to_bengali(issued.strftime("%d-%m-%Y")) if issued else "",
        signatory=[
            x
            for x in (
                meeting.signatory_name or meeting.chair_name,
                meeting.signatory_designation or meeting.chair_designation,
            )
            if x
        ],
        memo_number=meeting.memo_number,
        date_bangla=f"{format_bangla(issued)} বঙ্গাব্দ" if issued else "",
        date_gregorian=f"{format_gregorian_bn(issued)} খ্রিস্টাব্দ" if issued else "",
        distribution=[
            f"{to_bengali(i)}। {line}" for i, line in enumerate(_lines(meeting.distribution), 1)
        ],
        attendees=[
            f"{to_bengali(i)}। {line}" for i, line in enumerate(_lines(meeting.attendees), 1)
        ],
    )
