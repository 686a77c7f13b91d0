"""G1 (ministry/directorate) and G2 (field office) pages: the `responsive_npf` theme.

Markup follows npf-structure.md §3.1–3.2, §4.1, §5.1, §8.1 (G1, verified) and the reported
G2 variants: `/bn/` links, `#left > div.<type>.list > div.table-responsive > table`,
`div.html_text.body`, `#footer-menu > div > span`.
"""

from __future__ import annotations

from tadarki.farm.generate import Page, Portal
from tadarki.farm.markup import (
    bn_date,
    e,
    editor_encoding,
    email_of,
    eservice_items,
    menu_leaf_link,
    ncr,
    notice_date,
    page_body,
    site_stamp,
    special_box_links,
    to_bengali,
    visible_news,
    visible_notices,
)


def menu(portal: Portal) -> str:
    home = "/"
    out = [f'<li class="col0 "><a href="{home}" class="submenu">প্রথম পাতা</a></li>']
    for n, top in enumerate(portal.menu, start=1):
        cols = []
        for ci, col in enumerate(top.columns):
            if portal.on("column-empty", top.label, ci):
                cols.append(f'<div class="one-col"><h6>{e(col.heading)}</h6></div>')
                continue
            items = []
            for li, leaf in enumerate(col.leaves):
                link = menu_leaf_link(portal, (top.label, ci, li), leaf)
                if link is None:
                    continue
                href, label = link
                items.append(f'<li><a href="{e(href)}">{e(label)}</a></li>')
            if not items:
                continue  # a compliance column whose page the defect removed
            cols.append(
                f'<div class="one-col"><h6>{e(col.heading)}</h6><ul class="mzr-links">{"".join(items)}</ul></div>'
            )
        out.append(
            f'<li class="col{n} mzr-drop"><a href="#" class="submenu">{e(top.label)}</a>'
            f'<div class="mzr-content drop-three-columns">{"".join(cols)}</div></li>'
        )
    return (
        '<div class="sixteen columns" id="jmenu"><a href="javascript:;" class="show-menu menu-head"> মেনু নির্বাচন করুন</a>'
        '<div role="navigation" id="dawgdrops"><ul class="meganizr mzr-slide mzr-responsive">'
        + "".join(out)
        + "</ul></div></div>"
    )


def box_item(portal: Portal, bi: int, ii: int, label: str, target: str) -> str:
    for variant in ("empty", "root", "nolabel"):
        if portal.on("box-item", bi, ii, variant):
            if variant == "empty":
                return f'<li><a href="">{e(label)}</a></li>'
            if variant == "root":
                return f'<li><a href="http://{portal.host}/">{e(label)}</a></li>'
            return '<li><a href=""></a></li>'
    return f'<li><a href="{e(target)}">{e(label)}</a></li>'


def boxes(portal: Portal) -> str:
    out = []
    n = 0
    for bi, box in enumerate(portal.boxes):
        n += 1
        items = "".join(
            box_item(portal, bi, ii, i.label, i.target) for ii, i in enumerate(box.items)
        )
        out.append(service_box(n, box.title, items))
    for box in portal.special_boxes:
        items = [
            f'<li><a href="{e(target)}">{e(label)}</a></li>'
            for target, label in special_box_links(portal, box)
        ]
        if items:
            n += 1
            out.append(service_box(n, box.title, "".join(items)))
    return '<div class="row">' + "".join(out) + "</div>"


def service_box(n: int, title: str, items: str) -> str:
    return (
        f'<div id="box-{n}" class="six columns service-box box"><h4>{e(title)}</h4>'
        f'<img src="/themes/responsive_npf/img/service.png" alt="" width="110"/>'
        f'<ul class="caption fade-caption" style="margin:0">{items}</ul></div>'
    )


