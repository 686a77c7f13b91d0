"""Running a round: in-process (embedded default) or as Celery tasks (TADARKI_USE_CELERY).

In-process, the crawl runs on an asyncio loop in a helper thread while the calling thread
writes each portal's result to the database as it arrives (one transaction per portal).
With Celery, each portal is one `audits.tasks.audit_portal_task`; the last task to finish
closes the round. Both paths call the same `audit_one` and `services.record_portal_result`,
so a round gives the same findings either way.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait

from django.conf import settings
from django.db import close_old_connections

from tadarki.engine.result import PortalResult

from . import leases, services
from .models import AuditRound, RoundPortal
from .page_cache import RoundPageCache
from .page_cache import enabled as conditional_fetch_enabled

log = logging.getLogger(__name__)

# audit(target, config, politeness) -> PortalResult; tests may pass their own.
PROGRESS_SECONDS = 2.0  # how often running portals' page counts reach the database
AuditFunction = Callable[..., Awaitable[PortalResult]]


class RoundBusy(Exception):
    """Another runner, still alive, holds the round."""


def audit_config():
    """The engine's AuditConfig from settings.

    TADARKI_ALLOW_PRIVATE / TADARKI_RESPECT_ROBOTS map to the crawl settings of the same
    name; TADARKI_HTTP_PROXY (else the usual HTTP_PROXY variables) routes the crawl through a
    proxy; TADARKI_CRAWL is a dict of further CrawlConfig overrides (e.g. max_pages).
    """
    import dataclasses

    from tadarki.engine.audit import AuditConfig
    from tadarki.engine.crawl.config import CrawlConfig

    values = {
        "allow_private": getattr(settings, "TADARKI_ALLOW_PRIVATE", False),
        "respect_robots": getattr(settings, "TADARKI_RESPECT_ROBOTS", True),
    }
    proxy = getattr(settings, "TADARKI_HTTP_PROXY", "")
    if proxy:
        values["proxy_env"] = {"HTTP_PROXY": proxy, "HTTPS_PROXY": proxy}
    values.update(getattr(settings, "TADARKI_CRAWL", {}) or {})
    known = {f.name for f in dataclasses.fields(CrawlConfig)}
    crawl = CrawlConfig(**{k: v for k, v in values.items() if k in known})
    return AuditConfig(crawl=crawl)


def make_politeness(config):
    """Per-host limits shared by all portals of a round: in Redis when several workers
    crawl at once (Celery), in-process otherwise. Limits come from the crawl settings."""
    from tadarki.engine.crawl.politeness import InProcessPoliteness, RedisPoliteness

    limits = {
        "concurrency": config.crawl.concurrency_per_host,
        "rate": config.crawl.requests_per_second,
    }
    url = getattr(settings, "TADARKI_POLITENESS_URL", "")
    if url and getattr(settings, "TADARKI_USE_CELERY", False):
        return RedisPoliteness.from_url(url, **limits)
    return InProcessPoliteness(**limits)


async def engine_audit(target, config, politeness, progress=None, cache=None) -> PortalResult:
    from tadarki.engine.audit import audit_portal

    return await audit_portal(
        target, config, politeness=politeness, cache=cache, progress=progress, keep_bodies=True
    )


def make_target(rp: RoundPortal):
    from tadarki.engine.audit import Target

    department = services.ancestor_of_kind(rp.unit, "department")
    return Target(
        office=rp.unit.name_bn,
        url=rp.url,
        department=department.name_bn if department else "",
    )


async def audit_one(
    target, audit: AuditFunction | None, config, politeness, progress=None, cache=None
) -> PortalResult:
    """One office's result. Runs on the crawl loop: no database access in here."""
    if audit is None:
        return await engine_audit(target, config, politeness, progress, cache)
    return await audit(target, config, politeness)


async def _ready(result: PortalResult) -> PortalResult:
    return result


def portal_cache(rp: RoundPortal, audit: AuditFunction | None) -> RoundPageCache | None:
    """The validators of the portal's pages from earlier rounds (loaded here, off the loop)."""
    if audit is not None or not rp.url or not conditional_fetch_enabled():
        return None
    return RoundPageCache.load(rp.url)


