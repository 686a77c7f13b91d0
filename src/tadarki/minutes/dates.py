"""Dates and times as minutes print them: `২৭ ফেব্রুয়ারি ২০২৪`, `১৫ পৌষ ১৪৩০`, `০১.০৩.২০২০`,
`বেলা ০৩:০০ টা`.

Plain Python; the Bangla calendar arithmetic lives in `tadarki.bangla.calendar`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tadarki.bangla.calendar import from_bangla, gregorian_month_from_name, month_from_name
from tadarki.bangla.digits import parse_int

D = "[0-9০-৯]"
BN = "\u0980-\u09ff"

# `১৫ অক্টোবর ২০২৩`, `১লা বৈশাখ ১৪৩০`, `৩১ ডিসেম্বর, ২০২১`, `১২ আগস্ট’২৫`
_NAMED = re.compile(
    rf"(?<![{BN}0-9০-৯])({D}{{1,2}})(?:লা|রা|ঠা|ই|শে|-?এ)?\s+([{BN}a-zA-Z]+)"
    rf"(?:\.?\s*,?\s+({D}{{4}})|\s*[’']\s*({D}{{4}}|{D}{{2}}))(?!{D})"
)
# `০১.০৩.২০২০`, `01/03/2020`, `২১-০৮-২০২৫` (day first, as Bangladesh writes them)
_NUMERIC = re.compile(
    rf"(?<![0-9০-৯.\-/])({D}{{1,2}})([./\-])({D}{{1,2}})\2({D}{{4}}|{D}{{2}})(?![0-9০-৯]|\.{D})"
)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    value: date
    calendar: str  # "gregorian" or "bangla"


def find_dates(text: str) -> list[FoundDate]:
    """Every well-formed date in the text, in order of appearance."""
    found: list[FoundDate] = []
    for m in _NAMED.finditer(text):
        day, name, year = parse_int(m[1]), m[2], parse_int(m[3] or m[4])
        if year < 100:  # "আগস্ট’২৫", "ভাদ্র’৩২"
            year += 2000 if _is_gregorian_month(name) else 1400
        value = _named_date(day, name, year)
        if value:
            found.append(FoundDate(m.start(), m.end(), value[0], value[1]))
    for m in _NUMERIC.finditer(text):
        try:
            year = parse_int(m[4])
            year = year + 2000 if year < 100 else year  # "২৭.০২.২৪"
            value = date(year, parse_int(m[3]), parse_int(m[1]))
        except ValueError:
            continue
        found.append(FoundDate(m.start(), m.end(), value, "gregorian"))
    return sorted(found, key=lambda f: f.start)


def _is_gregorian_month(name: str) -> bool:
    try:
        gregorian_month_from_name(name)
    except ValueError:
        return False
    return True


def _named_date(day: int, name: str, year: int) -> tuple[date, str] | None:
    try:
        return date(year, gregorian_month_from_name(name), day), "gregorian"
    except ValueError:
        pass
    try:
        return from_bangla(year, month_from_name(name), day), "bangla"
    except ValueError:
        return None


def preferred_date(text: str) -> date | None:
    """The Gregorian date in the text if there is one, else the Bangla one converted."""
    dates = find_dates(text)
    for found in dates:
        if found.calendar == "gregorian":
            return found.value
    return dates[0].value if dates else None


_TIME = re.compile(
    rf"(সকাল|বেলা|দুপুর|বিকাল|বিকেল|সন্ধ্যা|রাত)?\s*({D}{{1,2}})(?:\s*[.:৷]\s*({D}{{2}}))?\s*"
    rf"(টা|ঘটিকা|মিনিট|am|pm|a\.m\.|p\.m\.)?",
    re.IGNORECASE,
)
_AFTERNOON = {"বিকাল", "বিকেল", "সন্ধ্যা", "রাত"}


def parse_time(text: str) -> str | None:
    """`বেলা ০৩:০০ টা` → `15:00`; `সকাল ০৯.০০টা` → `09:00`; `দুপুর ১২.৩০ টা` → `12:30`."""
    for m in _TIME.finditer(text):
        period, minutes, suffix = m[1], m[3], (m[4] or "").lower()
        if not (period or minutes or suffix):
            continue  # a bare number is not a time
        hour = parse_int(m[2])
        minute = parse_int(minutes) if minutes else 0
        if hour > 23 or minute > 59:
            continue
        if period in _AFTERNOON or suffix.startswith("p"):
            hour = hour + 12 if hour < 12 else hour
        elif period != "সকাল" and not suffix.startswith("a") and 1 <= hour <= 6:
            # Offices meet 09:00-17:00: "বেলা ৩টা", "দুপুর ২টা" or a bare "৩.০০ টা" is afternoon.
            hour += 12
        return f"{hour:02d}:{minute:02d}"
    return None
