"""The cheap ways of reading a page give what the plain ways gave: tag-name lookups for
selector queries, one walk of a row for four queries, case-less byte tests before the
challenge patterns, NFC proved instead of computed, and memos that live with a portal."""

from __future__ import annotations

import asyncio
import gc
import itertools
import re
import unicodedata
import weakref

import pytest
from selectolax.lexbor import LexborHTMLParser

from tadarki.bangla.text import clean, match_key, nfc
from tadarki.engine.npf import blocks
from tadarki.engine.npf import parse as reading
from tadarki.engine.npf.detect import _is_challenge, detect_template
from tadarki.engine.npf.html import text_of
from tadarki.engine.npf.parse import parse_page, parse_page_and_hrefs, remembering
from tadarki.engine.result import now_iso

TRICKY = [
    '<a href="/x">x</a><a href>empty</a><a href="">blank</a><a name="n">no href</a>',
    '<A HREF="/up">up</A><svg><a xlink:href="/svg">s</a></svg><math><a href="/m">m</a></math>',
    '<section data-widget_name="W"><a href="/w" data-widget_name="A">wa</a></section>',
    '<svg><a data-widget_name="S" xlink:href="/s">svg widget anchor</a></svg>',
    '<map><area href="/a1"><area alt="none"><AREA HREF="/a2"></map><svg><area href="/sa"/></svg>',
    '<RT-RENDERER encoded-content="x"></RT-RENDERER><rt-renderer></rt-renderer><p>x<WBR>y</p>',
    '<template><a href="/t">t</a><wbr><rt-renderer></rt-renderer></template><title>T</title>',
    '<div DATA-WIDGET_NAME="Up"></div><p><a href="/1"><b>bold <i>it</i></b> tail</a></p>',
]


def _ids(nodes):
    return [node.mem_id for node in nodes]


@pytest.mark.parametrize("html", TRICKY)
def test_one_walk_finds_what_the_selectors_find(html):
    tree = LexborHTMLParser(html)
    walk = reading._Walk(tree)
    anchors = tree.css("a[href]")
    assert _ids(a for a, _ in walk.anchors) == _ids(anchors)
    assert [h for _, h in walk.anchors] == [a.attributes.get("href") or "" for a in anchors]
    assert [n.attrs.get("href") for n in walk.areas if n.attrs.get("href")] == [
        n.attrs.get("href") for n in tree.css("area[href]") if n.attrs.get("href")
    ]
    assert _ids(walk.widgets) == _ids(tree.css("[data-widget_name]"))
    assert _ids(walk.renderers) == _ids(tree.css("rt-renderer"))
    assert walk.has_wbr == (tree.css_first("wbr") is not None)
    titles = tree.tags("title")
    assert _ids(titles[:1]) == _ids([n for n in [tree.css_first("title")] if n is not None])
    # Widgets are skipped only when the source cannot name the attribute.
    low = html.encode().lower()
    assert _ids(reading._Walk(tree, low).widgets) == _ids(walk.widgets)


def test_officer_cards_are_looked_for_once():
    quirks = '<DIV CLASS="List-Card-Body"><h3>x</h3></DIV>'  # no doctype: classes case-less
    for html in (quirks, '<!DOCTYPE html><div class="list&#45;card-body"></div>', "<p>no</p>"):
        tree = LexborHTMLParser(html)
        walk = reading._Walk(tree)
        for selector in ("div.list-card-body", "div.employee-content-widget"):
            assert _ids(walk.css(selector)) == _ids(tree.css(selector))


def _rows_by_selectors(raw, base, node):
    """blocks.table_entries as it read each row with four selector queries."""
    entries = []
    for row in node.css("table tr"):
        if row.css_first("th") is not None and row.css_first("td") is None:
            continue
        a = row.css_first("a")
        cells = [text_of(td) for td in row.css("td")]
        entries.append((cells, a.attributes.get("href") if a is not None else None))
    return entries


