"""The rule pack (rules.md): judge one fetched portal.

    judge(site: Site, config: RulesConfig, *, parsed=None) -> Judgement

`parsed` (optional) holds pages already read with npf.parse.parse_page, as the crawler keeps
them: {page.url: (URL it was read at, its text or PageText, ParsedPage)}; others are parsed here.

One module per family; each exposes `check(ctx) -> list[Finding]`.

Subjects follow rules.md and fixtures/npf-real/README.md: menu paths joined with " › ",
"(no label)" for an empty label, box items as "box title › item", page and link URLs as
normalised absolute URLs, e-mail addresses lower-cased, people by the name as published
without an ID suffix. Rules without a subject (MANIFEST writes "–") use "".

A page that was not fetched is no evidence: rules that need another page (page.empty,
charter.*, officers.*, rti/grs/nis missing roles, stats.*) claim nothing about it. Rules
about the front page (notices, news, e-services, innovation, charter.missing,
officers.list-missing) run only when the home page is the portal's front page; "absent
anywhere" claims (charter.missing, officers.list-missing without a link, stats.missing)
also need pages beyond the home page. The choices left open by the spec are written as
comments at the top of each family module.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tadarki.engine.result import Finding
from tadarki.engine.rules import (
    boxes,
    charter,
    content,
    innovation,
    links,
    menus,
    notices,
    officers,
    portal,
    stats,
)
from tadarki.engine.rules.config import RulesConfig, StatRequirement, load_stats_config
from tadarki.engine.rules.context import Context
from tadarki.engine.rules.registry import RULES, RuleInfo
from tadarki.engine.site import Site

__all__ = [
    "RULES",
    "Judgement",
    "RuleInfo",
    "RulesConfig",
    "StatRequirement",
    "judge",
    "load_stats_config",
]

_CONTENT_FAMILIES = (menus, links, boxes, charter, officers, notices, content, stats, innovation)
_SEVERITIES = {"critical", "major", "minor", "info"}


@dataclass
class Judgement:
    template: str
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # rule families that failed on this site


def judge(
    site: Site, config: RulesConfig | None = None, *, parsed: dict | None = None
) -> Judgement:
    config = config or RulesConfig()
    ctx = Context.build(site, config, parsed)
    template = ctx.home.template if ctx.home is not None else "generic"
    if template in ("error", "challenge"):
        template = "generic"
    findings = portal.check(ctx)
    warnings: list[str] = []
    if not portal.stops_audit(ctx):
        for family in _CONTENT_FAMILIES:
            # One family tripping over strange markup must not cost the portal its other
            # findings; the failure is reported, not hidden.
            try:
                findings.extend(family.check(ctx))
            except Exception as exc:
                name = family.__name__.rsplit(".", 1)[-1]
                warnings.append(f"rules.{name} failed: {type(exc).__name__}: {exc}")
    findings = _apply_config(_dedupe(findings), config)
    return Judgement(template=template, findings=findings, warnings=warnings)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for finding in findings:
        if finding.key() in seen:
            continue
        seen.add(finding.key())
        unique.append(finding)
    return unique


def _apply_config(findings: list[Finding], config: RulesConfig) -> list[Finding]:
    kept = []
    for finding in findings:
        if finding.rule in config.disabled_rules:
            continue
        override = config.severity_overrides.get(finding.rule)
        if override in _SEVERITIES:
            finding.severity = override
        kept.append(finding)
    return kept
