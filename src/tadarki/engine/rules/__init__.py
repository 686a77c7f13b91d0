"""The rule pack (rules.md): judge one fetched portal.

    judge(site: Site, config: RulesConfig) -> Judgement

One module per family; each exposes `check(ctx) -> list[Finding]`.
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


def judge(site: Site, config: RulesConfig | None = None) -> Judgement:
    config = config or RulesConfig()
    ctx = Context.build(site, config)
    template = ctx.home.template if ctx.home is not None else "generic"
    if template in ("error", "challenge"):
        template = "generic"
    findings = portal.check(ctx)
    if not portal.stops_audit(ctx):
        for family in _CONTENT_FAMILIES:
            findings.extend(family.check(ctx))
    findings = _apply_config(_dedupe(findings), config)
    return Judgement(template=template, findings=findings)


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
