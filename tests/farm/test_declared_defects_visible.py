"""Every declared defect of the standard farm can be seen in the HTML the farm serves."""

import base64
import html
import re
import unicodedata
from datetime import date, timedelta

import pytest

from tadarki.bangla.digits import to_ascii
from tadarki.farm import catalogue as cat
from tadarki.farm.generate import SEP, Defect, build_farm
from tadarki.farm.markup import render

TODAY = date(2026, 12, 1)
FARM = build_farm(today=TODAY)


def page(portal, path):
    status, _ctype, body = render(portal, path)
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    # G3 bodies are base64 in rt-renderer; decode them so assertions see what readers see.
    for chunk in re.findall(r'encoded-content="([^"]*)"', text):
        text += base64.b64decode(chunk).decode("utf-8")
    return status, unicodedata.normalize("NFC", html.unescape(text))


def home(portal):
    return page(portal, "/")[1]


def special(portal, name):
    return page(portal, portal.specials[name].path)


def body_of(text):
    """The content region: G1/G2 html_text body, G3 decoded body or the RTI widget."""
    if 'class="html_text body"' in text:
        return text.split('class="html_text body">', 1)[1].split('<div class="four columns', 1)[0]
    if "InfoOfficersViewWidget" in text.split("</head>", 1)[1]:
        return text.split('data-widget_name="InfoOfficersViewWidget"', 1)[1].split("</footer>")[0]
    return text.rsplit("</html>", 1)[1]


def dates_in(text):
    return [date.fromisoformat(d) for d in re.findall(r"\d{4}-\d\d-\d\d", to_ascii(text))]


def check(portal, defect: Defect):  # noqa: C901 - one branch per rule reads best here
    rule, subject = defect.rule, defect.subject
    front = home(portal)
    if rule == "menu.empty-submenu":
        last = subject.split(SEP)[-1]
        label = "" if last == "(no label)" else re.escape(last)
        placeholder = re.search(
            rf'href="(nolink/[^"]*|#|http://|)"[^>]*>(<div>)?{label}<', front
        ) or re.search(rf"<h6>{re.escape(last)}</h6></div>", front)
        column = re.search(
            rf"<div>{re.escape(last)}</div></a></h6><ul[^>]*></ul>", front
        )  # G3 box with no li
        assert placeholder or column, subject
    elif rule == "page.empty":
        path = subject.removeprefix(f"http://{portal.host}")
        status, text = page(portal, path)
        assert status == 200 and not re.sub(r"<[^>]+>|\s", "", body_of(text)), subject
        assert f'href="{path}"' in front
    elif rule == "link.broken":
        linked = any(
            subject in text or subject.removeprefix(f"http://{portal.host}") in text
            for text in (page(portal, p)[1] for p in portal.pages)
        )
        assert linked, subject
        host = subject.split("/")[2]
        if host == portal.host:
            assert render(portal, subject.removeprefix(f"http://{host}"))[0] == 404
        else:
            assert cat.DEAD_HOSTS[host] >= 400
    elif rule == "box.empty-link":
        title, label = subject.split(SEP)
        assert title in front
        if label == "(no label)":
            assert '<a href=""></a>' in front
        else:
            assert (
                f'<a href="">{label}</a>' in front
                or f'<a href="http://{portal.host}/">{label}</a>' in front
            )
    elif rule == "eservice.none":
        assert re.search(r"অভ্যন্তরীণ ই-সেবাসমূহ(</a></h5>|</h2>)<ul></ul>", front)
    elif rule == "charter.missing":
        assert "সিটিজেন চার্টার" not in front
        assert special(portal, "charter")[0] == 404
    elif rule == "charter.pdf-only":
        assert f'href="{subject}"' in front
        assert special(portal, "charter")[0] == 404
    elif rule == "charter.incomplete":
        heading = {
            "vision-mission": "ভিশন ও মিশন",
            "services": "প্রতিশ্রুত সেবাসমূহ",
            "expectations": "আপনার কাছে আমাদের প্রত্যাশা",
        }[subject]
        status, text = special(portal, "charter")
        assert status == 200 and heading not in text
    elif rule == "charter.grs-contact-missing":
        assert "<td></td><td>" in special(portal, "charter")[1]
    elif rule == "charter.template-unfilled":
        assert "ভিশন: …………" in special(portal, "charter")[1]
    elif rule.startswith(("grs.", "rti.", "nis.")) and rule.endswith("-missing"):
        family, role = rule.split(".")[0], rule.split(".")[1].removesuffix("-missing")
        label = {
            ("grs", "focal"): "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)",
            ("grs", "alternate"): "বিকল্প অনিক",
            ("grs", "appeal"): "আপিল কর্মকর্তা",
            ("rti", "designated"): ">দায়িত্বপ্রাপ্ত কর্মকর্তা<",
            ("rti", "alternate"): "বিকল্প দায়িত্বপ্রাপ্ত কর্মকর্তা",
            ("rti", "appeal"): "আপীল কর্তৃপক্ষ",
            ("nis", "focal"): ">ফোকাল পয়েন্ট কর্মকর্তা<",
            ("nis", "alternate"): "বিকল্প ফোকাল পয়েন্ট কর্মকর্তা",
        }[(family, role)]
        status, text = special(portal, family)
        assert status == 200 and label not in body_of(text)
    elif rule == "rti.same-person":
        named = re.findall(rf">{re.escape(subject)}( \([০-৯]+\))?<", special(portal, "rti")[1])
        assert len(named) >= 2
    elif rule == "officers.list-missing":
        assert special(portal, "officers")[0] == 404
        assert ">কর্মকর্তাবৃন্দ<" not in front
    elif rule == "officers.not-in-list":
        assert subject in special(portal, "rti")[1]
        assert subject not in special(portal, "officers")[1]
        listed = special(portal, "officers")[1]
        if portal.generation == "G3":  # RTI cards add an ID the officer list does not carry
            assert re.search(rf"{re.escape(subject)} \([০-৯]+\)", special(portal, "rti")[1])
            assert not re.search(r"\([০-৯]+\)", listed.split("ContentBrowseWidget")[1])
    elif rule == "contact.personal-email":
        local, domain = subject.split("@")
        assert re.search(
            rf"{re.escape(local)}(<wbr>)?@{re.escape(domain)}", special(portal, "officers")[1]
        )
    elif rule == "notice.empty":
        status, text = page(portal, portal.list_path("notice_list"))
        assert "<tbody></tbody>" in text and "/notices/" not in front.replace(
            "/site/view/notices", ""
        ).replace('/pages/notices"', "")
    elif rule == "notice.stale":
        table = page(portal, portal.list_path("notice_list"))[1].split("<tbody>")[1]
        newest = max(dates_in(table.split("</tbody>")[0]))
        assert newest < TODAY - timedelta(days=90)
    elif rule == "news.empty":
        assert "<tbody></tbody>" in page(portal, portal.list_path("news_list"))[1]
    elif rule == "content.junk":
        text = page(portal, subject.removeprefix(f"http://{portal.host}"))[1]
        assert any(junk in text for junk in cat.JUNK_TEXT.values())
    elif rule == "content.stale":
        stamp = re.search(
            r"হাল-নাগাদ করা হয়েছে: <span[^>]*>([^<]+)<|হাল-নাগাদ করা হয়েছে: ([^<]+)</p>", front
        )
        assert stamp
        if portal.generation != "G3":
            assert dates_in(stamp.group(1))[0] < TODAY - timedelta(days=180)
        else:
            assert to_ascii(str(TODAY.year - 1)) in to_ascii(stamp.group(2))
    elif rule == "stats.missing":
        assert "stats" in portal.specials and special(portal, "stats")[0] == 404
    elif rule == "stats.stale":
        text = special(portal, "stats")[1]
        assert f"{cat.BENGALI_MONTHS[(TODAY.month - 2) % 12]}" not in text.split("<table")[1][:200]
    elif rule == "innovation.missing":
        assert "উদ্ভাবনী উদ্যোগসমূহ" not in front and special(portal, "innovation")[0] == 404
    elif rule == "portal.insecure":
        assert portal.kind == "normal"  # the farm is http-only
    else:
        assert rule in ("portal.unreachable", "portal.blocked"), rule


