"""Audit pages: thin views around `queries` (read), `services`/`actions` (write), `report`."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from tadarki.accounts import scope
from tadarki.accounts.scope import filter_by_unit
from tadarki.registry.models import OrgUnit

from . import actions, charts, exports, leases, queries, report, runner, services, tokens
from .evidence import snapshot_body
from .groups import FAMILIES
from .models import AuditRound, Finding, Observation, Score

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def dashboard(request):
    data = queries.dashboard(request.user)
    if data["round"] is not None:
        data["trend_svg"] = charts.line_chart(
            data["department_trend"], title=_("Department scores over rounds")
        )
        data["worst_svg"] = charts.bar_chart(
            [(s.unit.name_bn, s.score) for s in data["worst_offices"]], title=_("Worst offices")
        )
    data["rounds"] = AuditRound.objects.all()[:10]
    data["is_ict"] = scope.is_ict(request.user)
    if data["is_ict"]:
        data["departments"] = OrgUnit.objects.filter(kind=OrgUnit.Kind.DEPARTMENT)
    return render(request, "audits/dashboard.html", data)


@login_required
def round_detail(request, number: int):
    audit_round = get_object_or_404(AuditRound, number=number)
    portals = filter_by_unit(request.user, audit_round.portals.select_related("unit"), "unit")
    return render(
        request,
        "audits/round.html",
        {
            "round": audit_round,
            "portals": portals.order_by("unit__path"),
            "progress": services.round_progress(audit_round, portals),
            "is_ict": scope.is_ict(request.user),
            "departments": OrgUnit.objects.filter(kind=OrgUnit.Kind.DEPARTMENT),
        },
    )


@login_required
def round_progress(request, number: int):
    audit_round = get_object_or_404(AuditRound, number=number)
    portals = filter_by_unit(request.user, audit_round.portals.all(), "unit")
    return JsonResponse(services.round_progress(audit_round, portals))


@login_required
@require_POST
def round_start(request):
    if not scope.is_ict(request.user):
        raise PermissionDenied
    department = None
    if request.POST.get("department"):
        department = get_object_or_404(
            OrgUnit, code=request.POST["department"], kind=OrgUnit.Kind.DEPARTMENT
        )
    offices = None
    codes = [c for c in request.POST.getlist("office") if c]
    if codes:
        offices = list(OrgUnit.objects.filter(code__in=codes, kind=OrgUnit.Kind.OFFICE))
    audit_round = services.create_round(department=department, offices=offices, user=request.user)
    runner.start_round(audit_round)
    messages.success(request, _("Audit round %(n)s started.") % {"n": audit_round.number})
    return redirect("audits:round", number=audit_round.number)


@login_required
@require_POST
def round_cancel(request, number: int):
    if not scope.is_ict(request.user):
        raise PermissionDenied
    audit_round = get_object_or_404(AuditRound, number=number)
    services.request_cancel(audit_round)
    services.finish_round(audit_round.pk)
    messages.info(request, _("Cancelling the round."))
    return redirect("audits:round", number=number)


@login_required
@require_POST
def round_resume(request, number: int):
    """Continue an interrupted round (e.g. after a restart): only what is not done."""
    if not scope.is_ict(request.user):
        raise PermissionDenied
    audit_round = get_object_or_404(AuditRound, number=number, cancel_requested=False)
    if audit_round.state in (AuditRound.State.PENDING, AuditRound.State.RUNNING):
        try:
            if leases.run_elsewhere(audit_round):
                raise runner.RoundBusy(audit_round.runner)
            runner.start_round(audit_round)
            messages.info(request, _("Resuming the round."))
        except runner.RoundBusy:
            messages.info(request, _("The round is already running."))
    return redirect("audits:round", number=number)


@login_required
def unit(request, code: str):
    """A department (or any unit above offices) or an office."""
    unit = scope.get_visible_unit_or_404(request.user, code=code)
    current = queries.latest_round()
    context = {"unit": unit, "round": current, "is_ict": scope.is_ict(request.user)}
    level = (
        Score.Level.OFFICE
        if unit.kind == OrgUnit.Kind.OFFICE
        else (
            Score.Level.DIVISION if unit.kind == OrgUnit.Kind.DIVISION else Score.Level.DEPARTMENT
        )
    )
    context["trend_svg"] = charts.line_chart(
        queries.trend(request.user, level, unit), title=_("Score over rounds"), height=200
    )
    if unit.kind == OrgUnit.Kind.OFFICE:
        audit = queries.last_audit(unit)
        context.update(
            audit=audit,
            groups=queries.office_findings(request.user, unit, audit.round if audit else None),
            can_edit=scope.can_edit(request.user, unit),
        )
        return render(request, "audits/office.html", context)
    league = queries.league(request.user, unit, current)
    context.update(
        league=league,
        league_svg=charts.bar_chart(
            [(s.unit.name_bn, s.score) for s in league[:15]], title=_("Worst offices")
        ),
        counts=queries.department_counts(request.user, unit),
        new=list(queries.changes(request.user, current, queries.CHANGED_NEW, unit)[:50])
        if current
        else [],
        fixed=list(queries.changes(request.user, current, ("fixed",), unit)[:50])
        if current
        else [],
        score=Score.objects.filter(round=current, unit=unit).first() if current else None,
    )
    return render(request, "audits/department.html", context)


def _finding_or_404(user, pk: int) -> Finding:
    return get_object_or_404(
        filter_by_unit(user, Finding.objects.select_related("unit", "first_round"), "unit"),
        pk=pk,
    )


@login_required
def finding(request, pk: int):
    f = _finding_or_404(request.user, pk)
    return render(
        request,
        "audits/finding.html",
        {
            "finding": f,
            "observations": f.observations.select_related("round").order_by("-round__number"),
            "events": f.events.select_related("actor", "round"),
            "can_edit": scope.can_edit(request.user, f.unit),
            "is_ict": scope.is_ict(request.user),
        },
    )


@login_required
@require_POST
def finding_action(request, pk: int):
    f = _finding_or_404(request.user, pk)
    action = request.POST.get("action")
    note = request.POST.get("note", "").strip()
    try:
        if action == "acknowledge":
            actions.acknowledge(f, request.user, note)
        elif action == "request_waiver":
            expires = parse_date(request.POST.get("expires", "") or "") or None
            if expires is not None and expires < date.today():
                raise ValidationError(_("The expiry date is in the past."))
            actions.request_waiver(f, request.user, note, expires)
        elif action in ("approve", "reject"):
            actions.decide_waiver(f, request.user, action == "approve", note)
        else:
            raise ValidationError(_("Unknown action."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Saved."))
    return redirect("audits:finding", pk=f.pk)


def _observation_or_404(user, pk: int) -> Observation:
    obs = get_object_or_404(
        filter_by_unit(
            user, Observation.objects.select_related("finding__unit", "round"), "finding__unit"
        ),
        pk=pk,
    )
    if obs.snapshot_id is None:
        raise Http404
    return obs


@login_required
def snapshot(request, pk: int):
    """The page as fetched, framed in a sandbox: the portal's scripts never run here."""
    obs = _observation_or_404(request.user, pk)
    return render(request, "audits/snapshot.html", {"obs": obs, "finding": obs.finding})


