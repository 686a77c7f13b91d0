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


@register.filter
def severity(value: str) -> str:
    from django.utils.translation import gettext

    from tadarki.audits.groups import SEVERITY_LABELS

    return gettext(SEVERITY_LABELS[value]) if value in SEVERITY_LABELS else value
