"""Dates as NPF pages write them (npf-structure.md §8–9): ISO with Bengali digits, G3 long
dates ("সোমবার, ২৮ সেপ্টেম্বর, ২০২৬ এ ১৫:৩৯:৩৪"), and day-month-year forms."""

from __future__ import annotations

import re
from datetime import date, datetime

from tadarki.bangla.digits import to_ascii
from tadarki.bangla.text import clean

MONTHS_BN = {
    "জানুয়ারি": 1,
    "জানুয়ারী": 1,
    "ফেব্রুয়ারি": 2,
    "ফেব্রুয়ারী": 2,
    "মার্চ": 3,
    "এপ্রিল": 4,
    "মে": 5,
    "জুন": 6,
    "জুলাই": 7,
    "আগস্ট": 8,
    "আগষ্ট": 8,
    "সেপ্টেম্বর": 9,
    "অক্টোবর": 10,
    "নভেম্বর": 11,
    "ডিসেম্বর": 12,
}
MONTHS_EN = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_MONTHS = {clean(k): v for k, v in MONTHS_BN.items()}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_DMY = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")
_LONG = re.compile(
    r"(\d{1,2})\s+([^\s,\d]+),?\s+(\d{4})(?:\s*(?:এ|at)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?",
    re.IGNORECASE,
)


def _safe(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime | None:
    try:
        return datetime(y, m, d, hh, mm, ss)
    except ValueError:
        return None


def parse_datetime(text: str) -> datetime | None:
    """The first date (and time) in `text`; Bengali or ASCII digits; None when none."""
    value = to_ascii(clean(text))
    match = _ISO.search(value)
    if match:
        y, m, d = (int(match.group(i)) for i in (1, 2, 3))
        hh, mm, ss = (int(match.group(i) or 0) for i in (4, 5, 6))
        return _safe(y, m, d, hh, mm, ss)
    for match in _LONG.finditer(value):
        word = match.group(2)
        month = _MONTHS.get(word) or MONTHS_EN.get(word[:3].lower())
        if not month:
            continue
        hh, mm, ss = (int(match.group(i) or 0) for i in (4, 5, 6))
        meridiem = (match.group(7) or "").upper()
        if meridiem == "PM" and hh < 12:
            hh += 12
        elif meridiem == "AM" and hh == 12:
            hh = 0
        return _safe(int(match.group(3)), month, int(match.group(1)), hh, mm, ss)
    match = _DMY.search(value)
    if match:
        return _safe(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    return None


def parse_date(text: str) -> date | None:
    found = parse_datetime(text)
    return found.date() if found else None
