"""Rounds and their results in the database: create a round, record one portal's result in
one transaction (lifecycle, evidence, office score), finish a round (roll-up scores)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from datetime import date

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from tadarki.engine.result import Finding as EngineFinding
from tadarki.engine.result import PortalResult
from tadarki.registry.models import OrgUnit

from . import lifecycle, scoring
from .evidence import sha256_of, store_snapshot
from .groups import family_of
from .models import AuditRound, Finding, FindingEvent, Observation, RoundPortal, Score, Snapshot

MISSING_PORTAL_BN = "অফিসের কোনো তথ্য বাতায়ন নেই।"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def ancestor_of_kind(unit: OrgUnit, kind: str) -> OrgUnit | None:
    """The nearest ancestor (or the unit itself) of the given kind."""
    ids = [int(p) for p in unit.path.strip("/").split("/") if p]
    return OrgUnit.objects.filter(pk__in=ids, kind=kind).order_by("-path").first()


def offices_in_scope(
    department: OrgUnit | None = None, offices: Iterable[OrgUnit] | None = None
) -> list[OrgUnit]:
    """Active offices to audit: listed ones, a department's subtree, or all."""
    qs = OrgUnit.objects.filter(kind=OrgUnit.Kind.OFFICE, is_active=True)
    if offices is not None:
        qs = qs.filter(pk__in=[o.pk for o in offices])
    elif department is not None:
        qs = qs.filter(path__startswith=department.path)
    return list(qs.order_by("path"))


@transaction.atomic
def create_round(
    *,
    department: OrgUnit | None = None,
    offices: Iterable[OrgUnit] | None = None,
    user=None,
    trigger: str = "ui",
) -> AuditRound:
    """A new round with one pending RoundPortal per office in scope."""
    units = offices_in_scope(department, offices)
    number = (AuditRound.objects.select_for_update().aggregate(n=Max("number"))["n"] or 0) + 1
    scope = (
        AuditRound.Scope.LIST
        if offices is not None
        else AuditRound.Scope.DEPARTMENT
        if department is not None
        else AuditRound.Scope.ALL
    )
    audit_round = AuditRound.objects.create(
        number=number,
        scope=scope,
        scope_unit=department,
        started_by=user if user is not None and user.is_authenticated else None,
        trigger=trigger,
        score_method=scoring.METHOD,
    )
    RoundPortal.objects.bulk_create(
        RoundPortal(round=audit_round, unit=u, url=u.portal_url or "") for u in units
    )
    return audit_round


def missing_portal_result(unit: OrgUnit) -> PortalResult:
    """An office registered without a portal: the one finding is `portal.missing`."""
    result = PortalResult(office=unit.name_bn, url="", host="", reachable=False)
    result.findings.append(
        EngineFinding(
            rule="portal.missing",
            severity="major",
            subject="",
            url="",
            evidence="",
            message_bn=MISSING_PORTAL_BN,
        )
    )
    result.compute_score()
    return result


def waiver_active(finding: Finding, today: date | None = None) -> bool:
    if finding.review != Finding.Review.WAIVED:
        return False
    today = today or timezone.localdate()
    return finding.waiver_expires is None or finding.waiver_expires >= today


def _snapshots_by_hash(result: PortalResult) -> dict[str, object]:
    """Store the bodies of the pages that show a finding (only those: evidence, not an
    archive of the portal), once per content hash."""
    wanted_urls = {lifecycle.normalise_url(f.url) for f in result.findings if f.url}
    wanted_hashes = {f.sha256 for f in result.findings if f.sha256}
    stored = {}
    for page in result.pages:
        if page.body is None:
            continue
        digest = page.sha256 or sha256_of(page.body)
        if digest in stored:
            continue
        if digest in wanted_hashes or lifecycle.normalise_url(page.url) in wanted_urls:
            stored[digest] = store_snapshot(page.body, page.content_type, digest)
    return stored


