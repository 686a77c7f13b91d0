"""A page is read once, and only as far as the rules look: furniture and link evidence on
first use, the crawler's hrefs from the same parse, no cache that keeps pages alive."""

from __future__ import annotations

import gc
import json
import weakref
from collections import Counter

import pytest
from selectolax.lexbor import LexborHTMLParser

from tadarki.bangla.text import match_key
from tadarki.engine.crawl.links import extract_hrefs
from tadarki.engine.npf import blocks, menus, officers
from tadarki.engine.npf.detect import detect_template
from tadarki.engine.npf.parse import parse_page, parse_page_and_hrefs


@pytest.fixture(scope="module")
def real_pages(shared_dir):
    folder = shared_dir / "fixtures" / "npf-real"
    data = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    return [
        (page["url"], (folder / page["file"]).read_text(encoding="utf-8")) for page in data["pages"]
    ]


def test_menu_is_read_on_first_use_and_equals_a_direct_reading(real_pages):
    url, html = next((u, h) for u, h in real_pages if detect_template(h) in ("G1", "G2"))
    page = parse_page(url, html)
    assert "furniture" in page.readers  # not read yet
    direct = menus.read_g1_menu(LexborHTMLParser(html), html, url)
    assert direct and page.menu == direct
    assert "furniture" not in page.readers
    assert page.boxes == blocks.read_service_boxes(LexborHTMLParser(html), html, url)


def test_link_evidence_on_demand_equals_reading_every_anchor(real_pages):
    for url, html in real_pages:
        page = parse_page(url, html)
        if not page.links or "<wbr" in html:
            continue
        eager = [blocks.link_of(html, url, a) for a in LexborHTMLParser(html).css("a[href]")]
        assert [(x.label, x.href, x.url) for x in page.links] == [
            (x.label, x.href, x.url) for x in eager
        ]
        assert [x.evidence for x in page.links] == [x.evidence for x in eager], url


def test_crawler_hrefs_come_from_the_same_parse(real_pages):
    compared = 0
    for url, html in real_pages:
        _page, hrefs = parse_page_and_hrefs(url, html)
        if hrefs is None:  # error page or challenge: the crawler reads them itself
            continue
        assert Counter(hrefs) == Counter(extract_hrefs(html)), url
        compared += 1
    assert compared >= 3


def test_g3_renderer_body_links_are_among_the_hrefs():
    import base64

    body = '<p>নীতি</p><a href="/pages/static-pages/x">x</a><area href="/map">'
    encoded = base64.b64encode(body.encode()).decode()
    html = (
        '<html><body><div data-widget_name="HeaderWidget"><a href="/">হোম</a></div>'
        f'<rt-renderer encoded-content="{encoded}"></rt-renderer></body></html>'
    )
    page, hrefs = parse_page_and_hrefs("https://moha.gov.bd/pages/x", html)
    assert sorted(hrefs) == sorted(extract_hrefs(html)) == ["/", "/map", "/pages/static-pages/x"]
    assert page.body_text == "নীতি x"


def test_pages_are_not_kept_by_a_cache():
    html = '<html><head><title>পাতা</title></head><body><div id="left"><p>লেখা</p></div></body></html>'
    first = parse_page("https://x.gov.bd/site/page/1", html)
    assert parse_page("https://x.gov.bd/site/page/1", html) is not first
    gone = weakref.ref(first)
    del first
    gc.collect()
    assert gone() is None


def test_every_role_label_holds_a_role_word_so_bodies_without_one_are_skipped():
    for label in officers.all_role_labels():
        assert any(word in label for word in officers.ROLE_WORDS), label
        assert officers.may_name_roles(f"<td>{label}</td>"), label
    # As published: ো as two code points, a zero-width joiner inside a word.
    decomposed = "ফ\u09c7\u09beকাল পয়েন্ট"
    assert match_key(decomposed) == match_key("ফোকাল পয়েন্ট")
    assert officers.may_name_roles(f"<td>{decomposed}</td>")
    assert officers.may_name_roles("<p>অন\u200cিক</p>")
    assert not officers.may_name_roles("<p>নোটিশ: অফিস বন্ধ থাকবে</p>")


@pytest.mark.parametrize(
    "marker",
    [
        "<script>WINDOW._CF_CHL_OPT = {}</script>",
        "<title> just a moment... </title>",
        "<title>Attention Required! | Cloudflare</title>",
        "The requested URL was rejected. Please consult with your administrator.",
        "<TITLE>Access Denied</TITLE>",
        '<script src="/_incapsula_resource?x"></script>',
        "<!-- Sucuri_CloudProxy -->",
    ],
)
def test_challenge_markers_in_any_case(marker):
    assert detect_template(f"<html><head>{marker}</head><body></body></html>") == "challenge"
    assert detect_template("<html><head><title>cloudproxy _cf rejected.</title></head></html>") == (
        "generic"
    )
