"""link.broken: one finding per broken target, with every page that links to it."""

from __future__ import annotations

from tadarki.engine.npf.urls import url_key
from tadarki.engine.result import Finding
from tadarki.engine.rules.context import Context
from tadarki.engine.rules.messages import message


def check(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for target, check_ in sorted(ctx.site.links.items()):
        if not check_.broken:
            continue
        url = check_.url or target
        sources = sorted(set(check_.sources))
        label, evidence = _label_and_evidence(ctx, url, sources)
        status = str(check_.status) if check_.status is not None else (check_.error or "error")
        finding = ctx.finding(
            "link.broken",
            subject=url,
            url=sources[0] if sources else url,
            evidence=evidence or f"{url} → {status}",
            message_bn=message("link.broken", label=label or url),
            linked_from=sources,
        )
        # The evidence of a broken link is the target's answer, not the source page.
        finding.status = check_.status
        findings.append(finding)
    return findings


def _label_and_evidence(ctx: Context, url: str, sources: list[str]) -> tuple[str, str]:
    key = url_key(url)
    for source in sources or [ctx.home_url]:
        parsed = ctx.parsed(source)
        if parsed is None:
            continue
        for link in parsed.links:
            if link.url and url_key(link.url) == key:
                return link.label, link.evidence
    return "", ""
