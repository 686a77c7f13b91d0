"""menu.empty-submenu and page.empty (npf-structure.md §3)."""

from __future__ import annotations

from tadarki.engine.npf.model import MenuItem
from tadarki.engine.npf.urls import is_placeholder_href
from tadarki.engine.result import Finding
from tadarki.engine.rules.context import Context, subject_path
from tadarki.engine.rules.messages import message

# Choice (spec open, MANIFEST moha.gov.bd): a menu leaf pointing to the site root is not
# reported as menu.empty-submenu; only box items to the root are (box.empty-link).


def check(ctx: Context) -> list[Finding]:
    menu_page = ctx.home if ctx.home is not None and ctx.home.menu else None
    if menu_page is None:
        menu_page = next((p for _f, p in ctx.content_pages() if p.menu), None)
    findings: list[Finding] = []
    if menu_page is not None:
        seen: set[str] = set()
        for item in menu_page.menu:
            for subject, evidence in _empty_parts(item):
                if subject in seen:
                    continue
                seen.add(subject)
                findings.append(
                    ctx.finding(
                        "menu.empty-submenu",
                        subject=subject,
                        url=menu_page.url,
                        evidence=evidence,
                        message_bn=message("menu.empty-submenu", path=subject),
                    )
                )
    findings.extend(_empty_pages(ctx))
    return findings


def _empty_parts(item: MenuItem) -> list[tuple[str, str]]:
    if item.is_home:
        return []
    if not item.is_dropdown:
        # A top-level leaf with no target.
        if is_placeholder_href(item.link.href):
            return [(subject_path([item.label]), item.link.evidence)]
        return []
    found: list[tuple[str, str]] = []
    if not item.columns:
        return [(subject_path([item.label]), item.link.evidence)]
    for column in item.columns:
        if not column.leaves:
            # A column heading with nothing under it (an empty <h6> alone is template output).
            if column.heading:
                found.append((subject_path([item.label, column.heading]), column.evidence))
            continue
        for leaf in column.leaves:
            if is_placeholder_href(leaf.link.href):
                found.append((subject_path(leaf.path), leaf.link.evidence))
    if not any(column.leaves or column.heading for column in item.columns):
        found.append((subject_path([item.label]), item.link.evidence))
    return found


_ROLE_WIDGET = "InfoOfficersViewWidget"


def _empty_pages(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[str] = set()
    targets: list[tuple[list[str], str]] = [
        (path, link.url) for path, link in ctx.navigation() if link.url
    ]
    targets += [([], f.url) for f in ctx.site.pages.values() if f.found_via in ("menu", "box")]
    for path, url in targets:
        if not url or url in seen or not ctx.is_on_site(url):
            continue
        parsed = ctx.parsed(url)
        if parsed is None or not parsed.is_content or not parsed.has_body:
            continue  # not fetched, not HTML, or an error page: no evidence either way
        if parsed is ctx.home or parsed.body_text or parsed.body_media:
            continue
        if _ROLE_WIDGET in parsed.widgets:
            continue  # an empty officers widget is judged by the rti.* rules, not twice
        seen.add(url)
        label = subject_path(path) if path else url
        evidence = _empty_evidence(ctx, url)
        findings.append(
            ctx.finding(
                "page.empty",
                subject=url,
                url=url,
                evidence=evidence,
                message_bn=message("page.empty", label=label),
            )
        )
    return findings


def _empty_evidence(ctx: Context, url: str) -> str:
    fetched = ctx.fetched(url)
    if fetched is None:
        return ""
    text = fetched.text
    for marker in ('encoded-content="', 'class="html_text body"', 'id="left-content"'):
        pos = text.find(marker)
        if pos >= 0:
            end = text.find('"', pos + len(marker)) if marker.endswith('"') else pos + len(marker)
            return text[pos : min(end + 1, pos + 200)]
    return ""
