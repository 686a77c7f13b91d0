"""HTML of farm pages in the three NPF generations (npf-structure.md).

`render(portal, path, query)` answers one request for one portal: (status, content type,
body). Every defect switch of the portal is read here and nowhere else, so what the
ground truth declares is exactly what the markup shows.
"""

from __future__ import annotations

import base64
import random
import re
from datetime import date, datetime, time, timedelta
from html import escape
from urllib.parse import parse_qs

from tadarki.bangla.digits import BENGALI_DIGITS, to_bengali
from tadarki.farm import catalogue as cat
from tadarki.farm.generate import Page, Person, Portal, monthly

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

CHALLENGE_HTML = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow">
</head><body><div class="main-wrapper" role="main"><div class="main-content">
<noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript>
</div></div><script>(function(){window._cf_chl_opt={cvId: '3',cZone: "HOST",cType: 'managed',cRay: '8f1c0d9e4a2b1c3d'};
var a = document.createElement('script');a.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1';
document.getElementsByTagName('head')[0].appendChild(a);}());</script></body></html>"""

NOT_FOUND_HTML = """<!DOCTYPE html><html><head><title>404 Not Found</title></head>
<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>"""


def e(text: str) -> str:
    return escape(text, quote=True)


def editor_encoding(html: str) -> str:
    """Precomposed য় (U+09DF), which NFC splits: what editors and old pages keep (§10, §11)."""
    return html.replace("\u09af\u09bc", "\u09df")


def bn_date(d: date) -> str:
    return to_bengali(d.isoformat())


def ncr(text: str) -> str:
    """Bengali digits as numeric character references, as the G1 theme writes dates."""
    return "".join(f"&#x{ord(c):04X};" if c in BENGALI_DIGITS else c for c in text)


def bn_long(moment: datetime, twelve_hour: bool = False) -> str:
    """G3 long form: 'সোমবার, ২৮ সেপ্টেম্বর, ২০২৬ এ ০৯:৩৪:৪৯'."""
    weekday = cat.BENGALI_WEEKDAYS[moment.weekday()]
    month = cat.BENGALI_MONTHS[moment.month - 1]
    if twelve_hour:
        clock = moment.strftime("%I:%M ") + ("AM" if moment.hour < 12 else "PM")
    else:
        clock = moment.strftime("%H:%M:%S")
    return to_bengali(f"{weekday}, {moment.day} {month}, {moment.year} এ {clock}")


def site_stamp(portal: Portal) -> datetime:
    days = 400 if portal.on("content.stale") else 1
    return datetime.combine(portal.today - timedelta(days=days), time(10, 59, 56))


# ---- what the portal currently shows ---------------------------------------------------


def email_of(portal: Portal, person: Person) -> str:
    for switch in portal.switches.values():
        if switch[0] == "personal-email" and switch[1] == person.name:
            return switch[2]
    return person.email


def rti_roles(portal: Portal) -> list[tuple[str, Person]]:
    designated = portal.roles["rti.designated"]
    if portal.on("officers.not-in-list"):
        designated = portal.outsider
    alternate = designated if portal.on("rti.same-person") else portal.roles["rti.alternate"]
    roles = []
    if not portal.on("rti.designated-missing"):
        roles.append(("দায়িত্বপ্রাপ্ত কর্মকর্তা", designated))
    if not portal.on("rti.alternate-missing"):
        roles.append(("বিকল্প দায়িত্বপ্রাপ্ত কর্মকর্তা", alternate))
    if not portal.on("rti.appeal-missing"):
        roles.append(("আপীল কর্তৃপক্ষ", portal.roles["rti.appeal"]))
    return roles


def grs_roles(portal: Portal) -> list[tuple[str, Person]]:
    wanted = [
        ("grs.focal", "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)"),
        ("grs.alternate", "বিকল্প অনিক"),
        ("grs.appeal", "আপিল কর্মকর্তা"),
    ]
    return [(label, portal.roles[key]) for key, label in wanted if not portal.on(f"{key}-missing")]


def nis_roles(portal: Portal) -> list[tuple[str, Person]]:
    wanted = [("nis.focal", "ফোকাল পয়েন্ট কর্মকর্তা"), ("nis.alternate", "বিকল্প ফোকাল পয়েন্ট কর্মকর্তা")]
    return [(label, portal.roles[key]) for key, label in wanted if not portal.on(f"{key}-missing")]


def special_target(portal: Portal, name: str) -> str | None:
    if not portal.special_on(name):
        return None
    if name == "charter" and portal.on("charter.pdf-only"):
        return portal.charter_pdf
    return portal.specials[name].path


def visible_notices(portal: Portal) -> list[Page]:
    if portal.on("notice.empty"):
        return []
    return portal.notices


def notice_date(portal: Portal, page: Page) -> date:
    assert page.when is not None
    return page.when - timedelta(days=200) if portal.on("notice.stale") else page.when


def visible_news(portal: Portal) -> list[Page]:
    return [] if portal.on("news.empty") else portal.news


def leaf_html(portal: Portal, key: tuple, label: str, target: str) -> tuple[str, str]:
    """The (href, label) a menu leaf shows, after placeholder defects."""
    for switch in portal.switches.values():
        if switch[0] == "leaf-placeholder" and switch[1] == key:
            return {
                "nolink": ("nolink/" + portal._slug(label), label),
                "nolink-empty": ("nolink/", ""),
                "http": ("http://", label),
                "empty": ("", label),
                "hash": ("#", label),
                "dash": ("#", "-"),
            }[switch[2]]
    return target, label


def menu_leaf_link(portal: Portal, key: tuple, leaf) -> tuple[str, str] | None:
    """The (href, label) of a menu leaf in either theme; None when its special page is off."""
    if leaf.special and leaf.special != "gallery":
        target = special_target(portal, leaf.special)
        return None if target is None else (target, leaf.label)
    return leaf_html(portal, key, leaf.label, leaf.page)


def special_box_links(portal: Portal, box) -> list[tuple[str, str]]:
    """The (href, label) pairs a special-page service box shows, its switched-off pages left out."""
    links = []
    for item in box.items:
        target = special_target(portal, item.special) if item.special else item.target
        if target is not None:
            links.append((target, item.label))
    return links


def eservice_items(portal: Portal) -> str:
    """The e-service `<li>` links both themes list (none under the eservice.none defect)."""
    if portal.on("eservice.none"):
        return ""
    return "".join(f'<li><a href="{e(u)}">{e(label)}</a></li>' for label, u in portal.eservices)


# ---- page bodies shared by every generation -------------------------------------------


def person_cells(portal: Portal, person: Person) -> str:
    return (
        f"<td><p>{e(person.name)}</p><p>{e(person.designation)}</p></td>"
        f"<td>ফোন: {e(person.phone)}<br>ইমেইল: {e(email_of(portal, person))}</td>"
    )


def roles_table(portal: Portal, roles: list[tuple[str, Person]]) -> str:
    rows = "".join(
        f"<tr><td>{e(role)}</td>{person_cells(portal, person)}</tr>" for role, person in roles
    )
    return (
        '<table border="1" cellpadding="0" cellspacing="0"><tbody>'
        "<tr><th>দায়িত্ব</th><th>নাম ও পদবি</th><th>যোগাযোগ</th></tr>"
        f"{rows}</tbody></table>"
    )


def charter_body(portal: Portal) -> str:
    parts = []
    incomplete = next((d.subject for d in portal.switches if d.rule == "charter.incomplete"), None)
    if incomplete != "vision-mission":
        if portal.on("charter.template-unfilled"):
            parts.append("<h3>১. ভিশন ও মিশন</h3><p>ভিশন: …………</p><p>মিশন: ……</p>")
        else:
            parts.append(
                "<h3>১. ভিশন ও মিশন</h3><p><strong>ভিশন:</strong> দ্রুত ও মানসম্মত নাগরিক সেবা।</p>"
                "<p><strong>মিশন:</strong> স্বচ্ছ, জবাবদিহিমূলক ও ডিজিটাল পদ্ধতিতে সেবা প্রদান।</p>"
            )
    if incomplete != "services":
        rows = "".join(
            f"<tr><td>{to_bengali(i + 1)}</td><td>{e(name)}</td><td>অনলাইনে আবেদন</td>"
            "<td>জাতীয় পরিচয়পত্র, আবেদন ফরম</td><td>সরকার নির্ধারিত ফি</td><td>৭ কার্যদিবস</td>"
            f"<td>{e(portal.roles['rti.designated'].designation)}</td></tr>"
            for i, name in enumerate(["নতুন আবেদন গ্রহণ", "তথ্য প্রদান", "প্রত্যয়নপত্র প্রদান"])
        )
        parts.append(
            '<h3>২. প্রতিশ্রুত সেবাসমূহ</h3><h4>২.১ নাগরিক সেবা</h4><table border="1"><tbody>'
            "<tr><th>ক্রম</th><th>সেবার নাম</th><th>সেবা প্রদান পদ্ধতি</th>"
            "<th>প্রয়োজনীয় কাগজপত্র এবং প্রাপ্তিস্থান</th><th>সেবার মূল্য এবং পরিশোধ পদ্ধতি</th>"
            "<th>সেবা প্রদানের সময়সীমা</th><th>দায়িত্বপ্রাপ্ত কর্মকর্তা</th></tr>"
            f"{rows}</tbody></table>"
        )
    focal, appeal = portal.roles["grs.focal"], portal.roles["grs.appeal"]

    def contact(person: Person, role: str) -> str:
        if portal.on("charter.grs-contact-missing") or portal.on(f"{role}-missing"):
            return "<td></td>"
        return (
            f"<td><p>{e(person.name)}</p><p>{e(person.designation)}</p>"
            f"<p>ফোন: {e(person.phone)}</p><p>ইমেইল: {e(email_of(portal, person))}</p></td>"
        )

    parts.append(
        "<h3>৩. অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)</h3><p>সেবা প্রাপ্তিতে অসন্তুষ্ট হলে দায়িত্বপ্রাপ্ত কর্মকর্তার সঙ্গে যোগাযোগ করুন।</p>"
        '<table border="1"><tbody><tr><th>ক্রম</th><th>কখন যোগাযোগ করবেন</th><th>কার সঙ্গে যোগাযোগ করবেন</th>'
        "<th>যোগাযোগের ঠিকানা</th><th>নিষ্পত্তির সময়সীমা</th></tr>"
        f"<tr><td>১</td><td>দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে না পারলে</td><td>অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)</td>{contact(focal, 'grs.focal')}<td>৩০ কার্যদিবস</td></tr>"
        f"<tr><td>২</td><td>অনিক নির্দিষ্ট সময়ে সমাধান দিতে না পারলে</td><td>আপিল কর্মকর্তা</td>{contact(appeal, 'grs.appeal')}<td>২০ কার্যদিবস</td></tr>"
        "<tr><td>৩</td><td>আপিল কর্মকর্তা নির্দিষ্ট সময়ে সমাধান দিতে না পারলে</td><td>মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল</td>"
        "<td>অভিযোগ গ্রহণ কেন্দ্র, ৫ নং গেইট, বাংলাদেশ সচিবালয়, ঢাকা; ওয়েব: www.grs.gov.bd</td><td>৬০ কার্যদিবস</td></tr>"
        "</tbody></table>"
    )
    if incomplete != "expectations":
        parts.append(
            "<h3>৪. আপনার কাছে আমাদের প্রত্যাশা</h3><ul><li>নির্ধারিত ফরমে সম্পূর্ণভাবে পূরণকৃত আবেদন জমা প্রদান</li>"
            "<li>সঠিক মাধ্যমে প্রয়োজনীয় সেবামূল্য পরিশোধ করা</li><li>সাক্ষাতের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকা</li></ul>"
        )
    return "".join(parts)


def stats_rows(portal: Portal) -> tuple[list[date], str]:
    back = 7 if portal.on("stats.stale") else 1
    months = [monthly(portal.today, back + i) for i in range(3)]
    if portal.stat_key == "undelivered-passports":
        head = "<tr><th>মাস</th><th>অবিলিকৃত এমআরপি</th><th>অবিলিকৃত ই-পাসপোর্ট</th></tr>"
    else:
        head = "<tr><th>মাস</th><th>মাসিক অভিযান</th><th>উদ্ধারকৃত মাদক (কেজি)</th><th>মামলার সংখ্যা</th></tr>"
    rows = []
    for m in months:
        label = f"{cat.BENGALI_MONTHS[m.month - 1]} {to_bengali(m.year)}"
        rng = random.Random(f"{portal.host}:{m}")  # same figures on every request
        figures = [to_bengali(rng.randrange(5, 400)) for _ in range(head.count("<th>") - 1)]
        rows.append("<tr><td>" + "</td><td>".join([label, *figures]) + "</td></tr>")
    return months, head + "".join(rows)


def stats_body(portal: Portal) -> str:
    months, rows = stats_rows(portal)
    heading = (
        "অবিলিকৃত পাসপোর্ট (এমআরপি ও ই-পাসপোর্ট) এর মাসভিত্তিক তথ্য"
        if portal.stat_key == "undelivered-passports"
        else "মাসিক অভিযান, উদ্ধারকৃত মাদক ও মামলার সংখ্যা"
    )
    return (
        f"<h3>{heading}</h3><p>সর্বশেষ হালনাগাদ: {bn_date(min(portal.today, months[0] + timedelta(days=32)))}</p>"
        f'<table border="1"><tbody>{rows}</tbody></table>'
    )


def static_body(portal: Portal, page: Page) -> str:
    if portal.on("page-empty", page.path):
        return "<p>&nbsp;</p>"
    body = "".join(f"<p>{e(p)}</p>" for p in page.paragraphs)
    for switch in portal.switches.values():
        if switch[0] == "junk" and switch[1] == page.path:
            body += f"<p>{e(cat.JUNK_TEXT[switch[2]])}</p>"
        if switch[0] == "broken-link" and switch[1] == page.path:
            target = switch[2]
            href = target.removeprefix(f"http://{portal.host}")  # on-host links are relative
            body += f'<p>বিস্তারিত জানতে <a href="{e(href)}">এখানে ক্লিক করুন</a></p>'
    if page.kind == "gallery":
        # NPF trap: a relative link without a leading slash nests the path on every visit.
        body += f'<p><a href="site/photogallery/{portal.objectid}/ছবি">ছবির অ্যালবাম</a></p>'
    return body


def page_body(portal: Portal, page: Page, query: dict) -> str:
    kind = page.kind
    if kind in ("static", "gallery", "en_static"):
        return static_body(portal, page)
    if kind in ("notice", "news"):
        when = notice_date(portal, page) if kind == "notice" else page.when
        return f"<p>প্রকাশের তারিখ: {bn_date(when)}</p>" + "".join(
            f"<p>{e(p)}</p>" for p in page.paragraphs
        )
    if kind == "rti":
        return roles_table(portal, rti_roles(portal))
    if kind == "grs":
        return roles_table(portal, grs_roles(portal))
    if kind == "nis":
        return roles_table(portal, nis_roles(portal))
    if kind == "charter":
        return charter_body(portal)
    if kind == "stats":
        return stats_body(portal)
    if kind == "innovation":
        return "<ul>" + "".join(f"<li>{e(i)}</li>" for i in cat.INNOVATION_IDEAS) + "</ul>"
    if kind == "calendar":
        month = (query.get("month") or [portal.today.strftime("%Y-%m")])[0]
        try:
            year, mon = (int(x) for x in month.split("-"))
            nxt = date(year + mon // 12, mon % 12 + 1, 1)
        except ValueError:
            return "<p>ভুল মাস</p>"
        # Trap: every month links to the next one, forever.
        path = portal.list_path("calendar")
        return (
            f"<p>{to_bengali(month)} মাসের কর্মসূচি: সাপ্তাহিক সমন্বয় সভা।</p>"
            f'<p><a href="{path}?month={nxt:%Y-%m}">পরবর্তী মাস</a></p>'
        )
    return ""


def is_available(portal: Portal, page: Page) -> bool:
    for name, special in portal.specials.items():
        if special is page:
            return portal.special_on(name) and not (
                name == "charter" and portal.on("charter.pdf-only")
            )
    if page.kind == "notice":
        return not portal.on("notice.empty")
    if page.kind == "news":
        return not portal.on("news.empty")
    return True


# ---- entry point -----------------------------------------------------------------------


def render(portal: Portal, path: str, query: str = "") -> tuple[int, str, bytes]:
    if portal.kind == "blocked":
        return 403, "text/html; charset=UTF-8", CHALLENGE_HTML.replace("HOST", portal.host).encode()
    html_type = "text/html; charset=utf-8"
    if path.endswith(".pdf"):
        if path == portal.charter_pdf.removeprefix(f"http://{portal.host}"):
            return 200, "application/pdf", PDF_BYTES
        return 404, html_type, NOT_FOUND_HTML.encode()
    # NPF links its sitemap as /site/view/sitemap//সাইট-ম্যাপ; empty segments mean nothing.
    page = portal.pages.get(re.sub("/{2,}", "/", path))
    if (
        page is None
        and portal.gallery is not None
        and f"/site/photogallery/{portal.objectid}/" in path
    ):
        # NPF answers the album at its own path and at every nested relative form of it.
        page = portal.gallery
    if page is None or not is_available(portal, page):
        return 404, html_type, NOT_FOUND_HTML.encode()
    q = parse_qs(query)
    if portal.generation == "G3":
        from tadarki.farm.theme_g3 import page_html
    else:
        from tadarki.farm.theme_npf import page_html
    return 200, html_type, page_html(portal, page, q).encode()


def b64(html: str) -> str:
    return base64.b64encode(html.encode("utf-8")).decode("ascii")
