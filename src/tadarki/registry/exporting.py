"""Registry export in the import's own format, so export → import changes nothing."""

import csv
import io
from collections.abc import Iterable
from typing import BinaryIO, TextIO

from django.db.models import QuerySet

from tadarki.registry.importing import LIST_SEPARATOR, OFFICER_COLUMNS, UNIT_COLUMNS
from tadarki.registry.models import Officer, OrgUnit


def unit_rows(units: QuerySet[OrgUnit]) -> Iterable[list[str]]:
    units = units.select_related("parent", "district").prefetch_related("aliases").order_by("path")
    for u in units:
        yield [
            u.code,
            u.parent.code if u.parent_id else "",
            u.kind,
            u.office_kind,
            u.name_bn,
            u.name_en,
            LIST_SEPARATOR.join(sorted(a.name for a in u.aliases.all())),
            u.district.slug if u.district_id else "",
            u.portal_url,
            u.portal_maintainer,
            u.facebook_url,
            u.youtube_url,
            u.email,
        ]


def officer_rows(units: QuerySet[OrgUnit]) -> Iterable[list[str]]:
    officers = (
        Officer.objects.filter(unit__in=units)
        .select_related("unit")
        .prefetch_related("roles")
        .order_by("unit__path", "name")
    )
    for o in officers:
        roles = LIST_SEPARATOR.join(sorted(r.role for r in o.roles.all()))
        yield [o.unit.code, o.name, o.designation, o.email, o.phone, roles]


def write_csv(units: QuerySet[OrgUnit], out: TextIO, *, officers: bool = False) -> None:
    """Units (or, with `officers`, the officers of those units) as CSV; write a BOM for Excel."""
    writer = csv.writer(out)
    if officers:
        writer.writerow(OFFICER_COLUMNS)
        writer.writerows(officer_rows(units))
    else:
        writer.writerow(UNIT_COLUMNS)
        writer.writerows(unit_rows(units))


def csv_bytes(units: QuerySet[OrgUnit], *, officers: bool = False) -> bytes:
    buffer = io.StringIO()
    write_csv(units, buffer, officers=officers)
    # utf-8-sig: Excel on Windows shows Bengali correctly only with the BOM.
    return buffer.getvalue().encode("utf-8-sig")


def write_xlsx(units: QuerySet[OrgUnit], out: BinaryIO) -> None:
    """A workbook with two sheets, "units" and "officers"."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = "units"
    sheet.append(UNIT_COLUMNS)
    for row in unit_rows(units):
        sheet.append(row)
    people = workbook.create_sheet("officers")
    people.append(OFFICER_COLUMNS)
    for row in officer_rows(units):
        people.append(row)
    for ws in (sheet, people):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
    workbook.save(out)


def xlsx_bytes(units: QuerySet[OrgUnit]) -> bytes:
    buffer = io.BytesIO()
    write_xlsx(units, buffer)
    return buffer.getvalue()
