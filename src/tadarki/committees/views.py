"""Thin views: parse the request, check scope, call services/actions, render.

Anything outside the user's scope is a 404 (URL guessing learns nothing); what is visible but
not theirs to change is a 403.
"""

import tempfile
from datetime import timedelta
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, Prefetch, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tadarki.committees import actions, minutes_docx, minutes_html, minutes_pdf, services
from tadarki.committees.forms import (
    AgendaItemForm,
    DecisionForm,
    MeetingForm,
    MinutesUploadForm,
    ProgressForm,
)
from tadarki.committees.models import (
    OPEN_STATUSES,
    AgendaItem,
    Committee,
    Decision,
    Evidence,
    Meeting,
    Status,
)
from tadarki.registry.models import OrgUnit


def _require_manager(user) -> None:
    if not services.can_manage(user):
        raise PermissionDenied


def _committee_or_404(user, pk) -> Committee:
    return get_object_or_404(services.visible_committees(user), pk=pk)


def _meeting_or_404(user, pk) -> Meeting:
    return get_object_or_404(services.visible_meetings(user), pk=pk)


def _minutes_or_404(user, pk) -> Meeting:
    meeting = _meeting_or_404(user, pk)
    if not services.can_read_minutes(user, meeting):
        raise Http404
    return meeting


@login_required
def committee_list(request):
    committees = list(services.visible_committees(request.user).select_related("owner"))
    for c in committees:
        c.counts = services.committee_counts(c, request.user)
    return render(request, "committees/list.html", {"committees": committees})


@login_required
def committee_detail(request, pk):
    committee = _committee_or_404(request.user, pk)
    meetings = services.visible_meetings(request.user).filter(committee=committee)
    return render(
        request,
        "committees/committee.html",
        {
            "committee": committee,
            "meetings": meetings,
            "counts": services.committee_counts(committee, request.user),
            "can_manage": services.can_manage(request.user),
        },
    )


@login_required
def meeting_new(request, pk):
    _require_manager(request.user)
    committee = _committee_or_404(request.user, pk)
    form = MeetingForm(
        request.POST or None, initial={"sequence": services.next_sequence(committee)}
    )
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        meeting = services.create_meeting(committee, by=request.user, **fields)
        return redirect("committees:meeting", pk=meeting.pk)
    return render(request, "committees/meeting_form.html", {"form": form, "committee": committee})


@login_required
def meeting_edit(request, pk):
    _require_manager(request.user)
    meeting = _meeting_or_404(request.user, pk)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        services.meeting_changed(meeting)
        return redirect("committees:meeting", pk=meeting.pk)
    return render(
        request,
        "committees/meeting_form.html",
        {"form": form, "committee": meeting.committee, "meeting": meeting},
    )


def _unit_choices(committee: Committee):
    division = services.division_of(committee.owner)
    return division.subtree().exclude(kind=OrgUnit.Kind.OFFICE).filter(is_active=True)


@login_required
def meeting_detail(request, pk):
    meeting = _meeting_or_404(request.user, pk)
    assignments = services.visible_assignments(request.user).prefetch_related("occurrences")
    items = meeting.agenda_items.prefetch_related(
        Prefetch(
            "decisions",
            queryset=Decision.objects.prefetch_related(
                Prefetch("assignments", queryset=assignments, to_attr="visible")
            ),
        ),
        Prefetch(
            "carried",
            queryset=Decision.objects.select_related("agenda_item__meeting").prefetch_related(
                Prefetch("assignments", queryset=assignments, to_attr="visible")
            ),
        ),
    )
    today = timezone.localdate()
    manager = services.can_manage(request.user)
    for item in items:
        decisions = list(item.decisions.all()) + list(item.carried.all())
        for d in decisions:
            for a in d.visible:
                a.current = services.current_occurrence(a, today)
                a.overdue = any(o.is_overdue(today) for o in a.occurrences.all())
        if not manager:  # a department sees only the decisions assigned to it
            item.shown_decisions = [d for d in item.decisions.all() if d.visible]
            item.shown_carried = [d for d in item.carried.all() if d.visible]
        else:
            item.shown_decisions = list(item.decisions.all())
            item.shown_carried = list(item.carried.all())
    context = {
        "meeting": meeting,
        "items": items,
        "can_manage": manager,
        "can_read_minutes": services.can_read_minutes(request.user, meeting),
        "pdf_available": minutes_pdf.available(),
    }
    if manager:
        context["item_form"] = AgendaItemForm(
            initial={
                "number": f"{len(items) + 1}.০".translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
            }
        )
        context["decision_form"] = DecisionForm(unit_choices=_unit_choices(meeting.committee))
    return render(request, "committees/meeting.html", context)


