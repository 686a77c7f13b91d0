"""A crawl holds each page's links as plain strings until a rule reads them, and the tree is
only searched for markup the page's source can hold (any letter case)."""

from __future__ import annotations

import base64

from tadarki.engine.crawl.links import extract_hrefs
from tadarki.engine.npf.model import Link
from tadarki.engine.npf.parse import parse_page, parse_page_and_hrefs

URL = "http://passport.lakshmipur.gov.bd/bn/site/page/x"
PAGE = (
    '<html><head><title>পাসপোর্ট | অফিস</title></head><body><ul class="menu">'
    '<li><a href="/bn/site/page/a">প্রথম</a></li><li><a href="nolink/b">দ্বিতীয়</a></li>'
    '<li><a href="http://www.bangladesh.gov.bd/">বাতায়ন</a></li></ul>'
    '<div id="left-content"><p>লেখা</p></div></body></html>'
)


def test_links_are_made_on_first_read_and_equal_what_the_page_holds():
    page = parse_page(URL, PAGE)
    assert "links" in page.readers and "links" not in page.__dict__
    links = page.links
    assert "links" not in page.readers
    assert [(x.label, x.href, x.url) for x in links] == [
        ("প্রথম", "/bn/site/page/a", "http://passport.lakshmipur.gov.bd/bn/site/page/a"),
        ("দ্বিতীয়", "nolink/b", None),
        ("বাতায়ন", "http://www.bangladesh.gov.bd/", "http://www.bangladesh.gov.bd/"),
    ]
    assert links[0].evidence == '<a href="/bn/site/page/a">প্রথম</a>'
    assert page.links is links  # read once


def test_a_link_is_one_object_for_the_garbage_collector():
    link = Link("x", "/x", "http://h/x", candidates=('href="/x"',), raw='<a href="/x">x</a>')
    assert not hasattr(link, "__dict__")
    assert link.evidence == 'href="/x"'


def test_markup_in_upper_case_is_still_read():
    body = '<a href="/pages/static-pages/y">y</a>'
    encoded = base64.b64encode(body.encode()).decode()
    html = (
        '<html><body><DIV DATA-WIDGET_NAME="HeaderWidget"><a href="/">হোম</a></DIV>'
        '<MAP name="m"><AREA HREF="/map" shape="rect"></MAP>'
        f'<RT-RENDERER encoded-content="{encoded}"></RT-RENDERER></body></html>'
    )
    page, hrefs = parse_page_and_hrefs(URL, html)
    assert page.widgets == ["HeaderWidget"]
    assert page.body_from_renderer and "static-pages/y" in page.body_html
    assert hrefs is not None and sorted(hrefs) == sorted(extract_hrefs(html))
    assert "/map" in hrefs and "/pages/static-pages/y" in hrefs


def test_a_wbr_the_source_cleaning_misses_still_takes_the_wbr_reading():
    html = PAGE.replace("<p>লেখা</p>", '<p>ই-মেইল: dip<WBR class="x">@passport.gov.bd</p>')
    page, hrefs = parse_page_and_hrefs(URL, html)
    assert hrefs is None  # the crawler reads them itself, as for every <wbr> page
    assert [x.href for x in page.links] == ["/bn/site/page/a", "nolink/b", PAGE_PORTAL]


PAGE_PORTAL = "http://www.bangladesh.gov.bd/"
