"""Audit portals: crawl (engine.crawl), read and judge (engine.rules), score (engine.result).

Public entry points (used by the CLI and by the Django audits app):

    async def audit_portal(target: Target, config: AuditConfig | None = None, *,
                           politeness=None, cache=None, progress=None,
                           keep_bodies: bool = False, keep_pages: bool = True) -> PortalResult
    async def audit_many(targets, config=None, *, politeness=None, cache=None,
                         progress=None, on_portal=None, keep_pages=True) -> AuditResult

With `AuditConfig.processes` other than 1, audit_many runs the portals in worker processes
(engine.workers) and relays their results and progress here; callers see no difference.
Memory stays flat however many portals an audit has when the caller streams: given
`on_portal(index, portal)`, audit_many hands over each PortalResult as it finishes (index =
its place in `targets`) and keeps none of them (`result.portals` stays empty); with
`keep_pages=False` a result carries no per-page records either. A portal's pages (their texts
packed while they wait for the judge) live only while it is crawled and judged.

`progress` receives small dicts: {"event": "page", "office", "url", "status", "error",
"pages"}, {"event": "portal-start", "office", "url"} and {"event": "portal-done", "office",
"url", "reachable", "pages", "findings"}. A portal that misbehaves never stops the others:
it ends as `portal.unreachable` (subject = error class) or with warnings.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from tadarki.engine import heap
from tadarki.engine.crawl import defaults
from tadarki.engine.crawl.cache import ConditionalCache
from tadarki.engine.crawl.config import CrawlConfig
from tadarki.engine.crawl.crawler import SiteCrawler
from tadarki.engine.crawl.fetcher import Fetcher
from tadarki.engine.crawl.linkcheck import LinkChecker
from tadarki.engine.crawl.politeness import Politeness
from tadarki.engine.crawl.robots import RobotsCache
from tadarki.engine.npf.parse import parse_page_and_hrefs
from tadarki.engine.result import AuditResult, Finding, PageRecord, PortalResult, now_iso
from tadarki.engine.rules import judge
from tadarki.engine.rules.config import RulesConfig
from tadarki.engine.site import Site
from tadarki.engine.workers import audit_in_processes, resolve_processes

Progress = Callable[[dict], None]
# (index of the target in the audit's targets, its result), called as each portal finishes
PortalSink = Callable[[int, PortalResult], None]


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
    portal_concurrency: int = defaults.PORTAL_CONCURRENCY  # in all processes together
    processes: int = defaults.PROCESSES  # 0 = one per CPU (engine.workers)


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
    """What the portals of one audit share: the HTTP session, robots and link checks, and
    the one thread that judges.

    Judging holds the GIL, so more threads would not judge faster; but every thread that
    allocates gets its own malloc arena, whose free space the process keeps: one thread
    means one extra arena instead of up to six (asyncio.to_thread's pool).
    """

    def __init__(self, config: AuditConfig, politeness, cache) -> None:
        heap.keep_top()
        self.fetcher = Fetcher(config.crawl, politeness=politeness, cache=cache)
        self.robots = RobotsCache(self.fetcher)
        self.links = LinkChecker(self.fetcher)
        self.judge_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tadarki-judge")

    async def judge(self, *args) -> tuple[str, list[Finding]]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.judge_thread, _judge, *args)

    async def __aenter__(self) -> _Shared:
        await self.fetcher.open()
        return self

    async def __aexit__(self, *exc) -> None:
        self.judge_thread.shutdown(wait=False, cancel_futures=True)
        await self.fetcher.close()


def _judge(site: Site, rules_config, target: Target, parsed: dict | None = None):
    """(template, findings) from the rule pack."""
    rules_config = rules_config or RulesConfig()
    if target.stats is not None:
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


def shared_session(config: AuditConfig) -> _Shared:
    """What one process's portals share (`async with shared_session(config) as shared`)."""
    return _Shared(config, None, None)


async def audit_one(
    target: Target,
    config: AuditConfig,
    shared: _Shared,
    progress: Progress | None,
    keep_pages: bool,
) -> PortalResult:
    """audit_portal, except that a failure becomes that portal's finding, never an error."""
    try:
        return await audit_portal(
            target, config, progress=progress, keep_pages=keep_pages, _shared=shared
        )
    except Exception as exc:  # noqa: BLE001 - one portal never stops the others
        return failed_portal(target, f"{type(exc).__name__}: {exc}")
    finally:
        heap.give_back()  # what the portal's crawl and judging freed


def failed_portal(target: Target, reason: str) -> PortalResult:
    """A portal whose audit broke down: `portal.unreachable`, subject `internal-error`."""
    portal = PortalResult(office=target.office, url=target.url, host="")
    portal.warnings.append(f"internal-error: {reason}")
    portal.findings.append(
        _crawl_finding("portal.unreachable", "internal-error", target.url, reason)
    )
    portal.compute_score()
    return portal


async def audit_portal(
    target: Target,
    config: AuditConfig | None = None,
    *,
    politeness: Politeness | None = None,
    cache: ConditionalCache | None = None,
    progress: Progress | None = None,
    keep_bodies: bool = False,
    keep_pages: bool = True,
    _shared: _Shared | None = None,
) -> PortalResult:
    config = config or AuditConfig()
    if _shared is None:
        async with _Shared(config, politeness, cache) as shared:
            return await audit_portal(
                target,
                config,
                progress=progress,
                keep_bodies=keep_bodies,
                keep_pages=keep_pages,
                _shared=shared,
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
        read_page=parse_page_and_hrefs,  # parsed once, for links and rules
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
        template, findings = await _shared.judge(site, config.rules, target, crawler.parsed)
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
    if keep_pages or keep_bodies:
        result.pages = _page_records(site, crawler.bodies if keep_bodies else {})
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


def _page_records(site: Site, bodies: dict[str, bytes]) -> list[PageRecord]:
    return [
        PageRecord(
            url=p.url,
            status=p.status,
            fetched_at=p.fetched_at,
            sha256=p.sha256,
            content_type=p.content_type,
            error=p.error,
            body=bodies.get(p.url),
        )
        for p in sorted(site.pages.values(), key=lambda p: p.url)
    ]


def worker_processes(config: AuditConfig, targets: int, *, politeness=None, cache=None) -> int:
    """How many processes audit_many audits `targets` portals in (1: this one). A politeness
    or cache object lives in this process, so with one the audit stays here."""
    if politeness is not None or cache is not None:
        return 1
    return resolve_processes(config.processes, targets)


async def audit_many(
    targets: Iterable[Target],
    config: AuditConfig | None = None,
    *,
    politeness: Politeness | None = None,
    cache: ConditionalCache | None = None,
    progress: Progress | None = None,
    on_portal: PortalSink | None = None,
    keep_pages: bool = True,
) -> AuditResult:
    config = config or AuditConfig()
    result = AuditResult(started_at=now_iso())
    collected: dict[int, PortalResult] = {}
    sink = on_portal or collected.__setitem__
    targets = list(targets)
    processes = worker_processes(config, len(targets), politeness=politeness, cache=cache)
    if processes > 1:
        await audit_in_processes(
            targets,
            config,
            processes,
            progress=progress,
            sink=sink,
            keep_pages=keep_pages,
            failed_portal=failed_portal,
        )
        result.portals = [collected[i] for i in sorted(collected)]
        result.finished_at = now_iso()
        return result
    # A fixed pool of workers pulls targets one by one: no task (or result) per target waits.
    queue: Iterator[tuple[int, Target]] = enumerate(targets)

    async with _Shared(config, politeness, cache) as shared:

        async def worker() -> None:
            for index, target in queue:
                sink(index, await audit_one(target, config, shared, progress, keep_pages))

        workers = [
            asyncio.ensure_future(worker()) for _ in range(max(1, config.portal_concurrency))
        ]
        try:
            await asyncio.gather(*workers)
        finally:  # a failing `on_portal` stops the audit, not just its own worker
            for task in workers:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
    result.portals = [collected[i] for i in sorted(collected)]
    result.finished_at = now_iso()
    return result
