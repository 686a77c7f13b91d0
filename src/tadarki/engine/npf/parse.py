"""Read one NPF page into a ParsedPage: parse once, cache by (url, html)."""

from __future__ import annotations

import re
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser

from tadarki.bangla.text import clean, find_junk, nfc
from tadarki.engine.npf import blocks, menus, officers
from tadarki.engine.npf.detect import detect_template
from tadarki.engine.npf.html import attr, text_of
from tadarki.engine.npf.model import ParsedPage
from tadarki.engine.npf.rtbody import decode_encoded_content

_WBR = re.compile(r"<wbr\s*/?>", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# Widgets that are template furniture, never page content (npf-structure.md §12).
_G3_FURNITURE = {
    "HeaderWidget",
    "HeaderVersionFourWidget",
    "MenusExpandableWidget",
    "BannerSliderImageWidget",
    "SocialContentShareWidget",
    "AccessibilityWidget",
    "GoToTopWidget",
    "FooterWidget",
    "NewLandingFooterWidget",
    "OfficeTitleWidget",
}
_INVISIBLE = ["script", "style", "noscript", "template", "select", "option", "svg", "iframe"]
_OFFICER_LIST_PATHS = (
    "/site/view/officer_list",
    "/pages/officers",
    "/site/officer_list",
    "/site/view/staff_list",
    "/site/view/employee_list",
    "/views/employee-list",
)


def parse_page(url: str, html: str) -> ParsedPage:
    """Everything the rules need from one page. Pure; cached on (url, html)."""
    return _parse_cached(url, html)


@lru_cache(maxsize=512)
def _parse_cached(url: str, html: str) -> ParsedPage:
    template = detect_template(html)
    page = ParsedPage(url=url, template=template)
    if template in ("error", "challenge") or not html:
        return page
    # <wbr> splits e-mail addresses into two text nodes; the tree is built without it, while
    # evidence is still searched in the HTML as published.
    tree = LexborHTMLParser(_WBR.sub("", html) if "<wbr" in html else html)
    page.title = clean((text_of(tree.css_first("title")) or "").split("|")[0])
    page.widgets = [attr(n, "data-widget_name") or "" for n in tree.css("[data-widget_name]")]
    if template == "G3":
        page.menu = menus.read_g3_menu(tree, html, url)
    else:
        page.menu = menus.read_g1_menu(tree, html, url)
    page.boxes = blocks.read_service_boxes(tree, html, url)
    page.blocks = blocks.read_sidebar_blocks(tree, html, url)
    page.notices = blocks.read_notice_board(tree, html, url)
    page.news = blocks.read_news(tree, html, url)
    page.site_stamp, page.content_stamp = blocks.read_stamps(tree, html)
    page.links = [blocks.link_of(html, url, a) for a in tree.css("a[href]")]
    footer = tree.css_first("footer[data-widget_name]") or tree.css_first("#footer-menu")
    if footer is not None:
        page.footer_links = [blocks.link_of(html, url, a) for a in footer.css("a[href]")]
    _read_body(page, tree, html)
    _read_list_page(page)
    _read_people(page, tree, html)
    _read_visible_text(page, tree)
    return page


def _read_body(page: ParsedPage, tree: LexborHTMLParser, raw: str) -> None:
    renderers = tree.css("rt-renderer")
    if renderers:
        page.has_body = True
        page.body_from_renderer = True
        page.body_html = "".join(
            decode_encoded_content(attr(node, "encoded-content") or "") for node in renderers
        )
    elif page.template == "G3":
        body = tree.css_first('[data-section_type="body"]')
        parts = []
        if body is not None:
            for widget in body.css("[data-widget_name]"):
                name = attr(widget, "data-widget_name") or ""
                parent_widget = widget.parent
                nested = False
                while parent_widget is not None and parent_widget is not body:
                    if "data-widget_name" in parent_widget.attributes:
                        nested = True
                        break
                    parent_widget = parent_widget.parent
                if name not in _G3_FURNITURE and not nested:
                    parts.append(widget.html or "")
            page.has_body = True
        page.body_html = "".join(parts)
    else:
        node = (
            tree.css_first("div.html_text.body")
            or tree.css_first("#left-content")
            or tree.css_first("#left")
        )
        if node is not None:
            page.has_body = True
            page.body_html = node.html or ""
    if not page.body_html:
        return
    fragment = LexborHTMLParser(page.body_html)
    for sel in (
        ".content-update-block",
        ".print-widget",
        ".chips",
        "#gtx-trans",
        "script",
        "style",
        ".social-content-share-widget",
    ):
        for node in fragment.css(sel):
            node.decompose()
    root = fragment.body or fragment.root
    if root is None:
        return
    if page.template == "G3" and not renderers:
        # The page heading alone is not content.
        first_heading = root.css_first("h1, h2")
        if first_heading is not None and not root.css_first("table, .list-card-body"):
            first_heading.decompose()
    elif not renderers:
        first_heading = root.css_first("h1, h2, h3")
        if first_heading is not None:
            first_heading.decompose()
    page.body_text = text_of(root)
    page.body_media = len(
        root.css(
            "img[src], table td, iframe, embed, object, video, a[href$='.pdf'], a[href$='.PDF']"
        )
    )


_NOTICE_LISTS = ("/site/view/notices", "/pages/notices", "/site/view/notice")
_NEWS_LISTS = ("/site/view/news", "/pages/news")


def _path(url: str) -> str:
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else "/"
    return path[3:] if path.startswith(("/bn/", "/en/")) else path


def _read_list_page(page: ParsedPage) -> None:
    """Notice and news list pages: their rows (title, date) from the body."""
    path = _path(page.url)
    is_notices = any(path.startswith(p) for p in _NOTICE_LISTS)
    is_news = any(path.startswith(p) for p in _NEWS_LISTS)
    if not (is_notices or is_news) or not page.body_html:
        return
    fragment = LexborHTMLParser(page.body_html)
    root = fragment.body or fragment.root
    entries = [e for e in blocks.table_entries(page.body_html, page.url, root) if e.title or e.day]
    if is_notices and page.notices is None:
        page.notices = entries
    if is_news and page.news is None:
        page.news = entries


def _read_people(page: ParsedPage, tree: LexborHTMLParser, raw: str) -> None:
    kind = officers.page_kind(page.title, page.url)
    people = officers.read_info_officer_cards(tree, raw, kind)
    if not people and page.body_html:
        body_tree = LexborHTMLParser(page.body_html)
        people = officers.read_role_tables(body_tree, raw, kind)
        if not people:
            people = officers.read_role_headings(body_tree, raw, kind)
    page.officers = people
    path = _path(page.url)
    if any(p in path for p in _OFFICER_LIST_PATHS) or tree.css_first("div.employee-content-widget"):
        page.is_officer_list = True
        page.listed_officers = officers.read_officer_list(tree)
    # E-mail addresses on officer-bearing pages (role blocks, lists).
    seen: set[str] = set()
    for person in people:
        for address in _EMAIL.findall(person.email):
            if address.lower() not in seen:
                seen.add(address.lower())
                page.emails.append((address, _email_evidence(raw, address)))
    if page.is_officer_list or kind:
        text = nfc(page.body_text)
        for address in _EMAIL.findall(text):
            if address.lower() not in seen:
                seen.add(address.lower())
                page.emails.append((address, _email_evidence(raw, address)))


def _email_evidence(raw: str, address: str) -> str:
    local, _, domain = address.partition("@")
    for candidate in (f"<td>{local}<wbr>@{domain}</td>", f"{local}<wbr>@{domain}", address):
        if candidate in raw:
            return candidate
    return address


def _read_visible_text(page: ParsedPage, tree: LexborHTMLParser) -> None:
    """Text runs a visitor sees. Runs last: it strips the tree in place."""
    body = tree.body
    if body is None:
        return
    tree.strip_tags(_INVISIBLE)
    for node in tree.css("rt-renderer"):
        node.decompose()  # judged from the decoded attribute instead
    runs = body.text(deep=True, separator="\n").split("\n")
    if page.body_from_renderer:
        decoded = LexborHTMLParser(page.body_html)
        decoded.strip_tags(_INVISIBLE)
        root = decoded.body or decoded.root
        if root is not None:
            runs.extend(root.text(deep=True, separator="\n").split("\n"))
    page.visible_text = [run for run in (clean(x) for x in runs) if run]


def junk_on_page(page: ParsedPage) -> str:
    """The first junk snippet in the page's visible text, "" when none."""
    for run in page.visible_text:
        found = find_junk(run)
        if found:
            return found
    return ""
