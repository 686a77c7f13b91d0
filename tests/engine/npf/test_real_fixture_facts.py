"""Every MANIFEST `facts` entry of the real NPF pages, read by engine.npf."""

from __future__ import annotations

import json

import pytest

from tadarki.bangla.text import match_key
from tadarki.engine.npf.detect import detect_template
from tadarki.engine.npf.parse import parse_page
from tadarki.engine.npf.rtbody import decode_encoded_content
from tadarki.engine.npf.urls import is_placeholder_href
from tadarki.engine.rules.context import subject_path


@pytest.fixture(scope="module")
def manifest(shared_dir):
    folder = shared_dir / "fixtures" / "npf-real"
    data = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    return {
        page["file"]: (page, (folder / page["file"]).read_text(encoding="utf-8"))
        for page in data["pages"]
    }


def _parsed(manifest, name):
    page, html = manifest[name]
    return page, html, parse_page(page["url"], html)


ALL = [
    "www.dshe.gov.bd__home.html",
    "www.fireservice.gov.bd__home.html",
    "chuadanga.gov.bd__info-officers.html",
    "lawjusticediv.gov.bd__info-officers.html",
    "moha.gov.bd__info-officers.html",
    "sbc.gov.bd__static-page-rti-officers.html",
    "moef.gov.bd__info-officers-404.html",
    "ecs.gov.bd__info-officers-challenge.html",
]
TEMPLATE_PAGES = ALL[:6]


@pytest.mark.parametrize("name", ALL)
def test_template_is_detected(manifest, name):
    page, html = manifest[name]
    expected = page["template"] or ("error" if "404" in name else "challenge")
    assert detect_template(html) == expected


@pytest.mark.parametrize("name", TEMPLATE_PAGES)
def test_main_menu_items(manifest, name):
    page, _html, parsed = _parsed(manifest, name)
    facts = page["facts"]["main_menu"]
    assert len(parsed.menu) == facts["items_including_home"]
    assert [item.label for item in parsed.menu if item.label] == facts["titled_items"]


@pytest.mark.parametrize("name", TEMPLATE_PAGES)
def test_placeholder_menu_leaves(manifest, name):
    page, _html, parsed = _parsed(manifest, name)
    facts = page["facts"]
    placeholders = [
        subject_path(leaf.path)
        for leaf in parsed.menu_leaves()
        if is_placeholder_href(leaf.link.href)
    ]
    if "menu_nolink_leaves" in facts:
        assert placeholders == facts["menu_nolink_leaves"]
    else:
        assert len(placeholders) == facts["menu_placeholder_leaves_count"]


def test_g1_empty_menu_column(manifest):
    for name in ALL[:2]:
        page, _html, parsed = _parsed(manifest, name)
        empty = [
            subject_path([item.label, col.heading])
            for item in parsed.menu
            for col in item.columns
            if col.heading and not col.leaves
        ]
        assert empty == page["facts"]["menu_empty_columns"]


def test_g3_leaves_without_label_and_to_site_root(manifest):
    for name, key in [
        ("chuadanga.gov.bd__info-officers.html", "menu_leaves_without_label"),
        ("lawjusticediv.gov.bd__info-officers.html", "menu_leaves_without_label"),
        ("moha.gov.bd__info-officers.html", "menu_leaves_to_site_root"),
    ]:
        page, _html, parsed = _parsed(manifest, name)
        leaves = {(subject_path(leaf.path), leaf.link.href) for leaf in parsed.menu_leaves()}
        for entry in page["facts"][key]:
            assert (entry["path"], entry["href"]) in leaves


def test_chuadanga_boxes_of_placeholders(manifest):
    page, _html, parsed = _parsed(manifest, "chuadanga.gov.bd__info-officers.html")
    all_placeholder = [
        subject_path([item.label, col.heading])
        for item in parsed.menu
        for col in item.columns
        if col.leaves and all(is_placeholder_href(leaf.link.href) for leaf in col.leaves)
    ]
    assert all_placeholder == page["facts"]["menu_boxes_all_placeholders"]


def test_lawjusticediv_grs_menu_links(manifest):
    page, _html, parsed = _parsed(manifest, "lawjusticediv.gov.bd__info-officers.html")
    hrefs = {leaf.label: leaf.link.href for leaf in parsed.menu_leaves()}
    for label, href in page["facts"]["menu_grs_links"].items():
        assert hrefs[label] == href


@pytest.mark.parametrize("name", ALL[:2])
def test_service_boxes(manifest, name):
    page, _html, parsed = _parsed(manifest, name)
    facts = page["facts"]["service_boxes"]
    assert len(parsed.boxes) == facts["count"]
    assert [box.title for box in parsed.boxes] == facts["titles"]
    items = [item for box in parsed.boxes for item in box.items]
    assert sum(1 for item in items if item.href == "") == facts["items_with_empty_href"]
    if "items_with_empty_href_and_no_label" in facts:
        assert (
            sum(1 for i in items if i.href == "" and not i.label)
            == facts["items_with_empty_href_and_no_label"]
        )
    if "items_pointing_to_site_root" in facts:
        roots = {"http://www.dshe.gov.bd", "http://www.dshe.gov.bd/"}
        assert sum(1 for i in items if i.href in roots) == facts["items_pointing_to_site_root"]