@login_required
@require_POST
def agenda_add(request, pk):
    _require_manager(request.user)
    meeting = _meeting_or_404(request.user, pk)
    form = AgendaItemForm(request.POST)
    if form.is_valid():
        item = form.save(commit=False)
        item.meeting = meeting
        item.order = meeting.agenda_items.count()
        item.save()
    else:
        messages.error(request, _("The agenda item could not be added."))
    return redirect("committees:meeting", pk=meeting.pk)


@login_required
@require_POST
def decision_add(request, pk):
    _require_manager(request.user)
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__committee"), pk=pk)
    committee = item.meeting.committee
    form = DecisionForm(request.POST, unit_choices=_unit_choices(committee))
    if form.is_valid():
        units = list(form.cleaned_data["units"])
        if form.cleaned_data["all_departments"]:
            units += [
                u
                for u in services.departments_of(services.division_of(committee.owner))
                if u not in units
            ]
        services.add_decision(
            item,
            form.cleaned_data["text"],
            label=form.cleaned_data["label"],
            deadline=form.deadline(),
            units=units,
            names=form.free_text_names(),
        )
    else:
        messages.error(request, _("The decision could not be added."))
    return redirect("committees:meeting", pk=item.meeting_id)


@login_required
@require_POST
def meeting_issue(request, pk):
    _require_manager(request.user)
    meeting = _meeting_or_404(request.user, pk)
    services.issue_meeting(meeting, by=request.user)
    messages.success(request, _("The minutes were issued."))
    return redirect("committees:meeting", pk=meeting.pk)


@login_required
@require_POST
def prepare_next(request, pk):
    _require_manager(request.user)
    committee = _committee_or_404(request.user, pk)
    meeting = services.prepare_next_meeting(committee, by=request.user)
    messages.success(request, _("A draft of the next meeting was prepared."))
    return redirect("committees:meeting", pk=meeting.pk)


@login_required
def decision_list(request):
    """Every tracked occurrence the user may see, with filters; overdue ones stand out."""
    today = timezone.localdate()
    qs = services.visible_occurrences(request.user).order_by(
        F("due_date").asc(nulls_last=True), "pk"
    )
    committee_id = request.GET.get("committee")
    if committee_id and committee_id.isdigit():
        qs = qs.filter(assignment__decision__agenda_item__meeting__committee_id=committee_id)
    status = request.GET.get("status", "")
    if status == "open":
        qs = qs.filter(status__in=OPEN_STATUSES)
    elif status in Status.values:
        qs = qs.filter(status=status)
    if request.GET.get("overdue"):
        qs = services.overdue(qs, today)
    if not request.GET.get("all"):  # recurring work far ahead would crowd out what is due now
        qs = qs.filter(Q(due_date__isnull=True) | Q(due_date__lte=today + timedelta(days=62)))
    if request.GET.get("asap"):
        qs = qs.filter(assignment__decision__deadline__kind="asap", status__in=OPEN_STATUSES)
    rows = list(qs[:500])
    for o in rows:
        o.overdue = o.is_overdue(today)
    return render(
        request,
        "committees/decisions.html",
        {
            "rows": rows,
            "statuses": Status.choices,
            "current": {
                "status": status,
                "overdue": request.GET.get("overdue", ""),
                "all": request.GET.get("all", ""),
            },
            "overdue_count": services.overdue(
                services.visible_occurrences(request.user), today
            ).count(),
        },
    )


