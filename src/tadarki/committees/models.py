"""Committees, their meetings, the decisions taken and each implementer's follow-up.

A decision has one Assignment per implementer (a registry unit or a free-text post/section),
and each assignment has one Occurrence per due date: one for a plain deadline, one per
period for a recurring one, so that every month's report is tracked on its own.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NumberingScheme(models.Model):
    """The স্মারক নম্বর: a dotted prefix the ICT cell configures, plus a serial that restarts
    every year (`৫৮.০০.০০০০.০১৮.৩১.০০২.২১` + `.২১৬`)."""

    name = models.CharField(_("name"), max_length=200)
    prefix = models.CharField(_("prefix"), max_length=120)
    serial_year = models.PositiveIntegerField(_("year of the running serial"), default=0)
    last_serial = models.PositiveIntegerField(_("last serial issued"), default=0)

    class Meta:
        verbose_name = _("memo numbering scheme")
        verbose_name_plural = _("memo numbering schemes")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"


class Committee(models.Model):
    class Kind(models.TextChoices):
        WEBSITE_MONITORING = "website", _("Website monitoring")
        CITIZEN_CHARTER = "charter", _("Citizen charter")
        INNOVATION = "innovation", _("Innovation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.OTHER)
    owner = models.ForeignKey(
        "registry.OrgUnit",
        on_delete=models.PROTECT,
        related_name="committees",
        verbose_name=_("owning unit"),
    )
    numbering = models.ForeignKey(
        NumberingScheme,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="committees",
        verbose_name=_("memo numbering scheme"),
    )
    address = models.CharField(_("letterhead address"), max_length=300, blank=True)
    website = models.CharField(_("letterhead web address"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self) -> str:
        return self.name


class CommitteeMember(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        MEMBER = "member", _("Member")
        MEMBER_SECRETARY = "secretary", _("Member-secretary")

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("name"), max_length=200)
    designation = models.CharField(_("designation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["committee", "order", "pk"]
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")

    def __str__(self) -> str:
        return f"{self.name}, {self.designation}" if self.designation else self.name


class Meeting(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Issued")

    class Layout(models.TextChoices):
        SECTIONS = "sections", _("Agenda items with discussion and decisions")
        TABLE = "table", _("Table of decisions")

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings")
    sequence = models.PositiveIntegerField(_("meeting number"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=400, blank=True)
    chair_name = models.CharField(_("chair"), max_length=200, blank=True)
    chair_designation = models.CharField(_("chair's designation"), max_length=200, blank=True)
    date = models.DateField(_("date"))
    time = models.TimeField(_("time"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=400, blank=True)
    attendees = models.TextField(_("attendees (one per line)"), blank=True)
    opening = models.TextField(_("opening paragraph"), blank=True)
    closing = models.TextField(_("closing line"), blank=True)
    memo_number = models.CharField(_("memo number"), max_length=120, blank=True)
    issued_on = models.DateField(_("issue date"), null=True, blank=True)
    distribution = models.TextField(_("distribution list (one per line)"), blank=True)
    signatory_name = models.CharField(_("signatory"), max_length=200, blank=True)
    signatory_designation = models.CharField(
        _("signatory's designation"), max_length=200, blank=True
    )
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.DRAFT)
    layout = models.CharField(
        _("minutes layout"), max_length=8, choices=Layout.choices, default=Layout.SECTIONS
    )
    source = models.CharField(_("imported from"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["committee", "-date", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title or f"{self.committee} {self.sequence or ''} ({self.date})"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveIntegerField(_("order"), default=0)
    number = models.CharField(_("number as printed"), max_length=20, blank=True)
    title = models.CharField(_("subject"), max_length=600)
    discussion = models.TextField(_("discussion"), blank=True)
    implementers_text = models.CharField(_("implementers as printed"), max_length=400, blank=True)
    # Set on the carry-over item: the earlier decisions it reports on, shown with live status.
    carried = models.ManyToManyField(
        "Decision", blank=True, related_name="carried_into", verbose_name=_("carried over")
    )

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()


class Decision(models.Model):
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    order = models.PositiveIntegerField(_("order"), default=0)
    label = models.CharField(_("label"), max_length=10, blank=True)
    text = models.TextField(_("decision"))
    # The parser's deadline object (minutes-json.md) and the first date it resolved to.
    deadline = models.JSONField(_("deadline"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)

    class Meta:
        ordering = ["agenda_item", "order", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.label}. {self.text[:60]}" if self.label else self.text[:60]

    @property
    def meeting(self) -> Meeting:
        return self.agenda_item.meeting

    @property
    def deadline_kind(self) -> str:
        return (self.deadline or {}).get("kind", "")

    @property
    def is_asap(self) -> bool:
        return self.deadline_kind == "asap"


class Assignment(models.Model):
    """One implementer of a decision: a registry unit, or a post/section kept as printed."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(
        "registry.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="committee_assignments",
        verbose_name=_("unit"),
    )
    name = models.CharField(_("implementer as printed"), max_length=400, blank=True)

    class Meta:
        ordering = ["decision", "pk"]
        verbose_name = _("implementer")
        verbose_name_plural = _("implementers")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.unit.name_bn if self.unit_id else self.name


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    REPORTED_DONE = "reported", _("Reported done")
    CONFIRMED_DONE = "confirmed", _("Confirmed done")


# Still the implementer's move: these are what reminders and "overdue" are about.
OPEN_STATUSES = (Status.NOT_STARTED, Status.IN_PROGRESS)


class Occurrence(models.Model):
    """One due date of one implementer's assignment, with its own status."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="occurrences")
    due_date = models.DateField(_("due date"), null=True, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "due_date"], name="committees_one_occurrence_per_due_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment} – {self.due_date or '—'}"

    @property
    def decision(self) -> Decision:
        return self.assignment.decision

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return bool(self.due_date and self.due_date < today and self.status in OPEN_STATUSES)


class StatusChange(models.Model):
    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="changes")
    from_status = models.CharField(max_length=12, choices=Status.choices)
    to_status = models.CharField(max_length=12, choices=Status.choices)
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")


class Evidence(models.Model):
    """A file (প্রমাণক) the implementer attaches to show the work."""

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to="committees/evidence/%Y/%m/")
    original_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField(default=0)
    note = models.CharField(_("note"), max_length=400, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")


class ReminderSent(models.Model):
    """At most one reminder of each kind per occurrence, however late or often the job runs."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("Deadline approaching")
        OVERDUE = "overdue", _("Overdue")

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    sent_on = models.DateField()
    recipients = models.TextField(blank=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(fields=["occurrence", "kind"], name="committees_one_reminder")
        ]
