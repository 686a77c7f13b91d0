"""Service boxes, sidebar blocks, notice board, news and "last updated" stamps
(npf-structure.md §4, §5, §8, §9)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tadarki.bangla.text import match_key, variant_pattern
from tadarki.engine.npf.dates import parse_date, parse_datetime
from tadarki.engine.npf.html import attr, evidence_for, text_of
from tadarki.engine.npf.model import Block, Link, ListEntry, ServiceBox, Stamp
from tadarki.engine.npf.urls import normalise_url

SITE_STAMP_LABEL = "সাইটটি শেষ হাল-নাগাদ করা হয়েছে"
CONTENT_STAMP_LABEL = "কনটেন্টটি শেষ হাল-নাগাদ করা হয়েছে"


def link_of(raw: str, base: str, a: LexborNode) -> Link:
    href = attr(a, "href") or ""
    label = text_of(a)
    candidates = (a.html or "", f'href="{href}">{label}</a>', f'href="{href}"')
    return Link(
        label=label, href=href, url=normalise_url(base, href), candidates=candidates, raw=raw
    )


def block_kind(title: str) -> str:
    """Classify a block by its title: internal e-services, central e-services, innovation."""
    key = match_key(title)
    if "ই-সেবা" in key or "ই সেবা" in key or "e-service" in key.lower():
        if "অভ্যন্তরীণ" in key or "আভ্যন্তরীণ" in key or "internal" in key.lower():
            return "internal-eservices"
        if "কেন্দ্রীয়" in key or "central" in key.lower():
            return "central-eservices"
    if "ইনোভেশন" in key or "উদ্ভাবন" in key or "innovation" in key.lower():
        return "innovation"
    return ""


def read_service_boxes(tree: LexborHTMLParser, raw: str, base: str) -> list[ServiceBox]:
    boxes: list[ServiceBox] = []
    # G1/G2: div.service-box with h4 (ids repeat, so never key on them).
    for node in tree.css("div.service-box"):
        title = text_of(node.css_first("h4"))
        boxes.append(
            ServiceBox(title=title, items=[link_of(raw, base, a) for a in node.css("li a")])
        )
    # G3 [reported]: h1.service-box-title + ul.service-box-list > li > a.
    for node in tree.css('[data-widget_name^="ServiceBox"]'):
        titles = node.css(".service-box-title")
        lists = node.css("ul.service-box-list")
        for title_node, list_node in zip(titles, lists, strict=False):
            items = [link_of(raw, base, a) for a in list_node.css("li a")]
            boxes.append(ServiceBox(title=text_of(title_node), items=items))
    return boxes


def read_sidebar_blocks(tree: LexborHTMLParser, raw: str, base: str) -> list[Block]:
    blocks: list[Block] = []
    for node in tree.css(
        "#right-content div.block, #right div.block, div.right-side-bar div.block"
    ):
        title = text_of(node.css_first("h5"))
        kind = block_kind(title)
        if "central-eservices" in (attr(node, "class") or ""):
            kind = "central-eservices"
        items = [link_of(raw, base, a) for a in node.css("ul li a")]
        blocks.append(
            Block(
                title=title,
                items=items,
                kind=kind,
                evidence=evidence_for(raw, node.css_first("h5")),
            )
        )
    # G3 widgets named after what they hold [reported].
    for node in tree.css("[data-widget_name]"):
        name = attr(node, "data-widget_name") or ""
        kind = {
            "OfficeDigitalServiceImageLinkWidget": "internal-eservices",
            "InnovationCornerWidget": "innovation",
            "CentralEServiceLinkWidget": "central-eservices",
        }.get(name, "")
        if kind:
            items = [link_of(raw, base, a) for a in node.css("a[href]")]
            blocks.append(
                Block(title=name, items=items, kind=kind, evidence=f'data-widget_name="{name}"')
            )
    # Dedupe blocks matched by two selectors.
    seen: set[tuple[str, str]] = set()
    unique = []
    for block in blocks:
        key = (block.title, block.evidence)
        if key not in seen:
            seen.add(key)
            unique.append(block)
    return unique


def _entry(raw: str, base: str, li: LexborNode) -> ListEntry:
    # li.css_first("a") and li.css_first("i") from one walk of the item: compiling a selector
    # costs more than walking a list item.
    a = first_i = None
    for node in li.traverse():
        tag = node.tag
        if tag == "a":
            a = a or node
        elif tag == "i":
            first_i = first_i or node
    href = attr(a, "href") or ""
    date_node = first_i or li.css_first("span.notice-tag") or li.css_first(".date")
    date_text = text_of(date_node)
    full = text_of(li)
    # The title is the li text without the trailing date (titles may hold nested <a>).
    title = (
        full[: len(full) - len(date_text)].strip()
        if date_text and full.endswith(date_text)
        else full
    )
    if not title and a is not None:
        title = text_of(a)
    return ListEntry(
        title=title,
        href=href,
        url=normalise_url(base, href),
        day=parse_date(date_text) if date_text else None,
        evidence=evidence_for(raw, li, f'href="{href}"'),
    )


# Every selector read_notice_board and read_news look for, as one list: a page without any
# (most list pages) is told by one walk of its tree instead of six.
_BOARDS = (
    '#notice-board, div.notice-card, [data-widget_name="NoticeNewsCardWidget"], '
    "#left > div.notices.list, #news, #left > div.news.list"
)


def may_have_boards(tree: LexborHTMLParser) -> bool:
    """False only when read_notice_board and read_news would both find nothing."""
    return tree.css_first(_BOARDS) is not None


def read_notice_board(tree: LexborHTMLParser, raw: str, base: str) -> list[ListEntry] | None:
    board = tree.css_first("#notice-board")
    if board is not None:
        return [_entry(raw, base, li) for li in board.css("#notice-board-ticker li")]
    card = tree.css_first("div.notice-card") or tree.css_first(
        '[data-widget_name="NoticeNewsCardWidget"]'
    )
    if card is not None:
        return [_entry(raw, base, li) for li in card.css("ul.notice-unordered-list > li")]
    g2 = tree.css_first("#left > div.notices.list")
    if g2 is not None:
        return table_entries(raw, base, g2)
    return None


def read_news(tree: LexborHTMLParser, raw: str, base: str) -> list[ListEntry] | None:
    news = tree.css_first("#news")
    if news is not None:
        return [_entry(raw, base, li) for li in news.css("#news-ticker li")]
    g2 = tree.css_first("#left > div.news.list")
    if g2 is not None:
        return table_entries(raw, base, g2)
    return None


def table_entries(raw: str, base: str, node: LexborNode) -> list[ListEntry]:
    entries = []
    for row in node.css("table tr"):
        # The row's th, td and first a from one walk, as four selector queries found them.
        has_th = False
        a = None
        tds = []
        for cell in row.traverse():
            tag = cell.tag
            if tag == "td":
                tds.append(cell)
            elif tag == "th":
                has_th = True
            elif tag == "a":
                a = a or cell
        if has_th and not tds:
            continue
        cells = [text_of(td) for td in tds]
        day = next((d for d in (parse_date(c) for c in cells) if d), None)
        href = attr(a, "href") or ""
        title = text_of(a) if a is not None else ""
        entries.append(
            ListEntry(
                title=title,
                href=href,
                url=normalise_url(base, href),
                day=day,
                evidence=evidence_for(raw, row),
            )
        )
    return entries


_STAMP_PATTERN = re.compile(r"(সাইটটি|কনটেন্টটি) শেষ হাল-নাগাদ করা হয়েছে")


def read_stamps(tree: LexborHTMLParser, raw: str) -> tuple[Stamp | None, Stamp | None]:
    """(site-wide stamp, per-content stamp)."""
    site = content = None
    for sel in ("#footer-menu", "footer div.site-update-block", "footer p.last-updated", "footer"):
        node = tree.css_first(sel)
        if node is None:
            continue
        text = text_of(node)
        pos = text.find(SITE_STAMP_LABEL)
        if pos < 0:
            continue
        when = parse_datetime(text[pos + len(SITE_STAMP_LABEL) :][:80])
        if when:
            span = node.css_first("span")
            site = Stamp(when=when, raw=text[pos : pos + 90], evidence=_stamp_evidence(raw, span))
            break
    node = tree.css_first("div.content-update-block")
    if node is not None:
        text = text_of(node)
        pos = text.find(CONTENT_STAMP_LABEL)
        when = parse_datetime(text[pos + len(CONTENT_STAMP_LABEL) :]) if pos >= 0 else None
        if when:
            content = Stamp(when=when, raw=text, evidence=evidence_for(raw, node.css_first("p")))
    return site, content


_STAMP_RAW = variant_pattern("সাইটটি শেষ হাল-নাগাদ করা হয়েছে")


def _stamp_evidence(raw: str, span: LexborNode | None) -> str:
    """The raw stamp as published: label and the `<span>` holding the date."""
    match = _STAMP_RAW.search(raw)
    if match is None:
        return ""
    end = raw.find("</span>", match.end())
    if 0 <= end - match.end() < 400:
        return raw[match.start() : end + len("</span>")]
    close = raw.find("<", match.end())
    return raw[match.start() : close if close > 0 else match.end()]