@login_required
def occurrence_detail(request, pk):
    occurrence = get_object_or_404(services.visible_occurrences(request.user), pk=pk)
    targets = actions.allowed_targets(request.user, occurrence)
    form = None
    if actions.can_report(request.user, occurrence):
        form = ProgressForm(
            request.POST or None,
            request.FILES or None,
            targets=targets or [Status(occurrence.status)],
            initial={"status": occurrence.status},
        )
    elif request.method == "POST":
        raise PermissionDenied
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            if form.cleaned_data.get("file"):
                actions.add_evidence(
                    occurrence,
                    form.cleaned_data["file"],
                    by=request.user,
                    note=form.cleaned_data["note"],
                )
            actions.change_status(
                occurrence,
                form.cleaned_data["status"],
                by=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as e:
            form.add_error("file", e)
        else:
            messages.success(request, _("Progress recorded."))
            return redirect("committees:occurrence", pk=occurrence.pk)
    return render(
        request,
        "committees/occurrence.html",
        {
            "occurrence": occurrence,
            "decision": occurrence.assignment.decision,
            "meeting": occurrence.assignment.decision.agenda_item.meeting,
            "form": form,
            "overdue": occurrence.is_overdue(),
            "changes": occurrence.changes.select_related("by"),
            "evidence": occurrence.evidence.all(),
        },
    )


@login_required
def evidence_download(request, pk):
    evidence = get_object_or_404(
        Evidence, pk=pk, occurrence__in=services.visible_occurrences(request.user)
    )
    return FileResponse(
        evidence.file.open("rb"), as_attachment=True, filename=evidence.original_name
    )


# --- minutes out ----------------------------------------------------------------------------


def _filename(meeting: Meeting, suffix: str) -> str:
    return f"minutes-{meeting.committee_id}-{meeting.sequence or meeting.pk}.{suffix}"


@login_required
def minutes_view(request, pk):
    meeting = _minutes_or_404(request.user, pk)
    return HttpResponse(minutes_html.render(meeting, request=request))


@login_required
def minutes_docx_view(request, pk):
    meeting = _minutes_or_404(request.user, pk)
    response = HttpResponse(
        minutes_docx.render(meeting),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(meeting, "docx")}"'
    return response


@login_required
def minutes_pdf_view(request, pk):
    meeting = _minutes_or_404(request.user, pk)
    if not minutes_pdf.available():
        raise Http404
    response = HttpResponse(minutes_pdf.render(meeting), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(meeting, "pdf")}"'
    return response


# --- minutes in -----------------------------------------------------------------------------


def _session_key(committee: Committee) -> str:
    return f"committees-import-{committee.pk}"


@login_required
def import_upload(request, pk):
    _require_manager(request.user)
    committee = _committee_or_404(request.user, pk)
    form = MinutesUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            parsed = _parse_upload(upload)
        except Exception:  # a file the parser cannot read is the user's problem to fix
            form.add_error("file", _("The file could not be read as minutes."))
        else:
            request.session[_session_key(committee)] = parsed
            return redirect("committees:import_review", pk=committee.pk)
    return render(request, "committees/import_upload.html", {"form": form, "committee": committee})


def _parse_upload(upload) -> dict:
    from tadarki.minutes import parse_file

    suffix = Path(upload.name).suffix.lower()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"minutes{suffix}"
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        parsed = parse_file(path, details=True)  # the reprint keeps the discussion etc.
    parsed["source"] = Path(upload.name).name
    return parsed


@login_required
def import_review(request, pk):
    _require_manager(request.user)
    committee = _committee_or_404(request.user, pk)
    parsed = request.session.get(_session_key(committee))
    if not parsed:
        return redirect("committees:import_upload", pk=committee.pk)
    names = services.implementer_names(parsed)
    if request.method == "POST":
        unit_map = {
            name: [int(v) for v in request.POST.getlist(f"map_{i}") if v.isdigit()]
            for i, name in enumerate(names)
        }
        meeting = services.import_minutes(parsed, committee, by=request.user, unit_map=unit_map)
        del request.session[_session_key(committee)]
        messages.success(request, _("The minutes were imported."))
        return redirect("committees:meeting", pk=meeting.pk)
    choices = list(_unit_choices(committee))
    mapping = []
    for i, name in enumerate(names):
        matched = {u.pk for u in services.match_implementers(name, committee)}
        mapping.append({"index": i, "name": name, "matched": matched})
    return render(
        request,
        "committees/import_review.html",
        {"committee": committee, "parsed": parsed, "mapping": mapping, "choices": choices},
    )
