"""Officer directories (npf-structure.md §6): G1/G2 tables and G3 cards."""

from __future__ import annotations

from tadarki.engine.npf.parse import parse_page

G1 = (
    '<html><head><link href="/themes/responsive_npf/css/a.css"></head><body>'
    '<ul class="meganizr"><li class="col0"><a href="/">হোম</a></li></ul><div id="left-content"><h2>কর্মকর্তার তালিকা</h2>'
    "<table><tr><th>ছবি</th><th>নাম</th><th>পদবি</th><th>ইমেইল</th><th>ফোন</th></tr>"
    '<tr><td><img src="/a.png"></td><td><a href="#">মোঃ রফিকুল ইসলাম</a></td><td>উপপরিচালক</td>'
    '<td><a href="mailto:dd@passport.gov.bd">dd@passport.gov.bd</a></td><td>০২-৫৫৫৫৫৫</td></tr>'
    "<tr><td></td><td>রাশেদা খাতুন</td><td>হিসাবরক্ষক</td><td>rashida<wbr>@gmail.com</td><td></td></tr>"
    "</table></div></body></html>"
)
G3 = (
    '<html><body><div data-section_type="body"><div data-widget_name="ContentBrowseWidget">'
    '<div class="employee-content-widget"><table><tbody><tr><td>নাম</td><td>নাসরীন সুলতানা</td></tr>'
    "<tr><td>পদবি</td><td>উপসচিব</td></tr><tr><td>ইমেইল</td><td>police4<wbr>@moha.gov.bd</td></tr>"
    "<tr><td>ফোন (অফিস)</td><td>+৮৮-০২-৪৭১২৪৩৫৭</td></tr><tr><td>মোবাইল</td><td></td></tr></tbody></table></div>"
    "</div></div></body></html>"
)


def test_g1_officer_table():
    page = parse_page("https://www.x.gov.bd/site/view/officer_list", G1)
    assert page.is_officer_list
    assert [(p.name, p.designation, p.email, p.phone) for p in page.listed_officers] == [
        ("মোঃ রফিকুল ইসলাম", "উপপরিচালক", "dd@passport.gov.bd", "০২-৫৫৫৫৫৫"),
        ("রাশেদা খাতুন", "হিসাবরক্ষক", "rashida@gmail.com", ""),
    ]
    assert ("rashida@gmail.com", "<td>rashida<wbr>@gmail.com</td>") in page.emails


def test_g3_officer_cards():
    page = parse_page("https://moha.gov.bd/pages/officers", G3)
    assert page.template == "G3" and page.is_officer_list
    person = page.listed_officers[0]
    assert (person.name, person.designation, person.email, person.phone, person.mobile) == (
        "নাসরীন সুলতানা",
        "উপসচিব",
        "police4@moha.gov.bd",
        "+৮৮-০২-৪৭১২৪৩৫৭",
        "",
    )


def test_an_ordinary_page_is_no_officer_list():
    page = parse_page("https://www.x.gov.bd/site/page/1/history", G1.replace("নাম", "বিষয়"))
    assert not page.is_officer_list and page.listed_officers == []
