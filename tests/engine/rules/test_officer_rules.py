"""rti.*, grs.*, nis.*, officers.* and contact.personal-email."""

from __future__ import annotations

RTI_URL = "/views/info-officers"


def _rti_site(npf, *cards, pages=None):
    home = npf.g3_page(
        npf.g3_menu(npf.g3_top("জনবল", npf.g3_box("", ("তথ্য প্রদানকারী কর্মকর্তা", RTI_URL))))
    )
    return npf.make_site(home, {RTI_URL: npf.g3_info_officers(*cards), **(pages or {})})


def test_same_person_designated_and_alternate(npf):
    site = _rti_site(
        npf,
        ("দায়িত্বপ্রাপ্ত কর্মকর্তা", npf.person("মোঃ ফাহাদ চৌধুরী (১২৩৪)")),
        ("বিকল্প দায়িত্বপ্রাপ্ত কর্মকর্তা", npf.person("মো: ফাহাদ  চৌধুরী")),
        ("আপীল কর্তৃপক্ষ", npf.person("আবদুল্লাহ হারুন")),
    )
    found = npf.run(site)
    assert ("rti.same-person", "মোঃ ফাহাদ চৌধুরী") in found
    assert not {r for r, _ in found if r.endswith("-missing") and r.startswith("rti.")}


def test_gmail_behind_wbr_is_personal_email(npf):
    site = _rti_site(
        npf,
        ("দায়িত্বপ্রাপ্ত কর্মকর্তা", npf.person("ক খ", email="fahadcsedu<wbr>@gmail.com")),
        ("বিকল্প দায়িত্বপ্রাপ্ত কর্মকর্তা", npf.person("গ ঘ", email="b@yahoo.com")),
        ("আপীল কর্তৃপক্ষ", npf.person("ঙ চ", email="dg@passport.gov.bd")),
    )
    hits = {f.subject: f for f in npf.findings(site) if f.rule == "contact.personal-email"}
    assert set(hits) == {"fahadcsedu@gmail.com", "b@yahoo.com"}
    assert hits["fahadcsedu@gmail.com"].evidence == "<td>fahadcsedu<wbr>@gmail.com</td>"
    assert hits["fahadcsedu@gmail.com"].url == npf.ROOT.rstrip("/") + RTI_URL


def test_missing_rti_roles_are_classified_by_exact_heading(npf):
    # Only the container <h2> and the বিকল্প block: a substring match would "find" the designated.
    site = _rti_site(npf, ("বিকল্প দায়িত্বপ্রাপ্ত কর্মকর্তা", npf.person("ক খ")))
    found = {r for r, _ in npf.run(site)}
    assert {"rti.designated-missing", "rti.appeal-missing"} <= found
    assert "rti.alternate-missing" not in found


def test_empty_officers_widget_misses_every_rti_role_and_is_not_also_empty(npf):
    found = {r for r, _ in npf.run(_rti_site(npf))}
    assert {"rti.designated-missing", "rti.alternate-missing", "rti.appeal-missing"} <= found
    assert "page.empty" not in found


def test_rti_page_not_fetched_is_no_claim(npf):
    home = npf.g3_page(
        npf.g3_menu(npf.g3_top("জনবল", npf.g3_box("", ("তথ্য প্রদানকারী কর্মকর্তা", RTI_URL))))
    )
    found = {r for r, _ in npf.run(npf.make_site(home))}
    assert not {r for r in found if r.startswith(("rti.", "grs.", "nis.", "officers."))}


def test_rti_static_table_with_appeal_by_post(npf):
    body = (
        "<table><tr><td><p>দায়িত্বপ্রাপ্ত&nbsp;কর্মকর্তা</p></td><td><p>জনাব ক খ</p><p>উপপরিচালক</p></td>"
        "<td><p>ফোন:&nbsp;০২-১২৩৪৫৬৭</p><p>ইমেইল:&nbsp;dd@passport.gov.bd</p></td><td><p>লক্ষ্মীপুর</p></td></tr>"
        "<tr><td><p>বিকল্প দায়িত্বপ্রাপ্ত কর্মকর্তা</p></td><td><p>জনাব গ ঘ</p><p>সহকারী পরিচালক</p></td>"
        "<td><p>ই-মেইলঃ ad@passport.gov.bd</p></td><td></td></tr>"
        "<tr><td><p>আপিল কর্তৃপক্ষের তালিকা</p></td><td><p>মহাপরিচালক</p></td>"
        "<td><p>ই-মেইলঃ dg@passport.gov.bd</p></td><td></td></tr></table>"
    )
    page = npf.g3_static(body, "দায়িত্বপ্রাপ্ত কর্মকর্তা (তথ্য প্রদান ইউনিট)")
    site = npf.make_site(npf.g3_page(npf.g3_menu()), {"/pages/static-pages/rti": page})
    found = {r for r, _ in npf.run(site)}
    assert not {r for r in found if r.startswith("rti.")}


def test_grs_page_with_focal_only(npf):
    body = "<h3>অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)</h3><p>জনাব ক খ</p><p>উপপরিচালক</p>"
    page = npf.g1_static_page("অভিযোগ প্রতিকার ব্যবস্থা", body)
    site = npf.make_site(npf.g1_page(), {"/site/page/grs/x": page})
    found = {r for r, _ in npf.run(site)}
    assert {"grs.alternate-missing", "grs.appeal-missing"} <= found
    assert "grs.focal-missing" not in found


