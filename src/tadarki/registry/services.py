"""What the registry pages show, computed outside the views and always within the user's scope."""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from tadarki.accounts import scope
from tadarki.registry.models import OrgUnit, RegistryChange


@dataclass
class TreeNode:
    unit: OrgUnit
    children: list["TreeNode"] = field(default_factory=list)
    offices: int = 0  # offices in this subtree, itself included
    portals: int = 0  # units with a portal in this subtree, itself included


def unit_tree(user, *, include_inactive: bool = False) -> list[TreeNode]:
    """The visible part of the tree, built from one query; roots are units whose parent is hidden."""
    units = scope.visible_units(user).select_related("district")
    if not include_inactive:
        units = units.filter(is_active=True)
    nodes = {u.pk: TreeNode(u) for u in units.order_by("path")}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.unit.parent_id)
        (parent.children if parent else roots).append(node)
    for node in nodes.values():
        node.children.sort(key=lambda n: (n.unit.kind != OrgUnit.Kind.OFFICE, n.unit.name_bn))
    # Counts bottom-up: deepest paths first.
    for node in sorted(nodes.values(), key=lambda n: -n.unit.path.count("/")):
        node.offices += node.unit.kind == OrgUnit.Kind.OFFICE
        node.portals += bool(node.unit.portal_url)
        parent = nodes.get(node.unit.parent_id)
        if parent:
            parent.offices += node.offices
            parent.portals += node.portals
    return roots


def search_units(user, query: str) -> QuerySet[OrgUnit]:
    """Units matching a Bengali or English name, alias, portal host, code or district."""
    query = query.strip()
    if not query:
        return OrgUnit.objects.none()
    match = (
        Q(name_bn__icontains=query)
        | Q(name_en__icontains=query)
        | Q(code__icontains=query)
        | Q(aliases__name__icontains=query)
        | Q(portal_key__icontains=query.lower())
        | Q(district__name_bn__icontains=query)
        | Q(district__name_en__icontains=query)
        | Q(district__slug__iexact=query.lower())
    )
    return (
        scope.visible_units(user)
        .filter(match)
        .select_related("district", "parent")
        .distinct()
        .order_by("path")
    )


def visible_ancestors(user, unit: OrgUnit) -> list[OrgUnit]:
    """The unit's place in the tree, without naming units the user may not see."""
    visible = scope.visible_units(user)
    return list(visible.filter(pk__in=unit.ancestors().exclude(pk=unit.pk).values("pk")))


def unit_history(unit: OrgUnit) -> dict:
    return {
        "versions": list(unit.versions.select_related("parent").order_by("valid_from")),
        "reorganisations": list(
            (unit.reorganised_from.all() | unit.reorganised_into.all())
            .distinct()
            .select_related("by")
        ),
        "changes": list(RegistryChange.objects.filter(unit=unit).select_related("by")[:50]),
    }
