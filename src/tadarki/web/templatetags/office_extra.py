"""Tags for the registry office page's extra panels (`web/office_extra/*.html`): the include
gets only `unit`, `user` and `request`, so the panels fetch their rows through these."""

from django import template

from tadarki.web import indicators

register = template.Library()


@register.simple_tag(takes_context=True)
def office_open_findings(context, unit) -> dict:
    return indicators.office_open_findings(context["request"].user, unit)


@register.simple_tag(takes_context=True)
def office_decisions(context, unit) -> list:
    return indicators.office_decisions(context["request"].user, unit)
