"""What a user may see and change in the organisation tree.

Every view and export filters through here, so that scope is decided in one place:
- ICT cell: everything, read and write;
- department focal point: their unit's subtree, read and write;
- office editor: their office, read and write;
- committee member: their unit's subtree (usually the division), read-only.
Superusers count as ICT cell.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from tadarki.accounts.models import Role
from tadarki.registry.models import OrgUnit

WRITE_ROLES = {Role.ICT_CELL, Role.FOCAL_POINT, Role.OFFICE_EDITOR}


def _memberships(user) -> list[tuple[str, str]]:
    """(role, unit path) of the user's memberships, read once per user object (per request)."""
    cached = getattr(user, "_tadarki_memberships", None)
    if cached is None:
        cached = list(user.memberships.values_list("role", "unit__path"))
        user._tadarki_memberships = cached
    return cached


def is_ict(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or any(role == Role.ICT_CELL for role, _ in _memberships(user))


def _paths(user, roles=None) -> list[str]:
    return [path for role, path in _memberships(user) if roles is None or role in roles]


def _subtree_q(paths: list[str], field: str = "path") -> Q:
    q = Q(pk__in=[])
    for p in paths:
        q |= Q(**{f"{field}__startswith": p})
    return q


def visible_units(user) -> QuerySet[OrgUnit]:
    """The units this user may see: the subtrees under their memberships, plus ancestors' names
    are not included (a department user sees their department down, not its siblings)."""
    if not user.is_authenticated:
        return OrgUnit.objects.none()
    if is_ict(user):
        return OrgUnit.objects.all()
    return OrgUnit.objects.filter(_subtree_q(_paths(user)))


def editable_units(user) -> QuerySet[OrgUnit]:
    if not user.is_authenticated:
        return OrgUnit.objects.none()
    if is_ict(user):
        return OrgUnit.objects.all()
    return OrgUnit.objects.filter(_subtree_q(_paths(user, WRITE_ROLES)))


def filter_by_unit(user, queryset: QuerySet, unit_field: str = "unit") -> QuerySet:
    """Restrict any queryset with a foreign key to OrgUnit to the user's scope."""
    if is_ict(user):
        return queryset
    return queryset.filter(_subtree_q(_paths(user), f"{unit_field}__path"))


def can_view(user, unit: OrgUnit) -> bool:
    return visible_units(user).filter(pk=unit.pk).exists()


def can_edit(user, unit: OrgUnit) -> bool:
    return editable_units(user).filter(pk=unit.pk).exists()


def get_visible_unit_or_404(user, **lookup) -> OrgUnit:
    """404, not 403, so URL guessing does not even learn that a unit exists."""
    try:
        return visible_units(user).get(**lookup)
    except OrgUnit.DoesNotExist:
        raise Http404 from None
