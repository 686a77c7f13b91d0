"""Main menus: G1/G2 `ul.meganizr` (npf-structure.md §3.2) and G3 `MenusExpandableWidget` (§3.3)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tadarki.engine.npf.html import attr, evidence_for, text_of
from tadarki.engine.npf.model import Link, MenuColumn, MenuItem, MenuLeaf
from tadarki.engine.npf.urls import normalise_url


def _link(raw: str, base: str, a: LexborNode) -> Link:
    href = attr(a, "href") or ""
    label = text_of(a)
    title = attr(a, "title") or ""
    candidates = (
        a.html or "",
        f'title="{title}" class="{attr(a, "class") or ""}" href="{href}"',
        f'href="{href}">{label}</a>',
        f'href="{href}"',
    )
    return Link(
        label=label, href=href, url=normalise_url(base, href), candidates=candidates, raw=raw
    )


def read_g1_menu(tree: LexborHTMLParser, raw: str, base: str) -> list[MenuItem]:
    menu = tree.css_first("ul.meganizr")
    if menu is None:
        return []
    items: list[MenuItem] = []
    for li in menu.iter():
        if li.tag != "li":
            continue
        a = li.css_first("a")
        if a is None:
            continue
        link = _link(raw, base, a)
        classes = (attr(li, "class") or "").split()
        item = MenuItem(
            label=link.label,
            link=link,
            is_dropdown="mzr-drop" in classes or li.css_first("div.mzr-content") is not None,
            is_home="col0" in classes,
        )
        for col in li.css("div.one-col"):
            heading = text_of(col.css_first("h6"))
            column = MenuColumn(heading=heading, evidence=evidence_for(raw, col))
            h6 = col.css_first("h6")
            if h6 is not None and col.css_first("ul") is None:
                column.evidence = evidence_for(raw, None, f"{h6.html}</div>", h6.html or "")
            path = [item.label] + ([heading] if heading else [])
            for leaf_a in col.css("li > a"):
                column.leaves.append(
                    MenuLeaf(path=path + [text_of(leaf_a)], link=_link(raw, base, leaf_a))
                )
            item.columns.append(column)
        items.append(item)
    return items


def read_g3_menu(tree: LexborHTMLParser, raw: str, base: str) -> list[MenuItem]:
    widget = tree.css_first('[data-widget_name="MenusExpandableWidget"]')
    menu = (widget or tree).css_first("ul.menu-parent-unordered-list")
    if menu is None:
        return []
    items: list[MenuItem] = []
    for li in menu.iter():
        if li.tag != "li":
            continue
        a = li.css_first("a")
        if a is None:
            continue
        link = _link(raw, base, a)
        classes = (attr(a, "class") or "").split()
        boxes = li.css("div.menu-child-box")
        item = MenuItem(
            label=link.label,
            link=link,
            is_dropdown=bool(boxes) or li.css_first("div.mega-menu-dropdown") is not None,
            is_home="home-link" in classes,
        )
        for box in boxes:
            heading = text_of(box.css_first("h6"))
            column = MenuColumn(heading=heading, evidence=evidence_for(raw, box.css_first("h6")))
            prefix = [item.label] + ([heading] if heading else [])
            for sub_li in box.css("li.menu-sub-child-list"):
                sub_a = sub_li.css_first("a.menu-sub-child-link") or sub_li.css_first("a")
                if sub_a is None:
                    continue
                sub_link = _link(raw, base, sub_a)
                children = sub_li.css("a.menu-sub-sub-child-link")
                if not children:
                    column.leaves.append(MenuLeaf(path=prefix + [sub_link.label], link=sub_link))
                    continue
                # A second-level item with its own children is a heading, not a leaf.
                for child in children:
                    child_link = _link(raw, base, child)
                    column.leaves.append(
                        MenuLeaf(path=prefix + [sub_link.label, child_link.label], link=child_link)
                    )
            item.columns.append(column)
        items.append(item)
    return items
