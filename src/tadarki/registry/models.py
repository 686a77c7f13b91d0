"""The organisation tree as data: ministry → division → department/agency → office, any depth.

Subtree queries use a materialised path (`/1/5/23/`), so scope checks are one indexed
prefix match on PostgreSQL and SQLite alike.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def portal_key(url: str) -> str:
    """What makes two portal addresses the same site: host (and port) plus path, no scheme.

    `https://passport.lakshmipur.gov.bd/` and `http://PASSPORT.lakshmipur.gov.bd` are one portal.
    """
    if not url:
        return ""
    parts = urlsplit(url.strip())
    return f"{(parts.netloc or '').lower()}{parts.path.rstrip('/')}"


class _Place(models.Model):
    """What a division and a district share: a gov.bd host-name slug and two names."""

    slug = models.SlugField(_("host-name slug"), unique=True)
    name_bn = models.CharField(_("name (Bengali)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)

    class Meta:
        abstract = True
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name_bn


class AdminDivision(_Place):
    """One of Bangladesh's 8 administrative divisions (বিভাগ), not an org unit."""

    class Meta(_Place.Meta):
        verbose_name = _("administrative division")
        verbose_name_plural = _("administrative divisions")


class District(_Place):
    """One of the 64 districts (জেলা); `slug` is the part used in gov.bd host names."""

    division = models.ForeignKey(AdminDivision, on_delete=models.PROTECT, related_name="districts")

    class Meta(_Place.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class OrgUnit(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        DIVISION = "division", _("Division")
        DEPARTMENT = "department", _("Department / agency")
        SECTION = "section", _("Section")
        OFFICE = "office", _("Office")

    class OfficeKind(models.TextChoices):
        HEAD = "head", _("Head office")
        DIVISIONAL = "divisional", _("Divisional office")
        REGIONAL = "regional", _("Regional office")
        DISTRICT = "district", _("District office")
        METRO = "metro", _("Metro office")
        SPECIAL = "special", _("Special office")
        TRAINING = "training", _("Training institute")

    class Maintainer(models.TextChoices):
        OWN = "own", _("Own staff")
        DC = "dc", _("DC office")
        UNO = "uno", _("UNO office")

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    office_kind = models.CharField(
        _("office kind"), max_length=12, choices=OfficeKind.choices, blank=True
    )
    code = models.SlugField(_("code"), max_length=80, unique=True)
    name_bn = models.CharField(_("name (Bengali)"), max_length=250)
    name_en = models.CharField(_("name (English)"), max_length=250, blank=True)
    district = models.ForeignKey(
        District,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
        verbose_name=_("district"),
    )
    portal_url = models.URLField(_("portal URL"), blank=True)
    portal_maintainer = models.CharField(
        _("portal maintained by"), max_length=8, choices=Maintainer.choices, blank=True
    )
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    email = models.EmailField(_("official e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    # One portal belongs to one active unit: the minutes once gave an office another's domain.
    portal_key = models.CharField(max_length=300, db_index=True, editable=False, default="")

    class Meta:
        ordering = ["path"]
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")
        constraints = [
            models.UniqueConstraint(
                fields=["portal_key"],
                condition=~Q(portal_key="") & Q(is_active=True),
                name="registry_one_unit_per_portal",
            )
        ]

    def __str__(self) -> str:
        return self.name_bn

    def clean(self):
        super().clean()
        key = portal_key(self.portal_url)
        if key and self.is_active:
            other = OrgUnit.objects.filter(portal_key=key, is_active=True).exclude(pk=self.pk)
            if other.exists():
                raise ValidationError(
                    {
                        "portal_url": _("This portal already belongs to %(unit)s.")
                        % {"unit": other.first().name_bn}
                    }
                )

    def save(self, *args, **kwargs):
        self.portal_key = portal_key(self.portal_url)
        super().save(*args, **kwargs)
        new_path = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
        if new_path != self.path:
            old_path = self.path
            OrgUnit.objects.filter(pk=self.pk).update(path=new_path)
            self.path = new_path
            if old_path:  # moved: carry the subtree along
                for child in OrgUnit.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                    OrgUnit.objects.filter(pk=child.pk).update(
                        path=new_path + child.path[len(old_path) :]
                    )

    def subtree(self):
        return OrgUnit.objects.filter(path__startswith=self.path)

    def ancestors(self):
        ids = [int(p) for p in self.path.strip("/").split("/") if p]
        return OrgUnit.objects.filter(pk__in=ids).order_by("path")

    @property
    def portal_host(self) -> str:
        return (urlsplit(self.portal_url).hostname or "") if self.portal_url else ""


class OrgUnitAlias(models.Model):
    """Another name the same unit goes by (বহিরাগমন ও পাসপোর্ট অধিদপ্তর = ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর)."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("alias"), max_length=250, db_index=True)

    class Meta:
        unique_together = [("unit", "name")]
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")

    def __str__(self) -> str:
        return self.name


class Officer(models.Model):
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="officers")
    name = models.CharField(_("name"), max_length=200)
    designation = models.CharField(_("designation"), max_length=200, blank=True)
    email = models.EmailField(_("official e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    class Meta:
        ordering = ["unit", "name"]
        verbose_name = _("officer")
        verbose_name_plural = _("officers")

    def __str__(self) -> str:
        return f"{self.name}, {self.designation}" if self.designation else self.name


class OfficerRole(models.Model):
    class Role(models.TextChoices):
        RTI_DESIGNATED = "rti-designated", _("RTI designated officer")
        RTI_ALTERNATE = "rti-alternate", _("RTI alternate officer")
        RTI_APPEAL = "rti-appeal", _("RTI appeal authority")
        GRS_FOCAL = "grs-focal", _("GRS focal officer")
        GRS_ALTERNATE = "grs-alternate", _("GRS alternate officer")
        GRS_APPEAL = "grs-appeal", _("GRS appeal officer")
        NIS_FOCAL = "nis-focal", _("Integrity focal point")
        NIS_ALTERNATE = "nis-alternate", _("Integrity alternate focal point")
        REPORT_FOCAL = "report-focal", _("Report focal point")

    officer = models.ForeignKey(Officer, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        unique_together = [("officer", "role")]
        verbose_name = _("officer role")
        verbose_name_plural = _("officer roles")

    def __str__(self) -> str:
        return self.get_role_display()


class OrgUnitVersion(models.Model):
    """How a unit was named and placed over a period; written only by `registry.actions`.

    History is recorded lazily: a unit without versions has always looked as it does now.
    `valid_from` empty means "since before the registry knew"; `valid_to` is exclusive.
    """

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="versions")
    name_bn = models.CharField(_("name (Bengali)"), max_length=250)
    name_en = models.CharField(_("name (English)"), max_length=250, blank=True)
    parent = models.ForeignKey(
        OrgUnit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("parent"),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    reorganisation = models.ForeignKey(
        "Reorganisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="versions"
    )

    class Meta:
        ordering = ["unit", "valid_from"]
        verbose_name = _("unit version")
        verbose_name_plural = _("unit versions")

    def __str__(self) -> str:
        return f"{self.name_bn} ({self.valid_from or '…'} – {self.valid_to or '…'})"


class Reorganisation(models.Model):
    """One decision that changed the tree: a rename, move, merger or split."""

    class Kind(models.TextChoices):
        RENAME = "rename", _("Rename")
        MOVE = "move", _("Move")
        MERGE = "merge", _("Merger")
        SPLIT = "split", _("Split")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    effective_on = models.DateField(_("effective on"))
    reason = models.TextField(_("reason"), blank=True)
    sources = models.ManyToManyField(OrgUnit, related_name="reorganised_from", blank=True)
    results = models.ManyToManyField(OrgUnit, related_name="reorganised_into", blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-effective_on", "-pk"]
        verbose_name = _("reorganisation")
        verbose_name_plural = _("reorganisations")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.effective_on}"


class Holiday(models.Model):
    """A public holiday the ICT cell adds, or a default holiday it marks as not observed."""

    date = models.DateField(_("date"), unique=True)
    name_bn = models.CharField(_("name (Bengali)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    removed = models.BooleanField(
        _("not a holiday"),
        default=False,
        help_text=_(
            "Tick to make a day that the built-in calendar treats as a holiday a working day."
        ),
    )

    class Meta:
        ordering = ["date"]
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")

    def __str__(self) -> str:
        return f"{self.date} {self.name_bn or self.name_en}"


class RegistryChange(models.Model):
    """The registry's one change record: who changed what, when and why.

    Actions, imports, the seed and the admin all write here (Django's LogEntry has no "why").
    """

    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        UPDATE = "update", _("Updated")
        DELETE = "delete", _("Deleted")
        REORGANISE = "reorganise", _("Reorganised")
        IMPORT = "import", _("Imported")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who"),
    )
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    unit = models.ForeignKey(
        OrgUnit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="changes",
        verbose_name=_("unit"),
    )
    summary = models.CharField(_("what"), max_length=500)
    reason = models.TextField(_("why"), blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("registry change")
        verbose_name_plural = _("registry changes")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.summary}"
