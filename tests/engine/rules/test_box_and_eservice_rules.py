"""box.empty-link and eservice.none."""

from __future__ import annotations


def test_box_items_without_target_or_to_site_root(npf):
    boxes = npf.g1_box(
        "সেবাসমূহ",
        ("উপবৃত্তি", ""),
        ("", ""),
        ("বদলির আবেদন", "http://passport.lakshmipur.gov.bd/"),
        ("অন্যান্য", "https://www.passport.lakshmipur.gov.bd"),
        ("ই-পাসপোর্ট", "https://www.epassport.gov.bd/"),
        ("নীতিমালা", "/site/page/1/niti"),
    )
    found = {
        s for r, s in npf.run(npf.make_site(npf.g1_page(boxes=boxes))) if r == "box.empty-link"
    }
    assert found == {
        "সেবাসমূহ › উপবৃত্তি",
        "সেবাসমূহ › (no label)",
        "সেবাসমূহ › বদলির আবেদন",
        "সেবাসমূহ › অন্যান্য",
    }


def test_box_empty_link_evidence_is_the_item(npf):
    html = npf.g1_page(boxes=npf.g1_box("সেবাসমূহ", ("উপবৃত্তি", "")))
    hit = next(f for f in npf.findings(npf.make_site(html)) if f.rule == "box.empty-link")
    assert hit.evidence == '<a href="">উপবৃত্তি</a>'
    assert hit.message_bn == "সেবাসমূহ সেবা বক্সে উপবৃত্তি লিংকে কোনো তথ্য প্রকাশ করা নেই।"


def test_g3_service_box_markup(npf):
    widget = (
        '<div data-widget_name="ServiceBoxStackWidget"><h1 class="service-box-title">সেবা</h1>'
        '<ul class="service-box-list"><li class="service-box-list-item"><a href="">আবেদন</a></li></ul></div>'
    )
    site = npf.make_site(npf.g3_page(npf.g3_menu(), widget))
    assert ("box.empty-link", "সেবা › আবেদন") in npf.run(site)


def test_internal_eservices_block_without_items(npf):
    sidebar = npf.g1_block("আভ্যন্তরীণ ই-সেবা") + npf.g1_block("ইনোভেশন কর্নার", ("ধারণা", "/x"))
    assert ("eservice.none", "") in npf.run(npf.make_site(npf.g1_page(sidebar=sidebar)))


def test_internal_eservices_with_only_placeholder_links(npf):
    sidebar = npf.g1_block("অভ্যন্তরীণ ই-সেবাসমূহ", ("ই-পাসপোর্ট", "#")) + npf.g1_block(
        "ইনোভেশন কর্নার", ("ধারণা", "/x")
    )
    assert ("eservice.none", "") in npf.run(npf.make_site(npf.g1_page(sidebar=sidebar)))


def test_internal_eservices_listed(npf):
    assert "eservice.none" not in {r for r, _ in npf.run(npf.make_site(npf.g1_page()))}


def test_central_eservices_block_does_not_count(npf):
    sidebar = npf.g1_block(
        "কেন্দ্রীয় ই-সেবা", ("মাইগভ", "https://www.mygov.bd/"), cls="central-eservices"
    ) + npf.g1_block("ইনোভেশন কর্নার", ("ধারণা", "/x"))
    assert ("eservice.none", "") in npf.run(npf.make_site(npf.g1_page(sidebar=sidebar)))


def test_g3_menu_group_of_internal_eservices(npf):
    menu = npf.g3_menu(
        npf.g3_top("সেবাসমূহ", npf.g3_box("অভ্যন্তরীণ ই-সেবাসমূহ", ("ই-নামজারি", "https://land.gov.bd/")))
    )
    assert "eservice.none" not in {r for r, _ in npf.run(npf.make_site(npf.g3_page(menu=menu)))}
    empty = npf.g3_menu(npf.g3_top("সেবাসমূহ", npf.g3_box("অভ্যন্তরীণ ই-সেবাসমূহ", ("ই-নামজারি", "#"))))
    assert ("eservice.none", "") in npf.run(npf.make_site(npf.g3_page(menu=empty)))


def test_g3_home_without_eservice_markup_is_no_claim(npf):
    assert "eservice.none" not in {r for r, _ in npf.run(npf.make_site(npf.g3_page(npf.g3_menu())))}


def test_eservices_not_judged_on_a_deep_page(npf):
    site = npf.make_site(npf.g1_page(sidebar=""), home_url=npf.ROOT + "site/page/1/x")
    assert "eservice.none" not in {r for r, _ in npf.run(site)}
