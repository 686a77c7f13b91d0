"""The registry's shipped starting data: divisions, districts and the units named in the minutes.

Idempotent: loading twice changes nothing. The units file is in the import format and goes
through `importing`, so the seed obeys the same checks as any import.
"""

import csv
from importlib import resources

from django.db import transaction

from tadarki.registry import importing
from tadarki.registry.models import AdminDivision, District

DATA = resources.files("tadarki.registry") / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load_geography() -> None:
    if not AdminDivision.objects.exists():  # a fresh database: one insert per table
        divisions = AdminDivision.objects.bulk_create(
            AdminDivision(**row) for row in _rows("divisions.csv")
        )
        by_slug = {d.slug: d for d in divisions}
        District.objects.bulk_create(
            District(
                division=by_slug[row["division"]],
                slug=row["slug"],
                name_bn=row["name_bn"],
                name_en=row["name_en"],
            )
            for row in _rows("districts.csv")
        )
        return
    for row in _rows("divisions.csv"):
        AdminDivision.objects.update_or_create(
            slug=row["slug"], defaults={"name_bn": row["name_bn"], "name_en": row["name_en"]}
        )
    divisions = {d.slug: d for d in AdminDivision.objects.all()}
    for row in _rows("districts.csv"):
        District.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "division": divisions[row["division"]],
                "name_bn": row["name_bn"],
                "name_en": row["name_en"],
            },
        )


@transaction.atomic
def load_seed(by=None) -> dict[str, int]:
    """Load the 8 divisions, 64 districts and the seed organisation tree; returns unit counts."""
    load_geography()
    with (DATA / "units.csv").open("rb") as handle:
        plan = importing.plan_import(handle, "units.csv")
    if plan.errors:
        raise ValueError("; ".join(str(e) for e in plan.errors))
    return importing.apply_import(plan, by=by, reason="seed")
