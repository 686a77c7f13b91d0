"""Audit portals: crawl (engine.crawl), read and judge (engine.rules), score (engine.result).

Public entry points (used by the CLI and by the Django audits app):

    async def audit_portal(target: Target, config: AuditConfig | None = None, *,
                           politeness=None, cache=None, progress=None,
                           keep_bodies: bool = False) -> PortalResult
    async def audit_many(targets, config=None, *, politeness=None, cache=None,
                         progress=None) -> AuditResult

`progress` receives small dicts: {"event": "page", "office", "url", "status", "error",
"pages"}, {"event": "portal-start", "office", "url"} and {"event": "portal-done", "office",
"url", "reachable", "pages", "findings"}. A portal that misbehaves never stops the others:
it ends as `portal.unreachable` (subject = error class) or with warnings.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from tadarki.engine.crawl import defaults
from tadarki.engine.crawl.cache import ConditionalCache
from tadarki.engine.crawl.config import CrawlConfig
from tadarki.engine.crawl.crawler import SiteCrawler
from tadarki.engine.crawl.fetcher import Fetcher
from tadarki.engine.crawl.linkcheck import LinkChecker
from tadarki.engine.crawl.politeness import Politeness
from tadarki.engine.crawl.robots import RobotsCache
from tadarki.engine.result import AuditResult, Finding, PageRecord, PortalResult, now_iso
from tadarki.engine.site import Site

Progress = Callable[[dict], None]


@dataclass
class Target:
    office: str
    url: str
    department: str = ""
    stats: list | None = None  # department statistics config (rules.md "stats.*")


@dataclass
class AuditConfig:
    crawl: CrawlConfig = field(default_factory=CrawlConfig)
    rules: Any = None  # tadarki.engine.rules.config.RulesConfig; its defaults when None
    portal_concurrency: int = defaults.PORTAL_CONCURRENCY


# Crawl-level facts reported even when the rule pack is not installed or missed them.
_CRAWL_FINDINGS = {
    "portal.unreachable": (
        "critical",
        "পোর্টালটি খোলা যায়নি (ত্রুটি: {subject}); পুনরায় চেষ্টা করেও হোম পেজ পাওয়া যায়নি।",
    ),
    "portal.blocked": (
        "info",
        "পোর্টালটি স্বয়ংক্রিয় পরিদর্শনে বাধা দিয়েছে (বট যাচাই বা ফায়ারওয়াল), তাই নিরীক্ষা করা যায়নি।",
    ),
}


class _Shared:
    """What the portals of one audit share: the HTTP session, robots and link checks."""

    def __init__(self, config: AuditConfig, politeness, cache) -> None:
        self.fetcher = Fetcher(config.crawl, politeness=politeness, cache=cache)
        self.robots = RobotsCache(self.fetcher)
        self.links = LinkChecker(self.fetcher)

    async def __aenter__(self) -> _Shared:
        await self.fetcher.open()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.fetcher.close()


def _page_reader():
    """What the crawler reads each page with so that the rules need not parse it again."""
    try:
        from tadarki.engine.npf.parse import parse_page_and_hrefs
        from tadarki.engine.rules import judge  # noqa: F401 - only worth it with the rules
    except ImportError:
        return None
    return parse_page_and_hrefs


def _judge(site: Site, rules_config, target: Target, parsed: dict | None = None):
    """(template, findings) from the rule pack, or a generic reading when it is absent."""
    try:
        from tadarki.engine.rules import judge
    except ImportError:
        judge = None
    if judge is None:
        from tadarki.engine.crawl.crawler import detect_template

        template = detect_template(site.home.text) if site.home else "generic"
        return (template if template in ("G1", "G2", "G3") else "generic"), []
    if rules_config is None:
        try:
            from tadarki.engine.rules.config import RulesConfig

            rules_config = RulesConfig()
        except ImportError:
            rules_config = None
    if target.stats is not None and dataclasses.is_dataclass(rules_config):
        if any(f.name == "stats" for f in dataclasses.fields(rules_config)):
            rules_config = dataclasses.replace(rules_config, stats=target.stats)
    judgement = judge(site, rules_config, parsed=parsed)
    return judgement.template, list(judgement.findings)


def _crawl_finding(rule: str, subject: str, url: str, evidence: str) -> Finding:
    severity, message = _CRAWL_FINDINGS[rule]
    return Finding(
        rule=rule,
        severity=severity,
        subject=subject,
        url=url,
        evidence=evidence,
        message_bn=message.format(subject=subject),
    )


def _fill_evidence(findings: list[Finding], site: Site) -> None:
    """Status, fetch time and body hash of the page each finding was seen on."""
    by_key: dict[str, Any] | None = None
    for finding in findings:
        page = site.pages.get(finding.url)
        if page is None:
            if by_key is None:
                by_key = {}
                for p in site.pages.values():
                    by_key.setdefault(p.final_url, p)
            page = by_key.get(finding.url)
        if page is None and site.home is not None and finding.url in ("", site.root_url):
            page = site.home
        if page is not None:
            finding.status = finding.status if finding.status is not None else page.status
            finding.fetched_at = finding.fetched_at or page.fetched_at
            finding.sha256 = finding.sha256 or page.sha256


async def audit_portal(
    target: Target,
    config: AuditConfig | None = None,
    *,
    politeness: Politeness | None = None,
    cache: ConditionalCache | None = None,
    progress: Progress | None = None,
    keep_bodies: bool = False,
    _shared: _Shared | None = None,
) -> PortalResult:
    config = config or AuditConfig()
    if _shared is None:
        async with _Shared(config, politeness, cache) as shared:
            return await audit_portal(
                target, config, progress=progress, keep_bodies=keep_bodies, _shared=shared
            )
    if progress:
        progress({"event": "portal-start", "office": target.office, "url": target.url})
    crawler = SiteCrawler(
        _shared.fetcher,
        link_checker=_shared.links,
        robots=_shared.robots,
        progress=progress,
        keep_bodies=keep_bodies,
        config=config.crawl,
        read_page=_page_reader(),
    )
    site = await crawler.crawl(target.office, target.url, target.department)
    result = PortalResult(
        office=target.office,
        url=site.root_url,
        host=site.host,
        department=target.department,
        reachable=site.home is not None,
        pages_fetched=sum(1 for p in site.pages.values() if p.status is not None),
        warnings=list(site.warnings),
    )
    try:
        # Judging is CPU work; a thread keeps the other portals' sockets and timers alive.
        template, findings = await asyncio.to_thread(
            _judge, site, config.rules, target, crawler.parsed
        )
    except Exception as exc:  # noqa: BLE001 - a rule bug must not lose the portal
        template, findings = "generic", []
        result.warnings.append(f"rules-error: {type(exc).__name__}: {exc}")
    result.template = template
    rules_seen = {f.rule for f in findings}
    if site.unreachable_error and "portal.unreachable" not in rules_seen:
        home = site.pages.get(site.root_url)
        evidence = (home.error or f"HTTP {home.status}") if home else site.unreachable_error
        findings.append(
            _crawl_finding("portal.unreachable", site.unreachable_error, site.root_url, evidence)
        )
    if site.blocked and "portal.blocked" not in rules_seen and not site.unreachable_error:
        findings.append(_crawl_finding("portal.blocked", "", site.root_url, "challenge/robots"))
    _fill_evidence(findings, site)
    findings.sort(key=lambda f: (f.rule, f.subject, f.url))
    result.findings = findings
    result.compute_score()
    bodies = crawler.bodies
    result.pages = [
        PageRecord(
            url=p.url,
            status=p.status,
            fetched_at=p.fetched_at,
            sha256=p.sha256,
            content_type=p.content_type,
            error=p.error,
            body=bodies.get(p.url) if keep_bodies else None,
        )
        for p in sorted(site.pages.values(), key=lambda p: p.url)
    ]
    if progress:
        progress(
            {
                "event": "portal-done",
                "office": target.office,
                "url": target.url,
                "reachable": result.reachable,
                "pages": result.pages_fetched,
                "findings": len(findings),
            }
        )
    return result


async def audit_many(
    targets: Iterable[Target],
    config: AuditConfig | None = None,
    *,
    politeness: Politeness | None = None,
    cache: ConditionalCache | None = None,
    progress: Progress | None = None,
) -> AuditResult:
    config = config or AuditConfig()
    targets = list(targets)
    result = AuditResult(started_at=now_iso())
    gate = asyncio.Semaphore(max(1, config.portal_concurrency))

    async with _Shared(config, politeness, cache) as shared:

        async def one(target: Target) -> PortalResult:
            async with gate:
                try:
                    return await audit_portal(target, config, progress=progress, _shared=shared)
                except Exception as exc:  # noqa: BLE001 - one portal never stops the others
                    portal = PortalResult(office=target.office, url=target.url, host="")
                    portal.warnings.append(f"internal-error: {type(exc).__name__}: {exc}")
                    portal.findings.append(
                        _crawl_finding("portal.unreachable", "internal-error", target.url, str(exc))
                    )
                    portal.compute_score()
                    return portal

        result.portals = list(await asyncio.gather(*(one(t) for t in targets)))
    result.finished_at = now_iso()
    return result
