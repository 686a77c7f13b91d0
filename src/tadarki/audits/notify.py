"""E-mail digests after a round: each department focal point and office editor hears what
changed in their part of the tree (new, regressed, fixed), and only when something did."""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import timezone, translation

from tadarki.accounts.models import Membership, Role

from .models import AuditRound, Observation

CHANGED = ("new", "regressed", "fixed")


def changes_for_path(observations: list[Observation], path: str) -> dict[str, list[Observation]]:
    grouped: dict[str, list[Observation]] = defaultdict(list)
    for obs in observations:
        if obs.finding.unit.path.startswith(path):
            grouped[obs.state].append(obs)
    return grouped


def send_round_digests(audit_round: AuditRound) -> int:
    """Send the digests once per round; returns the number of messages sent."""
    if audit_round.notified_at is not None:
        return 0
    observations = list(
        Observation.objects.filter(round=audit_round, state__in=CHANGED)
        .select_related("finding", "finding__unit")
        .order_by("finding__unit__path", "finding__rule")
    )
    memberships = (
        Membership.objects.filter(role__in=[Role.FOCAL_POINT, Role.OFFICE_EDITOR])
        .select_related("user", "unit")
        .exclude(user__email="")
    )
    site_root = getattr(settings, "SITE_ROOT", "").rstrip("/")
    messages = []
    with translation.override("bn"):
        for membership in memberships:
            changes = changes_for_path(observations, membership.unit.path)
            if not changes:
                continue
            context = {
                "round": audit_round,
                "unit": membership.unit,
                "user": membership.user,
                "new": changes.get("new", []) + changes.get("regressed", []),
                "fixed": changes.get("fixed", []),
                "site_root": site_root,
            }
            subject = render_to_string("audits/email/digest_subject.txt", context).strip()
            body = render_to_string("audits/email/digest.txt", context)
            messages.append(
                EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [membership.user.email])
            )
    if messages:
        with get_connection() as connection:
            connection.send_messages(messages)
    AuditRound.objects.filter(pk=audit_round.pk).update(notified_at=timezone.now())
    return len(messages)
