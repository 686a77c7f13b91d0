"""The organisation tree as data: ministry → division → department/agency → office, any depth.

Subtree queries use a materialised path (`/1/5/23/`), so scope checks are one indexed
prefix match on PostgreSQL and SQLite alike.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AdminDivision(models.Model):
    """One of Bangladesh's 8 administrative divisions (বিভাগ), not an org unit."""

    slug = models.SlugField(_("host-name slug"), unique=True)
    name_bn = models.CharField(_("name (Bengali)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("administrative division")
        verbose_name_plural = _("administrative divisions")

    def __str__(self) -> str:
        return self.name_bn


class District(models.Model):
    """One of the 64 districts (জেলা); `slug` is the part used in gov.bd host names."""

    division = models.ForeignKey(AdminDivision, on_delete=models.PROTECT, related_name="districts")
    slug = models.SlugField(_("host-name slug"), unique=True)
    name_bn = models.CharField(_("name (Bengali)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name_bn


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
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
        verbose_name=_("parent"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    office_kind = models.CharField(_("office kind"), max_length=12, choices=OfficeKind.choices, blank=True)
    code = models.SlugField(_("code"), max_length=80, unique=True)
    name_bn = models.CharField(_("name (Bengali)"), max_length=250)
    name_en = models.CharField(_("name (English)"), max_length=250, blank=True)
    district = models.ForeignKey(
        District, null=True, blank=True, on_delete=models.PROTECT, related_name="units",
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

    class Meta:
        ordering = ["path"]
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")

    def __str__(self) -> str:
        return self.name_bn

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        new_path = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
        if new_path != self.path:
            old_path = self.path
            OrgUnit.objects.filter(pk=self.pk).update(path=new_path)
            self.path = new_path
            if old_path:  # moved: carry the subtree along
                for child in OrgUnit.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                    OrgUnit.objects.filter(pk=child.pk).update(
                        path=new_path + child.path[len(old_path):]
                    )

    def subtree(self):
        return OrgUnit.objects.filter(path__startswith=self.path)

    def ancestors(self):
        ids = [int(p) for p in self.path.strip("/").split("/") if p]
        return OrgUnit.objects.filter(pk__in=ids).order_by("path")

    @property
    def portal_host(self) -> str:
        from urllib.parse import urlsplit

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
