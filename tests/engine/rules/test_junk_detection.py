"""tadarki.bangla.text: NFC, tag stripping and junk detection (content.junk)."""

from __future__ import annotations

import pytest

from tadarki.bangla.text import (
    clean,
    find_junk,
    is_legacy_bengali,
    match_key,
    strip_tags,
    variant_pattern,
)


@pytest.mark.parametrize(
    "text",
    [
        "mnKvix mwPe|",
        "†gvt Av‡bvqvi †nv‡mb",
        "Dc‡Rjv wbe©vnx Awdmvi",
        "নাম: <\\/span> জনাব",
        "সেবা\\r\\nপ্রদান",
        "পাসপোর্ট \ufffd অফিস",
        "à¦¬à¦¾à¦‚à¦²à¦¾",
        "¢ক) আবেদন ফরম",
    ],
)
def test_junk_is_found(text):
    assert find_junk(text)


@pytest.mark.parametrize(
    "text",
    [
        "Wellcome to National Portal",
        "Main Comtent Skiped",
        "Attachment (jpg, jpeg, png, pdf • max 2 MB)",
        "সঠিক ফোন নম্বর দিন (যেমন 017XXXXXXXX)",
        "© 2026 সর্বস্বত্ব সংরক্ষিত বাংলাদেশ.গভ.বিডি (জাতীয় পোর্টাল)",
        "পরিকল্পনা ও বাস্তবায়নে: মন্ত্রিপরিষদ বিভাগ, এটুআই, বিসিসি, ডিওআইসিটি ও বেসিস।",
        "Visit our YouTube channel and WhatsApp group",
        "e-Passport and MRP delivery",
        "মেনু নির্বাচন করুন",
    ],
)
def test_template_and_ordinary_text_is_not_junk(text):
    assert find_junk(text) == ""


def test_legacy_detection_needs_more_than_one_camel_case_word():
    assert not is_legacy_bengali("Download the PowerPoint file")
    assert is_legacy_bengali("mnKvix mwPe")


def test_nfc_and_zero_width_in_match_key():
    precomposed = "\u09df"  # য় as one code point
    assert clean(f"হ{precomposed}েছে") == clean("হয়েছে")
    assert match_key("সিটিজেন্\u200cস চার্টার:") == "সিটিজেন্স চার্টার"


def test_strip_tags_joins_wbr_in_addresses():
    assert strip_tags("<td>fahadcsedu<wbr>@gmail.com</td>") == "fahadcsedu@gmail.com"
    assert strip_tags("<p>এক&nbsp;<b>দুই</b></p><script>var x=1;</script>") == "এক দুই"


def test_variant_pattern_finds_either_encoding():
    assert variant_pattern("হয়েছে").search("করা হ\u09dfেছে")
    assert variant_pattern("হয়েছে").search("করা হয়েছে")


def test_junk_rule_on_a_page(npf):
    body = "<p>mnKvix mwPe|</p>"
    site = npf.make_site(npf.g1_page(), {"/site/page/1/x": npf.g1_static_page("সহকারী সচিব", body)})
    hits = [f for f in npf.findings(site) if f.rule == "content.junk"]
    assert [f.subject for f in hits] == [npf.ROOT + "site/page/1/x"]
    assert hits[0].evidence == "mnKvix mwPe|"


def test_junk_in_a_g3_encoded_body(npf):
    site = npf.make_site(
        npf.g3_page(npf.g3_menu()), {"/pages/static-pages/a": npf.g3_static("<p>Dc‡Rjv cÖkvmK</p>")}
    )
    assert ("content.junk", npf.ROOT + "pages/static-pages/a") in npf.run(site)


def test_template_typo_is_not_junk_on_a_page(npf):
    home = npf.g1_page().replace(
        "<body", '<body><div id="start-np" style="display:none">Wellcome to National Portal</div'
    )
    assert "content.junk" not in {r for r, _ in npf.run(npf.make_site(home))}


def test_content_stale_uses_config_age(npf):
    site = npf.make_site(npf.g1_page(stamp="২০২৪-০১-০১ ১০:০০:০০"))
    assert ("content.stale", "") in npf.run(site)
    assert ("content.stale", "") not in npf.run(site, content_max_age_days=800)
