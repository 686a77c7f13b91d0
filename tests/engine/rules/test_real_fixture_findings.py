"""The rule pack on the real NPF pages: every MANIFEST `observed` defect is found, and
nothing else is claimed (single-page judgement: the page is the site's only page)."""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import urlsplit

import pytest

from tadarki.engine.rules import RULES, RulesConfig, judge
from tadarki.engine.site import FetchedPage, Site

# Audit dates at capture time (MANIFEST capture_time), so date rules judge what the page
# showed then: the fire-service stamp is stale, the DSHE one is one day old.
CAPTURED = {
    "www.dshe.gov.bd": date(2021, 11, 30),
    "www.fireservice.gov.bd": date(2018, 9, 4),
}
NO_SUBJECT = "–"


@pytest.fixture(scope="module")
def pages(shared_dir):
    folder = shared_dir / "fixtures" / "npf-real"
    data = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    return {p["file"]: (p, (folder / p["file"]).read_text(encoding="utf-8")) for p in data["pages"]}


def _page(url: str, html: str) -> FetchedPage:
    return FetchedPage(url=url, final_url=url, status=200, content_type="text/html", text=html)


def _site_with_home(page: dict, html: str) -> Site:
    url = page["url"]
    root = f"{urlsplit(url).scheme}://{page['host']}/"
    return Site(office=page["host"], root_url=root, host=page["host"], home=_page(url, html))


def _judge(page: dict, html: str, today: date | None = None):
    config = RulesConfig(today=today or CAPTURED.get(page["host"], date(2026, 9, 29)))
    return judge(_site_with_home(page, html), config)


def _expected(page: dict) -> set[tuple[str, str]]:
    return {
        (o["rule"], "" if o["subject"] == NO_SUBJECT else o["subject"]) for o in page["observed"]
    }


TEMPLATE_PAGES = [
    "www.dshe.gov.bd__home.html",
    "www.fireservice.gov.bd__home.html",
    "chuadanga.gov.bd__info-officers.html",
    "lawjusticediv.gov.bd__info-officers.html",
    "moha.gov.bd__info-officers.html",
    "sbc.gov.bd__static-page-rti-officers.html",
]


@pytest.mark.parametrize("name", TEMPLATE_PAGES)
def test_observed_defects_and_nothing_else(pages, name):
    page, html = pages[name]
    judgement = _judge(page, html)
    found = {(f.rule, f.subject) for f in judgement.findings}
    assert found == _expected(page)
    assert judgement.template == page["template"]


@pytest.mark.parametrize("name", TEMPLATE_PAGES)
def test_findings_are_well_formed(pages, name):
    page, html = pages[name]
    for finding in _judge(page, html).findings:
        assert finding.severity == RULES[finding.rule].severity
        assert finding.message_bn and finding.message_bn.endswith("।")
        assert finding.url == page["url"]
        assert finding.evidence and finding.evidence in html, finding


def test_evidence_matches_manifest_where_given(pages):
    for name in TEMPLATE_PAGES:
        page, html = pages[name]
        by_key = {(f.rule, f.subject): f for f in _judge(page, html).findings}
        for observed in page["observed"]:
            subject = "" if observed["subject"] == NO_SUBJECT else observed["subject"]
            finding = by_key[(observed["rule"], subject)]
            # Ours may be longer (a whole <a>) or shorter (the <h2> marker), but must overlap.
            assert finding.evidence in html
            assert observed["evidence"] in html


def test_fireservice_stamp_is_stale_only_after_180_days(pages):
    page, html = pages["www.fireservice.gov.bd__home.html"]
    assert ("content.stale", "") in {(f.rule, f.subject) for f in _judge(page, html).findings}
    fresh = _judge(page, html, today=date(2017, 10, 6)).findings
    assert "content.stale" not in {f.rule for f in fresh}
    later = _judge(page, html, today=date(2017, 10, 7)).findings
    assert "content.stale" in {f.rule for f in later}


def test_dshe_stamp_becomes_stale_with_time(pages):
    page, html = pages["www.dshe.gov.bd__home.html"]
    rules = {f.rule for f in _judge(page, html, today=date(2026, 9, 29)).findings}
    assert "content.stale" in rules


def test_menu_finding_message_names_the_path(pages):
    page, html = pages["www.dshe.gov.bd__home.html"]
    finding = next(
        f for f in _judge(page, html).findings if f.subject == "উইং সমূহ › মাধ্যমিক › বিশেষ শিক্ষা"
    )
    assert finding.message_bn == (
        "প্রধান মেনুর আওতায় উইং সমূহ › মাধ্যমিক › বিশেষ শিক্ষা সাবমেনুটি ফাঁকা অবস্থায় প্রকাশ করা আছে।"
    )
    assert finding.evidence == '<a href="nolink/বিশেষ-শিক্ষা">বিশেষ শিক্ষা</a>'


def test_rti_page_judged_as_a_deep_page_of_a_site(pages):
    """An RTI page reached by a crawl gives the same RTI findings as when judged alone."""
    page, html = pages["lawjusticediv.gov.bd__info-officers.html"]
    site = _site_with_home(page, html)
    site.home.url = site.home.final_url = site.root_url
    site.pages[page["url"]] = _page(page["url"], html)
    found = {
        (f.rule, f.subject) for f in judge(site, RulesConfig(today=date(2026, 9, 29))).findings
    }
    assert ("rti.designated-missing", "") in found
    assert not {
        rule for rule, _ in found if rule in ("rti.alternate-missing", "rti.appeal-missing")
    }


def test_moef_404_yields_nothing(pages):
    page, html = pages["moef.gov.bd__info-officers-404.html"]
    assert _judge(page, html).findings == []
    # Probed as a deep page of a portal whose home is clean: still nothing from its body.
    home, home_html = pages["moha.gov.bd__info-officers.html"]
    site = _site_with_home(home, home_html)
    site.pages[page["url"]] = _page(page["url"], html)
    assert judge(site, RulesConfig(today=date(2026, 9, 29))).findings == []


def test_challenge_as_home_page_is_portal_blocked_only(pages):
    page, html = pages["ecs.gov.bd__info-officers-challenge.html"]
    judgement = _judge(page, html)
    assert [(f.rule, f.subject) for f in judgement.findings] == [("portal.blocked", "")]
    assert judgement.template == "generic"
    assert judgement.findings[0].evidence in html


def test_challenge_as_deep_page_yields_nothing(pages):
    page, html = pages["ecs.gov.bd__info-officers-challenge.html"]
    home, home_html = pages["moha.gov.bd__info-officers.html"]
    site = _site_with_home(home, home_html)
    site.pages[page["url"]] = _page(page["url"], html)
    assert judge(site, RulesConfig(today=date(2026, 9, 29))).findings == []
