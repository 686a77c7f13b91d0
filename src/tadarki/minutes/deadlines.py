"""Bengali deadline phrases → the `deadline` object of minutes-json.md.

A decision may carry several time words ("দ্রুত … ০১.০৩.২০২০ তারিখের মধ্যে"); the most
specific one wins, in the order of `_RULES`: a date beats a count of days, which beats a
recurrence, which beats "next meeting", which beats "as soon as possible".

Besides the kinds minutes-json.md lists, calendar days ("৭ দিনের মধ্যে") give
`{"kind": "days", "count": N}`: they are not working days and must not be counted as such.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from datetime import date

from tadarki.bangla.calendar import gregorian_month_from_name
from tadarki.bangla.digits import parse_int
from tadarki.minutes.dates import find_dates

D = "[0-9০-৯]"
BN = "\u0980-\u09ff"
L = rf"(?<![{BN}])"  # a Bengali word starts here
R = rf"(?![{BN}])"  # a Bengali word ends here

_NUMBER_WORDS = {
    "এক": 1,
    "দুই": 2,
    "তিন": 3,
    "চার": 4,
    "পাঁচ": 5,
    "ছয়": 6,
    "সাত": 7,
    "আট": 8,
    "নয়": 9,
    "দশ": 10,
    "পনের": 15,
    "পনেরো": 15,
    "বিশ": 20,
    "ত্রিশ": 30,
}
_ORDINALS = {
    "প্রথম": 1,
    "১ম": 1,
    "দ্বিতীয়": 2,
    "২য়": 2,
    "তৃতীয়": 3,
    "৩য়": 3,
    "শেষ": 3,
    "চতুর্থ": 4,
    "৪র্থ": 4,
}
_NUM_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# `০৭`, `৭ (সাত)`, `সাত`
_COUNT = rf"(?:({D}{{1,3}})\s*(?:\([^)]{{1,12}}\)\s*)?|({_NUM_WORD})\s+)"
_WITHIN = r"(?:এর\s*)?(?:মধ্যে|ভিতরে|ভেতরে)"
_DATE_WITHIN = re.compile(
    r"^\s*(?:খ্রি\S*|বঙ্গাব্দ|ইং)?\s*(?:তারিখ(?:ের|এর)?|এর)?\s*(?:মধ্যে|পূর্বে|আগে|ভিতরে|এর মধ্যে)"
)
_ORD = "|".join(_ORDINALS)
# Fiscal quarters run Jul-Sep, Oct-Dec, Jan-Mar, Apr-Jun.
_QUARTER_FIRST_MONTHS = (7, 10, 1, 4)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _count(m: re.Match, digits: int = 1) -> int:
    return parse_int(m[digits]) if m[digits] else _NUMBER_WORDS[m[digits + 1]]


_MONTH_YEAR = re.compile(rf"(?<![{BN}0-9০-৯])([{BN}]+)\s*[,/]?\s*({D}{{4}})\s*(?:মাসের|এর)?\s*মধ্যে")


def _date(text: str) -> dict | None:
    for found in find_dates(text):
        if _DATE_WITHIN.match(text[found.end : found.end + 40]):
            return {"kind": "date", "date": found.value.isoformat()}
    for m in _MONTH_YEAR.finditer(text):  # "জুন ২০২৪ মাসের মধ্যে": by the month's last day
        try:
            month, year = gregorian_month_from_name(m[1]), parse_int(m[2])
        except ValueError:
            continue
        last = calendar.monthrange(year, month)[1]
        return {"kind": "date", "date": date(year, month, last).isoformat()}
    return None


# "আগামী ৩০ জুনের মধ্যে": no year, so the next such day on or after the meeting.
_DAY_MONTH = re.compile(
    rf"(?<![{BN}0-9০-৯])({D}{{1,2}})\s*(?:লা|রা|ঠা|ই|শে)?\s+([{BN}]+?)(?:ের|এর|র)?\s*"
    rf"(?:তারিখের|তারিখ)?\s*(?:মধ্যে|পূর্বে|আগে)"
)


def _yearless_date(text: str, reference: date | None) -> dict | None:
    if reference is None:
        return None
    for m in _DAY_MONTH.finditer(text):
        try:
            month, day = gregorian_month_from_name(m[2]), parse_int(m[1])
            value = date(reference.year, month, day)
        except ValueError:
            continue
        if value < reference:
            value = value.replace(year=value.year + 1)
        return {"kind": "date", "date": value.isoformat()}
    return None


_QUARTER_WEEK = re.compile(
    rf"প্রতি\s*ত্রৈমাসিক(?:ের)?\s+({_ORD})\s+মাসের\s+({_ORD})\s+সপ্তাহের?\s*{_WITHIN}"
)
_QUARTER_NEXT_MONTH = re.compile(
    rf"ত্রৈমাসিক.{{0,60}}?পরবর্তী\s+মাসের\s+({D}{{1,2}})\s*(?:তারিখের|তারিখ)\s*{_WITHIN}"
)


def _quarterly(text: str) -> dict | None:
    m = _QUARTER_WEEK.search(text)
    if m:
        offset, week = _ORDINALS[m[1]] - 1, _ORDINALS[m[2]]
        months = sorted((first + offset - 1) % 12 + 1 for first in _QUARTER_FIRST_MONTHS)
        return _rrule(f"FREQ=YEARLY;BYMONTH={','.join(map(str, months))};BYMONTHDAY={7 * week}")
    m = _QUARTER_NEXT_MONTH.search(text)
    if m:
        return _rrule(f"FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY={parse_int(m[1])}")
    return None


_MONTH_DAY = re.compile(
    rf"(?:প্রতি\s*মাসের|প্রতিমাসের|মাসিক.{{0,40}}?|পরবর্তী\s+মাসের)\s*({D}{{1,2}})\s*"
    rf"(?:তারিখের|তারিখ)\s*{_WITHIN}"
)


# "প্রতি মাসের প্রথম সপ্তাহের মধ্যে": by the 7th, as the quarterly rule counts weeks.
_MONTH_WEEK = re.compile(rf"(?:প্রতি\s*মাসের|প্রতিমাসের)\s+({_ORD})\s+সপ্তাহ(?:ে|ের\s*{_WITHIN})")


def _monthly_on_day(text: str) -> dict | None:
    m = _MONTH_DAY.search(text)
    if m:
        return _rrule(f"FREQ=MONTHLY;BYMONTHDAY={parse_int(m[1])}")
    m = _MONTH_WEEK.search(text)
    return _rrule(f"FREQ=MONTHLY;BYMONTHDAY={7 * _ORDINALS[m[1]]}") if m else None


_WORKING_DAYS = re.compile(rf"{_COUNT}(?:কার্য|কর্ম)\s*দিবস(?:ের)?\s*{_WITHIN}")
_CALENDAR_DAYS = re.compile(rf"{L}{_COUNT}দিন(?:ের)?\s*{_WITHIN}")
_WEEKS = re.compile(rf"{L}{_COUNT}সপ্তাহের\s*{_WITHIN}")


def _working_days(text: str) -> dict | None:
    m = _WORKING_DAYS.search(text)
    return {"kind": "working_days", "count": _count(m)} if m else None


def _days(text: str) -> dict | None:
    m = _CALENDAR_DAYS.search(text)
    if m:
        return {"kind": "days", "count": _count(m)}
    m = _WEEKS.search(text)
    return {"kind": "days", "count": 7 * _count(m)} if m else None


_INTERVAL = re.compile(rf"প্রতি\s*{_COUNT}(মাস|সপ্তাহ)\s*(?:পর\s*পর|অন্তর)")
_GENERIC: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"ষাণ্মাসিক\s*ভিত্তিতে|প্রতি\s*ছয়\s*মাসে"), "FREQ=MONTHLY;INTERVAL=6"),
    (
        re.compile(r"ত্রৈমাসিক\s*ভিত্তিতে|প্রতি\s*ত্রৈমাসিকে|প্রতি\s*তিন\s*মাসে"),
        "FREQ=MONTHLY;INTERVAL=3",
    ),
    (re.compile(rf"{L}(?:মাসিক|প্রতি\s*মাসে|প্রতিমাসে|প্রতি\s*মাস{R})"), "FREQ=MONTHLY"),
    (re.compile(rf"{L}(?:সাপ্তাহিক|প্রতি\s*সপ্তাহে)"), "FREQ=WEEKLY"),
    (re.compile(rf"{L}(?:বাৎসরিক|প্রতি\s*বছর|প্রতিবছর|বার্ষিক\s*ভিত্তিতে)"), "FREQ=YEARLY"),
)


def _interval(text: str) -> dict | None:
    m = _INTERVAL.search(text)
    if not m:
        return None
    freq = "MONTHLY" if m[3] == "মাস" else "WEEKLY"
    return _rrule(f"FREQ={freq};INTERVAL={_count(m)}")


def _generic_recurrence(text: str) -> dict | None:
    for pattern, rule in _GENERIC:
        if pattern.search(text):
            return _rrule(rule)
    return None


_NEXT_MEETING = re.compile(
    r"(?:পরবর্তী|আগামী)\s+(?:\S+\s+)?সভার?\s*(?:পূর্বে|মধ্যে|আগে)|(?:পরবর্তী|আগামী)\s+সভায়"
)


def _next_meeting(text: str) -> dict | None:
    return {"kind": "next_meeting"} if _NEXT_MEETING.search(text) else None


_ASAP = re.compile(
    rf"{L}(?:দ্রুততম|দূততম|দ্রুত|দূত|অবিলম্বে|অনতিবিলম্বে|জরুরি\s*ভিত্তিতে|জরুরী\s*ভিত্তিতে|"
    rf"দ্রুততার\s*সাথে|যথাশীঘ্র|শীঘ্রই|সত্বর|সত্ত্বর){R}"
)


def _asap(text: str) -> dict | None:
    return {"kind": "asap"} if _ASAP.search(text) else None


def _rrule(rule: str) -> dict:
    return {"kind": "recurring", "rrule": rule}


_RULES: tuple[Callable[[str], dict | None], ...] = (
    _date,
    _quarterly,
    _monthly_on_day,
    _working_days,
    _days,
    _interval,
    _generic_recurrence,
    _next_meeting,
    _asap,
)


def parse_deadline(phrase_or_sentence: str, reference: date | None = None) -> dict | None:
    """The deadline a phrase or a whole decision sets, or None when it sets none.

    `reference` (the meeting date) places a date written without its year ("৩০ জুনের মধ্যে").
    """
    text = _nfc(phrase_or_sentence)
    for rule in _RULES:
        deadline = rule(text)
        if deadline:
            return deadline
        if rule is _date:
            deadline = _yearless_date(text, reference)
            if deadline:
                return deadline
    return None


def parse_deadline_cell(cell: str, reference: date | None = None) -> dict | None:
    """A table's deadline column: a bare date there is a deadline even without "মধ্যে"."""
    # A column holds the bare phrase: "১৫ কার্যদিবস", "৩০ সেপ্টেম্বর ২০২৫" mean "… within".
    deadline = parse_deadline(cell, reference) or parse_deadline(
        f"{cell.strip().rstrip('।')} এর মধ্যে", reference
    )
    if deadline:
        return deadline
    if re.match(r"^\s*(?:পরবর্তী|আগামী)\s+সভা", _nfc(cell)):  # "পরবর্তী সভা" in the column
        return {"kind": "next_meeting"}
    dates = find_dates(_nfc(cell))
    return {"kind": "date", "date": dates[0].value.isoformat()} if dates else None
