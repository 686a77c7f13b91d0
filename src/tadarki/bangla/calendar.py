"""The Bangla calendar (বঙ্গাব্দ) as the Government of Bangladesh uses it, and Bengali date text.

Two fixed-length rules, both starting the year on 14 April (so a Bangla date always falls on
the same Gregorian date, apart from the leap day):

* Revised calendar, for 1426 (from 14 April 2019) onward: recommended by the Bangla Academy's
  calendar reform committee formed in 2015, notified by the Ministry of Public Administration
  and first visible on 16 October 2019, the first ৩১ আশ্বিন (bdnews24.com, 16 Oct 2019,
  "Bangladesh reworks Bangla calendar to match national days with West"). Boishakh..Ashwin
  31 days, Kartik..Magh 30, Falgun 29 (30 when the Gregorian year in which that Falgun falls
  is a leap year), Chaitra 30, so that 16 December = ১ পৌষ and 21 February = ৮ ফাল্গুন as in
  1971 and 1952. Boishakh..Bhadra are the same under both rules, so applying the revised rule
  to the whole of 1426 agrees with the dates actually printed that year.
* Before 1426, the rule of the Muhammad Shahidullah committee (Bangla Academy, 17 February
  1966), officially adopted in 1987 (Banglapedia, "Bangabda"): Boishakh..Bhadra 31 days,
  Ashwin..Chaitra 30, plus one day in Falgun in a Gregorian leap year. It is applied
  proleptically to older years; treat results before 1987 as approximations.

In both rules the extra day goes to Falgun, which straddles the Gregorian 29 February, so
1 Boishakh never moves off 14 April.
"""

from __future__ import annotations

import calendar as _gregorian
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from tadarki.bangla.digits import parse_int, to_bengali

REVISED_FROM_YEAR = 1426
# Bangla year Y starts on 14 April of Gregorian year Y + 593.
_YEAR_OFFSET = 593
# The first and last Bangla years whose whole span fits in Python's date range.
MIN_YEAR = 1
MAX_YEAR = 9999 - _YEAR_OFFSET - 1


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


MONTHS_BN: tuple[str, ...] = tuple(
    _nfc(m)
    for m in (
        "বৈশাখ",
        "জ্যৈষ্ঠ",
        "আষাঢ়",
        "শ্রাবণ",
        "ভাদ্র",
        "আশ্বিন",
        "কার্তিক",
        "অগ্রহায়ণ",
        "পৌষ",
        "মাঘ",
        "ফাল্গুন",
        "চৈত্র",
    )
)

GREGORIAN_MONTHS_BN: tuple[str, ...] = tuple(
    _nfc(m)
    for m in (
        "জানুয়ারি",
        "ফেব্রুয়ারি",
        "মার্চ",
        "এপ্রিল",
        "মে",
        "জুন",
        "জুলাই",
        "আগস্ট",
        "সেপ্টেম্বর",
        "অক্টোবর",
        "নভেম্বর",
        "ডিসেম্বর",
    )
)

# Indexed like date.weekday(): Monday first.
WEEKDAYS_BN: tuple[str, ...] = tuple(
    _nfc(w) for w in ("সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার")
)

# Spellings seen in documents besides the standard one (matched after _name_key folding,
# which already absorbs hasanta, ণ/ন and ী/ি differences).
_MONTH_VARIANTS: dict[int, tuple[str, ...]] = {
    1: ("বোশেখ", "বৈশাখ", "baishakh", "boishakh", "baisakh", "boishak"),
    2: ("জৈষ্ঠ", "জৈষ্ঠ্য", "জ্যেষ্ঠ", "জষ্টি", "jyoishtho", "jaishtha", "joishtho", "jyaistha"),
    3: ("আষাড়", "আষার", "আষাঢ", "asharh", "ashar", "asadh", "asar", "ashadh"),
    4: ("শ্রাবন", "শাওন", "srabon", "shrabon", "shraban", "sraban", "srabon"),
    5: ("ভাদ্দর", "ভাদর", "bhadro", "bhadra", "bhadra"),
    6: ("আশ্মিন", "আশিন", "ashwin", "ashshin", "ashin", "aswin"),
    7: ("কার্ত্তিক", "কার্তিক", "kartik", "kartick", "kartika"),
    8: (
        "অগ্রহায়ন",
        "অগ্রাহায়ণ",
        "অঘ্রাণ",
        "অঘ্রান",
        "অগ্রহায়ন",
        "agrahayan",
        "ogrohayon",
        "agrahayon",
        "aghran",
    ),
    9: ("পোষ", "poush", "poush", "pous", "pausha", "posh"),
    10: ("magh", "mag"),
    11: ("ফালগুন", "ফাগুন", "falgun", "phalgun", "falgoon", "phalguna"),
    12: ("চৈত", "চৈত্র", "chaitra", "choitro", "chaitro", "choitra"),
}

