"""Registry pages: thin views around `services`, `importing` and `exporting`."""

import time
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tadarki.accounts import scope
from tadarki.registry import exporting, importing, services
from tadarki.web.templatetags.bangla import local_digits

SESSION_KEY = "registry_import_files"


@login_required
def tree(request):
    include_inactive = request.GET.get("all") == "1"
    roots = services.unit_tree(request.user, include_inactive=include_inactive)
    return render(
        request,
        "registry/tree.html",
        {
            "roots": roots,
            "include_inactive": include_inactive,
            "can_import": scope.editable_units(request.user).exists(),
        },
    )


@login_required
def unit_detail(request, code: str):
    unit = scope.get_visible_unit_or_404(request.user, code=code)
    children = scope.visible_units(request.user).filter(parent=unit).order_by("name_bn")
    officers = unit.officers.prefetch_related("roles")
    return render(
        request,
        "registry/unit_detail.html",
        {
            "unit": unit,
            "ancestors": services.visible_ancestors(request.user, unit),
            "children": children,
            "officers": officers,
            "aliases": unit.aliases.all(),
            "history": services.unit_history(unit),
            "can_edit": scope.can_edit(request.user, unit),
            # Other apps show their part of an office (findings, decisions) through these.
            "office_extra_templates": getattr(settings, "TADARKI_OFFICE_EXTRA_TEMPLATES", []),
        },
    )


@login_required
def search(request):
    query = request.GET.get("q", "")
    results = services.search_units(request.user, query)[:200]
    return render(request, "registry/search.html", {"query": query, "results": results})


@login_required
def export(request, fmt: str):
    units = scope.visible_units(request.user)
    if fmt == "xlsx":
        data = exporting.xlsx_bytes(units)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        name = "registry.xlsx"
    elif fmt == "officers.csv":
        data, content_type, name = (
            exporting.csv_bytes(units, officers=True),
            "text/csv",
            "officers.csv",
        )
    else:
        data, content_type, name = exporting.csv_bytes(units), "text/csv", "registry.csv"
    response = HttpResponse(data, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _upload_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "registry-imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _forget_abandoned_uploads(max_age_seconds: int = 24 * 3600) -> None:
    """Uploads previewed but never confirmed are removed after a day."""
    cutoff = time.time() - max_age_seconds
    for stale in _upload_dir().iterdir():
        if stale.stat().st_mtime < cutoff:
            stale.unlink(missing_ok=True)


def _stored_file(request, token: str) -> Path:
    """The uploaded file behind a token, only if this session uploaded it."""
    stored = request.session.get(SESSION_KEY, {})
    if token not in stored:
        raise Http404
    return _upload_dir() / stored[token]["file"]


def _require_import_rights(user) -> None:
    if not scope.editable_units(user).exists():
        raise Http404


@login_required
def import_upload(request):
    _require_import_rights(request.user)
    if request.method != "POST":
        return render(request, "registry/import_upload.html", {})
    limit = int(getattr(settings, "TADARKI_MAX_UPLOAD_BYTES", importing.DEFAULT_MAX_BYTES))
    # Refuse an oversized body before Django reads it into a temporary file.
    if int(request.META.get("CONTENT_LENGTH") or 0) > limit + 64 * 1024:
        messages.error(
            request,
            _("The file is too big; the limit is %(limit)s MB.")
            % {"limit": round(limit / 1048576, 1)},
        )
        return render(request, "registry/import_upload.html", {}, status=413)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a CSV or XLSX file to import."))
        return render(request, "registry/import_upload.html", {}, status=400)
    suffix = Path(upload.name).suffix.lower()
    if suffix not in (".csv", ".xlsx") or upload.size > limit:
        plan = importing.plan_import(upload, upload.name, user=request.user)
        return render(request, "registry/import_preview.html", {"plan": plan, "token": ""})
    _forget_abandoned_uploads()
    token = uuid.uuid4().hex
    target = _upload_dir() / f"{token}{suffix}"
    with target.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    stored = request.session.get(SESSION_KEY, {})
    stored[token] = {"file": target.name, "name": upload.name}
    request.session[SESSION_KEY] = stored
    plan = importing.plan_import(target, upload.name, user=request.user)
    return render(request, "registry/import_preview.html", {"plan": plan, "token": token})


@login_required
@require_POST
def import_confirm(request, token: str):
    _require_import_rights(request.user)
    path = _stored_file(request, token)
    name = request.session[SESSION_KEY][token]["name"]
    # Plan again: the registry may have changed since the preview.
    plan = importing.plan_import(path, name, user=request.user)
    if not plan.ok:
        messages.error(request, _("The file has errors; nothing was imported."))
        return render(request, "registry/import_preview.html", {"plan": plan, "token": token})
    counts = importing.apply_import(plan, by=request.user, reason=request.POST.get("reason", ""))
    stored = request.session[SESSION_KEY]
    stored.pop(token, None)
    request.session[SESSION_KEY] = stored
    path.unlink(missing_ok=True)
    messages.success(
        request,
        _("Imported: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.")
        % {k: local_digits(v) for k, v in counts.items()},
    )
    return redirect("registry:tree")
