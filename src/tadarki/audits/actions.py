"""Changes people make to findings; each one checks who may make it and records an event."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tadarki.accounts.scope import can_edit, is_ict

from .models import Finding, FindingEvent


def _record(finding: Finding, user, kind: str, old: str, new: str, note: str) -> FindingEvent:
    return FindingEvent.objects.create(
        finding=finding, actor=user, kind=kind, from_value=old, to_value=new, note=note
    )


def _change_review(finding: Finding, user, kind: str, review: str, note: str, **fields) -> None:
    with transaction.atomic():
        old = finding.review
        finding.review = review
        for name, value in fields.items():
            setattr(finding, name, value)
        finding.save(update_fields=["review", *fields])
        _record(finding, user, kind, old, review, note)


def acknowledge(finding: Finding, user, note: str = "") -> None:
    """The office or department has seen the finding and will act on it."""
    if not can_edit(user, finding.unit):
        raise PermissionDenied
    _change_review(finding, user, "acknowledged", Finding.Review.ACKNOWLEDGED, note)


def request_waiver(finding: Finding, user, reason: str, expires: date | None) -> None:
    """Ask the ICT cell not to count this finding (e.g. not applicable to the office)."""
    if not can_edit(user, finding.unit):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError(_("A waiver needs a reason."))
    _change_review(
        finding,
        user,
        "waiver_requested",
        Finding.Review.WAIVER_REQUESTED,
        reason,
        waiver_reason=reason.strip(),
        waiver_expires=expires,
    )


def decide_waiver(finding: Finding, user, approve: bool, note: str = "") -> None:
    """The ICT cell approves or rejects a requested waiver."""
    if not is_ict(user):
        raise PermissionDenied
    if finding.review != Finding.Review.WAIVER_REQUESTED:
        raise ValidationError(_("No waiver has been requested for this finding."))
    if approve:
        _change_review(finding, user, "waiver_approved", Finding.Review.WAIVED, note)
    else:
        _change_review(finding, user, "waiver_rejected", Finding.Review.WAIVER_REJECTED, note)