_GREGORIAN_VARIANTS: dict[int, tuple[str, ...]] = {
    1: ("জানুয়ারী", "জানুয়ারি", "জানু", "january", "jan"),
    2: ("ফেব্রুয়ারী", "ফেব্রুয়ারি", "ফেব্রুয়ারী", "ফেব্রু", "february", "feb"),
    3: ("মার্চ", "march", "mar"),
    4: ("এপ্রিল", "april", "apr"),
    5: ("মে", "may"),
    6: ("জুন", "june", "jun"),
    7: ("জুলাই", "july", "jul"),
    8: ("আগষ্ট", "অগাস্ট", "অগাষ্ট", "আগস্ট", "august", "aug"),
    9: ("সেপ্টেম্বার", "সেপ্টেম্বর", "সেপ্টেমবর", "september", "sep", "sept"),
    10: ("অক্টোবার", "অক্টোবর", "অকটোবর", "october", "oct"),
    11: ("নভেম্বার", "নভেম্বর", "নবেম্বর", "november", "nov"),
    12: ("ডিসেম্বার", "ডিসেম্বর", "ডিসেমবর", "december", "dec"),
}

_FOLD = str.maketrans({"ণ": "ন", "ী": "ি", "ূ": "ু", "\u09cd": None, "\u200c": None, "\u200d": None})


def _name_key(name: str) -> str:
    """Fold the differences that spelling variants of month names usually differ by."""
    text = _nfc(name).strip().lower().rstrip(".")
    # Precomposed য়/ড়/ঢ় decompose under NFC to base + nukta; keep them comparable.
    return re.sub(r"\s+", "", text.translate(_FOLD))


def _index(standard: tuple[str, ...], variants: dict[int, tuple[str, ...]]) -> dict[str, int]:
    table: dict[str, int] = {}
    for number, name in enumerate(standard, start=1):
        table[_name_key(name)] = number
    for number, names in variants.items():
        for name in names:
            table[_name_key(name)] = number
    return table


_MONTH_INDEX = _index(MONTHS_BN, _MONTH_VARIANTS)
_GREGORIAN_INDEX = _index(GREGORIAN_MONTHS_BN, _GREGORIAN_VARIANTS)


@dataclass(frozen=True)
class BanglaDate:
    year: int
    month: int  # 1 = বৈশাখ … 12 = চৈত্র
    day: int

    def __str__(self) -> str:
        return f"{to_bengali(self.day)} {MONTHS_BN[self.month - 1]} {to_bengali(self.year)}"


def _falgun_is_long(year: int) -> bool:
    # Falgun of Bangla year Y runs through February of Gregorian year Y + 594.
    return _gregorian.isleap(year + _YEAR_OFFSET + 1)


def month_lengths(year: int) -> tuple[int, ...]:
    """Days in each month of Bangla `year` under the rule in force that year."""
    if year >= REVISED_FROM_YEAR:
        falgun = 30 if _falgun_is_long(year) else 29
        return (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, falgun, 30)
    falgun = 31 if _falgun_is_long(year) else 30
    return (31, 31, 31, 31, 31, 30, 30, 30, 30, 30, falgun, 30)


def month_length(year: int, month: int) -> int:
    _check_month(month)
    return month_lengths(year)[month - 1]