@login_required
@xframe_options_sameorigin
def snapshot_raw(request, pk: int):
    obs = _observation_or_404(request.user, pk)
    body = snapshot_body(obs.snapshot)
    as_text = request.GET.get("as") == "text" or "html" not in obs.snapshot.content_type
    response = HttpResponse(
        body, content_type="text/plain; charset=utf-8" if as_text else "text/html; charset=utf-8"
    )
    # A unique opaque origin, no scripts, nothing loaded from anywhere.
    response["Content-Security-Policy"] = (
        "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
def finding_list(request):
    qs = queries.findings(request.user, request.GET)
    fmt = request.GET.get("format")
    if fmt == "csv":
        return _download(exports.csv_bytes(qs), "text/csv; charset=utf-8", "findings.csv")
    if fmt == "xlsx":
        return _download(exports.xlsx_bytes(qs), XLSX, "findings.xlsx")
    if fmt == "json":
        return HttpResponse(exports.json_bytes(qs), content_type="application/json")
    departments = scope.visible_units(request.user).filter(kind=OrgUnit.Kind.DEPARTMENT)
    return render(
        request,
        "audits/findings.html",
        {
            "findings": qs[:200],
            "total": qs.count(),
            "params": request.GET,
            "query": request.GET.urlencode(),
            "departments": departments,
            "families": [(key, label) for key, label, _p in FAMILIES],
            "statuses": ["open", "new", "regressed", "fixed", "all"],
            "severities": ["critical", "major", "minor", "info"],
        },
    )


@login_required
def observation_report(request, code: str, number: int):
    department = scope.get_visible_unit_or_404(request.user, code=code)
    audit_round = get_object_or_404(AuditRound, number=number)
    rep = report.build_report(request.user, department, audit_round)
    fmt = request.GET.get("format", "page")
    name = f"observations-{department.code}-round-{audit_round.number}"
    if fmt == "docx":
        return _download(report.docx_bytes(rep), DOCX, f"{name}.docx")
    if fmt == "html":
        return HttpResponse(report.html(rep), content_type="text/html; charset=utf-8")
    if fmt == "txt":
        return HttpResponse(rep.text(), content_type="text/plain; charset=utf-8")
    return render(request, "audits/report.html", {"report": rep, "department": department})


@login_required
def token_list(request):
    if request.method == "POST":
        raw = tokens.create_token(request.user, request.POST.get("name", ""))
        messages.success(request, _("Your new token (shown once): %(token)s") % {"token": raw})
        return redirect("audits:tokens")
    return render(request, "audits/tokens.html", {"tokens": request.user.api_tokens.all()})
