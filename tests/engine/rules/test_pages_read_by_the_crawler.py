"""judge() uses the pages the crawler already read (one parse per page), with the same
findings as when it reads them itself."""

from __future__ import annotations

import pytest

from tadarki.engine.npf.parse import parse_page_and_hrefs
from tadarki.engine.rules import RulesConfig, judge
from tadarki.engine.rules.context import Context


def _preread(site):
    parsed = {}
    for page in [site.home, *site.pages.values()]:
        if page is not None and page.ok and page.text:
            at = page.final_url or page.url
            parsed[page.url] = (at, page.text, parse_page_and_hrefs(at, page.text)[0])
    return parsed


@pytest.fixture
def site(npf):
    menu = npf.g1_menu(
        npf.g1_drop(
            "আমাদের সম্পর্কে",
            npf.g1_col("তথ্য", ("সিটিজেন চার্টার", "/site/page/c1/charter"), ("ফাঁকা", "nolink/1")),
        )
    )
    charter = npf.g1_static_page("সিটিজেন চার্টার", "<p>ভিশন ও মিশন</p><p>অভিযোগ প্রতিকার</p>")
    empty = npf.g1_static_page("ফাঁকা পাতা", "")
    junk = npf.g1_static_page("খবর", "<p>mnKvix mwPe Awdm</p>")
    return npf.make_site(
        npf.g1_page(menu=menu),
        {"/site/page/c1/charter": charter, "/site/page/e/empty": empty, "/site/page/j": junk},
    )


def _keys(judgement):
    return [(f.rule, f.subject, f.url, f.evidence, f.message_bn) for f in judgement.findings]


def test_preread_pages_give_the_same_findings(site, npf):
    config = RulesConfig(today=npf.TODAY)
    alone = _keys(judge(site, config))
    assert {"menu.empty-submenu", "content.junk", "charter.incomplete"} <= {k[0] for k in alone}
    assert _keys(judge(site, config, parsed=_preread(site))) == alone


def test_preread_pages_are_used_not_parsed_again(site, npf):
    parsed = _preread(site)
    ctx = Context.build(site, RulesConfig(today=npf.TODAY), parsed)
    assert ctx.home is parsed[site.home.url][2]
    assert all(ctx.parsed(url) is entry[2] for url, entry in parsed.items())


def test_a_preread_page_of_other_text_is_not_used(site, npf):
    stale = {url: (at, text + " ", page) for url, (at, text, page) in _preread(site).items()}
    ctx = Context.build(site, RulesConfig(today=npf.TODAY), stale)
    assert ctx.home is not stale[site.home.url][2]
