"""Bangladesh working days: the Friday–Saturday weekend and public holidays.

Public holidays come from the maintained `holidays` library (Bangladesh, Bengali names),
corrected where it lags behind the government's notices, plus the dates the ICT cell enters
in the admin (holidays declared by executive order, Durga Puja, Buddha Purnima …, which the
library does not carry) minus the dates the cell removes.

The library marks Islamic holidays it has not confirmed for a year as estimated
("… (আনুমানিক)"); they depend on the moon sighting and the government announces them each
year, so the admin's extra/removed dates are how the real dates are set.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

import holidays

WEEKEND = frozenset({4, 5})  # date.weekday(): Friday, Saturday
EXTRA_HOLIDAY_NAME = "সাধারণ ছুটি"

# Government notices the installed library has not applied (checked with holidays 0.109).
_CANCELLED: frozenset[date] = frozenset(
    {
        # National Mourning Day holiday cancelled by the interim government on 13 August 2024
        # (Ministry of Public Administration notice "১৫ আগস্ট-এর সাধারণ ছুটি বাতিল").
        date(2024, 8, 15),
    }
)

_ONE_DAY = timedelta(days=1)


@functools.lru_cache(maxsize=64)
def _library_holidays(year: int) -> Mapping[date, str]:
    """The library's Bangladesh holidays of one year, with Bengali names."""
    found = holidays.country_holidays("BD", years=year, language="bn")
    return {day: name for day, name in found.items() if day not in _CANCELLED}


class WorkingCalendar:
    """Which days a Bangladesh government office works.

    `extra_holidays` may be a mapping date → name to give the holidays their names.
    """

    def __init__(
        self,
        extra_holidays: Iterable[date] | Mapping[date, str] = (),
        removed: Iterable[date] = (),
    ) -> None:
        if isinstance(extra_holidays, Mapping):
            self._extra = {day: name or EXTRA_HOLIDAY_NAME for day, name in extra_holidays.items()}
        else:
            self._extra = dict.fromkeys(extra_holidays, EXTRA_HOLIDAY_NAME)
        self._removed = frozenset(removed)

    def is_weekend(self, d: date) -> bool:
        return d.weekday() in WEEKEND

    def holiday_name(self, d: date) -> str | None:
        """The public holiday's Bengali name, or None (the weekend alone is not a holiday)."""
        if d in self._removed:
            return None
        if d in self._extra:
            return self._extra[d]
        return _library_holidays(d.year).get(d)

    def is_holiday(self, d: date) -> bool:
        return self.holiday_name(d) is not None

    def is_working_day(self, d: date) -> bool:
        return not self.is_weekend(d) and not self.is_holiday(d)

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after `d`."""
        d += _ONE_DAY
        while not self.is_working_day(d):
            d += _ONE_DAY
        return d

    def working_day_on_or_after(self, d: date) -> date:
        """`d` if it is a working day, else the next one (a deadline falling on a holiday)."""
        return d if self.is_working_day(d) else self.next_working_day(d)

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start`, not counting `start` ("আগামী ০৭ কার্যদিবসের মধ্যে").

        A negative `n` counts back; `n == 0` returns `start`.
        """
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        d = start
        for _ in range(abs(n)):
            d += step
            while not self.is_working_day(d):
                d += step
        return d

    def working_days_between(self, a: date, b: date) -> int:
        """Working days after `a` up to and including `b`; counted back (and negative) from
        `a` exclusive to `b` inclusive when `b` is before `a`.

        The inverse of `add_working_days`: `working_days_between(a, add_working_days(a, n)) == n`.
        """
        if b < a:
            # [b, a): the days add_working_days steps over when counting back from a.
            return -sum(self.is_working_day(b + timedelta(days=i)) for i in range((a - b).days))
        return sum(self.is_working_day(a + timedelta(days=i)) for i in range(1, (b - a).days + 1))

    def holidays_in(self, start: date, end: date) -> list[tuple[date, str]]:
        """Public holidays from `start` to `end` inclusive, in date order."""
        found = []
        d = start
        while d <= end:
            name = self.holiday_name(d)
            if name is not None:
                found.append((d, name))
            d += _ONE_DAY
        return found
