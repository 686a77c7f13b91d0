"""content.junk and content.stale (npf-structure.md §9, §12)."""

from __future__ import annotations

from datetime import timedelta

from tadarki.engine.npf.parse import junk_on_page
from tadarki.engine.result import Finding
from tadarki.engine.rules.context import Context
from tadarki.engine.rules.messages import date_bn, message


def check(ctx: Context) -> list[Finding]:
    return _junk(ctx) + _stale(ctx)


def _junk(ctx: Context) -> list[Finding]:
    findings = []
    verdicts: dict[str, str] = {}  # text runs repeat on every page of the portal
    for fetched, parsed in ctx.content_pages():
        snippet = junk_on_page(parsed, verdicts)
        if not snippet:
            continue
        evidence = snippet if snippet in fetched.text else snippet.strip()[:80]
        label = parsed.title or parsed.url
        findings.append(
            ctx.finding(
                "content.junk",
                subject=parsed.url,
                url=parsed.url,
                evidence=evidence,
                message_bn=message("content.junk", label=label),
                page=fetched,
            )
        )
    return findings


def _stale(ctx: Context) -> list[Finding]:
    stamp = ctx.home.site_stamp if ctx.home is not None else None
    if stamp is None:
        stamp = next((p.site_stamp for _f, p in ctx.content_pages() if p.site_stamp), None)
    if stamp is None:
        return []
    limit = ctx.config.today - timedelta(days=ctx.config.content_max_age_days)
    if stamp.when.date() >= limit:
        return []
    return [
        ctx.finding(
            "content.stale",
            url=ctx.home_url,
            evidence=stamp.evidence or stamp.raw,
            message_bn=message("content.stale", date=date_bn(stamp.when.date())),
        )
    ]
