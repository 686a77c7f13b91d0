"""charter.* on synthetic charter pages."""

from __future__ import annotations

COMPLETE = (
    "<h3>১. ভিশন ও মিশন</h3><p>ভিশন: নিরাপদ ভ্রমণ। মিশন: দ্রুত সেবা।</p>"
    "<h3>২. প্রতিশ্রুত সেবাসমূহ — নাগরিক সেবা</h3>"
    "<table><tr><th>ক্রম</th><th>সেবার নাম</th><th>সেবা প্রদান পদ্ধতি</th><th>প্রয়োজনীয় কাগজপত্র</th>"
    "<th>সেবার মূল্য</th><th>সময়সীমা</th></tr><tr><td>১</td><td>ই-পাসপোর্ট</td><td>অনলাইন</td><td>এনআইডি</td><td>৪০২৫</td><td>১৫ দিন</td></tr></table>"
    "<h3>৩. অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)</h3><p>অনিক: জনাব ক খ, ফোন ০২-৯৫৫৫৫৫৫, grs@passport.gov.bd। "
    "আপিল কর্মকর্তা: জনাব গ ঘ, ০১৭১২০৬৩০৮৯।</p>"
    "<h3>৪. আপনার কাছে আমাদের প্রত্যাশা</h3><p>সঠিক তথ্য দিন।</p>"
)


def _site(npf, body: str, href: str = "/site/page/charter/x"):
    menu = npf.g1_menu(npf.g1_drop("সেবা", npf.g1_col("", ("সেবা প্রদান প্রতিশ্রুতি", href))))
    pages = {href: npf.g1_static_page("সেবা প্রদান প্রতিশ্রুতি", body)} if body is not None else {}
    return npf.make_site(npf.g1_page(menu=menu), pages)


def _charter(found):
    return {(r, s) for r, s in found if r.startswith("charter.")}


def test_complete_html_charter(npf):
    assert _charter(npf.run(_site(npf, COMPLETE))) == set()


def test_incomplete_charter_names_missing_parts(npf):
    body = (
        COMPLETE.split("<h3>৪.")[0]
        .replace("ভিশন ও মিশন", "পরিচিতি")
        .replace("ভিশন: নিরাপদ ভ্রমণ। মিশন: দ্রুত সেবা।", "")
    )
    assert _charter(npf.run(_site(npf, body))) == {
        ("charter.incomplete", "vision-mission"),
        ("charter.incomplete", "expectations"),
    }


def test_service_table_without_columns(npf):
    body = (
        COMPLETE.replace("সেবার নাম", "নাম")
        .replace("সেবা প্রদান পদ্ধতি", "ধরন")
        .replace("প্রয়োজনীয় কাগজপত্র", "কাগজ")
    )
    assert ("charter.incomplete", "service-table") in npf.run(_site(npf, body))


def test_grievance_part_without_contacts(npf):
    body = COMPLETE.replace(
        "অনিক: জনাব ক খ, ফোন ০২-৯৫৫৫৫৫৫, grs@passport.gov.bd। আপিল কর্মকর্তা: জনাব গ ঘ, ০১৭১২০৬৩০৮৯।",
        "অভিযোগ দিন।",
    )
    assert ("charter.grs-contact-missing", "") in npf.run(_site(npf, body))


def test_template_left_unfilled(npf):
    body = COMPLETE.replace("ভিশন: নিরাপদ ভ্রমণ।", "Vision: …………")
    assert ("charter.template-unfilled", "") in npf.run(_site(npf, body))


def test_pdf_only_charter(npf):
    pdf = "/sites/default/files/files/passport.portal.gov.bd/office_citizen_charter/a_b/charter.pdf"
    site = _site(npf, None, href=pdf)
    assert ("charter.pdf-only", npf.ROOT.rstrip("/") + pdf) in npf.run(site)


def test_charter_page_holding_only_a_pdf(npf):
    body = '<p><a href="/sites/default/files/charter.pdf">ডাউনলোড</a></p>'
    found = _charter(npf.run(_site(npf, body)))
    assert found == {("charter.pdf-only", npf.ROOT + "sites/default/files/charter.pdf")}


def test_charter_missing_only_after_a_crawl(npf):
    crawled = npf.make_site(
        npf.g1_page(), {"/site/page/1/x": npf.g1_static_page("ইতিহাস", "<p>লেখা</p>")}
    )
    assert ("charter.missing", "") in npf.run(crawled)
    assert ("charter.missing", "") not in npf.run(npf.make_site(npf.g1_page()))


def test_charter_link_not_fetched_is_no_claim(npf):
    site = _site(npf, None)
    assert _charter(npf.run(site)) == set()


def _grs_table(focal_contact: str, appeal_contact: str) -> str:
    return COMPLETE.split("<h3>৩.")[0] + (
        "<h3>৩. অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)</h3><table><tr><th>ক্রম</th><th>কখন যোগাযোগ করবেন</th>"
        "<th>কার সঙ্গে যোগাযোগ করবেন</th><th>যোগাযোগের ঠিকানা</th><th>নিষ্পত্তির সময়সীমা</th></tr>"
        "<tr><td>১</td><td>দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে না পারলে</td><td>অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)</td>"
        f"<td>{focal_contact}</td><td>৩০ কার্যদিবস</td></tr>"
        "<tr><td>২</td><td>অনিক নির্দিষ্ট সময়ে সমাধান দিতে না পারলে</td><td>আপিল কর্মকর্তা</td>"
        f"<td>{appeal_contact}</td><td>২০ কার্যদিবস</td></tr></table>"
        "<h3>৪. আপনার কাছে আমাদের প্রত্যাশা</h3><p>সঠিক তথ্য দিন।</p>"
    )


def test_grievance_table_rows_belong_to_their_role(npf):
    contact = "<p>জনাব ক খ</p><p>ফোন: ০২-৯৫৫৫৫৫৫</p><p>ইমেইল: a@passport.gov.bd</p>"
    assert ("charter.grs-contact-missing", "") not in npf.run(
        _site(npf, _grs_table(contact, contact))
    )
    # The appeal row's contact must not count for the অনিক, though its "when" cell says অনিক.
    assert ("charter.grs-contact-missing", "") in npf.run(_site(npf, _grs_table("", contact)))
    assert ("charter.grs-contact-missing", "") in npf.run(_site(npf, _grs_table(contact, "")))