def _known_snapshot(digest: str):
    """A page unchanged since an earlier round already has its snapshot."""
    return Snapshot.objects.filter(sha256=digest).first() if digest else None


def _record_event(
    finding: Finding, audit_round: AuditRound, step: lifecycle.Transition, previous: str | None
) -> None:
    """A status change the round caused (opened, fixed, reopened …), kept for the history."""
    FindingEvent.objects.create(
        finding=finding,
        round=audit_round,
        kind=step.event,
        from_value=previous,
        to_value=step.status,
    )


@transaction.atomic
def record_portal_result(
    round_portal_id: int, result: PortalResult, page_cache=None
) -> RoundPortal:
    """Write one portal's result: all or nothing, and never twice for the same round.

    `page_cache` (a page_cache.RoundPageCache the crawl used) supplies the bodies of pages
    answered 304 and saves the crawl's validators with the result.
    """
    rp = (
        RoundPortal.objects.select_for_update()
        .select_related("round", "unit")
        .get(pk=round_portal_id)
    )
    if rp.state == RoundPortal.State.DONE:
        return rp
    if page_cache is not None:
        page_cache.fill_bodies(result)
        page_cache.save(result)
    audit_round, unit = rp.round, rp.unit
    department = ancestor_of_kind(unit, OrgUnit.Kind.DEPARTMENT)
    pages = [p.to_json() for p in result.pages]
    read = lifecycle.read_pages(pages)
    if not pages and result.reachable and result.url:
        read.add(lifecycle.normalise_url(result.url))  # engine gave no page list
    snapshots = _snapshots_by_hash(result)
    page_hash = {lifecycle.normalise_url(p["url"]): p.get("sha256") for p in pages}

    existing = {(f.rule, f.subject): f for f in Finding.objects.filter(unit=unit)}
    seen: dict[tuple[str, str], EngineFinding] = {}
    for ef in result.findings:
        seen.setdefault((ef.rule, lifecycle.clean_subject(ef.subject)), ef)

    for key, ef in seen.items():
        finding = existing.get(key)
        step = lifecycle.transition(finding.status if finding else None, True, True)
        if finding is None:
            finding = Finding(
                unit=unit,
                rule=key[0],
                subject=key[1],
                first_round=audit_round,
                family=family_of(key[0]),
            )
        previous = finding.status if finding.pk else ""
        finding.department = department
        finding.severity = ef.severity
        finding.url = (ef.url or "")[:1000]
        finding.message_bn = _nfc(ef.message_bn)
        finding.status = step.status
        finding.last_seen_round = audit_round
        if step.event:
            finding.status_round = audit_round
        finding.save()
        digest = ef.sha256 or page_hash.get(lifecycle.normalise_url(ef.url)) or ""
        Observation.objects.create(
            finding=finding,
            round=audit_round,
            state=step.observation,
            severity=ef.severity,
            url=(ef.url or "")[:1000],
            http_status=ef.status,
            fetched_at=(ef.fetched_at or "")[:40],
            sha256=digest,
            evidence=_nfc(ef.evidence)[:2000],
            linked_from=list(ef.linked_from or []),
            snapshot=snapshots.get(digest) or _known_snapshot(digest),
        )
        if step.event:
            _record_event(finding, audit_round, step, previous)

    audited = rp.state != RoundPortal.State.FAILED and (result.reachable or not rp.url)
    for key, finding in existing.items():
        if key in seen or finding.status == Finding.Status.FIXED:
            continue
        rechecked = lifecycle.was_rechecked(finding.url, read, audited)
        # An unreachable portal re-checks nothing but its own reachability.
        step = lifecycle.transition(finding.status, False, rechecked)
        previous = finding.status
        finding.status = step.status
        if step.event:
            finding.status_round = audit_round
        finding.save(update_fields=["status", "status_round"])
        Observation.objects.create(
            finding=finding,
            round=audit_round,
            state=step.observation,
            severity=finding.severity,
            url=finding.url,
        )
        if step.event:
            _record_event(finding, audit_round, step, previous)

    open_findings = [
        f
        for f in Finding.objects.filter(unit=unit).exclude(status=Finding.Status.FIXED)
        if not waiver_active(f)
    ]
    score = scoring.office_score(f.severity for f in open_findings)
    Score.objects.update_or_create(
        round=audit_round,
        unit=unit,
        method=scoring.METHOD,
        defaults={"level": Score.Level.OFFICE, "score": score, "open_findings": len(open_findings)},
    )
    rp.state = RoundPortal.State.DONE
    rp.template = result.template
    rp.reachable = result.reachable
    rp.pages_fetched = result.pages_fetched
    rp.findings_count = len(seen)
    rp.score = score
    rp.pages = pages
    rp.finished_at = timezone.now()
    rp.save()
    return rp


