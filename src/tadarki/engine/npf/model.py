"""What the NPF readers extract from one page. Plain data; the rules judge it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property


@dataclass
class Link:
    label: str  # visible text, cleaned (NFC, collapsed); "" when the item has no text
    href: str  # raw attribute value as published
    url: str | None  # normalised absolute target; None for placeholders
    # Candidates for the evidence, most specific first; checked against the page HTML only
    # when a finding needs them (searching 100 kB per link is the parser's main cost).
    candidates: tuple[str, ...] = field(default=(), repr=False, compare=False)
    raw: str = field(default="", repr=False, compare=False)

    @cached_property
    def evidence(self) -> str:
        """An exact substring of the page HTML that shows this link."""
        for candidate in self.candidates:
            if candidate and len(candidate) <= 400 and candidate in self.raw:
                return candidate
        return self.candidates[0][:200] if self.candidates else ""


@dataclass
class MenuLeaf:
    path: list[str]  # labels from the top item down to the leaf; "" for empty labels
    link: Link

    @property
    def label(self) -> str:
        return self.link.label


@dataclass
class MenuColumn:
    """A G1 `div.one-col` or a G3 `div.menu-child-box`: an optional heading and its leaves."""

    heading: str
    leaves: list[MenuLeaf] = field(default_factory=list)
    evidence: str = ""


@dataclass
class MenuItem:
    """A main-menu top item: a leaf itself (`link`) or a dropdown with columns."""

    label: str
    link: Link
    columns: list[MenuColumn] = field(default_factory=list)
    is_dropdown: bool = False
    is_home: bool = False


@dataclass
class ServiceBox:
    title: str
    items: list[Link] = field(default_factory=list)


@dataclass
class Block:
    """A sidebar block (G1 `div.block`), or a G3 widget/menu group used the same way."""

    title: str
    items: list[Link] = field(default_factory=list)
    kind: str = ""  # "internal-eservices", "central-eservices", "innovation", ""
    evidence: str = ""


@dataclass
class Person:
    role: str  # canonical role id, see officers.ROLE_*
    heading: str  # the heading as published
    name: str = ""
    designation: str = ""
    phone: str = ""
    mobile: str = ""
    email: str = ""
    address: str = ""
    evidence: str = ""

    @property
    def identified(self) -> bool:
        return bool(self.name or self.designation)


@dataclass
class ListEntry:
    """A notice or a news item."""

    title: str
    href: str
    url: str | None
    day: date | None = None
    evidence: str = ""


@dataclass
class Stamp:
    when: datetime
    raw: str
    evidence: str = ""


@dataclass
class ParsedPage:
    url: str
    template: str  # G1, G2, G3, generic, error, challenge
    title: str = ""
    menu: list[MenuItem] = field(default_factory=list)
    boxes: list[ServiceBox] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    widgets: list[str] = field(default_factory=list)
    officers: list[Person] = field(default_factory=list)  # RTI/GRS/NIS role holders found here
    is_officer_list: bool = False  # an officer/staff directory (its text is the list)
    listed_officers: list[Person] = field(default_factory=list)  # rows of that directory
    notices: list[ListEntry] | None = None  # None: no notice board / list on this page
    news: list[ListEntry] | None = None
    site_stamp: Stamp | None = None
    content_stamp: Stamp | None = None
    body_html: str = ""  # the page's own content (G3 decoded rt-renderer bodies)
    body_text: str = ""  # visible text of body_html, cleaned
    has_body: bool = False  # the page has a content area at all
    body_media: int = 0  # images, tables, embeds, file links inside the body
    body_from_renderer: bool = False  # body_html was decoded from rt-renderer attributes
    visible_text: list[str] = field(default_factory=list)  # text runs for junk detection
    links: list[Link] = field(default_factory=list)  # every <a href> on the page
    footer_links: list[Link] = field(default_factory=list)
    emails: list[tuple[str, str]] = field(default_factory=list)  # (address, evidence)

    @property
    def is_content(self) -> bool:
        return self.template not in ("error", "challenge")

    def menu_leaves(self) -> list[MenuLeaf]:
        return [leaf for item in self.menu for col in item.columns for leaf in col.leaves]
