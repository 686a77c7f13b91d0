"""Read side of the audits pages, exports and API. Every function takes the user and applies
scope (accounts.scope), so no page can show more than its reader may see."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Prefetch, Q, QuerySet

from tadarki.accounts.scope import filter_by_unit
from tadarki.registry.models import OrgUnit

from .groups import FAMILIES, FAMILY_ORDER
from .models import AuditRound, Finding, Observation, RoundPortal, Score
from .scoring import METHOD

CHANGED_NEW = ("new", "regressed")


def done_rounds() -> QuerySet[AuditRound]:
    return AuditRound.objects.filter(state=AuditRound.State.DONE).order_by("-number")


def latest_round() -> AuditRound | None:
    return done_rounds().first()


def scores(user, level: str, audit_round: AuditRound | None = None) -> QuerySet[Score]:
    qs = Score.objects.filter(level=level, method=METHOD).select_related("unit", "round")
    if audit_round is not None:
        qs = qs.filter(round=audit_round)
    return filter_by_unit(user, qs, "unit")


def trend(user, level: str, unit: OrgUnit | None = None, limit: int = 20):
    """label → [(round number, score)] over the last `limit` done rounds."""
    numbers = list(done_rounds().values_list("number", flat=True)[:limit])
    qs = scores(user, level).filter(round__number__in=numbers)
    if unit is not None:
        qs = qs.filter(unit=unit)
    series: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for name, number, score in qs.order_by("unit__path", "round__number").values_list(
        "unit__name_bn", "round__number", "score"
    ):
        series[name].append((number, score))
    return dict(series)


def changes(user, audit_round: AuditRound, states, under: OrgUnit | None = None):
    qs = Observation.objects.filter(round=audit_round, state__in=states).select_related(
        "finding", "finding__unit"
    )
    if under is not None:
        qs = qs.filter(finding__unit__path__startswith=under.path)
    return filter_by_unit(user, qs, "finding__unit").order_by("finding__unit__path", "pk")


def dashboard(user) -> dict:
    current = latest_round()
    if current is None:
        return {"round": None}
    office_scores = scores(user, Score.Level.OFFICE, current)
    new = changes(user, current, CHANGED_NEW)
    fixed = changes(user, current, ("fixed",))
    return {
        "round": current,
        "division_scores": list(scores(user, Score.Level.DIVISION, current)),
        "department_scores": list(
            scores(user, Score.Level.DEPARTMENT, current).order_by("score", "unit__name_bn")
        ),
        "department_trend": trend(user, Score.Level.DEPARTMENT),
        "worst_offices": list(office_scores.order_by("score", "unit__name_bn")[:10]),
        "new": list(new[:50]),
        "new_count": new.count(),
        "fixed": list(fixed[:50]),
        "fixed_count": fixed.count(),
    }


def league(user, under: OrgUnit, audit_round: AuditRound | None) -> list[Score]:
    """Offices under a unit, worst first, for the latest round."""
    if audit_round is None:
        return []
    return list(
        scores(user, Score.Level.OFFICE, audit_round)
        .filter(unit__path__startswith=under.path)
        .order_by("score", "unit__name_bn")
    )


def last_audit(unit: OrgUnit) -> RoundPortal | None:
    return (
        RoundPortal.objects.filter(unit=unit, state=RoundPortal.State.DONE)
        .select_related("round")
        .order_by("-round__number")
        .first()
    )


def findings(user, params=None) -> QuerySet[Finding]:
    """Findings in scope, filtered by query parameters (department, office, rule, …)."""
    params = params or {}
    qs = filter_by_unit(user, Finding.objects.all(), "unit").select_related(
        "unit", "department", "first_round", "status_round"
    )
    if params.get("department"):
        qs = qs.filter(department__code=params["department"])
    if params.get("office"):
        qs = qs.filter(unit__code=params["office"])
    if params.get("rule"):
        qs = qs.filter(rule=params["rule"])
    if params.get("severity"):
        qs = qs.filter(severity=params["severity"])
    if params.get("family"):
        qs = qs.filter(family=params["family"])
    status = params.get("status", "open")
    if status == "open":
        qs = qs.exclude(status=Finding.Status.FIXED)
    elif status and status != "all":
        qs = qs.filter(status=status)
    if params.get("review"):
        qs = qs.filter(review=params["review"])
    return qs.order_by("unit__path", "family", "rule", "subject")


def office_findings(user, unit: OrgUnit, audit_round: AuditRound | None) -> list[dict]:
    """The office's findings grouped the committee's way, each with this round's evidence."""
    qs = filter_by_unit(user, Finding.objects.filter(unit=unit), "unit").select_related(
        "first_round", "status_round"
    )
    if audit_round is not None:
        qs = qs.filter(Q(status__in=("new", "open", "regressed")) | Q(status_round=audit_round))
        qs = qs.prefetch_related(
            Prefetch(
                "observations",
                queryset=Observation.objects.filter(round=audit_round),
                to_attr="this_round",
            )
        )
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in qs:
        finding.observation = (getattr(finding, "this_round", None) or [None])[0]
        groups[finding.family].append(finding)
    labels = {key: label for key, label, _p in FAMILIES}
    return [
        {"family": key, "label": labels.get(key, key), "findings": groups[key]}
        for key in sorted(groups, key=lambda k: FAMILY_ORDER.get(k, 99))
    ]


def department_counts(user, under: OrgUnit) -> dict[str, int]:
    qs = filter_by_unit(user, Finding.objects.filter(unit__path__startswith=under.path), "unit")
    return dict(qs.values_list("status").annotate(n=Count("pk")))