def test_charter_box_title_keeps_zwnj(manifest):
    _page, _html, parsed = _parsed(manifest, "www.dshe.gov.bd__home.html")
    title = next(box.title for box in parsed.boxes if box.title.startswith("সেবা প্রদান"))
    assert "\u200c" in title  # kept as published; compared through match_key
    assert match_key(title) == "সেবা প্রদান প্রতিশ্রুতি (সিটিজেন্স চার্টার)"


@pytest.mark.parametrize("name", ALL[:2])
def test_notice_board_and_news(manifest, name):
    page, _html, parsed = _parsed(manifest, name)
    board = page["facts"]["notice_board"]
    assert [n.title for n in parsed.notices] == board["titles"]
    assert all(n.day is None for n in parsed.notices)  # home-page notices carry no date
    news = page["facts"]["news"]
    assert len(parsed.news) == news["items"]
    assert [(n.title, n.day.isoformat()) for n in parsed.news] == [
        (e["title"], e["date"]) for e in news["entries"]
    ]


@pytest.mark.parametrize("name", ALL[:2])
def test_footer_last_updated(manifest, name):
    page, html, parsed = _parsed(manifest, name)
    stamp = page["facts"]["footer_last_updated"]
    assert parsed.site_stamp.when.isoformat(sep=" ") == stamp["value"]
    assert parsed.site_stamp.evidence == stamp["raw"]
    assert stamp["raw"] in html


@pytest.mark.parametrize("name", ALL[2:6])
def test_g3_footer_last_updated(manifest, name):
    page, _html, parsed = _parsed(manifest, name)
    raw = page["facts"]["footer_last_updated"]
    assert raw.startswith("সাইটটি শেষ হাল-নাগাদ করা হয়েছে")
    assert parsed.site_stamp.raw.startswith(raw)


def test_sbc_content_stamp(manifest):
    page, _html, parsed = _parsed(manifest, "sbc.gov.bd__static-page-rti-officers.html")
    assert parsed.content_stamp.raw == page["facts"]["content_last_updated"]
    assert parsed.content_stamp.when.isoformat() == "2024-04-08T10:23:00"


def test_sidebar_eservice_and_innovation_blocks(manifest):
    _p, _h, dshe = _parsed(manifest, "www.dshe.gov.bd__home.html")
    kinds = {b.kind: b for b in dshe.blocks if b.kind}
    assert kinds["internal-eservices"].title == "অভ্যন্তরীণ ই-সেবাসমূহ"
    assert len(kinds["internal-eservices"].items) == 6
    assert kinds["central-eservices"].items == []
    assert kinds["innovation"].items == []
    page, _h, fire = _parsed(manifest, "www.fireservice.gov.bd__home.html")
    kinds = {b.kind: b for b in fire.blocks if b.kind}
    facts = page["facts"]["sidebar"]
    assert kinds["internal-eservices"].title == facts["internal_eservices_block"]["title"]
    assert len(kinds["internal-eservices"].items) == facts["internal_eservices_block"]["items"]
    assert len(kinds["central-eservices"].items) == facts["central_eservices_block"]["items"]
    assert kinds["innovation"].items == []


@pytest.mark.parametrize("name", ALL[2:6])
def test_g3_widgets(manifest, name):
    page, _html, parsed = _parsed(manifest, name)
    assert parsed.widgets == page["facts"]["widgets"]


@pytest.mark.parametrize("name", ALL[2:6])
def test_rti_roles(manifest, name):
    page, _html, parsed = _parsed(manifest, name)
    roles = page["facts"]["rti"]["roles"]
    by_heading = {person.heading: person for person in parsed.officers}
    assert len(parsed.officers) == len(roles)
    for role in roles:
        person = by_heading[role.get("heading") or role["label"]]
        for key in ("name", "designation", "phone", "mobile", "email", "address"):
            if key in role:
                assert getattr(person, key) == (role[key] or ""), key


def test_lawjusticediv_has_no_designated_officer(manifest):
    _p, _h, parsed = _parsed(manifest, "lawjusticediv.gov.bd__info-officers.html")
    assert "rti.designated" not in {person.role for person in parsed.officers}


def test_sbc_rt_renderer_body(manifest):
    page, html, parsed = _parsed(manifest, "sbc.gov.bd__static-page-rti-officers.html")
    facts = page["facts"]["rt_renderer"]
    assert html.count("<rt-renderer") == facts["count"]
    start = html.index('encoded-content="') + len('encoded-content="')
    encoded = html[start : html.index('"', start)]
    assert len(encoded) == facts["encoded_length"]
    decoded = decode_encoded_content(encoded)
    assert decoded.startswith("<table")
    assert 'id="gtx-trans"' in decoded
    assert "দায়িত্বপ্রাপ্ত" in parsed.body_text
    assert parsed.title == page["facts"]["page_title"]


def test_error_and_challenge_bodies_are_not_read(manifest):
    for name in ALL[6:]:
        _p, _h, parsed = _parsed(manifest, name)
        assert not parsed.is_content
        assert parsed.menu == [] and parsed.officers == [] and parsed.links == []


