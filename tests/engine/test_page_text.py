"""A page's text is packed while it waits for the judge and reads back exactly."""

import dataclasses
import pickle

from tadarki.engine.site import PACK_FROM, FetchedPage, PageText, preset_dictionary

MENU = "".join(f'<li><a href="/site/page/{n}">মেনু {n}</a></li>' for n in range(300))
HOME = f"<html><head><title>হোম</title></head><body><ul>{MENU}</ul><p>স্বাগতম</p></body></html>"
PAGE = f"<html><head><title>পাতা</title></head><body><ul>{MENU}</ul><p>নোটিশ ১২৩ 😀</p></body></html>"


def test_packed_text_reads_back_exactly_with_and_without_a_dictionary():
    for zdict in (b"", preset_dictionary(HOME)):
        text = PageText(PAGE)
        text.pack(zdict)
        assert text.packed
        assert text.text == PAGE
        assert not text.packed  # unpacked for good: the judge reads it more than once


def test_text_that_is_not_valid_unicode_survives_packing():
    odd = PAGE + "\ud800"  # a lone surrogate, as a decoder with surrogateescape leaves
    text = PageText(odd)
    text.pack()
    assert text.text == odd


def test_the_home_page_as_dictionary_packs_a_page_of_the_same_portal_smaller():
    raw = len(PAGE.encode())
    alone, with_home = PageText(PAGE), PageText(PAGE)
    alone.pack()
    with_home.pack(preset_dictionary(HOME))
    assert len(alone._packed) < raw / 4
    assert len(with_home._packed) < len(alone._packed) / 2


def test_short_text_is_kept_as_it_is():
    text = PageText("x" * (PACK_FROM - 1))
    text.pack()
    assert not text.packed


def test_preset_dictionary_is_the_first_32_kb_of_the_home_page():
    home = "অ" * 20_000  # 60 kB in UTF-8
    assert preset_dictionary(home) == home.encode()[: 32 << 10]


def test_fetched_page_text_is_a_plain_str_field():
    page = FetchedPage("http://a/", "http://a/", 200, text=PAGE)
    assert isinstance(page.text, str) and page.text == PAGE
    page.source.pack()
    assert page.text == PAGE
    assert FetchedPage("http://a/", "http://a/", 200).text == ""
    assert dataclasses.replace(page, status=404).text == PAGE
    assert pickle.loads(pickle.dumps(page)) == page
    page.text = "নতুন"
    assert page.text == "নতুন" and page.source.text == "নতুন"


def test_fetched_page_shares_a_page_text_it_is_given():
    shared = PageText(PAGE)
    page = FetchedPage("http://a/", "http://a/", 200, text=shared)
    assert page.source is shared
    shared.pack()
    assert page.text == PAGE
