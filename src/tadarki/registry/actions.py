"""Every change to the registry tree goes through here, so each one is recorded once.

Reorganisations (rename, move, merger, split) keep history: the unit's old name and place
become an `OrgUnitVersion` closed on the effective date, and `unit_as_of` reads them back
so a past meeting or audit shows the unit as it was then.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Q

from tadarki.registry.models import (
    OrgUnit,
    OrgUnitVersion,
    RegistryChange,
    Reorganisation,
)


@dataclass(frozen=True)
class UnitSnapshot:
    """A unit as it stood on one day."""

    unit_id: int
    code: str
    name_bn: str
    name_en: str
    parent_id: int | None
    valid_from: date | None
    valid_to: date | None


def unit_as_of(unit: OrgUnit, on: date) -> UnitSnapshot:
    """The unit's name and parent on `on`; its current state when no history covers that day."""
    version = (
        unit.versions.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on))
        .order_by("-valid_from")
        .first()
    )
    if version is None:
        return UnitSnapshot(
            unit.pk, unit.code, unit.name_bn, unit.name_en, unit.parent_id, None, None
        )
    return UnitSnapshot(
        unit.pk,
        unit.code,
        version.name_bn,
        version.name_en,
        version.parent_id,
        version.valid_from,
        version.valid_to,
    )


def record_change(
    action: str,
    summary: str,
    *,
    by=None,
    unit: OrgUnit | None = None,
    reason: str = "",
    details: dict | None = None,
) -> RegistryChange:
    """Write the registry's change record (who, when, what, why)."""
    return RegistryChange.objects.create(
        action=action,
        summary=summary[:500],
        by=by if getattr(by, "pk", None) else None,
        unit=unit,
        reason=reason,
        details=details or {},
    )


def _close_current_version(unit: OrgUnit, on: date, reorg: Reorganisation) -> None:
    """End the unit's present look on `on`, creating the 'since always' version if needed."""
    current = unit.versions.filter(valid_to__isnull=True).first()
    if current is None:
        _record_version(unit, reorg, valid_from=None, valid_to=on)
    else:
        current.valid_to = on
        current.save(update_fields=["valid_to"])


def _open_version(unit: OrgUnit, on: date, reorg: Reorganisation) -> None:
    _record_version(unit, reorg, valid_from=on, valid_to=None)


def _record_version(
    unit: OrgUnit, reorg: Reorganisation, *, valid_from: date | None, valid_to: date | None
) -> None:
    """The unit's name and place as they stand now, valid over the given span."""
    OrgUnitVersion.objects.create(
        unit=unit,
        name_bn=unit.name_bn,
        name_en=unit.name_en,
        parent_id=unit.parent_id,
        valid_from=valid_from,
        valid_to=valid_to,
        reorganisation=reorg,
    )


def _reorganisation(kind: str, on: date, reason: str, by) -> Reorganisation:
    return Reorganisation.objects.create(
        kind=kind, effective_on=on, reason=reason, by=by if getattr(by, "pk", None) else None
    )


def _record_reorganisation(
    reorg: Reorganisation, summary: str, *, unit: OrgUnit, by, on: date, reason: str, **details
) -> None:
    """The change-log line of a reorganisation; `details` follow its kind and date."""
    record_change(
        RegistryChange.Action.REORGANISE,
        summary,
        by=by,
        unit=unit,
        reason=reason,
        details={"kind": str(reorg.kind), "on": on.isoformat(), **details},
    )


def _reshape_in_place(
    unit: OrgUnit,
    kind: str,
    apply: Callable[[OrgUnit], None],
    *,
    by,
    on: date,
    reason: str,
    summary: str,
    **details,
) -> OrgUnit:
    """A reorganisation that keeps the unit itself (rename, move): one unit in, the same out."""
    reorg = _reorganisation(kind, on, reason, by)
    _close_current_version(unit, on, reorg)
    apply(unit)
    unit.save()
    _open_version(unit, on, reorg)
    reorg.sources.add(unit)
    reorg.results.add(unit)
    _record_reorganisation(reorg, summary, unit=unit, by=by, on=on, reason=reason, **details)
    return unit