def year_start(year: int) -> date:
    """1 Boishakh of Bangla `year` (always 14 April)."""
    _check_year(year)
    return date(year + _YEAR_OFFSET, 4, 14)


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"Bangla year {year} is outside {MIN_YEAR}..{MAX_YEAR}")


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise ValueError(f"Bangla month {month} is outside 1..12")


def to_bangla(d: date) -> BanglaDate:
    """The Bangla date of Gregorian date `d`."""
    year = d.year - _YEAR_OFFSET if (d.month, d.day) >= (4, 14) else d.year - _YEAR_OFFSET - 1
    _check_year(year)
    offset = (d - date(year + _YEAR_OFFSET, 4, 14)).days
    for month, length in enumerate(month_lengths(year), start=1):
        if offset < length:
            return BanglaDate(year, month, offset + 1)
        offset -= length
    raise AssertionError("month lengths do not add up to the year")  # pragma: no cover


def from_bangla(year: int, month: int, day: int) -> date:
    """The Gregorian date of `day` `month` `year` বঙ্গাব্দ; ValueError if there is no such day."""
    _check_year(year)
    _check_month(month)
    lengths = month_lengths(year)
    if not 1 <= day <= lengths[month - 1]:
        raise ValueError(f"{MONTHS_BN[month - 1]} {year} has {lengths[month - 1]} days, not {day}")
    start = date(year + _YEAR_OFFSET, 4, 14)
    return date.fromordinal(start.toordinal() + sum(lengths[: month - 1]) + day - 1)


def format_bangla(d: date) -> str:
    """`date(2025, 8, 21)` → `৬ ভাদ্র ১৪৩২`."""
    return str(to_bangla(d))


def format_gregorian_bn(d: date, *, zero_pad: bool = False) -> str:
    """`date(2021, 12, 31)` → `৩১ ডিসেম্বর ২০২১` (`zero_pad` writes ০৫ for the 5th)."""
    day = f"{d.day:02d}" if zero_pad else str(d.day)
    return f"{to_bengali(day)} {GREGORIAN_MONTHS_BN[d.month - 1]} {to_bengali(d.year)}"


def format_dual(d: date) -> tuple[str, str]:
    """The issue-date pair printed on minutes: (`১৬ পৌষ ১৪২৮`, `৩১ ডিসেম্বর ২০২১`)."""
    return format_bangla(d), format_gregorian_bn(d)


def weekday_bn(d: date) -> str:
    """`date(2025, 8, 21)` → `বৃহস্পতিবার`."""
    return WEEKDAYS_BN[d.weekday()]


def month_from_name(name: str) -> int:
    """The Bangla month number (1..12) of a month name in any common spelling."""
    try:
        return _MONTH_INDEX[_name_key(name)]
    except KeyError:
        raise ValueError(f"not a Bangla month name: {name!r}") from None


def gregorian_month_from_name(name: str) -> int:
    """The Gregorian month number (1..12) of a month name in Bengali (or English)."""
    try:
        return _GREGORIAN_INDEX[_name_key(name)]
    except KeyError:
        raise ValueError(f"not a Gregorian month name: {name!r}") from None


_DATE_TEXT = re.compile(r"^\s*([0-9০-৯]{1,2})\s+([^\s,]+)\s*,?\s+([0-9০-৯]{3,4})\s*(?:\S+)?\s*$")


def _split_date_text(text: str) -> tuple[int, str, int]:
    match = _DATE_TEXT.match(_nfc(text))
    if not match:
        raise ValueError(f"not a date written as 'day month year': {text!r}")
    return parse_int(match[1]), match[2], parse_int(match[3])


def parse_bangla(text: str) -> date:
    """`১৬ পৌষ ১৪২৮` (optionally followed by বঙ্গাব্দ) → `date(2021, 12, 31)`."""
    day, month_name, year = _split_date_text(text)
    return from_bangla(year, month_from_name(month_name), day)


def parse_gregorian_bn(text: str) -> date:
    """`৩১ ডিসেম্বর ২০২১` (optionally followed by খ্রিষ্টাব্দ) → `date(2021, 12, 31)`."""
    day, month_name, year = _split_date_text(text)
    return date(year, gregorian_month_from_name(month_name), day)
