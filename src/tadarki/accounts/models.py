from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in. What they may see is given by their memberships."""

    full_name_bn = models.CharField(_("name (Bengali)"), max_length=200, blank=True)


class Role(models.TextChoices):
    ICT_CELL = "ict", _("Division ICT cell")
    FOCAL_POINT = "focal", _("Department focal point")
    OFFICE_EDITOR = "editor", _("Office portal editor")
    COMMITTEE_MEMBER = "member", _("Committee member (read-only)")


class Membership(models.Model):
    """A user's role over one unit of the organisation tree and everything below it."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    unit = models.ForeignKey(
        "registry.OrgUnit",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("unit"),
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        unique_together = [("user", "role", "unit")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.unit}"