CASES = [
    (host, defect)
    for host, defects in FARM.truth().items()
    for defect in sorted(defects, key=str)
    if FARM.portals[host].kind == "normal"
]


@pytest.mark.parametrize(("host", "defect"), CASES, ids=[f"{h}:{d}" for h, d in CASES])
def test_declared_defect_is_visible(host, defect):
    check(FARM.portals[host], defect)


def test_every_farm_rule_is_declared_in_every_generation():
    by_generation = {"G1": set(), "G2": set(), "G3": set()}
    for host, defects in FARM.truth().items():
        by_generation[FARM.portals[host].generation] |= {d.rule for d in defects}
    department_bound = {"stats.missing", "stats.stale"}
    for generation, rules in by_generation.items():
        content_rules = {r for r in rules if not r.startswith("portal.")}
        assert len(content_rules) >= 28, (generation, content_rules)
    assert department_bound <= by_generation["G1"] | by_generation["G3"]


def test_controls_declare_nothing_but_http_only():
    for host in ("passport.dhaka.gov.bd", "dnc.sylhet.gov.bd", "fireservice.barishal.gov.bd"):
        assert FARM.truth()[host] == {Defect("portal.insecure")}


def test_role_labels_and_content_are_present_on_controls():
    """The absence checks above would pass vacuously if the controls lacked them too."""
    for host in ("passport.dhaka.gov.bd", "dnc.sylhet.gov.bd", "fireservice.barishal.gov.bd"):
        portal = FARM.portals[host]
        rti = body_of(special(portal, "rti")[1])
        assert "বিকল্প দায়িত্বপ্রাপ্ত কর্মকর্তা" in rti and "আপীল কর্তৃপক্ষ" in rti
        grs = body_of(special(portal, "grs")[1])
        assert "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)" in grs and "বিকল্প অনিক" in grs
        charter = special(portal, "charter")[1]
        assert "আপনার কাছে আমাদের প্রত্যাশা" in charter and "<td></td><td>" not in charter
        static = next(p for p in portal.pages.values() if p.kind == "static")
        assert re.sub(r"<[^>]+>|\s", "", body_of(page(portal, static.path)[1]))


def test_g3_bodies_keep_the_editor_encoding():
    """Decoded G3 bodies are not NFC (precomposed য়), as on sbc.gov.bd; readers must NFC them."""
    portal = FARM.portals["fireservice.barishal.gov.bd"]
    _status, _ctype, raw = render(portal, portal.specials["nis"].path)
    encoded = re.search(rb'encoded-content="([^"]*)"', raw).group(1)
    body = base64.b64decode(encoded).decode("utf-8")
    assert "\u09df" in body and unicodedata.normalize("NFC", body) != body
