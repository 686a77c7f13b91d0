"""Small synthetic NPF pages (G1, G2, G3) written after npf-structure.md, and a Site builder."""

from __future__ import annotations

import base64
from datetime import date

import pytest

from tadarki.engine.rules import RulesConfig, judge
from tadarki.engine.site import FetchedPage, LinkCheck, Site

ROOT = "https://passport.lakshmipur.gov.bd/"
TODAY = date(2025, 8, 12)


def g1_menu(*items: str) -> str:
    return (
        '<div id="dawgdrops"><ul class="meganizr mzr-slide mzr-responsive">'
        '<li class="col0"><a title="Home" href="/"></a></li>' + "".join(items) + "</ul></div>"
    )


def g1_drop(label: str, *columns: str) -> str:
    return (
        f'<li class="col1 mzr-drop"><a href="#" class="submenu">{label}</a>'
        f'<div class="mzr-content drop-three-columns">{"".join(columns)}</div></li>'
    )


def g1_col(heading: str, *leaves: tuple[str, str]) -> str:
    if leaves == (None,):
        return f'<div class="one-col"><h6>{heading}</h6></div>'
    lis = "".join(f'<li><a href="{href}">{label}</a></li>' for label, href in leaves)
    return f'<div class="one-col"><h6>{heading}</h6><ul class="mzr-links">{lis}</ul></div>'


def g1_box(title: str, *items: tuple[str, str]) -> str:
    lis = "".join(f'<li><a href="{href}">{label}</a></li>' for label, href in items)
    return (
        f'<div id="box-1" class="six columns service-box box"><h4>{title}</h4>'
        f'<ul class="caption fade-caption">{lis}</ul></div>'
    )


def g1_block(title: str, *items: tuple[str, str], cls: str = "") -> str:
    lis = "".join(f'<li><a href="{href}">{label}</a></li>' for label, href in items)
    return (
        f'<div class="column block {cls}"><h5 class="bk-org title">{title}</h5><ul>{lis}</ul></div>'
    )


DEFAULT_EXTRAS = g1_block(
    "অভ্যন্তরীণ ই-সেবাসমূহ", ("ই-পাসপোর্ট আবেদন", "https://www.epassport.gov.bd/")
) + g1_block("ইনোভেশন কর্নার", ("উদ্ভাবনী ধারণা", "/site/page/abc/innovation"))
DEFAULT_NOTICES = '<li><a href="/site/notices/1/n">নোটিশ এক</a></li>'
DEFAULT_NEWS = '<li><a href="/site/news/1/x">খবর এক</a> <i>(২০২৫-০৮-০১)</i></li>'


def g1_page(
    menu: str | None = None,
    boxes: str = "",
    sidebar: str = DEFAULT_EXTRAS,
    notices: str | None = DEFAULT_NOTICES,
    news: str | None = DEFAULT_NEWS,
    stamp: str = "২০২৫-০৮-১০ ১০:০০:০০",
    body: str = "",
    lang_prefix: bool = False,
) -> str:
    board = (
        '<div class="row" id="notice-board"><div class="notice-board-bg"><h2>নোটিশ বোর্ড</h2>'
        f'<div id="notice-board-ticker"><ul>{notices}</ul></div>'
        '<a class="btn right" href="/site/view/notices">সকল</a></div></div>'
        if notices is not None
        else ""
    )
    news_html = (
        f'<div class="row" id="news"><h5>খবর:</h5><div id="news-ticker"><ul>{news}</ul></div></div>'
        if news is not None
        else ""
    )
    lang = '<a href="/bn/site/page/7fZt-x">বাংলা</a>' if lang_prefix else ""
    menu = g1_menu() if menu is None else menu
    return (
        "<html><head><title>আঞ্চলিক পাসপোর্ট অফিস</title>"
        '<link href="/themes/responsive_npf/css/style.css" rel="stylesheet"></head>'
        f'<body class="passport-lakshmipur-gov-bd">{lang}'
        f'<div class="sixteen columns" id="jmenu">{menu}</div>'
        f'<div class="twelve columns" id="left-content">{body}{board}{news_html}{boxes}</div>'
        f'<div class="four columns right-side-bar" id="right-content">{sidebar}</div>'
        f'<div id="footer-menu"><div>সাইটটি শেষ হাল-নাগাদ করা হয়েছে: <span style="font-style: italic;">{stamp}</span></div></div>'
        "</body></html>"
    )


def g1_static_page(title: str, body: str) -> str:
    return (
        f"<html><head><title>{title}</title>"
        '<link href="/themes/responsive_npf/css/style.css" rel="stylesheet"></head><body>'
        + g1_menu()
        + f'<div class="twelve columns" id="left-content"><h2>{title}</h2>{body}</div>'
        "</body></html>"
    )


def g3_menu(*items: str) -> str:
    return (
        '<section data-widget_type="widget" data-widget_name="MenusExpandableWidget" class="widget">'
        '<ul class="menu-list menu-parent-unordered-list">'
        '<li class="megamenu-link "><a class="menu-parent-list-link home-link" href="/"> </a></li>'
        + "".join(items)
        + "</ul></section>"
    )