def mark_running(round_portal_id: int) -> RoundPortal | None:
    """Claim a pending portal; None when another worker has it or the round was cancelled."""
    with transaction.atomic():
        rp = (
            RoundPortal.objects.select_for_update()
            .select_related("round", "unit")
            .get(pk=round_portal_id)
        )
        if rp.state == RoundPortal.State.DONE or rp.round.cancel_requested:
            return None
        rp.state = RoundPortal.State.RUNNING
        rp.started_at = timezone.now()
        rp.save(update_fields=["state", "started_at"])
        if rp.round.state == AuditRound.State.PENDING:
            AuditRound.objects.filter(pk=rp.round_id).update(
                state=AuditRound.State.RUNNING, started_at=timezone.now()
            )
        return rp


def record_portal_failure(round_portal_id: int, error: str) -> None:
    """Our audit failed (not the portal): nothing is re-checked, findings stay open."""
    with transaction.atomic():
        rp = RoundPortal.objects.select_for_update().get(pk=round_portal_id)
        if rp.state == RoundPortal.State.DONE:
            return
        rp.state = RoundPortal.State.FAILED
        rp.error = error[:2000]
        rp.finished_at = timezone.now()
        rp.save()


def reset_interrupted(audit_round: AuditRound) -> int:
    """Portals left running by a crash go back to pending (their writes never committed)."""
    return audit_round.portals.filter(
        state__in=[RoundPortal.State.RUNNING, RoundPortal.State.FAILED]
    ).update(state=RoundPortal.State.PENDING, started_at=None, error="")


def show_live_pages(pages_by_portal: dict[int, int]) -> None:
    """Page counts of portals still being crawled, for the round page's progress."""
    for rp_id, pages in pages_by_portal.items():
        if pages:
            RoundPortal.objects.filter(pk=rp_id, state=RoundPortal.State.RUNNING).update(
                pages_fetched=pages
            )


def round_progress(audit_round: AuditRound, portals=None) -> dict:
    """Counts for the progress display; `portals` narrows them (a reader's scope)."""
    qs = audit_round.portals.all() if portals is None else portals
    portals = list(qs.values_list("state", "pages_fetched", "findings_count"))
    done = sum(
        1 for s, _p, _f in portals if s in (RoundPortal.State.DONE, RoundPortal.State.FAILED)
    )
    return {
        "round": audit_round.number,
        "state": audit_round.state,
        "cancel_requested": audit_round.cancel_requested,
        "portals_total": len(portals),
        "portals_done": done,
        "portals_running": sum(1 for s, _p, _f in portals if s == RoundPortal.State.RUNNING),
        "portals_failed": sum(1 for s, _p, _f in portals if s == RoundPortal.State.FAILED),
        "pages": sum(p for _s, p, _f in portals),
        "findings": sum(f for _s, _p, f in portals),
    }


