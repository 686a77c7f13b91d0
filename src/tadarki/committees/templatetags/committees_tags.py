"""Bengali digits and dates in committee pages."""

from datetime import date

from django import template

from tadarki.bangla.calendar import format_gregorian_bn
from tadarki.bangla.digits import to_bengali

register = template.Library()


@register.filter
def bn(value) -> str:
    return "" if value is None else to_bengali(value)


@register.filter
def bn_date(value: date | None) -> str:
    return format_gregorian_bn(value) if value else ""


@register.filter
def ordinal(value) -> str:
    """17 → ১৭তম, as meetings are numbered in the minutes."""
    from tadarki.bangla.fiscal import ordinal_bn

    return ordinal_bn(int(value)) if value else ""
