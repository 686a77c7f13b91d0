"""What the NPF readers extract from one page. Plain data; the rules judge it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from tadarki.engine.site import PageText


@dataclass(slots=True)
class Link:
    # Slots: a crawl keeps every page's links until the judge reads them, and the cyclic
    # garbage collector walks each live object; one object per link, not three (instance,
    # its __dict__, a partial), made full collections the largest CPU cost after parsing.
    label: str  # visible text, cleaned (NFC, collapsed); "" when the item has no text
    href: str  # raw attribute value as published
    url: str | None  # normalised absolute target; None for placeholders
    # Candidates for the evidence, most specific first; checked against the page HTML only
    # when a finding needs them (searching 100 kB per link is the parser's main cost).
    candidates: tuple[str, ...] = field(default=(), repr=False, compare=False)
    raw: str = field(default="", repr=False, compare=False)
    # Produces the candidates on demand instead (serialising every anchor of every page was a
    # large part of reading a page; few links are ever quoted): called with `lazy_index`.
    lazy_candidates: Callable[..., tuple[str, ...]] | None = field(
        default=None, repr=False, compare=False
    )
    lazy_index: int | None = field(default=None, repr=False, compare=False)
    _evidence: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def evidence(self) -> str:
        """An exact substring of the page HTML that shows this link."""
        if self._evidence is None:
            self._evidence = self._find_evidence()
        return self._evidence

    def _find_evidence(self) -> str:
        if self.lazy_candidates is None:
            candidates = self.candidates
        elif self.lazy_index is None:
            candidates = self.lazy_candidates()
        else:
            candidates = self.lazy_candidates(self.lazy_index, self.href, self.label)
        for candidate in candidates:
            if candidate and len(candidate) <= 400 and candidate in self.raw:
                return candidate
        return candidates[0][:200] if candidates else ""


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


class _Lazy:
    """A ParsedPage attribute read on first use, with the others of its group. Template
    furniture (menu, boxes, blocks, boards, stamps) repeats on every page of a portal and the
    rules read it from the home page; a body's text is read only for the pages a rule looks
    into. So most pages of a crawl never pay for either."""

    def __init__(self, group: str, default: Callable[[], object]) -> None:
        self.group = group
        self.default = default

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, page: ParsedPage | None, owner: type | None = None):
        if page is None:
            return self
        values = page.__dict__
        if self.name not in values:
            page.read_lazy(self.group)
        return values[self.name]

    def __set__(self, page: ParsedPage, value) -> None:
        page.__dict__[self.name] = value


class LinkRows:
    """The reader of ParsedPage.links from a page's (label, href, URL) rows: the links are made
    when a rule first reads them; rules that only compare the three read the rows instead
    (ParsedPage.link_rows), and `link(i)` makes one link alone."""

    __slots__ = ("rows", "source", "candidates")

    def __init__(
        self,
        rows: list[tuple[str, str, str | None]],
        source: PageText,
        candidates: Callable[..., tuple[str, ...]],
    ) -> None:
        self.rows = rows
        self.source = source  # the page's text, for the links' evidence
        self.candidates = candidates

    def __call__(self, _page: ParsedPage) -> dict[str, object]:
        return {"links": [self.link(index) for index in range(len(self.rows))]}

    def link(self, index: int) -> Link:
        label, href, url = self.rows[index]
        return Link(label, href, url, (), self.source.text, self.candidates, index)


@dataclass(eq=False)
class ParsedPage:
    url: str
    template: str  # G1, G2, G3, generic, error, challenge
    title: str = ""
    widgets: list[str] = field(default_factory=list)
    officers: list[Person] = field(default_factory=list)  # RTI/GRS/NIS role holders found here
    is_officer_list: bool = False  # an officer/staff directory (its text is the list)
    listed_officers: list[Person] = field(default_factory=list)  # rows of that directory
    body_html: str = ""  # the page's own content (G3 decoded rt-renderer bodies)
    has_body: bool = False  # the page has a content area at all
    body_from_renderer: bool = False  # body_html was decoded from rt-renderer attributes
    visible_text: list[str] = field(default_factory=list)  # text runs for junk detection
    emails: list[tuple[str, str]] = field(default_factory=list)  # (address, evidence)
    # group -> what reads that group's attributes when one is first used: reader(page) ->
    # {name: value}. Readers are given the page rather than holding it: a page that refers to
    # itself through its readers outlives its crawl until a full garbage collection.
    readers: dict[str, Callable[[ParsedPage], dict[str, object]]] = field(
        default_factory=dict, repr=False
    )

    # Read on first use (see _Lazy):
    menu = _Lazy("furniture", list)  # list[MenuItem]
    boxes = _Lazy("furniture", list)  # list[ServiceBox]
    blocks = _Lazy("furniture", list)  # list[Block]
    notices = _Lazy("furniture", lambda: None)  # list[ListEntry] | None; None: no board/list
    news = _Lazy("furniture", lambda: None)  # list[ListEntry] | None
    site_stamp = _Lazy("furniture", lambda: None)  # Stamp | None
    content_stamp = _Lazy("furniture", lambda: None)  # Stamp | None
    footer_links = _Lazy("furniture", list)  # list[Link]
    # Every <a href> on the page. Lazy so that a crawl holds plain strings, not Link objects,
    # until the judge reads the page (the garbage collector walks every live object).
    links = _Lazy("links", list)  # list[Link]
    body_text = _Lazy("body", str)  # visible text of body_html, cleaned
    body_media = _Lazy("body", int)  # images, tables, embeds, file links inside the body

    def read_lazy(self, group: str) -> None:
        """Read that group's attributes now (once). Those already set (a list page's own
        notices) stay; a page without a reader for the group keeps the defaults."""
        values = self.__dict__
        reader = self.readers.pop(group, None)
        if reader is not None:
            for name, value in reader(self).items():
                values.setdefault(name, value)
        for lazy in _LAZY_GROUPS.get(group, ()):
            if lazy.name not in values:
                values[lazy.name] = lazy.default()

    @property
    def is_content(self) -> bool:
        return self.template not in ("error", "challenge")

    def link_rows(self) -> list[tuple[str, str, str | None]]:
        """(label, href, url) of each of page.links, without making the links when they are
        not made yet (most pages' links are only compared)."""
        reader = self.readers.get("links")
        if isinstance(reader, LinkRows):
            return reader.rows
        return [(link.label, link.href, link.url) for link in self.links]

    def link_at(self, index: int) -> Link:
        """page.links[index], or an equal Link when the page's links are not made yet."""
        reader = self.readers.get("links")
        if isinstance(reader, LinkRows):
            return reader.link(index)
        return self.links[index]

    def menu_leaves(self) -> list[MenuLeaf]:
        return [leaf for item in self.menu for col in item.columns for leaf in col.leaves]


# group -> its lazy attributes
_LAZY_GROUPS: dict[str, list[_Lazy]] = {}
for _attribute in vars(ParsedPage).values():
    if isinstance(_attribute, _Lazy):
        _LAZY_GROUPS.setdefault(_attribute.group, []).append(_attribute)
