"""JSON API with token auth; the same scoped queries as the pages."""

from __future__ import annotations

from functools import wraps

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from tadarki.accounts import scope
from tadarki.accounts.scope import filter_by_unit
from tadarki.registry.models import OrgUnit

from . import queries, services, tokens
from .exports import finding_row
from .models import AuditRound, Finding, Score


def token_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        header = request.headers.get("Authorization", "")
        scheme, _, raw = header.partition(" ")
        user = tokens.user_for_token(raw.strip()) if scheme.lower() == "bearer" else None
        if user is None:
            response = JsonResponse({"error": "invalid or missing token"}, status=401)
            response["WWW-Authenticate"] = 'Bearer realm="tadarki"'
            return response
        request.user = user
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return JsonResponse({"error": "not found"}, status=404)

    return require_GET(wrapper)


def _score(s: Score) -> dict:
    return {
        "unit": s.unit.code,
        "name": s.unit.name_bn,
        "round": s.round.number,
        "score": s.score,
        "method": s.method,
        "open_findings": s.open_findings,
        "offices": s.offices,
    }


def _change(obs) -> dict:
    return {
        "finding": obs.finding_id,
        "office": obs.finding.unit.code,
        "rule": obs.finding.rule,
        "subject": obs.finding.subject,
        "state": obs.state,
    }


@token_required
def dashboard(request):
    data = queries.dashboard(request.user)
    if data["round"] is None:
        return JsonResponse({"round": None})
    return JsonResponse(
        {
            "round": data["round"].number,
            "divisions": [_score(s) for s in data["division_scores"]],
            "departments": [_score(s) for s in data["department_scores"]],
            "department_trend": {k: v for k, v in data["department_trend"].items()},
            "worst_offices": [_score(s) for s in data["worst_offices"]],
            "new": [_change(o) for o in data["new"]],
            "new_count": data["new_count"],
            "fixed": [_change(o) for o in data["fixed"]],
            "fixed_count": data["fixed_count"],
        }
    )


@token_required
def rounds(request):
    rounds = [
        services.round_progress(r, filter_by_unit(request.user, r.portals.all(), "unit"))
        for r in AuditRound.objects.all()[:50]
    ]
    return JsonResponse({"rounds": rounds})


@token_required
def round_detail(request, number: int):
    audit_round = get_object_or_404(AuditRound, number=number)
    portals = filter_by_unit(request.user, audit_round.portals.select_related("unit"), "unit")
    data = services.round_progress(audit_round, portals)
    data["portals"] = [
        {
            "office": p.unit.code,
            "url": p.url,
            "state": p.state,
            "pages": p.pages_fetched,
            "findings": p.findings_count,
            "score": p.score,
        }
        for p in portals.order_by("unit__path")
    ]
    return JsonResponse(data)


@token_required
def unit(request, code: str):
    unit = scope.get_visible_unit_or_404(request.user, code=code)
    scores = queries.scores(
        request.user,
        "office"
        if unit.kind == OrgUnit.Kind.OFFICE
        else "department"
        if unit.kind == OrgUnit.Kind.DEPARTMENT
        else "division",
    )
    return JsonResponse(
        {
            "unit": unit.code,
            "name": unit.name_bn,
            "kind": unit.kind,
            "host": unit.portal_host,
            "scores": [_score(s) for s in scores.filter(unit=unit).order_by("round__number")],
            "findings": [
                finding_row(f)
                for f in queries.findings(request.user, {"status": "open"}).filter(
                    unit__path__startswith=unit.path
                )[:2000]
            ],
        }
    )


@token_required
def findings(request):
    qs = queries.findings(request.user, request.GET)
    try:
        limit = min(max(int(request.GET.get("limit") or 500), 1), 5000)
        offset = max(int(request.GET.get("offset") or 0), 0)
    except ValueError:
        return JsonResponse({"error": "limit and offset are integers"}, status=400)
    rows = [finding_row(f) for f in qs[offset : offset + limit]]
    return JsonResponse({"count": qs.count(), "offset": offset, "limit": limit, "findings": rows})


@token_required
def finding(request, pk: int):
    f = get_object_or_404(filter_by_unit(request.user, Finding.objects.all(), "unit"), pk=pk)
    data = finding_row(f)
    data["observations"] = [
        {
            "round": o.round.number,
            "state": o.state,
            "url": o.url,
            "http_status": o.http_status,
            "fetched_at": o.fetched_at,
            "sha256": o.sha256,
            "evidence": o.evidence,
        }
        for o in f.observations.select_related("round").order_by("round__number")
    ]
    data["events"] = [
        {
            "at": e.at.isoformat(),
            "kind": e.kind,
            "actor": e.actor.username if e.actor else None,
            "from": e.from_value,
            "to": e.to_value,
            "note": e.note,
        }
        for e in f.events.select_related("actor")
    ]
    return JsonResponse(data)