def test_table_rows_read_in_one_walk_as_by_selectors():
    html = (
        "<table><tr><th>শিরোনাম</th><th>তারিখ</th></tr>"
        '<tr><td><a href="/n/1">নোটিশ ১</a></td><td>০১-০১-২০২৪</td></tr>'
        "<tr><th>row head</th><td>cell <table><tr><td>nested</td></tr></table></td></tr>"
        '<tr><td>no link</td><td><span><a href="/late">late</a></span><a href="/x">x</a></td></tr>'
        "</table>"
    )
    expected = _rows_by_selectors(html, "http://a.gov.bd/", LexborHTMLParser(html).root)
    got = blocks.table_entries(html, "http://a.gov.bd/", LexborHTMLParser(html).root)
    assert len(got) == len(expected) == 4  # the nested row too, as "table tr" finds it
    assert [e.href for e in got] == [href or "" for _, href in expected]
    assert got[0].day is not None and got[0].title == "নোটিশ ১"


def test_notice_items_find_their_link_and_date_in_one_walk():
    html = (
        '<div id="notice-board"><div id="notice-board-ticker"><ul>'
        '<li><span><a href="/n/1">প্রথম</a></span><i>১২-০৩-২০২৪</i><a href="/n/2">2</a></li>'
        '<li><a href="/n/3">তৃতীয়</a><span class="notice-tag">০১-০১-২০২৩</span></li>'
        "</ul></div></div>"
    )
    entries = blocks.read_notice_board(LexborHTMLParser(html), html, "http://a.gov.bd/")
    assert [(e.href, str(e.day)) for e in entries] == [
        ("/n/1", "2024-03-12"),  # the first <a> and <i>, however deep
        ("/n/3", "2023-01-01"),
    ]
    assert entries[1].title == "তৃতীয়"


@pytest.mark.parametrize(
    "marker",
    [
        "<script>window._cf_chl_opt = {}</script>",
        "<script>WINDOW._CF_CHL_OPT = {}</script>",
        "<title>just a moment...</title>",
        "<TITLE>  Just A Moment...  </TITLE>",
        "<title>Attention Required! | Cloudflare</title>",
        "<title>ACCESS DENIED</title>",
        "The requested URL was rejected. Please consult with your administrator.",
        '<script src="/_INCAPSULA_RESOURCE?x"></script>',
        "<p>Sucuri_CloudProxy_JS</p>",
    ],
)
def test_challenge_markers_in_any_case_are_still_found(marker):
    page = f"<html><head></head><body><p>কিছু লেখা</p>{marker}</body></html>"
    assert _is_challenge(page)
    assert detect_template(page) == "challenge"


def test_detection_with_or_without_the_lowered_bytes_agrees():
    pages = [f"<html><body>{m}</body></html>" for m in TRICKY] + [
        '<link href="/themes/responsive_npf/x.css"><ul class="meganizr"></ul><a href="/BN/x">',
        '<link href="/themes/responsive_npf/x.css"><ul class="meganizr"></ul><a href="/x">',
    ]
    for page in pages:
        assert detect_template(page) == detect_template(page, page.encode().lower())
    assert detect_template(pages[-2]) == "G2" and detect_template(pages[-1]) == "G1"


_ALPHABET = (
    [chr(c) for c in range(0x980, 0xA00)]
    + list("aZ 0.-|\u00a0\u00a9\u00e9\u0964\u200c\u200d\u2013\u2022\u2026\ufffd")
    + ["\u0300", "\u0301", "\u093c", "\u0915", "\u00c5", "\u212b", "\u2000"]
)


