from django import template

from tadarki.bangla.digits import to_bengali

register = template.Library()


@register.filter
def bn(value) -> str:
    """Bengali digits for numbers shown in Bengali documents and pages."""
    if value is None:
        return ""
    if isinstance(value, float):
        value = f"{value:g}" if value == int(value) else f"{value:.1f}"
    return to_bengali(value)
