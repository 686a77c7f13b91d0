"""Turn a decision's deadline object (minutes-json.md) into due dates. Plain Python, no Django.

- `date`: that date;
- `days` (calendar days, an extension of the parser): that many days after the issue date;
- `working_days`: counted from the minutes' issue date on the Bangladesh working calendar
  (weekends Friday/Saturday and public holidays skipped);
- `recurring`: every occurrence of the RRULE after the issue date, up to a horizon, each
  one tracked on its own;
- `next_meeting`: no date until the committee's next meeting is scheduled;
- `asap` (দ্রুততম সময়ে): no date, flagged instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr

DEFAULT_HORIZON_MONTHS = 12


class WorkingCalendar(Protocol):
    def add_working_days(self, start: date, n: int) -> date: ...


@dataclass(frozen=True)
class Resolution:
    """The due dates one deadline object gives; `dates` is empty when none is known yet."""

    kind: str
    dates: list[date] = field(default_factory=list)
    asap: bool = False
    waits_for_next_meeting: bool = False

    @property
    def first(self) -> date | None:
        return self.dates[0] if self.dates else None


def recurring_dates(rrule: str, after: date, until: date) -> list[date]:
    """Occurrences of `rrule` strictly after `after`, up to and including `until`.

    The rule starts on `after` (the issue date), so a bare `FREQ=MONTHLY` falls due a month
    after issue, and `BYMONTHDAY=4` on the next 4th.
    """
    start = datetime.combine(after, datetime.min.time())
    rule = rrulestr(rrule, dtstart=start)
    end = datetime.combine(until, datetime.max.time())
    return [d.date() for d in rule.between(start, end, inc=True) if d.date() > after]


def resolve(
    deadline: dict | None,
    issued_on: date,
    calendar: WorkingCalendar | None = None,
    *,
    next_meeting: date | None = None,
    until: date | None = None,
) -> Resolution:
    """Resolve one deadline object. `until` bounds recurring ones (default: 12 months on)."""
    if not deadline:
        return Resolution(kind="")
    kind = deadline.get("kind", "")
    if kind == "date":
        return Resolution(kind, [date.fromisoformat(deadline["date"])])
    if kind == "working_days":
        if calendar is None:
            raise ValueError("a working calendar is needed to count working days")
        return Resolution(kind, [calendar.add_working_days(issued_on, int(deadline["count"]))])
    if kind == "days":  # calendar days ("৭ দিনের মধ্যে"), which the parser keeps apart
        return Resolution(kind, [issued_on + timedelta(days=int(deadline["count"]))])
    if kind == "recurring":
        until = until or issued_on + relativedelta(months=DEFAULT_HORIZON_MONTHS)
        return Resolution(kind, recurring_dates(deadline["rrule"], issued_on, until))
    if kind == "next_meeting":
        if next_meeting:
            return Resolution(kind, [next_meeting])
        return Resolution(kind, waits_for_next_meeting=True)
    if kind == "asap":
        return Resolution(kind, asap=True)
    raise ValueError(f"unknown deadline kind {kind!r}")
