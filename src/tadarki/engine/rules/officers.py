"""rti.*, grs.*, nis.*, officers.list-missing, officers.not-in-list, contact.personal-email
(npf-structure.md §6–7)."""

from __future__ import annotations

import re

from tadarki.bangla.text import clean, match_key
from tadarki.engine.npf import officers as roles
from tadarki.engine.npf.model import ParsedPage, Person
from tadarki.engine.npf.officers import classify_role, person_key
from tadarki.engine.result import Finding
from tadarki.engine.rules.context import Context, real_target
from tadarki.engine.rules.messages import ROLE_NAMES_BN, message

# Choices (the spec leaves them open):
# - a role is "published" when its block names a person or at least a post (SBC's appeal
#   authority is given by post only);
# - missing-role rules need a page of that family (RTI/GRS/NIS) that was fetched and read, and
#   no unfetched link that names the missing role; a page not reached is not evidence;
# - officers.not-in-list skips appeal roles: the appeal authority usually sits in a higher office;
# - rti.same-person's subject is the name as published, without an ID suffix such as "(১৬২৯৪)".

_FAMILIES = {
    "rti": (
        ("rti.designated-missing", roles.RTI_DESIGNATED),
        ("rti.alternate-missing", roles.RTI_ALTERNATE),
        ("rti.appeal-missing", roles.RTI_APPEAL),
    ),
    "grs": (
        ("grs.focal-missing", roles.GRS_FOCAL),
        ("grs.alternate-missing", roles.GRS_ALTERNATE),
        ("grs.appeal-missing", roles.GRS_APPEAL),
    ),
    "nis": (
        ("nis.focal-missing", roles.NIS_FOCAL),
        ("nis.alternate-missing", roles.NIS_ALTERNATE),
    ),
}
_PERSONAL_MAIL = re.compile(
    r"@(?:gmail|googlemail|yahoo|ymail|rocketmail|hotmail|outlook|live|msn|aol|icloud|me|"
    r"mail|gmx|yandex|protonmail|proton|zoho)\.[a-z.]+$",
    re.IGNORECASE,
)
_OFFICER_LIST_PATHS = ("/site/view/officer_list", "/pages/officers", "/site/officer_list")
_ID_SUFFIX = re.compile(r"\s*\([\d০-৯\s]+\)\s*$")


def display_name(name: str) -> str:
    return clean(_ID_SUFFIX.sub("", clean(name)))


def check(ctx: Context) -> list[Finding]:
    people = _role_holders(ctx)
    findings: list[Finding] = []
    findings += _missing_roles(ctx, people)
    findings += _same_person(ctx, people)
    findings += _officer_list(ctx, people)
    findings += _personal_email(ctx)
    return findings


def _role_holders(ctx: Context) -> list[tuple[ParsedPage, Person]]:
    return [(parsed, person) for _f, parsed in ctx.content_pages() for person in parsed.officers]


def _family_pages(ctx: Context, family: str) -> list[ParsedPage]:
    pages = []
    for _fetched, parsed in ctx.content_pages():
        if parsed is ctx.home and ctx.is_real_home:
            continue
        kinds = {person.role.split(".")[0] for person in parsed.officers}
        is_widget = family == "rti" and "InfoOfficersViewWidget" in parsed.widgets
        if family in kinds or is_widget or _titled_for(family, parsed.title):
            pages.append(parsed)
    return pages


# A page whose own title names the family is one of its pages even with an empty table
# (all its roles missing); looser words ("তথ্য") would take in unrelated pages.
_FAMILY_TITLES = {
    "rti": tuple(match_key(w) for w in ("তথ্য অধিকার", "তথ্য প্রদানকারী", "দায়িত্বপ্রাপ্ত কর্মকর্তা")),
    "grs": tuple(match_key(w) for w in ("অভিযোগ প্রতিকার", "অভিযোগ নিষ্পত্তি", "অনিক")),
    "nis": tuple(match_key(w) for w in ("শুদ্ধাচার", "নৈতিকতা কমিটি")),
}


def _titled_for(family: str, title: str) -> bool:
    key = match_key(title or "")
    return any(word in key for word in _FAMILY_TITLES[family])


def _links_naming(ctx: Context, role: str, family: str) -> list[str]:
    """Targets of links whose label is exactly that role's label."""
    return [
        link.url or ""
        for link in ctx.distinct_links()  # the same answer as all links: only any() is asked
        if real_target(link) and classify_role(link.label, family) == role
    ]


def _missing_roles(ctx: Context, people: list[tuple[ParsedPage, Person]]) -> list[Finding]:
    findings: list[Finding] = []
    for family, rules in _FAMILIES.items():
        pages = _family_pages(ctx, family)
        if not pages:
            continue
        present = {person.role for _p, person in people if person.identified}
        for rule, role in rules:
            if role in present:
                continue
            # A link that names this role but was not fetched: the role may sit there.
            unread = [u for u in _links_naming(ctx, role, family) if ctx.parsed(u) is None]
            if unread:
                continue
            page = pages[0]
            findings.append(
                ctx.finding(
                    rule,
                    url=page.url,
                    evidence=_role_evidence(ctx, page),
                    message_bn=message(rule),
                )
            )
    return findings