def test_footer_links(manifest):
    for name in (
        "lawjusticediv.gov.bd__info-officers.html",
        "chuadanga.gov.bd__info-officers.html",
    ):
        page, _html, parsed = _parsed(manifest, name)
        assert [{"text": link.label, "href": link.href} for link in parsed.footer_links] == page[
            "facts"
        ]["footer_links"]


def test_list_all_links_and_news_hrefs(manifest):
    for name in ALL[:2]:
        page, _html, parsed = _parsed(manifest, name)
        hrefs = {link.href for link in parsed.links}
        assert page["facts"]["notice_board"]["all_link"] in hrefs
        if "all_link" in page["facts"]["news"]:
            assert page["facts"]["news"]["all_link"] in hrefs
    page, _html, parsed = _parsed(manifest, "www.fireservice.gov.bd__home.html")
    news = page["facts"]["news"]
    assert [match_key(n.href) for n in parsed.news] == [e["href"] for e in news["entries"]]
    assert sum(1 for n in parsed.news if not n.title) == news["items_without_title"]


def test_duplicate_box_ids_do_not_merge_boxes(manifest):
    for name in ALL[:2]:
        page, html, parsed = _parsed(manifest, name)
        for box_id in page["facts"]["service_boxes"]["duplicate_ids"]:
            assert html.count(f'id="{box_id}"') >= 2
        assert len(parsed.boxes) == page["facts"]["service_boxes"]["count"]


def test_dshe_innovation_box_and_charter_links(manifest):
    page, _html, parsed = _parsed(manifest, "www.dshe.gov.bd__home.html")
    innovation = next(box for box in parsed.boxes if box.title == "উদ্ভাবনী কার্যক্রম")
    assert (
        page["facts"]["innovation_service_box"] == f"উদ্ভাবনী কার্যক্রম ({len(innovation.items)} items)"
    )
    charter_box = page["facts"]["citizen_charter_links"]["service_box"]
    assert charter_box in [box.title for box in parsed.boxes]
    pdfs = [
        link.url
        for link in parsed.links
        if link.url and "office_citizen_charter" in link.url and link.url.endswith(".pdf")
    ]
    assert bool(pdfs) == page["facts"]["citizen_charter_links"]["pdf_link_in_body_block"]


def test_fireservice_menu_other(manifest):
    _page, html, parsed = _parsed(manifest, "www.fireservice.gov.bd__home.html")
    items = {item.label: item for item in parsed.menu}
    forms = items["ফরমসমূহ"]
    assert forms.link.href == "http://" and forms.is_dropdown
    assert sum(len(col.leaves) for col in forms.columns) == 6
    order = items["অফিস আদেশ"]
    assert (
        not order.is_dropdown and order.link.url == "https://www.facebook.com/groups/office.order/"
    )
    assert 'id="lang_form"' in html and detect_template(html) == "G1"  # POST language form, no /bn/


def test_g3_menu_other(manifest):
    _p, _h, chuadanga = _parsed(manifest, "chuadanga.gov.bd__info-officers.html")
    items = {item.label: item for item in chuadanga.menu}
    assert items["অধীনস্থ দপ্তর"].link.href == "admin.shared.io"
    assert {
        leaf.link.href for leaf in chuadanga.menu_leaves() if leaf.label == "তথ্য প্রদানকারী কর্মকর্তা"
    } == {"/pages/info-officers"}
    # Parents use nolink/<n> or "#" (normal in G3, not a defect).
    parents = [item.link.href for item in chuadanga.menu if item.is_dropdown]
    assert all(h.startswith("nolink/") or h == "#" for h in parents if h != "admin.shared.io")
    assert any(h.startswith("nolink/") for h in parents)
    _p, _h, sbc = _parsed(manifest, "sbc.gov.bd__static-page-rti-officers.html")
    portal = next(item for item in sbc.menu if item.label == "গ্রাহক পোর্টাল")
    assert portal.link.url == "http://114.130.152.115:20295/" and not portal.is_dropdown
    _p, _h, law = _parsed(manifest, "lawjusticediv.gov.bd__info-officers.html")
    items = {item.label: item for item in law.menu}
    assert items["রাজনৈতিক হয়রানিমূলক মামলা প্রত্যাহার"].link.href == "https://shorturl.at/7FgPM"
    assert items["সংস্কার"].link.href.endswith(".pdf")


def test_sbc_decoded_length_and_children(manifest):
    import base64
    import unicodedata

    page, html, parsed = _parsed(manifest, "sbc.gov.bd__static-page-rti-officers.html")
    start = html.index('encoded-content="') + len('encoded-content="')
    raw = base64.b64decode(html[start : html.index('"', start)]).decode("utf-8")
    assert len(raw) == page["facts"]["rt_renderer"]["decoded_length"]
    assert parsed.body_html == unicodedata.normalize("NFC", raw)
    children = html[html.index(">", start) + 1 : html.index("</rt-renderer>")]
    assert bool(children.strip()) == page["facts"]["rt_renderer"]["rendered_children_present"]
