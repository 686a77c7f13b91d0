"""RTI, GRS and integrity (NIS) role holders, and officer lists (npf-structure.md §6–7).

Roles are classified by the exact heading after NFC (never by substring: "দায়িত্বপ্রাপ্ত
কর্মকর্তা" is inside "বিকল্প দায়িত্বপ্রাপ্ত কর্মকর্তা" and the container heading).
"""

from __future__ import annotations

import re
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tadarki.bangla.text import clean, match_key
from tadarki.engine.npf.html import evidence_for, text_joined, text_of
from tadarki.engine.npf.model import Person

RTI_DESIGNATED = "rti.designated"
RTI_ALTERNATE = "rti.alternate"
RTI_APPEAL = "rti.appeal"
GRS_FOCAL = "grs.focal"
GRS_ALTERNATE = "grs.alternate"
GRS_APPEAL = "grs.appeal"
NIS_FOCAL = "nis.focal"
NIS_ALTERNATE = "nis.alternate"


def _keys(*labels: str) -> set[str]:
    return {match_key(label) for label in labels}


# Labels valid on any page.
_UNAMBIGUOUS = {
    RTI_DESIGNATED: _keys(
        "দায়িত্বপ্রাপ্ত কর্মকর্তা",
        "দায়িত্বপ্রাপ্ত তথ্য প্রদানকারী কর্মকর্তা",
        "তথ্য প্রদানকারী কর্মকর্তা",
        "দায়িত্বপ্রাপ্ত কর্মকর্তা (তথ্য প্রদান ইউনিট)",
    ),
    RTI_ALTERNATE: _keys(
        "বিকল্প দায়িত্বপ্রাপ্ত কর্মকর্তা",
        "বিকল্প তথ্য প্রদানকারী কর্মকর্তা",
        "বিকল্প দায়িত্বপ্রাপ্ত তথ্য প্রদানকারী কর্মকর্তা",
    ),
    RTI_APPEAL: _keys(
        "আপীল কর্তৃপক্ষ",
        "আপিল কর্তৃপক্ষ",
        "আপীল কর্তৃপক্ষের তালিকা",
        "আপিল কর্তৃপক্ষের তালিকা",
    ),
    GRS_FOCAL: _keys(
        "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)",
        "অভিযোগ নিষ্পত্তি কর্মকর্তা",
        "অনিক",
    ),
    GRS_ALTERNATE: _keys(
        "বিকল্প অনিক",
        "বিকল্প অভিযোগ নিষ্পত্তি কর্মকর্তা",
        "বিকল্প অভিযোগ নিষ্পত্তি কর্মকর্তা (বিকল্প অনিক)",
    ),
    NIS_FOCAL: _keys(
        "ফোকাল পয়েন্ট",
        "ফোকাল কর্মকর্তা",
        "ফোকাল পয়েন্ট কর্মকর্তা",
        "শুদ্ধাচার ফোকাল পয়েন্ট",
        "শুদ্ধাচার কৌশল সংক্রান্ত ফোকাল কর্মকর্তা",
        "নৈতিকতা কমিটির ফোকাল পয়েন্ট",
    ),
    NIS_ALTERNATE: _keys(
        "বিকল্প ফোকাল পয়েন্ট",
        "বিকল্প ফোকাল কর্মকর্তা",
        "বিকল্প ফোকাল পয়েন্ট কর্মকর্তা",
    ),
}
# Labels whose meaning depends on the page they are on (§7.2).
_BY_PAGE = {
    "rti": {
        match_key("আপীল কর্মকর্তা"): RTI_APPEAL,
        match_key("আপিল কর্মকর্তা"): RTI_APPEAL,
        match_key("বিকল্প কর্মকর্তা"): RTI_ALTERNATE,
    },
    "grs": {
        match_key("আপিল কর্মকর্তা"): GRS_APPEAL,
        match_key("আপীল কর্মকর্তা"): GRS_APPEAL,
        match_key("বিকল্প কর্মকর্তা"): GRS_ALTERNATE,
    },
    "nis": {match_key("বিকল্প কর্মকর্তা"): NIS_ALTERNATE},
}
_BY_PAGE[""] = {match_key("আপিল কর্মকর্তা"): GRS_APPEAL, match_key("আপীল কর্মকর্তা"): GRS_APPEAL}

