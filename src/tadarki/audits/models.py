"""Audit rounds, their per-portal work, findings across rounds, evidence and scores.

A finding is one defect of one office, identified by (office, rule, subject) across rounds;
an Observation is what one round saw of it (or that it could not re-check it). Page
snapshots are stored once per sha256, compressed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditRound(models.Model):
    class Scope(models.TextChoices):
        ALL = "all", _("All portals")
        DEPARTMENT = "department", _("One department")
        LIST = "list", _("Listed offices")

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    number = models.PositiveIntegerField(_("round number"), unique=True)
    scope = models.CharField(_("scope"), max_length=12, choices=Scope.choices, default=Scope.ALL)
    scope_unit = models.ForeignKey(
        "registry.OrgUnit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default="pending")
    cancel_requested = models.BooleanField(default=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    trigger = models.CharField(max_length=12, default="ui")  # ui / command / schedule
    score_method = models.CharField(max_length=10, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)
    # Who is running the round ("host:pid:token", or "celery") and until when that claim
    # holds without renewal: a round whose runner is gone is resumed (see leases.py).
    runner = models.CharField(max_length=120, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("audit round")
        verbose_name_plural = _("audit rounds")

    def __str__(self) -> str:
        from tadarki.bangla.digits import to_bengali

        return f"রাউন্ড {to_bengali(self.number)}"


class RoundPortal(models.Model):
    """One office's audit inside a round; its state lets an interrupted round resume."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    round = models.ForeignKey(AuditRound, on_delete=models.CASCADE, related_name="portals")
    unit = models.ForeignKey("registry.OrgUnit", on_delete=models.CASCADE, related_name="+")
    url = models.CharField(max_length=500, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default="pending")
    template = models.CharField(max_length=10, blank=True)
    reachable = models.BooleanField(default=False)
    pages_fetched = models.PositiveIntegerField(default=0)
    findings_count = models.PositiveIntegerField(default=0)
    score = models.FloatField(null=True, blank=True)
    error = models.TextField(blank=True)
    # Pages fetched this round: [{url, status, sha256, fetched_at}], for the "re-checked" rule.
    pages = models.JSONField(default=list, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        unique_together = [("round", "unit")]
        indexes = [models.Index(fields=["round", "state"])]

    def __str__(self) -> str:
        return f"{self.round} · {self.unit}"


class Snapshot(models.Model):
    """A fetched page body, compressed, stored once per content hash."""

    sha256 = models.CharField(max_length=64, unique=True)
    codec = models.CharField(max_length=8, default="zlib")  # zlib / br
    body = models.BinaryField()
    size = models.PositiveIntegerField(default=0)  # uncompressed bytes
    content_type = models.CharField(max_length=100, blank=True)
    first_seen = models.DateTimeField(auto_now_add=True)
    last_seen = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.sha256[:12]


class PageCache(models.Model):
    """The last validators and text of a page, for conditional requests in the next round.

    Entries are grouped by the host of the portal whose crawl wrote them, so that one
    query loads what a portal's crawl may ask for.
    """

    url_hash = models.CharField(max_length=64, unique=True)  # sha256 of the URL
    url = models.TextField()
    portal_host = models.CharField(max_length=255, db_index=True)
    etag = models.CharField(max_length=255, blank=True)
    last_modified = models.CharField(max_length=64, blank=True)
    sha256 = models.CharField(max_length=64)  # of the UTF-8 text
    content_type = models.CharField(max_length=100, blank=True)  # a 304 carries none
    codec = models.CharField(max_length=8, default="zlib")
    text = models.BinaryField()  # compressed UTF-8
    updated_at = models.DateTimeField()  # last written, or last asked about by a crawl

    def __str__(self) -> str:
        return self.url


class Finding(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        OPEN = "open", _("Open")
        FIXED = "fixed", _("Fixed")
        REGRESSED = "regressed", _("Regressed")

    class Review(models.TextChoices):
        NONE = "", _("None")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        WAIVER_REQUESTED = "waiver_requested", _("Waiver requested")
        WAIVED = "waived", _("Waived")
        WAIVER_REJECTED = "waiver_rejected", _("Waiver rejected")

    unit = models.ForeignKey("registry.OrgUnit", on_delete=models.CASCADE, related_name="+")
    # Denormalised for roll-ups and filters; the office's nearest department ancestor.
    department = models.ForeignKey(
        "registry.OrgUnit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rule = models.CharField(max_length=60)
    subject = models.CharField(max_length=500, blank=True)
    severity = models.CharField(max_length=10)
    family = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default="new")
    url = models.CharField(max_length=1000, blank=True)
    message_bn = models.TextField(blank=True)
    first_round = models.ForeignKey(AuditRound, on_delete=models.CASCADE, related_name="+")
    last_seen_round = models.ForeignKey(AuditRound, on_delete=models.CASCADE, related_name="+")
    status_round = models.ForeignKey(AuditRound, on_delete=models.CASCADE, related_name="+")
    review = models.CharField(max_length=20, choices=Review.choices, default="", blank=True)
    waiver_reason = models.TextField(blank=True)
    waiver_expires = models.DateField(null=True, blank=True)

    class Meta:
        unique_together = [("unit", "rule", "subject")]
        indexes = [
            models.Index(fields=["department", "status"]),
            models.Index(fields=["unit", "status"]),
            models.Index(fields=["status_round", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.rule} {self.subject}".strip()

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.FIXED


class Observation(models.Model):
    """What one round saw of a finding: seen (with evidence), fixed, or not re-checked."""

    class State(models.TextChoices):
        NEW = "new", _("New")
        OPEN = "open", _("Still open")
        REGRESSED = "regressed", _("Regressed")
        FIXED = "fixed", _("Fixed")
        NOT_RECHECKED = "not_rechecked", _("Not re-checked")

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="observations")
    round = models.ForeignKey(AuditRound, on_delete=models.CASCADE, related_name="observations")
    state = models.CharField(max_length=14, choices=State.choices)
    severity = models.CharField(max_length=10, blank=True)
    url = models.CharField(max_length=1000, blank=True)
    http_status = models.IntegerField(null=True, blank=True)
    fetched_at = models.CharField(max_length=40, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    evidence = models.TextField(blank=True)
    linked_from = models.JSONField(default=list, blank=True)
    snapshot = models.ForeignKey(Snapshot, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        unique_together = [("finding", "round")]
        indexes = [models.Index(fields=["round", "state"])]


class FindingEvent(models.Model):
    """Every change of a finding: who (None = the auditor), when, why."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="events")
    round = models.ForeignKey(AuditRound, null=True, blank=True, on_delete=models.SET_NULL)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    kind = models.CharField(max_length=20)
    from_value = models.CharField(max_length=20, blank=True)
    to_value = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]


class Score(models.Model):
    class Level(models.TextChoices):
        OFFICE = "office", _("Office")
        DEPARTMENT = "department", _("Department")
        DIVISION = "division", _("Division")

    round = models.ForeignKey(AuditRound, on_delete=models.CASCADE, related_name="scores")
    unit = models.ForeignKey("registry.OrgUnit", on_delete=models.CASCADE, related_name="+")
    level = models.CharField(max_length=10, choices=Level.choices)
    score = models.FloatField()
    method = models.CharField(max_length=10)
    open_findings = models.PositiveIntegerField(default=0)
    offices = models.PositiveIntegerField(default=1)

    class Meta:
        unique_together = [("round", "unit", "method")]
        indexes = [models.Index(fields=["round", "level", "score"])]


class ApiToken(models.Model):
    """A personal API token; only its sha256 is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"
