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
