"""charter.*: the Citizen Charter (সেবা প্রদান প্রতিশ্রুতি), rules.md and DOMAIN.md §C.

Choices (spec open): the four parts are found by their usual Bengali headings; the service
table passes when one table header row names at least three of the standard columns; a
charter page is "PDF only" when every charter link is a document, or the charter page's body
is little more than a document link; charter.missing needs pages beyond the home page (a
charter may sit anywhere on the portal).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from tadarki.bangla.text import match_key
from tadarki.engine.npf.html import text_of
from tadarki.engine.npf.model import Link, ParsedPage
from tadarki.engine.npf.urls import is_site_root, normalise_url
from tadarki.engine.result import Finding
from tadarki.engine.rules.context import Context, real_target
from tadarki.engine.rules.messages import message

_CHARTER_WORDS = (
    "সেবা প্রদান প্রতিশ্রুতি",
    "সিটিজেন চার্টার",
    "সিটিজেনস চার্টার",
    "citizen charter",
    "citizen's charter",
    "নাগরিক সনদ",
)
_CHARTER_URL = re.compile(r"citizen[_-]?charter|office-citizen-charters", re.IGNORECASE)
_DOCUMENT = re.compile(r"\.(pdf|jpe?g|png|gif|docx?)(\?|$)", re.IGNORECASE)
PARTS = {
    "vision-mission": ("ভিশন", "মিশন", "রূপকল্প", "অভিলক্ষ্য", "vision", "mission"),
    "services": ("প্রদত্ত সেবা", "নাগরিক সেবা", "সেবাসমূহ", "সেবা প্রদান পদ্ধতি", "দাপ্তরিক সেবা"),
    "grievance-redress": ("অভিযোগ প্রতিকার", "অভিযোগ ব্যবস্থাপনা", "অভিযোগ নিষ্পত্তি", "জিআরএস"),
    "expectations": ("আপনার কাছে আমাদের প্রত্যাশা", "আমাদের প্রত্যাশা", "প্রত্যাশা"),
}
_TABLE_COLUMNS = (
    "সেবার নাম",
    "সেবা প্রদান পদ্ধতি",
    "প্রয়োজনীয় কাগজপত্র",
    "সেবার মূল্য",
    "সময়সীমা",
    "দায়িত্বপ্রাপ্ত কর্মকর্তা",
    "প্রাপ্তিস্থান",
    "পরিশোধ পদ্ধতি",
)
_UNFILLED = re.compile(r"…{2,}|\.{6,}|_{6,}|\b(?:Vision|Mission)\s*:\s*(?:$|[.…।])|XXXX")
_CONTACT = re.compile(r"@[A-Za-z0-9.-]+\.[a-z]{2,}|[০-৯0-9][০-৯0-9\- ]{6,}")


def is_charter_link(link: Link) -> bool:
    key = match_key(link.label).lower().replace("্স", "স")
    return any(word in key for word in _CHARTER_WORDS) or bool(
        link.url and _CHARTER_URL.search(link.url)
    )


def check(ctx: Context) -> list[Finding]:
    if ctx.home is None:
        return []
    # Distinct links suffice: only the first of each and whether there is any are used.
    links = [link for link in ctx.distinct_links() if is_charter_link(link) and real_target(link)]
    links = [link for link in links if not _points_home(ctx, link)]
    pages = _charter_pages(ctx, links)
    if not links and not pages:
        if ctx.is_real_home and ctx.crawled:
            return [
                ctx.finding(
                    "charter.missing", url=ctx.home_url, message_bn=message("charter.missing")
                )
            ]
        return []
    html_pages = [p for p in pages if not _is_pdf_shell(p)]
    documents = [link.url for link in links if link.url and _DOCUMENT.search(link.url)]
    html_links = [link for link in links if link.url and not _DOCUMENT.search(link.url)]
    findings: list[Finding] = []
    unread_html = [link for link in html_links if ctx.parsed(link.url) is None]
    if not html_pages and not unread_html:
        shells = [p for p in pages if _is_pdf_shell(p)]
        doc = documents[0] if documents else (_first_document(shells[0]) if shells else "")
        if doc:
            findings.append(
                ctx.finding(
                    "charter.pdf-only",
                    subject=doc,
                    url=shells[0].url if shells else ctx.home_url,
                    evidence=_evidence_for_url(ctx, doc),
                    message_bn=message("charter.pdf-only"),
                )
            )
        return findings
    for page in html_pages:
        findings += _judge_html(ctx, page)
        break  # one HTML charter is judged; the rest are copies or parts of it
    return findings


def _points_home(ctx: Context, link: Link) -> bool:
    return is_site_root(link.url, ctx.home_url)


def _charter_pages(ctx: Context, links: list[Link]) -> list[ParsedPage]:
    pages: list[ParsedPage] = []
    for link in links:
        parsed = ctx.parsed(link.url)
        if (
            parsed is not None
            and parsed.is_content
            and parsed is not ctx.home
            and parsed not in pages
        ):
            pages.append(parsed)
    for _f, parsed in ctx.content_pages():
        if parsed is ctx.home or parsed in pages:
            continue
        if _CHARTER_URL.search(parsed.url) or any(
            w in match_key(parsed.title) for w in _CHARTER_WORDS[:2]
        ):
            pages.append(parsed)
    return pages


def _first_document(page: ParsedPage) -> str:
    """The first document (PDF, image, Word) the page's body links or embeds."""
    tree = LexborHTMLParser(page.body_html or "")
    for node in tree.css("a[href], iframe[src], embed[src], object[data], img[src]"):
        raw = (
            node.attributes.get("href") or node.attributes.get("src") or node.attributes.get("data")
        )
        url = normalise_url(page.url, raw)
        if url and (_DOCUMENT.search(url) or node.tag in ("iframe", "embed", "object")):
            return url
    return ""