def home_left(portal: Portal) -> str:
    notices = sorted(visible_notices(portal), key=lambda p: p.when, reverse=True)[:5]
    notice_items = "".join(f'<li>\n<a href="{e(p.path)}">{e(p.title)}</a>\n</li>' for p in notices)
    news = visible_news(portal)[:5]
    news_items = "".join(
        # The theme can publish an item without a title (fireservice.gov.bd); one such
        # item does not make the list empty.
        f'<li><a href="{e(p.path)}">{"" if i == 1 and portal.generation == "G1" else e(p.title)}</a>'
        f" <i>({ncr(bn_date(p.when))})</i></li>"
        for i, p in enumerate(news)
    )
    return (
        '<div class="row mainwrapper"><div class="row" id="notice-board"><div class="notice-board-bg">'
        f'<h2>নোটিশ বোর্ড</h2><div id="notice-board-ticker"><ul>{notice_items}</ul>'
        f'<a class="btn right" href="{portal.list_path("notice_list")}">সকল</a></div></div></div>'
        '<div class="row" id="news"><h5>খবর:</h5><div id="news-ticker">'
        f'<ul>{news_items}</ul><div style="float:right"><a class="btn" href="{portal.list_path("news_list")}">সকল</a></div></div></div>'
        f"{boxes(portal)}</div>"
    )


def sidebar(portal: Portal) -> str:
    head = portal.officers[0]
    eservices = eservice_items(portal)
    ideas = ""
    if portal.special_on("innovation"):
        target = portal.specials["innovation"].path
        ideas = f'<ul><li><a href="{e(target)}">উদ্ভাবনী উদ্যোগসমূহ</a></li></ul>'
    return (
        '<div class="four columns right-side-bar" id="right-content">'
        f'<div class="column block"><h5 class="bk-org title"><p>{e(head.designation)}</p></h5><p>{e(head.name)}</p></div>'
        '<div class="column block central-eservices"><h5 class="bk-org title eservice-title">কেন্দ্রীয় ই-সেবা</h5>'
        '<ul><li class="item_1"><a href="http://www.mygov.bd/">মাইগভ</a></li></ul></div>'
        '<div class="column block"><h5 class="bk-org title internal-eservice">'
        f'<a href="http://www.mygov.bd/serviceByOffice/?agent=np&amp;domain={portal.host}">অভ্যন্তরীণ ই-সেবাসমূহ</a></h5>'
        f"<ul>{eservices}</ul></div>"
        f'<div class="column block"><h5 class="bk-org title">ইনোভেশন কর্নার</h5>{ideas}</div>'
        '<div class="column block"><h5 class="bk-org title">গুরুত্বপূর্ণ লিংক</h5><ul>'
        '<li><a href="http://bangladesh.gov.bd/">জাতীয় তথ্য বাতায়ন</a></li>'
        '<li><a href="http://www.cabinet.gov.bd/">মন্ত্রিপরিষদ বিভাগ</a></li></ul></div></div>'
    )


def footer(portal: Portal) -> str:
    stamp = to_bengali(site_stamp(portal).strftime("%Y-%m-%d %H:%M:%S"))
    sitemap_href = portal.list_path("sitemap").replace("sitemap/", "sitemap//")
    links = [f'<li><a href="{sitemap_href}">সাইট ম্যাপ</a></li>']
    if portal.traps:
        links.append(f'<li><a href="{portal.list_path("calendar")}">ক্যালেন্ডার</a></li>')
    return (
        f'<div id="footer-menu"><ul>{"".join(links)}</ul><div style="float: left; font-size: .9em;">'
        f'সাইটটি শেষ হাল-নাগাদ করা হয়েছে: <span style="font-style: italic;">{ncr(stamp)}</span></div></div>'
        '<div class="footer-credit" id="footer"><p>পরিকল্পনা ও বাস্তবায়নে:&nbsp;<a href="http://www.cabinet.gov.bd/">মন্ত্রিপরিষদ বিভাগ</a>,'
        '&nbsp;<a href="http://a2i.gov.bd/">এটুআই</a>, বিসিসি, ডিওআইসিটি ও বেসিস।</p></div>'
    )


