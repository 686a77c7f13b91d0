from datetime import date

from django.template import Context, Template
from django.utils import translation


def render(text: str, **context) -> str:
    return Template("{% load bangla %}" + text).render(Context(context))


def test_bn_digits_always_writes_bengali_digits():
    with translation.override("en"):
        assert render("{{ n|bn_digits }}", n=2025) == "২০২৫"
    assert render("{{ s|bn_digits }}", s="58.00.0000.018") == "৫৮.০০.০০০০.০১৮"


def test_local_digits_follow_the_language():
    with translation.override("bn"):
        assert render("{{ n|local_digits }}", n=17) == "১৭"
    with translation.override("en"):
        assert render("{{ n|local_digits }}", n=17) == "17"


def test_dates_in_both_calendars_as_in_signed_minutes():
    with translation.override("bn"):
        assert render("{{ d|bangla_date }}", d=date(2021, 12, 31)) == "১৬ পৌষ ১৪২৮"
        assert render("{{ d|dual_date }}", d=date(2025, 8, 21)) == "৬ ভাদ্র ১৪৩২ / ২১ আগস্ট ২০২৫"
    with translation.override("en"):
        assert render("{{ d|bangla_date }}", d=date(2021, 12, 31)) == "2021-12-31"


def test_empty_values_render_empty():
    assert render("{{ d|dual_date }}{{ n|bn_digits }}", d=None, n=None) == ""