def _role_evidence(ctx: Context, page: ParsedPage) -> str:
    fetched = ctx.fetched(page.url)
    text = fetched.text if fetched else ""
    for marker in ("<h2>দায়িত্বপ্রাপ্ত কর্মকর্তাগণ</h2>", 'data-widget_name="InfoOfficersViewWidget"'):
        if marker in text:
            return marker
    return page.officers[0].evidence if page.officers else ""


def _same_person(ctx: Context, people: list[tuple[ParsedPage, Person]]) -> list[Finding]:
    findings = []
    seen: set[str] = set()
    designated = [(p, x) for p, x in people if x.role == roles.RTI_DESIGNATED and x.name]
    alternates = [(p, x) for p, x in people if x.role == roles.RTI_ALTERNATE and x.name]
    for page, first in designated:
        for _page2, second in alternates:
            key = person_key(first.name)
            if not key or key != person_key(second.name) or key in seen:
                continue
            seen.add(key)
            name = display_name(first.name)
            findings.append(
                ctx.finding(
                    "rti.same-person",
                    subject=name,
                    url=page.url,
                    evidence=second.evidence,
                    message_bn=message("rti.same-person", person=name),
                )
            )
    return findings


# Role pages ("তথ্য প্রদানকারী কর্মকর্তাবৃন্দ", "অনিক ও আপিল কর্মকর্তাগণ") are not the list.
_ROLE_WORDS = ("তথ্য", "অভিযোগ", "অনিক", "আপিল", "আপীল", "ফোকাল", "শুদ্ধাচার", "দায়িত্বপ্রাপ্ত")


def _is_officer_list_link(label: str, url: str | None) -> bool:
    key = match_key(label)
    if url and any(p in url for p in _OFFICER_LIST_PATHS):
        return True
    if any(word in key for word in _ROLE_WORDS):
        return False
    return "কর্মকর্তা" in key and any(w in key for w in ("তালিকা", "বৃন্দ", "গণ"))


def _officer_list(ctx: Context, people: list[tuple[ParsedPage, Person]]) -> list[Finding]:
    if not ctx.is_real_home:
        return []
    links = [
        (path, link)
        for path, link in ctx.navigation()
        if _is_officer_list_link(link.label, link.url)
    ]
    list_pages = [
        parsed
        for _f, parsed in ctx.content_pages()
        if parsed.is_officer_list and parsed is not ctx.home
    ]
    findings: list[Finding] = []
    readable = [p for p in list_pages if p.body_text]
    if not readable:
        broken_or_empty = None
        for _path, link in links:
            if not real_target(link):
                broken_or_empty = link
                break
            check_ = ctx.site.links.get(link.url or "")
            fetched = ctx.fetched(link.url)
            if (check_ is not None and check_.broken) or (fetched is not None and not fetched.ok):
                broken_or_empty = link
                break
            parsed = ctx.parsed(link.url)
            if (
                parsed is not None
                and parsed.has_body
                and not parsed.body_text
                and not parsed.body_media
            ):
                broken_or_empty = link
                break
        no_link_at_all = not links and not list_pages and ctx.crawled
        if broken_or_empty is not None or no_link_at_all:
            findings.append(
                ctx.finding(
                    "officers.list-missing",
                    url=ctx.home_url,
                    evidence=broken_or_empty.evidence if broken_or_empty else "",
                    message_bn=message("officers.list-missing"),
                )
            )
        return findings
    listed = " ".join(person_key(p.body_text) for p in readable)
    seen: set[str] = set()
    for page, person in people:
        if person.role.endswith(".appeal") or not person.name:
            continue
        key = person_key(person.name)
        if not key or key in seen or key in listed:
            continue
        seen.add(key)
        name = display_name(person.name)
        findings.append(
            ctx.finding(
                "officers.not-in-list",
                subject=name,
                url=page.url,
                evidence=person.evidence,
                message_bn=message(
                    "officers.not-in-list", role=ROLE_NAMES_BN.get(person.role, ""), person=name
                ),
            )
        )
    return findings


def _personal_email(ctx: Context) -> list[Finding]:
    findings = []
    seen: set[str] = set()
    for fetched, parsed in ctx.content_pages():
        for address, evidence in parsed.emails:
            address = address.lower()
            if address in seen or not _PERSONAL_MAIL.search(address):
                continue
            seen.add(address)
            findings.append(
                ctx.finding(
                    "contact.personal-email",
                    subject=address,
                    url=parsed.url,
                    evidence=evidence,
                    message_bn=message("contact.personal-email", address=address),
                    page=fetched,
                )
            )
    return findings