def roll_up_scores(audit_round: AuditRound) -> None:
    """Department score = mean of its offices'; division = mean of its departments'."""
    office_scores = list(
        Score.objects.filter(
            round=audit_round, level=Score.Level.OFFICE, method=scoring.METHOD
        ).select_related("unit")
    )
    Score.objects.filter(round=audit_round, method=scoring.METHOD).exclude(
        level=Score.Level.OFFICE
    ).delete()
    dept_rows = _roll_up(
        audit_round,
        OrgUnit.objects.filter(kind=OrgUnit.Kind.DEPARTMENT),
        office_scores,
        Score.Level.DEPARTMENT,
        offices=len,
    )
    _roll_up(
        audit_round,
        OrgUnit.objects.filter(kind=OrgUnit.Kind.DIVISION),
        dept_rows,
        Score.Level.DIVISION,
        offices=lambda mine: sum(s.offices for s in mine),
    )


def _roll_up(
    audit_round: AuditRound,
    parents,
    below: list[Score],
    level: str,
    *,
    offices: Callable[[list[Score]], int],
) -> list[Score]:
    """One level's scores: each parent unit gets the mean of the scores in its subtree."""
    rows = []
    for parent in parents:
        mine = [s for s in below if s.unit.path.startswith(parent.path)]
        if not mine:
            continue
        rows.append(
            Score(
                round=audit_round,
                unit=parent,
                level=level,
                score=scoring.mean_score(s.score for s in mine),
                method=scoring.METHOD,
                open_findings=sum(s.open_findings for s in mine),
                offices=offices(mine),
            )
        )
    Score.objects.bulk_create(rows)
    return rows


def finish_round(audit_round_id: int) -> AuditRound | None:
    """Close a round once no portal is pending or running; returns it when this call closed it."""
    with transaction.atomic():
        audit_round = AuditRound.objects.select_for_update().get(pk=audit_round_id)
        if audit_round.state in (AuditRound.State.DONE, AuditRound.State.CANCELLED):
            return None
        unfinished = audit_round.portals.filter(
            Q(state=RoundPortal.State.PENDING) | Q(state=RoundPortal.State.RUNNING)
        )
        if audit_round.cancel_requested:
            # Pending portals stay pending (never audited); wait only for running ones.
            if unfinished.filter(state=RoundPortal.State.RUNNING).exists():
                return None
            audit_round.state = AuditRound.State.CANCELLED
        elif unfinished.exists():
            return None
        else:
            audit_round.state = AuditRound.State.DONE
        roll_up_scores(audit_round)
        audit_round.finished_at = timezone.now()
        audit_round.save()
    return audit_round


def request_cancel(audit_round: AuditRound) -> None:
    AuditRound.objects.filter(pk=audit_round.pk).update(cancel_requested=True)


def previous_round(audit_round: AuditRound) -> AuditRound | None:
    return (
        AuditRound.objects.filter(number__lt=audit_round.number, state=AuditRound.State.DONE)
        .order_by("-number")
        .first()
    )


def department_summary(department: OrgUnit, worst: int = 5) -> dict | None:
    """The latest finished round for a department, for committee papers (not scoped: the
    caller decides who reads it). None when no round has scored this department."""
    score = (
        Score.objects.filter(unit=department, method=scoring.METHOD, round__state="done")
        .select_related("round")
        .order_by("-round__number")
        .first()
    )
    if score is None:
        return None
    offices = (
        Score.objects.filter(
            round=score.round,
            level=Score.Level.OFFICE,
            method=scoring.METHOD,
            unit__path__startswith=department.path,
        )
        .select_related("unit")
        .order_by("score", "unit__name_bn")[:worst]
    )
    return {
        "round": score.round.number,
        "score": score.score,
        "score_method": score.method,
        "offices": score.offices,
        "open_findings": score.open_findings,
        "worst_offices": [
            {
                "code": s.unit.code,
                "name": s.unit.name_bn,
                "host": s.unit.portal_host,
                "score": s.score,
            }
            for s in offices
        ],
    }
