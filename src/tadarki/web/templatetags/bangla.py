"""Bengali digits and dates in templates: `{{ n|bn_digits }}`, `{{ d|bangla_date }}`, `{{ d|dual_date }}`.

`bn_digits` always writes ০–৯; `local_digits` and the dates follow the active language.
"""

from datetime import date, datetime

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from tadarki.bangla.calendar import format_bangla, format_gregorian_bn
from tadarki.bangla.digits import to_bengali

register = template.Library()


def _bengali_page() -> bool:
    return (get_language() or "bn").startswith("bn")


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value if isinstance(value, date) else None


@register.filter
def bn_digits(value) -> str:
    """Always Bengali digits (documents, memo numbers): 2025 → ২০২৫."""
    return "" if value is None else to_bengali(value)


@register.filter
def local_digits(value) -> str:
    """Bengali digits on Bengali pages, ASCII digits on English ones (counts in the UI)."""
    if value is None:
        return ""
    return to_bengali(value) if _bengali_page() else str(value)


@register.filter
def bangla_date(value) -> str:
    """The Bangla-calendar date (১৬ পৌষ ১৪২৮); on English pages the ISO date."""
    d = _as_date(value)
    if d is None:
        return ""
    if not _bengali_page():
        return d.isoformat()
    return format_bangla(d)


@register.filter
def dual_date(value) -> str:
    """Both calendars, as in signed minutes: ১৬ পৌষ ১৪২৮ / ৩১ ডিসেম্বর ২০২১."""
    d = _as_date(value)
    if d is None:
        return ""
    if not _bengali_page():
        return d.strftime("%d %B %Y")
    return f"{format_bangla(d)} / {format_gregorian_bn(d)}"