_FIELD_LABELS = {
    "name": _keys("নাম", "Name"),
    "designation": _keys("পদবি", "পদবী", "Designation"),
    "phone": _keys("ফোন", "ফোন (অফিস)", "টেলিফোন", "Phone"),
    "mobile": _keys("মোবাইল", "Mobile"),
    "email": _keys("ইমেইল", "ই-মেইল", "ইমেল", "ই-মেল", "Email", "E-mail"),
    "address": _keys("ঠিকানা", "Address"),
}
_LABELLED = re.compile(
    r"^(ফোন|ফোনঃ|টেলিফোন|মোবাইল|ইমেইল|ই-মেইল|ইমেল|ফ্যাক্স|ওয়েবসাইট|Phone|Mobile|E-?mail|Fax)\s*[:ঃ]?\s*(.*)$",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(r"^(জনাব|জনাবা|বেগম|ড\.|ডঃ|ডা\.|ডাঃ|প্রফেসর|অধ্যাপক|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+")


# Every role label above holds one of these words (tests/engine/npf check it), so a body
# whose text holds none of them names no role holder: its tables need not be read.
ROLE_WORDS = ("কর্মকর্তা", "কর্তৃপক্ষ", "অনিক", "ফোকাল")
# The same test on markup as published, without normalising it: none of these letters is
# composed or reordered by NFC, while "ফোকাল"'s ো may be written as ে + া, so its "কাল" part
# stands for it. (Zero-width joiners are removed first, as match_key does.)
_RAW_ROLE_WORDS = ("কর্মকর্তা", "কর্তৃপক্ষ", "অনিক", "কাল")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def all_role_labels() -> set[str]:
    labels = set().union(*_UNAMBIGUOUS.values())
    for by_kind in _BY_PAGE.values():
        labels |= set(by_kind)
    return labels


def may_name_roles(body_html: str) -> bool:
    """False only when no role label can be read from this markup (see ROLE_WORDS)."""
    if "&#" in body_html:  # a character reference may spell a word
        return True
    text = _ZERO_WIDTH.sub("", body_html)
    return any(word in text for word in _RAW_ROLE_WORDS)


def page_kind(title: str, url: str) -> str:
    """ "rti", "grs", "nis" or "" for a page, from its address and title."""
    low = url.lower()
    key = match_key(title)
    if "info-officer" in low or "তথ্য" in key or "দায়িত্বপ্রাপ্ত" in key:
        return "rti"
    if "অভিযোগ" in key or "অনিক" in key or "grs" in low:
        return "grs"
    if "শুদ্ধাচার" in key or "ফোকাল" in key or "নৈতিকতা" in key or "integrity" in low:
        return "nis"
    return ""


@lru_cache(maxsize=2048)
def classify_role(heading: str, kind: str = "") -> str:
    key = match_key(heading)
    for role, labels in _UNAMBIGUOUS.items():
        if key in labels:
            return role
    return _BY_PAGE.get(kind, {}).get(key, "")


def person_key(name: str) -> str:
    """A person's name for comparison: NFC, honorifics, ID suffixes and dots removed."""
    value = match_key(name)
    value = re.sub(r"\([\d০-৯\s]+\)", " ", value)
    value = _HONORIFIC.sub("", value)
    value = re.sub(r"\bমো[ঃ:.]|\bমোঃ", "মো ", value)
    value = re.sub(r"[.:ঃ,;]", " ", value)
    return clean(value)


def read_info_officer_cards(
    tree: LexborHTMLParser, raw: str, kind: str, cards: list[LexborNode] | None = None
) -> list[Person]:
    """G3 `InfoOfficersViewWidget`: one `div.list-card-body` per role with an `h3` (`cards`:
    those nodes, when the caller has them)."""
    people = []
    for card in tree.css("div.list-card-body") if cards is None else cards:
        heading_node = card.css_first("h3")
        heading = text_of(heading_node)
        role = classify_role(heading, kind or "rti")
        if not role:
            continue
        person = Person(role=role, heading=heading, evidence=evidence_for(raw, heading_node))
        for row in card.css("tr"):
            label = match_key(text_of(row.css_first("th")))
            cell = row.css_first("td")
            for field_name, labels in _FIELD_LABELS.items():
                if label in labels:
                    value = text_joined(cell) if field_name == "email" else text_of(cell)
                    setattr(person, field_name, value)
        people.append(person)
    return people


def _paragraphs(cell: LexborNode) -> list[str]:
    parts = [text_of(p) for p in cell.css("p")] or [text_of(cell)]
    lines: list[str] = []
    for part in parts:
        lines.extend(line for line in (clean(x) for x in part.split("\n")) if line)
    return [line for line in lines if line]


def _looks_like_name(line: str) -> bool:
    return bool(_HONORIFIC.match(line)) or line.startswith(("মোঃ", "মো:", "মো.", "মোহাম্মদ"))


def read_role_tables(tree: LexborHTMLParser, raw: str, kind: str) -> list[Person]:
    """Static pages (SBC, §7.2): a table row per role with the role label in one cell."""
    people = []
    for row in tree.css("tr"):
        cells = row.css("td")
        for index, cell in enumerate(cells):
            heading = text_of(cell)
            role = classify_role(heading, kind)
            if not role:
                continue
            rest = cells[index + 1 :]
            person = Person(role=role, heading=heading, evidence=evidence_for(raw, None, heading))
            if rest:
                lines = _paragraphs(rest[0])
                if len(lines) >= 2 or (lines and _looks_like_name(lines[0])):
                    person.name = lines[0]
                    person.designation = lines[1] if len(lines) > 1 else ""
                elif lines:
                    person.designation = lines[0]
            for cell_rest in rest[1:]:
                for line in _paragraphs(cell_rest):
                    match = _LABELLED.match(line)
                    if not match:
                        continue
                    label, value = match.group(1).lower(), clean(match.group(2))
                    value = re.sub(r"-\s+", "-", value)  # "+৮৮-০২-<a>৪১০৫…</a>" in the source
                    if label.startswith(("মোবাইল", "mobile")):
                        person.mobile = person.mobile or value
                    elif label.startswith(("ফোন", "টেলিফোন", "phone")):
                        person.phone = person.phone or value.split(" ফ্যাক্স")[0]
                    elif "মেইল" in label or "মেল" in label or "mail" in label:
                        person.email = person.email or value.replace(" ", "")
            if len(rest) >= 3:
                person.address = ", ".join(_paragraphs(rest[2]))
            people.append(person)
            break
    return people


def read_role_headings(tree: LexborHTMLParser, raw: str, kind: str) -> list[Person]:
    """Free-form pages: a heading/strong line that is exactly a role label, then name lines."""
    people = []
    for node in tree.css("h2, h3, h4, h5, h6, strong, b, p"):
        heading = text_of(node)
        if len(heading) > 60:
            continue
        role = classify_role(heading, kind)
        if not role:
            continue
        following: list[str] = []
        sibling = node.next
        while sibling is not None and len(following) < 2:
            text = text_of(sibling) if sibling.tag != "-text" else clean(sibling.text() or "")
            if text:
                if classify_role(text, kind):
                    break
                following.append(text)
            sibling = sibling.next
        person = Person(role=role, heading=heading, evidence=evidence_for(raw, node))
        if following:
            person.name = following[0]
            person.designation = following[1] if len(following) > 1 else ""
        people.append(person)
    return people


_LIST_HEADERS = {
    "name": _keys("নাম", "কর্মকর্তার নাম", "Name"),
    "designation": _keys("পদবি", "পদবী", "Designation"),
    "email": _FIELD_LABELS["email"],
    "phone": _keys("ফোন", "ফোন (অফিস)", "টেলিফোন", "Phone"),
    "mobile": _FIELD_LABELS["mobile"],
}


def read_officer_list(tree: LexborHTMLParser) -> list[Person]:
    """Rows of an officer directory: G3 cards of label/value cells (`div.employee-content-widget`,
    [reported]) or a table with a header row naming its columns (G1 `/site/view/officer_list`,
    G2 `div.officerlist.list`)."""
    people: list[Person] = []
    for card in tree.css("div.employee-content-widget"):
        person = Person(role="listed", heading="")
        for row in card.css("tr"):
            cells = row.css("td, th")
            if len(cells) < 2:
                continue
            label = match_key(text_of(cells[0]))
            for field_name, labels in _LIST_HEADERS.items():
                if label in labels:
                    value = text_joined(cells[1]) if field_name == "email" else text_of(cells[1])
                    setattr(person, field_name, value)
        if person.name:
            people.append(person)
    if people:
        return people
    for table in tree.css("table"):
        rows = table.css("tr")
        if not rows:
            continue
        header = [match_key(text_of(cell)) for cell in rows[0].css("th, td")]
        columns = {
            field_name: header.index(label)
            for field_name, labels in _LIST_HEADERS.items()
            for label in header
            if label in labels
        }
        if "name" not in columns:
            continue
        for row in rows[1:]:
            cells = row.css("td")
            person = Person(role="listed", heading="")
            for field_name, index in columns.items():
                if index < len(cells):
                    cell = cells[index]
                    value = text_joined(cell) if field_name == "email" else text_of(cell)
                    setattr(person, field_name, value)
            if person.name:
                people.append(person)
    return people
