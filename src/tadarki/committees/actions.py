"""The state changes of follow-up, each recorded with who did it and when.

Reporting is the implementer's act (a user who may edit the assigned unit); confirming that
the work is done is a separate act of the committee's ICT cell. Committee members only read.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tadarki.accounts.scope import can_edit, is_ict
from tadarki.committees.models import Evidence, Occurrence, Status, StatusChange

IMPLEMENTER_TARGETS = {Status.IN_PROGRESS, Status.REPORTED_DONE}
EVIDENCE_EXTENSIONS = {".pdf", ".docx", ".xlsx", ".png", ".jpg", ".jpeg"}


def can_report(user, occurrence: Occurrence) -> bool:
    unit = occurrence.assignment.unit
    if is_ict(user):
        return True
    return unit is not None and can_edit(user, unit)


def can_confirm(user) -> bool:
    return is_ict(user)


def allowed_targets(user, occurrence: Occurrence) -> list[Status]:
    if can_confirm(user):
        return list(Status)
    if not can_report(user, occurrence) or occurrence.status == Status.CONFIRMED_DONE:
        return []
    return [s for s in Status if s in IMPLEMENTER_TARGETS]


@transaction.atomic
def change_status(occurrence: Occurrence, to_status: str, *, by, note: str = "") -> StatusChange:
    """Move one occurrence to `to_status` (or just add a progress note when it is the same)."""
    to_status = Status(to_status)
    if to_status != occurrence.status and to_status not in allowed_targets(by, occurrence):
        raise PermissionDenied(_("You may not set this status."))
    if to_status == occurrence.status and not can_report(by, occurrence):
        raise PermissionDenied(_("You may not report on this decision."))
    change = StatusChange.objects.create(
        occurrence=occurrence,
        from_status=occurrence.status,
        to_status=to_status,
        note=note.strip(),
        by=by,
    )
    occurrence.status = to_status
    occurrence.updated_at = timezone.now()
    occurrence.save(update_fields=["status", "updated_at"])
    return change


def _looks_like(suffix: str, head: bytes, path_or_file) -> bool:
    """The content matches the extension (a renamed .exe is refused)."""
    if suffix == ".pdf":
        return head.startswith(b"%PDF-")
    if suffix == ".png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if suffix in (".jpg", ".jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if suffix in (".docx", ".xlsx"):
        if not head.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(path_or_file) as z:
                names = set(z.namelist())
        except zipfile.BadZipFile:
            return False
        marker = "word/document.xml" if suffix == ".docx" else "xl/workbook.xml"
        return "[Content_Types].xml" in names and marker in names
    return False


def validate_evidence(uploaded) -> None:
    limit = getattr(settings, "TADARKI_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
    if uploaded.size > limit:
        raise ValidationError(_("The file is larger than the allowed size."))
    suffix = Path(uploaded.name).suffix.lower()
    if suffix not in EVIDENCE_EXTENSIONS:
        raise ValidationError(_("Only PDF, DOCX, XLSX, PNG and JPG files are accepted."))
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    ok = _looks_like(suffix, head, uploaded)
    uploaded.seek(0)
    if not ok:
        raise ValidationError(_("The file's content does not match its type."))


@transaction.atomic
def add_evidence(occurrence: Occurrence, uploaded, *, by, note: str = "") -> Evidence:
    if not can_report(by, occurrence):
        raise PermissionDenied(_("You may not report on this decision."))
    validate_evidence(uploaded)
    evidence = Evidence(
        occurrence=occurrence,
        original_name=Path(uploaded.name).name[:255],
        size=uploaded.size,
        note=note.strip(),
        uploaded_by=by,
    )
    evidence.file.save(Path(uploaded.name).name, uploaded, save=False)
    evidence.save()
    return evidence
