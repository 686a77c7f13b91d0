"""Read one NPF page into a ParsedPage: one parse for what every page is judged on.

Template furniture (menu, service boxes, sidebar blocks, notice board, news, stamps, footer)
repeats on every page and is judged from the home page, so it is read on first use, from a
second parse of the same HTML; the anchors' own markup (link evidence) is serialised only
when a finding quotes it. Nothing is cached across calls: a cache keyed on the HTML would keep
every page of a crawl alive.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from selectolax.lexbor import LexborHTMLParser

from tadarki.bangla.text import clean, find_junk, nfc
from tadarki.engine.npf import blocks, menus, officers
from tadarki.engine.npf.detect import detect_template
from tadarki.engine.npf.html import attr, text_of
from tadarki.engine.npf.model import Link, LinkRows, ParsedPage
from tadarki.engine.npf.rtbody import decode_encoded_content
from tadarki.engine.npf.urls import PageResolver, is_placeholder_href
from tadarki.engine.site import PageText

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


def parse_page(url: str, html: str | PageText) -> ParsedPage:
    """Everything the rules need from one page. Pure."""
    return _parse(url, html, None)[0]


def parse_page_and_hrefs(url: str, html: str | PageText) -> tuple[ParsedPage, list[str] | None]:
    """parse_page, and from the same parse every href the crawler follows, as
    crawl.links.extract_hrefs reads them (`a`/`area` hrefs, G3 rt-renderer bodies' too).
    The hrefs are None when the page's tree is not the published HTML's (error pages,
    challenges, `<wbr>` removed): the crawler then reads them itself.

    Given the page's PageText (as the crawler does), what is read on first use reads the
    text from it, so the page's text is not held a second time when the crawler packs it."""
    return _parse(url, html, [])


def _parse(
    url: str, html: str | PageText, hrefs: list[str] | None
) -> tuple[ParsedPage, list[str] | None]:
    if isinstance(html, PageText):
        held, html = html, html.text
    else:
        held = PageText(html)
    # The page as the parser reads it (UTF-8), and lower-cased for case-less tests.
    data = html.encode("utf-8", "ignore")
    low = data.lower()
    template = detect_template(html, low)
    page = ParsedPage(url=url, template=template)
    if template in ("error", "challenge") or not html:
        return page, None
    source = _tree_source(html)
    tree = LexborHTMLParser(data if source is html else source)
    titles = tree.tags("title")  # css_first("title"), without compiling a selector
    page.title = clean((text_of(titles[0] if titles else None) or "").split("|")[0])
    walk = _Walk(tree, low if source is html else None)
    portal = _memo()
    page.widgets = [attr(n, "data-widget_name") or "" for n in walk.widgets]
    if walk.has_wbr:
        # Reading text removes <wbr> elements from the tree as it goes, so here every piece is
        # read from the one tree in the order the readers were written for.
        for name, value in _read_furniture(page, tree, html).items():
            setattr(page, name, value)
        page.links = [blocks.link_of(html, url, a) for a in tree.css("a[href]")]
        page.footer_links = _read_footer(page, tree, html)
        _read_body(page, tree, html)
        for name, value in _read_body_text(page).items():
            setattr(page, name, value)
        _read_list_page(page)
        hrefs = None
        walk = None  # the tree has changed since
    else:
        rows = _read_links(walk.anchors, url, portal)
        markup = _AnchorMarkup(held if source is html else PageText(source))
        page.readers["links"] = LinkRows(rows, held, markup.candidates)
        if hrefs is not None and source is html:
            hrefs.extend(row[1] for row in rows if row[1])
            hrefs.extend(h for h in (n.attrs.get("href") for n in walk.areas) if h)
        else:
            hrefs = None
        _read_body(page, tree, html, hrefs, walk.renderers, walk.fragment)
        page.readers["body"] = _read_body_text
        if _is_list_path(url):
            # A notice or news list is judged by its rows: read its boards now.
            boards = blocks.may_have_boards(tree)
            page.notices = blocks.read_notice_board(tree, html, url) if boards else None
            page.news = blocks.read_news(tree, html, url) if boards else None
            _read_list_page(page, walk.fragment)
        page.readers["furniture"] = partial(_read_furniture_later, held)
    _read_people(page, tree, html, walk)
    _read_visible_text(page, tree, walk, portal.runs)
    return page, hrefs


# Compiling a selector costs some twenty times looking a tag name up, and each css() call
# walks the whole tree; so what the readers look for by tag name alone is looked up by name.
_OFFICER_CARDS = "div.list-card-body, div.employee-content-widget"


class _Walk:
    """What the readers look for in a page's tree, found once: `(anchor, href)` for each
    `a[href]`, the `area`, `rt-renderer` and `[data-widget_name]` nodes, whether there is a
    `<wbr>`."""

    __slots__ = ("tree", "anchors", "areas", "widgets", "renderers", "has_wbr", "_cards", "_body")

    def __init__(self, tree: LexborHTMLParser, low: bytes | None = None) -> None:
        """`low`: the tree's source, ASCII-lower-cased, when known."""
        self.tree = tree
        anchors = []
        for a in tree.tags("a"):
            href = a.attrs.get("href")
            if href is None:
                attrs = a.attrs
                if "href" in attrs:
                    href = ""  # <a href>
                elif "xlink:href" in attrs:
                    # `a[href]` matches an svg anchor's xlink:href; let the selector decide.
                    anchors = [(n, n.attrs.get("href") or "") for n in tree.css("a[href]")]
                    break
                else:
                    continue
            anchors.append((a, href))
        self.anchors = anchors
        self.areas = tree.tags("area")  # those without an href yield none, as area[href] would
        # An attribute name is in the source as it is in the tree, but for ASCII case.
        has_widgets = low is None or b"data-widget_name" in low
        self.widgets = tree.css("[data-widget_name]") if has_widgets else []
        self.renderers = tree.tags("rt-renderer")
        self.has_wbr = bool(tree.tags("wbr"))
        self._cards: bool | None = None
        self._body: tuple[str, LexborHTMLParser] | None = None

    def fragment(self, html: str, last: bool = False) -> LexborHTMLParser:
        """LexborHTMLParser(html) for the readers of the page's body, parsed once: they read
        it in turn and only the `last` (visible text) changes it; a <wbr> (which reading text
        removes) would let one reader's reading change another's, so then each parses anew."""
        known = self._body
        if known is not None and known[0] == html:
            tree = known[1]
        else:
            tree = LexborHTMLParser(html)
            if _WBR.search(html) is None:
                known = self._body = (html, tree)
        if last:
            self._body = None
        return tree

    def css(self, selector: str) -> list:
        """tree.css for the officer card selectors, skipped when one query finds neither."""
        if self._cards is None:
            self._cards = self.tree.css_first(_OFFICER_CARDS) is not None
        return self.tree.css(selector) if self._cards else []


def _tree_source(html: str) -> str:
    # <wbr> splits e-mail addresses into two text nodes; the tree is built without it, while
    # evidence is still searched in the HTML as published.
    return _WBR.sub("", html) if "<wbr" in html else html


def _read_furniture_later(held: PageText, page: ParsedPage) -> dict[str, object]:
    html = held.text
    tree = LexborHTMLParser(_tree_source(html))
    furniture = _read_furniture(page, tree, html)
    furniture["footer_links"] = _read_footer(page, tree, html)
    return furniture


def _read_furniture(page: ParsedPage, tree: LexborHTMLParser, html: str) -> dict[str, object]:
    url = page.url
    if page.template == "G3":
        menu = menus.read_g3_menu(tree, html, url)
    else:
        menu = menus.read_g1_menu(tree, html, url)
    boxes = blocks.read_service_boxes(tree, html, url)
    sidebar = blocks.read_sidebar_blocks(tree, html, url)
    notices = blocks.read_notice_board(tree, html, url)
    news = blocks.read_news(tree, html, url)
    site_stamp, content_stamp = blocks.read_stamps(tree, html)
    return {
        "menu": menu,
        "boxes": boxes,
        "blocks": sidebar,
        "notices": notices,
        "news": news,
        "site_stamp": site_stamp,
        "content_stamp": content_stamp,
    }


def _read_footer(page: ParsedPage, tree: LexborHTMLParser, html: str) -> list[Link]:
    footer = tree.css_first("footer[data-widget_name]") or tree.css_first("#footer-menu")
    if footer is None:
        return []
    return [blocks.link_of(html, page.url, a) for a in footer.css("a[href]")]


class _AnchorMarkup:
    """The HTML of a page's n-th `<a href>`, serialised (from a fresh parse) only when a
    finding quotes one of the page's links."""

    __slots__ = ("source", "markups")

    def __init__(self, source: PageText) -> None:
        self.source = source
        self.markups: list[str] | None = None

    def candidates(self, index: int, href: str, label: str) -> tuple[str, ...]:
        """blocks.link_of's evidence candidates for that anchor."""
        if self.markups is None:
            tree = LexborHTMLParser(self.source.text)
            self.markups = [a.html or "" for a in tree.css("a[href]")]
        return (self.markups[index], f'href="{href}">{label}</a>', f'href="{href}"')


class PortalMemo:
    """What reading a portal's pages remembers from page to page: its menu's anchors and text
    runs repeat on every page. It lives while the portal is crawled (see `remembering`), so the
    memory it takes does not grow with the number of portals an audit reads."""

    __slots__ = ("anchors", "urls", "runs", "__weakref__")

    # Bounds for one portal (a portal that outgrows them starts again).
    MAX_ENTRIES = 20_000

    def __init__(self) -> None:
        # (what the URL depends on, href, anchor text) -> (label, href, URL)
        self.anchors: dict[tuple[str, str, str], tuple[str, str, str | None]] = {}
        self.urls: dict[tuple[str, str], str | None] = {}  # see urls.PageResolver
        self.runs: dict[str, str] = {}  # text run -> clean(run)

    def trim(self) -> None:
        for table in (self.anchors, self.urls, self.runs):
            if len(table) >= self.MAX_ENTRIES:
                table.clear()


# A weak reference: tasks started while a portal is crawled keep a copy of the context, and
# some (link checks, robots.txt) outlive the portal by far.
_PORTAL: ContextVar[weakref.ref[PortalMemo] | None] = ContextVar("tadarki_portal", default=None)


@contextmanager
def remembering() -> Iterator[PortalMemo]:
    """Pages read in this context (and in tasks started from it) share one PortalMemo until
    the block ends; pages read elsewhere remember nothing across pages."""
    memo = PortalMemo()
    token = _PORTAL.set(weakref.ref(memo))
    try:
        yield memo
    finally:
        _PORTAL.reset(token)


def _memo() -> PortalMemo:
    ref = _PORTAL.get()
    memo = ref() if ref is not None else None
    if memo is None:
        return PortalMemo()  # this page's own
    memo.trim()
    return memo


def _read_links(anchors: list, base: str, portal: PortalMemo) -> list[tuple[str, str, str | None]]:
    """(label, href, URL) of every `<a href>` (`anchors`: (node, href)) as blocks.link_of
    reads them, without serialising the anchors."""
    resolve = PageResolver(base, portal.urls)
    origin = resolve.origin
    memo = portal.anchors
    rows = []
    for a, href in anchors:
        text = a.text(deep=True, separator=" ")
        if href[:1] == "/" and href[1:2] != "/":
            scope = origin
        elif href[:7] == "http://" or href[:8] == "https://" or is_placeholder_href(href):
            scope = ""  # the URL (None for "#", "nolink/…") does not depend on the page
        else:
            scope = base
        key = (scope, href, text)
        row = memo.get(key)
        if row is None:
            # text_of(a), normalise_url(base, href): the tree holds no <wbr>
            row = memo[key] = (clean(text), href, resolve(href))
        rows.append(row)  # one row for the menu's anchor on every page: a crawl holds them all
    return rows


def _read_body(
    page: ParsedPage,
    tree: LexborHTMLParser,
    raw: str,
    hrefs: list[str] | None = None,
    renderers: list | None = None,
    fragment: Callable[[str], LexborHTMLParser] = LexborHTMLParser,
) -> None:
    """The page's own content; `hrefs` (when given) gets the rt-renderer bodies' links;
    `renderers`: the tree's rt-renderer nodes, when known; `fragment` parses a body."""
    if renderers is None:
        renderers = tree.css("rt-renderer")
    if renderers:
        page.has_body = True
        page.body_from_renderer = True
        bodies = [decode_encoded_content(attr(node, "encoded-content") or "") for node in renderers]
        page.body_html = "".join(bodies)
        if hrefs is not None:
            # Each body on its own, as the crawler reads them.
            for body in bodies:
                if body:
                    hrefs.extend(_hrefs(fragment(body)))
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


def _read_body_text(page: ParsedPage) -> dict[str, object]:
    """body_text and body_media, from body_html."""
    if not page.body_html:
        return {}
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
        return {}
    if page.template == "G3" and not page.body_from_renderer:
        # The page heading alone is not content.
        first_heading = root.css_first("h1, h2")
        if first_heading is not None and not root.css_first("table, .list-card-body"):
            first_heading.decompose()
    elif not page.body_from_renderer:
        first_heading = root.css_first("h1, h2, h3")
        if first_heading is not None:
            first_heading.decompose()
    media = "img[src], table td, iframe, embed, object, video, a[href$='.pdf'], a[href$='.PDF']"
    return {"body_text": text_of(root), "body_media": len(root.css(media))}


def _hrefs(tree: LexborHTMLParser) -> list[str]:
    return [h for h in (n.attrs.get("href") for n in tree.css("a[href], area[href]")) if h]


_NOTICE_LISTS = ("/site/view/notices", "/pages/notices", "/site/view/notice")
_NEWS_LISTS = ("/site/view/news", "/pages/news")


def _path(url: str) -> str:
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else "/"
    return path[3:] if path.startswith(("/bn/", "/en/")) else path


def _is_list_path(url: str) -> bool:
    path = _path(url)
    return path.startswith(_NOTICE_LISTS) or path.startswith(_NEWS_LISTS)


def _read_list_page(
    page: ParsedPage, fragment: Callable[[str], LexborHTMLParser] = LexborHTMLParser
) -> None:
    """Notice and news list pages: their rows (title, date) from the body."""
    path = _path(page.url)
    is_notices = any(path.startswith(p) for p in _NOTICE_LISTS)
    is_news = any(path.startswith(p) for p in _NEWS_LISTS)
    if not (is_notices or is_news) or not page.body_html:
        return
    # A list page's own boards, when it has them, are its rows (read from the whole page).
    want_notices = is_notices and page.notices is None
    want_news = is_news and page.news is None
    if not (want_notices or want_news):
        return
    body = fragment(page.body_html)
    root = body.body or body.root
    entries = [e for e in blocks.table_entries(page.body_html, page.url, root) if e.title or e.day]
    if want_notices:
        page.notices = entries
    if want_news:
        page.news = entries


def _read_people(
    page: ParsedPage, tree: LexborHTMLParser, raw: str, walk: _Walk | None = None
) -> None:
    css = tree.css if walk is None else walk.css
    kind = officers.page_kind(page.title, page.url)
    people = officers.read_info_officer_cards(tree, raw, kind, css("div.list-card-body"))
    if not people and page.body_html and officers.may_name_roles(page.body_html):
        body_tree = (walk.fragment if walk is not None else LexborHTMLParser)(page.body_html)
        people = officers.read_role_tables(body_tree, raw, kind)
        if not people:
            people = officers.read_role_headings(body_tree, raw, kind)
    page.officers = people
    path = _path(page.url)
    if any(p in path for p in _OFFICER_LIST_PATHS) or css("div.employee-content-widget"):
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


def _read_visible_text(
    page: ParsedPage,
    tree: LexborHTMLParser,
    walk: _Walk | None = None,
    memo: dict[str, str] | None = None,
) -> None:
    """Text runs a visitor sees. Runs last: it strips the tree in place. `memo`: run ->
    clean(run), kept by the caller."""
    body = tree.body
    if body is None:
        return
    tree.strip_tags(_INVISIBLE)
    if walk is None or walk.renderers:  # stripping removes nodes, it adds none
        for node in tree.tags("rt-renderer"):
            node.decompose()  # judged from the decoded attribute instead
    # Whitespace-only text nodes would only add runs that clean to "".
    runs = body.text(deep=True, separator="\n", skip_empty=True).split("\n")
    if page.body_from_renderer:
        if walk is None:
            decoded = LexborHTMLParser(page.body_html)
        else:
            decoded = walk.fragment(page.body_html, last=True)
        decoded.strip_tags(_INVISIBLE)
        root = decoded.body or decoded.root
        if root is not None:
            runs.extend(root.text(deep=True, separator="\n", skip_empty=True).split("\n"))
    memo = {} if memo is None else memo
    visible = []
    for run in runs:
        cleaned = memo.get(run)
        if cleaned is None:
            cleaned = clean(run)
            if len(run) <= _MEMO_LEN:
                memo[run] = cleaned
        if cleaned:
            visible.append(cleaned)
    page.visible_text = visible


# Text runs repeat on every page (menu, footer), so their cleaning and junk verdicts are
# remembered (short runs only) by whoever reads many pages.
_MEMO_LEN = 200


def junk_on_page(page: ParsedPage, memo: dict[str, str] | None = None) -> str:
    """The first junk snippet in the page's visible text, "" when none. `memo`: run ->
    verdict, kept by the caller (one judgement)."""
    memo = {} if memo is None else memo
    for run in page.visible_text:
        found = memo.get(run)
        if found is None:
            found = find_junk(run)
            if len(run) <= _MEMO_LEN:
                memo[run] = found
        if found:
            return found
    return ""