def list_table(portal: Portal, kind: str) -> str:
    if kind == "officer_list":
        rows = "".join(
            f'<tr><td><img src="/themes/responsive_npf/img/avatar.png" alt=""/></td><td><a href="#">{e(p.name)}</a></td>'
            f'<td>{e(p.designation)}</td><td><a href="mailto:{e(email_of(portal, p))}">{e(email_of(portal, p))}</a></td>'
            f"<td>{e(p.phone)}</td></tr>"
            for p in portal.officers
        )
        head = "<tr><th>ছবি</th><th>নাম</th><th>পদবি</th><th>ইমেইল</th><th>ফোন</th></tr>"
        css = "officerlist"
    else:
        pages = visible_notices(portal) if kind == "notice_list" else visible_news(portal)
        rows = "".join(
            f'<tr><td>{to_bengali(i + 1)}</td><td><a href="{e(p.path)}">{e(p.title)}</a></td>'
            f"<td>{bn_date(notice_date(portal, p) if p.kind == 'notice' else p.when)}</td></tr>"
            for i, p in enumerate(pages)
        )
        head = "<tr><th>ক্রমিক</th><th>শিরোনাম</th><th>প্রকাশের তারিখ</th></tr>"
        css = "notices" if kind == "notice_list" else "news"
    return (
        f'<div class="{css} list"><div class="table-responsive"><table class="bordered">'
        f"<thead>{head}</thead><tbody>{rows}</tbody></table></div></div>"
    )


def sitemap(portal: Portal) -> str:
    items = []
    for page in portal.pages.values():
        if page.kind in ("static", "notice_list", "news_list") and page.via != "list":
            items.append(f'<li><a href="{e(page.path)}">{e(page.title)}</a></li>')
    return "<ul>" + "".join(items) + "</ul>"


def en_home(portal: Portal) -> str:
    links = "".join(
        f'<li><a href="{e(p.path)}">{e(p.title)}</a></li>'
        for p in portal.pages.values()
        if p.kind == "en_static"
    )
    return f'<h2>Welcome</h2><p>Official portal of {e(portal.host)}.</p><ul>{links}</ul><p><a href="/">বাংলা</a></p>'


def page_html(portal: Portal, page: Page, query: dict) -> str:
    sub = portal.host.split(".")[0]
    g2 = portal.generation == "G2"
    if page.kind == "home":
        left = home_left(portal)
    elif page.kind in ("notice_list", "news_list", "officer_list"):
        left = f"<h2>{e(page.title)}</h2>" + list_table(portal, page.kind)
    elif page.kind == "sitemap":
        left = f"<h2>{e(page.title)}</h2>" + sitemap(portal)
    elif page.kind == "en_home":
        left = en_home(portal)
    else:
        left = (
            f'<div class="page details"><h2 class="title">{e(page.title)}</h2>'
            f'<div class="html_text body">{page_body(portal, page, query)}</div></div>'
        )
    lang = (
        '<div id="div-lang"><a href="/en/">English</a></div>'
        if g2
        else '<div id="div-lang"><form id="lang_form" action="/" method="post"><input type="hidden" name="lang" id="lang" value="en" /></form></div>'
    )
    left_id = 'id="left"' if g2 else 'id="left-content"'
    # Half of the G1 portals are served in the old encoding, like www.dshe.gov.bd (§11).
    encode = editor_encoding if not g2 and sum(map(ord, portal.host)) % 2 == 0 else str
    return encode(
        '<!DOCTYPE html><html lang="bn"><head><meta charset="utf-8">'
        f"<title>{e(page.title)} | {e(portal.office)}</title>"
        '<link type="text/css" rel="stylesheet" media="all" href="/themes/responsive_npf/stylesheets/base.css" />'
        '<script src="/themes/responsive_npf/js/jquery.vticker.js"></script></head>'
        f'<body class="{sub}-portal-gov-bd"><div id="start-np" style="display:none">Wellcome to National Portal</div>'
        f'<a class="skip-link" href="#contents">Main Comtent Skiped</a>{lang}'
        f'<div class="header-site-info" id="header-site-info"><span id="site-name">{e(portal.office)}</span></div>'
        f"{menu(portal)}"
        f'<div id="contents" class="sixteen columns"><div class="twelve columns" {left_id}>{left}</div>'
        f"{sidebar(portal)}</div>{footer(portal)}</body></html>"
    )