@transaction.atomic
def rename_unit(
    unit: OrgUnit, *, name_bn: str, name_en: str | None = None, by, on: date, reason: str = ""
) -> OrgUnit:
    old = unit.name_bn

    def apply(u: OrgUnit) -> None:
        u.name_bn = name_bn
        if name_en is not None:
            u.name_en = name_en

    return _reshape_in_place(
        unit,
        Reorganisation.Kind.RENAME,
        apply,
        by=by,
        on=on,
        reason=reason,
        summary=f"rename: {old} → {name_bn}",
        **{"from": old},
    )


@transaction.atomic
def move_unit(
    unit: OrgUnit, *, new_parent: OrgUnit | None, by, on: date, reason: str = ""
) -> OrgUnit:
    if new_parent is not None and new_parent.path.startswith(unit.path):
        raise ValueError("a unit cannot move under itself")
    old_parent = unit.parent

    def apply(u: OrgUnit) -> None:
        u.parent = new_parent

    return _reshape_in_place(
        unit,
        Reorganisation.Kind.MOVE,
        apply,
        by=by,
        on=on,
        reason=reason,
        summary=f"move: {unit.name_bn}: {old_parent or '—'} → {new_parent or '—'}",
        from_parent=getattr(old_parent, "code", None),
    )


@transaction.atomic
def merge_units(
    sources: list[OrgUnit],
    *,
    into: OrgUnit | None = None,
    code: str = "",
    name_bn: str = "",
    name_en: str = "",
    by,
    on: date,
    reason: str = "",
) -> OrgUnit:
    """Merge `sources` into `into`, or into a new unit (code, names) beside the first source.

    Sources are closed and deactivated; their children move to the result.
    """
    reorg = _reorganisation(Reorganisation.Kind.MERGE, on, reason, by)
    if into is None:
        first = sources[0]
        into = OrgUnit.objects.create(
            parent=first.parent,
            kind=first.kind,
            office_kind=first.office_kind,
            code=code,
            name_bn=name_bn,
            name_en=name_en,
            district=first.district,
        )
        _open_version(into, on, reorg)
    for source in sources:
        if source.pk == into.pk:
            continue
        _close_current_version(source, on, reorg)
        for child in source.children.all():
            move_unit(child, new_parent=into, by=by, on=on, reason=reason)
        source.is_active = False
        source.save()
        reorg.sources.add(source)
    reorg.results.add(into)
    _record_reorganisation(
        reorg,
        f"merge: {', '.join(s.name_bn for s in sources)} → {into.name_bn}",
        unit=into,
        by=by,
        on=on,
        reason=reason,
        sources=[s.code for s in sources],
    )
    return into


@transaction.atomic
def split_unit(
    unit: OrgUnit, *, parts: list[dict], by, on: date, reason: str = "", keep_original: bool = False
) -> list[OrgUnit]:
    """Split `unit` into new units beside it; `parts` are dicts of OrgUnit fields (code, names…).

    The original is closed and deactivated unless `keep_original` (a part splits off).
    """
    reorg = _reorganisation(Reorganisation.Kind.SPLIT, on, reason, by)
    created = []
    for fields in parts:
        values = {"parent": unit.parent, "kind": unit.kind, "office_kind": unit.office_kind}
        values.update(fields)
        part = OrgUnit.objects.create(**values)
        _open_version(part, on, reorg)
        reorg.results.add(part)
        created.append(part)
    reorg.sources.add(unit)
    if not keep_original:
        _close_current_version(unit, on, reorg)
        unit.is_active = False
        unit.save()
    _record_reorganisation(
        reorg,
        f"split: {unit.name_bn} → {', '.join(p.name_bn for p in created)}",
        unit=unit,
        by=by,
        on=on,
        reason=reason,
        parts=[p.code for p in created],
    )
    return created
