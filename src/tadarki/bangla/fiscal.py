"""Bangladesh's July–June fiscal year (অর্থবছর), its quarters, and Bengali ordinals.

A fiscal year is named by the calendar year it starts in: FY 2023 = July 2023 – June 2024,
written ২০২৩-২০২৪. Quarter 1 = Jul–Sep, 2 = Oct–Dec, 3 = Jan–Mar, 4 = Apr–Jun.
"""

from __future__ import annotations

import calendar as _gregorian
import re
import unicodedata
from datetime import date

from tadarki.bangla.digits import parse_int, to_ascii, to_bengali

# Citizen's Charter updates are due in the first week of a quarter's third month.
CHARTER_DEADLINE_DAY = 7


def fiscal_year(d: date) -> int:
    """The calendar year the fiscal year of `d` starts in: 2023 for 2024-02-27."""
    return d.year if d.month >= 7 else d.year - 1


def fy_label(fy: int) -> str:
    """`2023` → `২০২৩-২০২৪`."""
    return f"{to_bengali(fy)}-{to_bengali(fy + 1)}"


def fiscal_year_label(d: date) -> str:
    """`date(2024, 2, 27)` → `২০২৩-২০২৪`."""
    return fy_label(fiscal_year(d))


_FY_TEXT = re.compile(r"^\s*([0-9]{4})\s*[-–—/]\s*([0-9]{2}|[0-9]{4})\s*$")


def parse_fiscal_year(text: str) -> int:
    """`২০২৩-২০২৪`, `২০২৩-২৪` or `2023-24` → 2023; ValueError otherwise."""
    match = _FY_TEXT.match(to_ascii(text))
    if not match:
        raise ValueError(f"not a fiscal year: {text!r}")
    start, end = int(match[1]), match[2]
    expected = str(start + 1)
    if end != expected and end != expected[-2:]:
        raise ValueError(f"a fiscal year spans consecutive years: {text!r}")
    return start


def fiscal_quarter(d: date) -> int:
    """1 for Jul–Sep … 4 for Apr–Jun."""
    return (d.month - 7) % 12 // 3 + 1


def _check_quarter(q: int) -> None:
    if not 1 <= q <= 4:
        raise ValueError(f"quarter {q} is outside 1..4")


def _quarter_months(fy_start: int, q: int) -> tuple[int, int]:
    """(calendar year, first month) of quarter `q` of fiscal year `fy_start`."""
    _check_quarter(q)
    first = 7 + 3 * (q - 1)
    return (fy_start, first) if first <= 12 else (fy_start + 1, first - 12)


def quarter_range(fy_start: int, q: int) -> tuple[date, date]:
    """First and last day of quarter `q`: (2024-01-01, 2024-03-31) for FY 2023 Q3."""
    year, first = _quarter_months(fy_start, q)
    last = first + 2
    return date(year, first, 1), date(year, last, _gregorian.monthrange(year, last)[1])


def charter_deadline(fy: int, q: int) -> date:
    """The 7th of the quarter's third month: 7 Sep, 7 Dec, 7 Mar, 7 Jun."""
    year, first = _quarter_months(fy, q)
    return date(year, first + 2, CHARTER_DEADLINE_DAY)


def quarter_label_bn(fy: int, q: int) -> str:
    """`(2023, 3)` → `২০২৩-২০২৪ অর্থবছরের ৩য় ত্রৈমাসিক`."""
    _check_quarter(q)
    return f"{fy_label(fy)} অর্থবছরের {ordinal_bn(q)} ত্রৈমাসিক"


_ORDINAL_SUFFIX = {1: "ম", 2: "য়", 3: "য়", 4: "র্থ", 5: "ম", 6: "ষ্ঠ"}
_ORDINAL_SUFFIX = {n: unicodedata.normalize("NFC", s) for n, s in _ORDINAL_SUFFIX.items()}

# Words used for the first few ordinals ("প্রথম ত্রৈমাসিক", "দ্বিতীয় সভা").
_ORDINAL_WORDS = {
    unicodedata.normalize("NFC", word): n
    for n, word in enumerate(
        ("প্রথম", "দ্বিতীয়", "তৃতীয়", "চতুর্থ", "পঞ্চম", "ষষ্ঠ", "সপ্তম", "অষ্টম", "নবম", "দশম"),
        start=1,
    )
}

_ORDINAL_TEXT = re.compile(
    unicodedata.normalize("NFC", r"^([0-9]+)\s*(ম|য়|র্থ|ষ্ঠ|তম|th|st|nd|rd)?$")
)


def ordinal_bn(n: int) -> str:
    """`1` → `১ম`, `2` → `২য়`, `4` → `৪র্থ`, `6` → `৬ষ্ঠ`, `10` → `১০ম`, `17` → `১৭তম`."""
    if n < 1:
        raise ValueError(f"ordinals start at 1, not {n}")
    if n in _ORDINAL_SUFFIX:
        suffix = _ORDINAL_SUFFIX[n]
    elif n <= 10:
        suffix = "ম"
    else:
        suffix = "তম"
    return f"{to_bengali(n)}{suffix}"


def parse_ordinal_bn(text: str) -> int:
    """`১৭তম` → 17; also `৩য়`, `১৭ তম`, plain digits and the words প্রথম…দশম."""
    cleaned = unicodedata.normalize("NFC", text).strip().replace("\u200c", "").replace("\u200d", "")
    if cleaned in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[cleaned]
    match = _ORDINAL_TEXT.match(to_ascii(cleaned))
    if not match or int(match[1]) < 1:
        raise ValueError(f"not an ordinal: {text!r}")
    return parse_int(match[1])
