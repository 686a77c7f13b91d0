"""page.empty: pages reached from the main menu or a service box, after decoding G3 bodies."""

from __future__ import annotations


def _g3_site(npf, body_html: str, children: str = ""):
    menu = npf.g3_menu(
        npf.g3_top("আমাদের সম্পর্কে", npf.g3_box("", ("এক নজরে", "/pages/static-pages/abc")))
    )
    return npf.make_site(
        npf.g3_page(menu=menu),
        {"/pages/static-pages/abc": npf.g3_static(body_html, "এক নজরে", children)},
    )


def test_g3_body_that_decodes_to_nothing_is_empty(npf):
    site = _g3_site(npf, "<p>&nbsp;</p><div></div>", children="<p>ভুল শিশু উপাদান</p>")
    assert ("page.empty", npf.ROOT + "pages/static-pages/abc") in npf.run(site)


def test_g3_body_with_text_is_not_empty(npf):
    site = _g3_site(npf, "<p>লক্ষ্মীপুর পাসপোর্ট অফিস ২০১০ সালে চালু হয়।</p>")
    assert "page.empty" not in {r for r, _ in npf.run(site)}


def test_g3_body_with_only_an_image_is_not_empty(npf):
    site = _g3_site(npf, '<p><img src="https://objectstorage.example/a.jpg"></p>')
    assert "page.empty" not in {r for r, _ in npf.run(site)}


def test_g3_encoded_body_with_bad_base64_is_empty(npf):
    html = npf.g3_static("x").replace('encoded-content="eA=="', 'encoded-content="!!!!"')
    menu = npf.g3_menu(npf.g3_top("ক", npf.g3_box("", ("খ", "/pages/static-pages/abc"))))
    site = npf.make_site(npf.g3_page(menu=menu), {"/pages/static-pages/abc": html})
    assert ("page.empty", npf.ROOT + "pages/static-pages/abc") in npf.run(site)


def test_g1_page_with_title_only_is_empty(npf):
    menu = npf.g1_menu(
        npf.g1_drop("আমাদের সম্পর্কে", npf.g1_col("", ("কর্মচারীবৃন্দ", "/site/page/1/staff")))
    )
    site = npf.make_site(
        npf.g1_page(menu=menu), {"/site/page/1/staff": npf.g1_static_page("কর্মচারীবৃন্দ", "&nbsp;")}
    )
    found = npf.findings(site)
    hit = next(f for f in found if f.rule == "page.empty")
    assert hit.subject == npf.ROOT + "site/page/1/staff"
    assert "আমাদের সম্পর্কে › কর্মচারীবৃন্দ" in hit.message_bn
    assert hit.evidence in site.pages[hit.subject].text


def test_page_from_a_service_box_is_judged(npf):
    boxes = npf.g1_box("সেবাসমূহ", ("সেবাকুঞ্জ", "/site/page/2/sheba"))
    site = npf.make_site(
        npf.g1_page(boxes=boxes), {"/site/page/2/sheba": npf.g1_static_page("সেবাকুঞ্জ", "")}
    )
    assert ("page.empty", npf.ROOT + "site/page/2/sheba") in npf.run(site)


def test_page_not_fetched_is_no_evidence(npf):
    menu = npf.g1_menu(npf.g1_drop("ক", npf.g1_col("", ("খ", "/site/page/1/x"))))
    assert "page.empty" not in {r for r, _ in npf.run(npf.make_site(npf.g1_page(menu=menu)))}


def test_error_page_body_is_not_judged_empty(npf):
    menu = npf.g1_menu(npf.g1_drop("ক", npf.g1_col("", ("খ", "/site/page/1/x"))))
    tomcat = "<html><head><title>Apache Tomcat/7.0.11 - Error report</title></head><body><h1>HTTP Status 404 - /x</h1></body></html>"
    site = npf.make_site(npf.g1_page(menu=menu), {"/site/page/1/x": tomcat})
    assert "page.empty" not in {r for r, _ in npf.run(site)}


def test_g2_page_body(npf):
    def g2(body: str) -> str:
        return npf.g1_page(notices=None, news=None, lang_prefix=True).replace(
            '<div class="twelve columns" id="left-content">',
            f'<div class="twelve columns" id="left-content"><div class="page details"><h2>মানচিত্র</h2>'
            f'<div class="html_text body">{body}</div></div>',
        )

    menu = npf.g1_menu(npf.g1_drop("জেলা", npf.g1_col("", ("মানচিত্র", "/bn/site/page/7fZt-map"))))
    home = npf.g1_page(menu=menu, lang_prefix=True)
    empty = npf.make_site(home, {"/bn/site/page/7fZt-map": g2("&nbsp;")})
    assert ("page.empty", npf.ROOT + "bn/site/page/7fZt-map") in npf.run(empty)
    full = npf.make_site(home, {"/bn/site/page/7fZt-map": g2("<p>লক্ষ্মীপুর জেলার মানচিত্র</p>")})
    assert "page.empty" not in {r for r, _ in npf.run(full)}
