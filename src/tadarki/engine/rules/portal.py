"""portal.*: the portal as a whole (reachable, exists, HTTPS, not behind a bot challenge)."""

from __future__ import annotations

from tadarki.engine.result import Finding
from tadarki.engine.rules.context import Context
from tadarki.engine.rules.messages import message

# Site.insecure_reason -> (the sentence's second half, evidence): the two causes need
# different work from the office (renew a certificate, or set HTTPS up at all).
_INSECURE = {
    "certificate": (
        "; এর নিরাপত্তা সনদ (SSL সার্টিফিকেট) বৈধ নয়",
        "TLS: invalid certificate",
    ),
    "no-https": (
        "; বাতায়নটি কেবল অনিরাপদ (HTTP) সংযোগে খোলে",
        "HTTPS: no answer",
    ),
}


def check(ctx: Context) -> list[Finding]:
    site = ctx.site
    findings: list[Finding] = []
    if not site.root_url and site.home is None and not site.unreachable_error:
        return [ctx.finding("portal.missing", message_bn=message("portal.missing"))]
    if site.unreachable_error:
        findings.append(
            ctx.finding(
                "portal.unreachable",
                subject=site.unreachable_error,
                url=site.root_url,
                evidence=site.unreachable_error,
                message_bn=message("portal.unreachable", error=site.unreachable_error),
            )
        )
    if site.insecure:
        why, evidence = _INSECURE.get(site.insecure_reason, ("", ""))
        findings.append(
            ctx.finding(
                "portal.insecure",
                url=site.root_url,
                evidence=evidence,
                message_bn=message("portal.insecure", why=why),
            )
        )
    # A challenge on the home page blocks the audit; on a deep page it only hides that page.
    if is_blocked(ctx):
        evidence = ""
        if site.home is not None and "_cf_chl_opt" in site.home.text:
            evidence = "window._cf_chl_opt"
        elif site.home is not None and "<title>Just a moment...</title>" in site.home.text:
            evidence = "<title>Just a moment...</title>"
        findings.append(
            ctx.finding(
                "portal.blocked",
                url=ctx.home_url,
                evidence=evidence,
                message_bn=message("portal.blocked"),
            )
        )
    return findings


def is_blocked(ctx: Context) -> bool:
    return ctx.site.blocked or (ctx.home is not None and ctx.home.template == "challenge")


def stops_audit(ctx: Context) -> bool:
    """No content rule may run: no portal, no home page, or a challenge/error instead of it."""
    if ctx.site.unreachable_error or is_blocked(ctx):
        return True
    if not ctx.site.root_url and ctx.site.home is None:
        return True
    return ctx.home is None or not ctx.home.is_content
