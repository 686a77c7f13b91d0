"""menu.empty-submenu on G1, G2 and G3 menus."""

from __future__ import annotations


def test_g1_placeholder_leaves_and_empty_heading(npf):
    menu = npf.g1_menu(
        npf.g1_drop(
            "আমাদের সম্পর্কে",
            npf.g1_col("", ("কর্মচারীবৃন্দ", "nolink/কর্মচারীবৃন্দ"), ("ইতিহাস", "/site/page/1/history")),
            npf.g1_col("প্রশিক্ষণ", None),
            npf.g1_col("", ("", "nolink/")),
            npf.g1_col("শাখা", ("হিসাব", "#"), ("প্রশাসন", ""), ("অন্য", "http://")),
        ),
        '<li class="col2 "><a class="submenu" href="/site/page/2/x">যোগাযোগ</a></li>',
    )
    found = {
        s for r, s in npf.run(npf.make_site(npf.g1_page(menu=menu))) if r == "menu.empty-submenu"
    }
    assert found == {
        "আমাদের সম্পর্কে › কর্মচারীবৃন্দ",
        "আমাদের সম্পর্কে › প্রশিক্ষণ",
        "আমাদের সম্পর্কে › (no label)",
        "আমাদের সম্পর্কে › শাখা › হিসাব",
        "আমাদের সম্পর্কে › শাখা › প্রশাসন",
        "আমাদের সম্পর্কে › শাখা › অন্য",
    }


def test_g1_dropdown_parent_with_http_placeholder_but_children_is_fine(npf):
    menu = npf.g1_menu(
        '<li class="col3 mzr-drop"><a href="http://" class="submenu">ফরমসমূহ</a>'
        '<div class="mzr-content"><div class="one-col"><h6></h6><ul class="mzr-links">'
        '<li><a href="/site/forms/1/a">ফরম ক</a></li></ul></div></div></li>'
    )
    assert not {r for r, _ in npf.run(npf.make_site(npf.g1_page(menu=menu)))} & {
        "menu.empty-submenu"
    }


def test_menu_leaf_to_site_root_is_not_reported(npf):
    # MANIFEST moha.gov.bd: root-pointing menu leaves are facts, not findings.
    menu = npf.g1_menu(npf.g1_drop("সেবা", npf.g1_col("", ("সেবা প্রদান প্রতিশ্রুতি", npf.ROOT))))
    assert "menu.empty-submenu" not in {
        r for r, _ in npf.run(npf.make_site(npf.g1_page(menu=menu)))
    }


def test_g1_top_level_placeholder_and_dropdown_without_columns(npf):
    menu = npf.g1_menu(
        '<li class="col2 "><a class="submenu" href="nolink/অ্যাপস">অ্যাপস</a></li>',
        '<li class="col3 mzr-drop"><a href="#" class="submenu">পত্রিকাসমূহ</a></li>',
    )
    found = {
        s for r, s in npf.run(npf.make_site(npf.g1_page(menu=menu))) if r == "menu.empty-submenu"
    }
    assert found == {"অ্যাপস", "পত্রিকাসমূহ"}


def test_g2_menu_is_read_like_g1(npf):
    menu = npf.g1_menu(npf.g1_drop("আমাদের সম্পর্কে", npf.g1_col("", ("কর্মচারীবৃন্দ", "nolink/x"))))
    site = npf.make_site(npf.g1_page(menu=menu, lang_prefix=True))
    from tadarki.engine.rules import RulesConfig, judge

    judgement = judge(site, RulesConfig(today=npf.TODAY))
    assert judgement.template == "G2"
    assert ("menu.empty-submenu", "আমাদের সম্পর্কে › কর্মচারীবৃন্দ") in {
        (f.rule, f.subject) for f in judgement.findings
    }


def test_g3_placeholder_leaves_and_box_without_items(npf):
    menu = npf.g3_menu(
        npf.g3_top(
            "জেলা প্রশাসন",
            npf.g3_box("শাখা সম্পর্কিত", ("গার্ড ফাইল", "#"), ("শাখাসমূহ", "/pages/static-pages/65")),
            npf.g3_box("কমিটিসমূহ"),
        ),
        npf.g3_top("যোগাযোগ", npf.g3_box("", ("", "#"), ("ঠিকানা", "/pages/static-pages/66"))),
    )
    found = {
        s for r, s in npf.run(npf.make_site(npf.g3_page(menu=menu))) if r == "menu.empty-submenu"
    }
    assert found == {
        "জেলা প্রশাসন › শাখা সম্পর্কিত › গার্ড ফাইল",
        "জেলা প্রশাসন › কমিটিসমূহ",
        "যোগাযোগ › (no label)",
    }


def test_g3_headings_with_nolink_are_normal(npf):
    menu = npf.g3_menu(npf.g3_top("জেলা প্রশাসন", npf.g3_box("শাখা", ("গার্ড ফাইল", "/pages/files/1"))))
    found = npf.run(npf.make_site(npf.g3_page(menu=menu)))
    assert not {rule for rule, _ in found if rule.startswith("menu.")}


def test_same_subject_reported_once(npf):
    menu = npf.g1_menu(npf.g1_drop("ক", npf.g1_col("", ("খ", "#"), ("খ", "nolink/খ"))))
    hits = [
        f
        for f in npf.findings(npf.make_site(npf.g1_page(menu=menu)))
        if f.rule == "menu.empty-submenu"
    ]
    assert [f.subject for f in hits] == ["ক › খ"]
    assert hits[0].evidence == '<a href="#">খ</a>'