def _is_pdf_shell(page: ParsedPage) -> bool:
    """A charter "page" whose body is only a document link or embed."""
    if not page.body_html or "<table" in page.body_html:
        return False
    return bool(_first_document(page)) and len(page.body_text) < 300


def _judge_html(ctx: Context, page: ParsedPage) -> list[Finding]:
    findings: list[Finding] = []
    text = match_key(page.body_text)
    low = text.lower()
    for part, words in PARTS.items():
        if not any(word.lower() in low for word in words):
            findings.append(_incomplete(ctx, page, part))
    if "services" not in {f.subject for f in findings} and not _has_service_table(page):
        findings.append(_incomplete(ctx, page, "service-table"))
    grievance_at = min((low.find(w) for w in PARTS["grievance-redress"] if w in low), default=-1)
    if grievance_at >= 0 and not _grs_contacts_given(page, text[grievance_at:]):
        findings.append(
            ctx.finding(
                "charter.grs-contact-missing",
                url=page.url,
                evidence=_evidence_for_text(ctx, page, "অভিযোগ"),
                message_bn=message("charter.grs-contact-missing"),
            )
        )
    match = _UNFILLED.search(page.body_text)
    if match:
        findings.append(
            ctx.finding(
                "charter.template-unfilled",
                url=page.url,
                evidence=_evidence_for_text(ctx, page, match.group(0)),
                message_bn=message("charter.template-unfilled"),
            )
        )
    return findings


_GRS_ROLE_PREFIXES = {
    "focal": ("অভিযোগ নিষ্পত্তি কর্মকর্তা", "অনিক"),
    "appeal": ("আপিল কর্মকর্তা", "আপীল কর্মকর্তা"),
}


def _grs_contacts_given(page: ParsedPage, tail: str) -> bool:
    """Whether the grievance part gives both the অনিক's and the appeal officer's contact.

    In the Cabinet Division format each role is a table row: "when" cell, "whom" cell (the
    role), then the contact. A row belongs to the last cell that starts with a role label
    ("অনিক নির্দিষ্ট সময়ে সমাধান দিতে না পারলে" is a "when" cell before "আপিল কর্মকর্তা").
    """
    contact_by_role: dict[str, bool] = {}
    tree = LexborHTMLParser(page.body_html or "")
    for row in tree.css("tr"):
        cells = [match_key(text_of(td)) for td in row.css("td, th")]
        owner, at = "", -1
        for index, cell in enumerate(cells):
            for role, prefixes in _GRS_ROLE_PREFIXES.items():
                if cell.startswith(prefixes):
                    owner, at = role, index
        if owner:
            rest = " ".join([cells[at]] + cells[at + 1 :])
            found = bool(_CONTACT.search(rest))
            contact_by_role[owner] = contact_by_role.get(owner, False) or found
    if contact_by_role:
        return all(contact_by_role.get(role, False) for role in _GRS_ROLE_PREFIXES)
    # No table: the roles and some contact must at least be named in the text.
    names_roles = ("অনিক" in tail or "অভিযোগ নিষ্পত্তি কর্মকর্তা" in tail) and (
        "আপিল কর্মকর্তা" in tail or "আপীল কর্মকর্তা" in tail
    )
    return names_roles and bool(_CONTACT.search(tail))


_PART_BN = {
    "vision-mission": "রূপকল্প ও অভিলক্ষ্য",
    "services": "প্রদত্ত সেবা",
    "grievance-redress": "অভিযোগ প্রতিকার ব্যবস্থাপনা",
    "expectations": "আপনার কাছে আমাদের প্রত্যাশা",
    "service-table": "সেবার ছকের কলাম",
}


def _incomplete(ctx: Context, page: ParsedPage, part: str) -> Finding:
    return ctx.finding(
        "charter.incomplete",
        subject=part,
        url=page.url,
        evidence="",
        message_bn=message("charter.incomplete", part=_PART_BN[part]),
    )


def _has_service_table(page: ParsedPage) -> bool:
    tree = LexborHTMLParser(page.body_html or "")
    for table in tree.css("table"):
        for row in table.css("tr")[:3]:
            header = match_key(text_of(row))
            if sum(1 for column in _TABLE_COLUMNS if column in header) >= 3:
                return True
    return False


def _evidence_for_url(ctx: Context, url: str) -> str:
    for _fetched, page in ctx.content_pages():  # ctx.all_links(), without making every Link
        for index, row in enumerate(page.link_rows()):
            if row[2] == url:
                return page.link_at(index).evidence
    return url


def _evidence_for_text(ctx: Context, page: ParsedPage, snippet: str) -> str:
    fetched = ctx.fetched(page.url)
    if fetched is not None and snippet in fetched.text:
        return snippet
    return snippet[:80]