def test_grs_appeal_on_an_unfetched_page_is_no_claim(npf):
    body = "<h3>অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)</h3><p>জনাব ক খ</p><h3>বিকল্প অনিক</h3><p>জনাব গ ঘ</p>"
    menu = npf.g1_menu(
        npf.g1_drop("অভিযোগ", npf.g1_col("", ("আপিল কর্মকর্তা", "/site/page/grs/appeal")))
    )
    site = npf.make_site(
        npf.g1_page(menu=menu),
        {"/site/page/grs/x": npf.g1_static_page("অভিযোগ প্রতিকার ব্যবস্থা", body)},
    )
    found = {r for r, _ in npf.run(site)}
    assert not {r for r in found if r.startswith("grs.")}


def test_nis_alternate_missing(npf):
    body = "<h4>ফোকাল পয়েন্ট</h4><p>জনাব ক খ</p><p>উপপরিচালক</p>"
    site = npf.make_site(
        npf.g1_page(), {"/site/page/nis/x": npf.g1_static_page("জাতীয় শুদ্ধাচার কৌশল", body)}
    )
    found = {r for r, _ in npf.run(site)}
    assert "nis.alternate-missing" in found and "nis.focal-missing" not in found


def test_nis_page_with_an_empty_table_misses_both_roles(npf):
    # The page names its family in its title; its table has a header row and nobody in it.
    body = "<table><tr><th>দায়িত্ব</th><th>নাম ও পদবি</th><th>যোগাযোগ</th></tr></table>"
    title = "জাতীয় শুদ্ধাচার কৌশল ফোকাল পয়েন্ট কর্মকর্তা"
    site = npf.make_site(npf.g1_page(), {"/site/page/nis/x": npf.g1_static_page(title, body)})
    found = {r for r, _ in npf.run(site)}
    assert {"nis.focal-missing", "nis.alternate-missing"} <= found
    assert not {r for r in found if r.startswith(("rti.", "grs."))}


def test_officer_named_for_rti_but_missing_from_list(npf):
    officers = npf.g1_static_page(
        "কর্মকর্তার তালিকা", "<table><tr><td>জনাব ক খ</td><td>উপপরিচালক</td></tr></table>"
    )
    menu = npf.g1_menu(
        npf.g1_drop("জনবল", npf.g1_col("", ("কর্মকর্তার তালিকা", "/site/view/officer_list")))
    )
    site = _rti_site(
        npf,
        ("দায়িত্বপ্রাপ্ত কর্মকর্তা", npf.person("মোঃ শওকত আলী মোল্লা")),
        ("বিকল্প দায়িত্বপ্রাপ্ত কর্মকর্তা", npf.person("ক খ")),
        ("আপীল কর্তৃপক্ষ", npf.person("বিভাগীয় কমিশনার")),
        pages={"/site/view/officer_list": officers},
    )
    site.home.text = npf.g1_page(menu=menu)
    found = npf.run(site)
    assert ("officers.not-in-list", "মোঃ শওকত আলী মোল্লা") in found
    assert ("officers.not-in-list", "ক খ") not in found
    assert ("officers.not-in-list", "বিভাগীয় কমিশনার") not in found  # appeal roles are skipped


def test_officer_list_link_broken(npf):
    menu = npf.g1_menu(
        npf.g1_drop("জনবল", npf.g1_col("", ("কর্মকর্তার তালিকা", "/site/view/officer_list")))
    )
    target = npf.ROOT + "site/view/officer_list"
    site = npf.make_site(npf.g1_page(menu=menu), links={target: (404, [npf.ROOT])})
    assert ("officers.list-missing", "") in npf.run(site)


def test_officer_list_absent_after_a_crawl(npf):
    site = npf.make_site(
        npf.g1_page(), {"/site/page/1/x": npf.g1_static_page("ইতিহাস", "<p>লেখা</p>")}
    )
    assert ("officers.list-missing", "") in npf.run(site)
    assert ("officers.list-missing", "") not in npf.run(npf.make_site(npf.g1_page()))


def test_g3_officer_directory_with_gmail_behind_wbr(npf):
    cards = (
        '<div data-widget_name="ContentBrowseWidget"><div class="employee-content-widget"><table><tbody>'
        "<tr><td>নাম</td><td>রাশেদা খাতুন</td></tr><tr><td>ইমেইল</td><td>karim.x0<wbr>@gmail.com</td></tr>"
        "</tbody></table></div></div>"
    )
    site = npf.make_site(
        npf.g3_page(npf.g3_menu()),
        {"/pages/officers": npf.g3_page(npf.g3_menu(), cards, "কর্মকর্তাবৃন্দ")},
    )
    hit = next(f for f in npf.findings(site) if f.rule == "contact.personal-email")
    assert hit.subject == "karim.x0@gmail.com"
    assert hit.evidence == "<td>karim.x0<wbr>@gmail.com</td>"


def test_rti_box_item_is_not_the_officer_list(npf):
    boxes = npf.g1_box("তথ্য অধিকার", ("তথ্য প্রদানকারী কর্মকর্তাবৃন্দ", "/site/page/1/rti"))
    site = npf.make_site(
        npf.g1_page(boxes=boxes), {"/site/page/1/x": npf.g1_static_page("ইতিহাস", "<p>লেখা</p>")}
    )
    assert ("officers.list-missing", "") in npf.run(site)
