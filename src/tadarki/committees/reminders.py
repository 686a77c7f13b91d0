"""E-mail reminders to implementers: N days before a deadline, and once it is overdue.

Safe to run late or twice: each (occurrence, kind) is recorded in ReminderSent under a unique
key before its message goes out, inside one transaction, so a run after a missed day sends
what that day would have sent and a second run sends nothing. A failed send rolls the record
back and the next run tries again.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tadarki.accounts.models import Membership, Role
from tadarki.bangla.calendar import format_gregorian_bn
from tadarki.committees.models import OPEN_STATUSES, Occurrence, ReminderSent

log = logging.getLogger(__name__)


def days_before_default() -> int:
    return int(getattr(settings, "TADARKI_REMINDER_DAYS_BEFORE", 3))


def recipients(occurrence: Occurrence) -> list[str]:
    """The unit's official address and its focal points' addresses."""
    unit = occurrence.assignment.unit
    if unit is None:
        return []
    emails = [unit.email] if unit.email else []
    focal = Membership.objects.filter(unit=unit, role=Role.FOCAL_POINT, user__is_active=True)
    emails += [m.user.email for m in focal.select_related("user") if m.user.email]
    return sorted(set(emails), key=emails.index)


def due(today: date, days_before: int) -> list[tuple[Occurrence, str]]:
    """What should have gone out by `today` and has not."""
    open_ = Occurrence.objects.filter(
        status__in=OPEN_STATUSES, due_date__isnull=False, assignment__unit__isnull=False
    ).select_related("assignment__unit", "assignment__decision__agenda_item__meeting__committee")
    sent = set(ReminderSent.objects.values_list("occurrence_id", "kind"))
    out = []
    for o in open_.filter(due_date__lt=today):
        if (o.pk, ReminderSent.Kind.OVERDUE) not in sent:
            out.append((o, ReminderSent.Kind.OVERDUE))
    window = open_.filter(due_date__gte=today, due_date__lte=today + timedelta(days=days_before))
    for o in window:
        if (o.pk, ReminderSent.Kind.BEFORE) not in sent:
            out.append((o, ReminderSent.Kind.BEFORE))
    return out


def compose(occurrence: Occurrence, kind: str, to: list[str], connection=None) -> EmailMessage:
    decision = occurrence.assignment.decision
    meeting = decision.agenda_item.meeting
    with translation.override("bn"):
        due_on = format_gregorian_bn(occurrence.due_date)
        if kind == ReminderSent.Kind.OVERDUE:
            subject = _("Overdue: committee decision due on %(date)s") % {"date": due_on}
        else:
            subject = _("Reminder: committee decision due on %(date)s") % {"date": due_on}
        link = getattr(settings, "SITE_ROOT", "").rstrip("/") + reverse(
            "committees:occurrence", args=[occurrence.pk]
        )
        body = "\n\n".join(
            [
                _("Implementer: %(unit)s") % {"unit": occurrence.assignment.display_name},
                _("Committee: %(committee)s") % {"committee": meeting.committee.name},
                _("Meeting: %(meeting)s") % {"meeting": meeting.title or meeting},
                _("Decision %(number)s %(label)s: %(text)s")
                % {
                    "number": decision.agenda_item.number,
                    "label": decision.label,
                    "text": decision.text,
                },
                _("Due date: %(date)s") % {"date": due_on},
                _("Please report progress here: %(link)s") % {"link": link},
            ]
        )
    return EmailMessage(subject, body, to=to, connection=connection)


def send_reminders(today: date | None = None, days_before: int | None = None) -> int:
    """Send every reminder due by `today` that has not gone out; returns how many were sent."""
    today = today or timezone.localdate()
    days_before = days_before_default() if days_before is None else days_before
    sent = 0
    with get_connection() as connection:
        for occurrence, kind in due(today, days_before):
            to = recipients(occurrence)
            if not to:
                continue
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(
                        occurrence=occurrence, kind=kind, sent_on=today, recipients=", ".join(to)
                    )
                    compose(occurrence, kind, to, connection).send()
            except IntegrityError:  # another run got there first
                continue
            except OSError:
                log.exception("reminder for occurrence %s not sent; will retry", occurrence.pk)
                continue
            sent += 1
    return sent