def portal_work(
    rp: RoundPortal,
    audit: AuditFunction | None,
    config,
    politeness,
    pages: dict | None = None,
    cache: RoundPageCache | None = None,
):
    """The coroutine for one round portal; an office without a portal needs no crawl.

    `pages` (round portal id → pages fetched so far) is updated from the crawl loop so that
    the caller can show live progress without the loop touching the database.
    """
    if not rp.url:
        return _ready(services.missing_portal_result(rp.unit))
    progress = None
    if pages is not None:

        def progress(event: dict, rp_id: int = rp.pk) -> None:
            if event.get("event") == "page":
                pages[rp_id] = pages.get(rp_id, 0) + 1

    return audit_one(make_target(rp), audit, config, politeness, progress, cache)


class _LoopThread:
    """An asyncio loop in a daemon thread; coroutines are submitted from the caller's thread."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def submit(self, coroutine) -> Future:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)
        self.loop.close()


def run_round(
    audit_round: AuditRound,
    *,
    audit: AuditFunction | None = None,
    concurrency: int | None = None,
    stop_after: int | None = None,
    config=None,
) -> AuditRound:
    """Audit every portal of the round not yet done, writing results as they arrive.

    `stop_after` (a test hook) stops after that many portals, as a crash would, leaving the
    rest pending and the round running, so that `resume` has something to do.

    The round is claimed first (see leases.py) and its lease renewed while it runs; raises
    RoundBusy when another live runner holds it.
    """
    identity = leases.new_identity()
    if not leases.claim(audit_round.pk, identity):
        audit_round.refresh_from_db()
        if audit_round.state in leases.UNFINISHED:
            raise RoundBusy(f"round {audit_round.number} is run by {audit_round.runner}")
        return audit_round
    try:
        return _run_claimed(audit_round, identity, audit, concurrency, stop_after, config)
    finally:
        leases.release(audit_round.pk, identity)


def _run_claimed(audit_round, identity, audit, concurrency, stop_after, config) -> AuditRound:
    # Only the claim holder gets here, so portals left running are a dead runner's.
    services.reset_interrupted(audit_round)
    concurrency = concurrency or getattr(settings, "TADARKI_PORTAL_CONCURRENCY", 4)
    if config is None and audit is None:
        config = audit_config()
    pending = list(
        audit_round.portals.filter(state=RoundPortal.State.PENDING)
        .select_related("unit")
        .order_by("pk")
    )
    loop = _LoopThread()
    politeness = None if audit is not None else make_politeness(config)
    in_flight: dict[Future, int] = {}
    caches: dict[int, RoundPageCache | None] = {}
    live_pages: dict[int, int] = {}
    completed = 0
    claimed = True
    try:
        while pending or in_flight:
            audit_round.refresh_from_db(fields=["cancel_requested"])
            if claimed and not leases.renew(audit_round.pk, identity):
                # Taken over (we were thought dead): finish what is in flight, start nothing.
                log.warning("round %s: lease lost, stopping", audit_round.number)
                claimed = False
            stopping = (
                not claimed
                or audit_round.cancel_requested
                or (stop_after is not None and completed + len(in_flight) >= stop_after)
            )
            while pending and len(in_flight) < concurrency and not stopping:
                rp = services.mark_running(pending.pop(0).pk)
                if rp is not None:
                    caches[rp.pk] = portal_cache(rp, audit)
                    work = portal_work(rp, audit, config, politeness, live_pages, caches[rp.pk])
                    in_flight[loop.submit(work)] = rp.pk
                stopping = stop_after is not None and completed + len(in_flight) >= stop_after
            if not in_flight:
                break
            done, _ = wait(list(in_flight), timeout=PROGRESS_SECONDS, return_when=FIRST_COMPLETED)
            services.show_live_pages({i: live_pages.get(i, 0) for i in in_flight.values()})
            for future in done:
                rp_id = in_flight.pop(future)
                try:
                    services.record_portal_result(rp_id, future.result(), caches.pop(rp_id, None))
                except Exception as exc:  # one portal's failure must not stop the round
                    log.exception("audit of round portal %s failed", rp_id)
                    services.record_portal_failure(rp_id, f"{type(exc).__name__}: {exc}")
                completed += 1
            if stop_after is not None and completed >= stop_after and not in_flight:
                return audit_round  # simulated interruption: the round stays unfinished
    finally:
        loop.close()
    if not claimed:
        return audit_round
    finished = services.finish_round(audit_round.pk)
    audit_round.refresh_from_db()
    if finished is not None and finished.state == AuditRound.State.DONE:
        after_round(finished)
    return audit_round


def after_round(audit_round: AuditRound) -> None:
    """What follows a finished round: the e-mail digests."""
    from .notify import send_round_digests

    try:
        send_round_digests(audit_round)
    except Exception:  # a mail outage must not undo a round
        log.exception("round %s: sending digests failed", audit_round.number)


def start_round(audit_round: AuditRound) -> str:
    """Start a round the configured way; returns "celery", "inline" or "thread"."""
    if getattr(settings, "TADARKI_USE_CELERY", False):
        from .tasks import audit_portal_task

        # Claimed for "celery" so that no other process queues the same portals again.
        if not leases.claim(audit_round.pk, leases.CELERY):
            raise RoundBusy(f"round {audit_round.number} is run by another process")
        services.reset_interrupted(audit_round)
        for rp_id in audit_round.portals.filter(state=RoundPortal.State.PENDING).values_list(
            "pk", flat=True
        ):
            audit_portal_task.delay(rp_id)
        return "celery"
    if getattr(settings, "TADARKI_RUN_ROUNDS_INLINE", False):
        run_round(audit_round)
        return "inline"
    threading.Thread(
        target=_run_in_thread, args=(audit_round.pk,), daemon=True, name="audit-round"
    ).start()
    return "thread"


def _run_in_thread(round_id: int) -> None:
    try:
        run_round(AuditRound.objects.get(pk=round_id))
    except RoundBusy as busy:
        log.info("%s", busy)
    except Exception:
        log.exception("round %s failed", round_id)
    finally:
        close_old_connections()


def unfinished_rounds():
    return AuditRound.objects.filter(
        state__in=[AuditRound.State.PENDING, AuditRound.State.RUNNING], cancel_requested=False
    ).order_by("number")


def resume_orphaned(**run_options) -> list[int]:
    """Finish every unfinished round whose runner is gone; returns the rounds' numbers.

    Called by `tadarki audit_round`, at web-process start (`resume_orphaned_in_background`)
    and by `tadarki demo`. Rounds another live runner holds are left to it.
    """
    resumed = []
    for audit_round in leases.orphaned_rounds():
        try:
            if getattr(settings, "TADARKI_USE_CELERY", False):
                start_round(audit_round)
            else:
                run_round(audit_round, **run_options)
        except RoundBusy:
            continue  # another process got there first
        resumed.append(audit_round.number)
    return resumed


def resume_orphaned_in_background() -> threading.Thread:
    """For a web process at start: resume orphaned rounds without delaying the start."""

    def work() -> None:
        try:
            numbers = resume_orphaned()
            if numbers:
                log.warning("resumed orphaned rounds %s", numbers)
        except Exception:
            log.exception("resuming orphaned rounds failed")
        finally:
            close_old_connections()

    thread = threading.Thread(target=work, daemon=True, name="audit-resume")
    thread.start()
    return thread


def run_portal_task(round_portal_id: int) -> None:
    """The body of the Celery task: audit one portal, record it, maybe close the round."""
    rp = services.mark_running(round_portal_id)
    if rp is None:
        rp = RoundPortal.objects.get(pk=round_portal_id)
        services.finish_round(rp.round_id)
        return
    try:
        config = audit_config()
        cache = portal_cache(rp, None)
        result = asyncio.run(portal_work(rp, None, config, make_politeness(config), cache=cache))
        services.record_portal_result(rp.pk, result, cache)
    except Exception as exc:
        log.exception("audit of round portal %s failed", rp.pk)
        services.record_portal_failure(rp.pk, f"{type(exc).__name__}: {exc}")
    finished = services.finish_round(rp.round_id)
    if finished is not None and finished.state == AuditRound.State.DONE:
        after_round(finished)