def g3_top(label: str, *boxes: str, href: str = "nolink/1") -> str:
    return (
        f'<li class="megamenu-link menu-parent-list"><a title=" {label}" href="{href}" '
        f'class="menu-parent-list-link"> {label} </a><div class="mega-menu-dropdown megaMenu">'
        f"{''.join(boxes)}</div></li>"
    )


def g3_box(heading: str, *leaves: tuple[str, str]) -> str:
    lis = "".join(
        f'<li class="menu-sub-child-list"><a title=" {label}" class="menu-sub-child-link" '
        f'href="{href}" ><div>{label}</div></a></li>'
        for label, href in leaves
    )
    return (
        f'<div class="menu-child-box "><h6 title=" {heading}" class="menu-child-title">'
        f'<a title="{heading}" href="nolink/2"><div>{heading}</div></a></h6>'
        f'<ul class="menu-sub-child-unordered-list">{lis}</ul></div>'
    )


def g3_page(menu: str = "", body_widgets: str = "", title: str = "পাতা") -> str:
    return (
        f"<html><head><title>{title} | জেলা</title></head><body><div class='container'>"
        f'<div class="header"><div data-section_type="header" class="droppable">{menu}</div></div>'
        f'<div class="wrapper"><div class="body"><div data-section_type="body" class="droppable">'
        f"{body_widgets}</div></div></div>"
        '<div class="footer"><footer data-widget_name="NewLandingFooterWidget">'
        '<p class="last-updated">সাইটটি শেষ হাল-নাগাদ করা হয়েছে: সোমবার, ১১ আগস্ট, ২০২৫ এ ০৯:৩৪:৪৯</p>'
        "</footer></div></div></body></html>"
    )


def g3_static(body_html: str, title: str = "পাতা", children: str = "") -> str:
    encoded = base64.b64encode(body_html.encode("utf-8")).decode("ascii")
    widget = (
        '<div data-widget_type="widget" data-widget_name="ContentViewerWidget" class="widget content-viewer-widget">'
        '<div class="content-update-block"><p>কনটেন্টটি শেষ হাল-নাগাদ করা হয়েছে: সোমবার, ৮ এপ্রিল, ২০২৪ এ ১০:২৩ AM</p></div>'
        f'<div class="widget title-with-image-content-widget"><h2>{title}</h2>'
        '<p class="chips"><span class="basic-chip">কন্টেন্ট: পাতা</span></p>'
        f'<rt-renderer encoded-content="{encoded}">{children}</rt-renderer></div></div>'
    )
    return g3_page(g3_menu(), widget, title)


def g3_info_officers(*cards: tuple[str, dict[str, str]]) -> str:
    body = ""
    for heading, fields in cards:
        rows = "".join(
            f'<tr> <th class="info-officer-view-widget-th">{label}</th> <td>{value}</td> </tr>'
            for label, value in fields.items()
        )
        body += (
            '<div class="list-card-body">'
            f'<h3 class="info-officer-view-widget-heading">{heading}</h3>'
            f'<div class="right-section"><table class="info-officer-view-widget-table"><tbody>{rows}</tbody></table></div></div>'
        )
    widget = (
        '<div data-widget_type="widget" data-widget_name="InfoOfficersViewWidget" class="widget info-officer-view-widget">'
        f'<h2>দায়িত্বপ্রাপ্ত কর্মকর্তাগণ</h2><div class="info-officer-view"><div class="widget info-officer-view-widget">{body}</div></div></div>'
    )
    return g3_page(g3_menu(), widget, "তথ্য কর্মকর্তা")


def person(name: str, email: str = "x@passport.gov.bd", designation: str = "উপপরিচালক") -> dict:
    return {
        "নাম:": name,
        "পদবি:": designation,
        "ফোন:": "",
        "মোবাইল:": "০১৭১২০৬৩০৮৯",
        "ইমেইল:": email,
        "ঠিকানা :": "লক্ষ্মীপুর",
    }


def fetched(
    url: str, html: str, status: int = 200, found_via: str = "menu", ctype: str = "text/html"
) -> FetchedPage:
    return FetchedPage(
        url=url, final_url=url, status=status, content_type=ctype, text=html, found_via=found_via
    )


def make_site(
    home_html: str | None,
    pages: dict[str, str] | None = None,
    *,
    root: str = ROOT,
    home_url: str | None = None,
    department: str = "",
    links: dict | None = None,
) -> Site:
    site = Site(office="test office", root_url=root, host=root.split("/")[2], department=department)
    if home_html is not None:
        site.home = fetched(home_url or root, home_html, found_via="seed")
    for path, html in (pages or {}).items():
        url = root.rstrip("/") + path if path.startswith("/") else path
        site.pages[url] = fetched(url, html)
    for target, (status, sources) in (links or {}).items():
        site.links[target] = LinkCheck(url=target, status=status, sources=list(sources))
    return site


def run(site: Site, **config) -> set[tuple[str, str]]:
    return {
        (f.rule, f.subject)
        for f in judge(site, RulesConfig(today=config.pop("today", TODAY), **config)).findings
    }


def findings(site: Site, **config):
    return judge(site, RulesConfig(today=config.pop("today", TODAY), **config)).findings


@pytest.fixture
def root() -> str:
    return ROOT


@pytest.fixture
def npf():
    """The builders above, for tests: `npf.g1_page(...)`, `npf.make_site(...)`, `npf.run(...)`."""
    import sys

    return sys.modules[__name__]