def test_nfc_shortcut_agrees_with_unicodedata():
    for pair in itertools.product(_ALPHABET, repeat=2):
        text = "".join(pair)
        assert nfc(text) == unicodedata.normalize("NFC", text), [hex(ord(c)) for c in text]
    for text in ("দায়িত্বপ্রাপ্ত", "দায়িত্বপ্রাপ্ত", "ফোকাল", "ফোকাল", "ড়ঢ়য়", "এ্‌়"):
        assert nfc(text) == unicodedata.normalize("NFC", text)


def test_clean_and_match_key_as_by_regular_expressions():
    samples = ["  a\u00a0\u00a0b \t\n c  ", "\u2003x\u2028y\u3000", "ক\u200cখ : ", "", "x" * 300]
    for text in samples:
        expected = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
        assert clean(text) == expected
        zero_width = re.sub("[\u200b\u200c\u200d\u2060\ufeff]", "", text)
        assert match_key(text) == clean(zero_width).rstrip(" :ঃ").strip()


def test_text_of_removes_wbr_only_where_there_is_one():
    tree = LexborHTMLParser("<p>a<wbr>b</p>")
    node = tree.css_first("p")
    assert text_of(node) == "a b" and "<wbr>" not in (node.html or "")
    plain = LexborHTMLParser("<p>a <b>b</b></p>").css_first("p")
    assert text_of(plain) == "a b"


def test_a_parsed_page_is_freed_without_the_garbage_collector():
    html = '<html><head><title>t</title></head><body><a href="/x">x</a></body></html>'
    gc.disable()
    try:
        for read in (False, True):
            page = parse_page("http://a.gov.bd/", html)
            if read:
                assert page.links and page.body_text == "" and page.menu == []
            ref = weakref.ref(page)
            del page
            assert ref() is None
    finally:
        gc.enable()


def test_link_rows_are_the_links_fields():
    html = '<body><a href="/x">এক</a><a href="#">দুই</a><a href="http://b.gov.bd/">তিন</a></body>'
    page = parse_page("http://a.gov.bd/p", html)
    rows = page.link_rows()
    made = [page.link_at(i) for i in range(len(rows))]
    assert "links" not in page.__dict__  # reading rows made no Link
    assert [(x.label, x.href, x.url) for x in page.links] == rows
    assert made == page.links and [x.evidence for x in made] == [x.evidence for x in page.links]


def test_a_portal_memo_lives_while_its_portal_is_read():
    html = '<body><a href="/x">এক</a></body>'

    async def crawl():
        with remembering() as memo:
            parse_page_and_hrefs("http://a.gov.bd/1", html)
            # A task started meanwhile (a link check) outlives the portal.
            lingering = asyncio.ensure_future(asyncio.sleep(0))
            assert memo.anchors and reading._memo() is memo
            ref = weakref.ref(memo)
        del memo
        await lingering
        return ref

    ref = asyncio.run(crawl())
    gc.collect()
    assert ref() is None
    assert reading._PORTAL.get() is None


def test_now_iso_is_the_second_with_its_offset():
    stamp = now_iso()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", stamp)


@pytest.mark.parametrize(
    "board",
    [
        '<div id="notice-board"><div id="notice-board-ticker"><ul><li>x</li></ul></div></div>',
        '<div class="notice-card"><ul class="notice-unordered-list"><li>x</li></ul></div>',
        '<section data-widget_name="NoticeNewsCardWidget"></section>',
        '<div id="left"><div class="notices list"><table><tr><td>x</td></tr></table></div></div>',
        '<div id="news"><div id="news-ticker"><ul><li>x</li></ul></div></div>',
        '<div id="left"><div class="news list"><table></table></div></div>',
        "<p>none of them</p>",
    ],
)
def test_boards_are_skipped_only_when_none_is_there(board):
    tree = LexborHTMLParser(f"<html><body>{board}</body></html>")
    found = (
        blocks.read_notice_board(tree, board, "http://a.gov.bd/"),
        blocks.read_news(tree, board, "http://a.gov.bd/"),
    )
    assert blocks.may_have_boards(tree) == (found != (None, None))
