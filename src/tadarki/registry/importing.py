"""Registry import from CSV or XLSX: plan first, then apply all or nothing.

`plan_import` reads and validates the whole file and compares it with the database without
changing anything; `apply_import` writes a plan that has no errors in one transaction.
Rows are upserted by `code`, so importing the same file twice changes nothing. Units and
officers missing from the file are left alone (an import never deletes).

Row numbers are spreadsheet row numbers: the header is row 1, the first unit is row 2.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tadarki.bangla.digits import to_bengali
from tadarki.registry.models import (
    District,
    Officer,
    OfficerRole,
    OrgUnit,
    RegistryChange,
    portal_key,
)

UNIT_COLUMNS = [
    "code", "parent_code", "kind", "office_kind", "name_bn", "name_en", "aliases", "district",
    "portal_url", "portal_maintainer", "facebook_url", "youtube_url", "email",
]  # fmt: skip
REQUIRED_UNIT_COLUMNS = ["code", "parent_code", "kind", "name_bn"]
OFFICER_COLUMNS = ["unit_code", "name", "designation", "email", "phone", "roles"]
REQUIRED_OFFICER_COLUMNS = ["unit_code", "name"]
LIST_SEPARATOR = "|"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

# Fields compared and written per unit, in column order (aliases handled apart).
UNIT_FIELDS = [
    "parent_code", "kind", "office_kind", "name_bn", "name_en", "district", "portal_url",
    "portal_maintainer", "facebook_url", "youtube_url", "email",
]  # fmt: skip
OFFICER_FIELDS = ["designation", "email", "phone", "roles"]


def _n(number: int) -> str:
    """A row number as the reader's language writes it (৩ on Bengali pages)."""
    return to_bengali(number) if (get_language() or "bn").startswith("bn") else str(number)


CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
_url = URLValidator(schemes=["http", "https"])
_email = EmailValidator()


@dataclass
class RowError:
    """One problem, placed where a person can find it: sheet, row and column."""

    row: int | None
    column: str
    message: str
    sheet: str = "units"

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        return _("Row %(row)s, column “%(column)s”: %(message)s") % {
            "row": _n(self.row),
            "column": self.column,
            "message": self.message,
        }


@dataclass
class RowChange:
    row: int
    key: str  # unit code, or "unit_code / officer name"
    action: str  # "create" | "update" | "unchanged"
    changed: dict[str, tuple[str, str]] = field(default_factory=dict)  # field -> (old, new)
    values: dict[str, str] = field(default_factory=dict)
    sheet: str = "units"


@dataclass
class ImportPlan:
    filename: str
    errors: list[RowError] = field(default_factory=list)
    changes: list[RowChange] = field(default_factory=list)
    officer_changes: list[RowChange] = field(default_factory=list)
    unit_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes + self.officer_changes if c.action == action)

    @property
    def summary(self) -> dict[str, int]:
        return {a: self.count(a) for a in ("create", "update", "unchanged")}

    @property
    def has_changes(self) -> bool:
        return any(c.action != "unchanged" for c in self.changes + self.officer_changes)


class ImportRefused(Exception):
    """The file as a whole cannot be read (too big, wrong encoding, unknown format)."""


# --- reading ---------------------------------------------------------------------------------


def _max_bytes() -> int:
    return int(getattr(settings, "TADARKI_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES))


def _size_of(file: BinaryIO) -> int:
    size = getattr(file, "size", None)  # Django's UploadedFile knows it without reading
    if size is not None:
        return int(size)
    position = file.tell()
    file.seek(0, io.SEEK_END)
    size = file.tell()
    file.seek(position)
    return size


def _clean(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # spreadsheet numbers such as phone numbers
    return unicodedata.normalize("NFC", str(value)).strip()


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > 10:
        raise ImportRefused(
            _("The file is in UTF-16 encoding. Save it as “CSV UTF-8” and import it again.")
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportRefused(
            _(
                "The file is not UTF-8 text (row %(row)s has a byte UTF-8 does not allow; "
                "it may be Windows-1252/ANSI). Save it as “CSV UTF-8” and import it again."
            )
            % {"row": _n(line)}
        ) from None


def _read_csv(data: bytes) -> list[list[str]]:
    text = _decode(data)
    return [[_clean(c) for c in row] for row in csv.reader(io.StringIO(text, newline=""))]


def _read_xlsx(file: BinaryIO) -> dict[str, list[list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise ImportRefused(_("The file is not a readable Excel (.xlsx) workbook.")) from None
    sheets = {}
    for sheet in workbook.worksheets:
        rows = [[_clean(c) for c in row] for row in sheet.iter_rows(values_only=True)]
        while rows and not any(rows[-1]):
            rows.pop()
        sheets[sheet.title.strip().lower()] = rows
    workbook.close()
    return sheets


def read_tables(file: BinaryIO | str | Path, filename: str) -> dict[str, list[list[str]]]:
    """The file's tables as {"units": rows, "officers": rows}; rows include the header."""
    if isinstance(file, (str, Path)):
        with open(file, "rb") as handle:
            return read_tables(handle, filename or str(file))
    limit = _max_bytes()
    size = _size_of(file)
    if size > limit:
        raise ImportRefused(
            _("The file is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": _n(round(size / 1048576, 1)), "limit": _n(round(limit / 1048576, 1))}
        )
    suffix = Path(filename).suffix.lower()
    if suffix == ".xlsx":
        sheets = _read_xlsx(file)
        if not sheets:
            raise ImportRefused(_("The workbook has no sheets."))
        units = sheets.get("units", next(iter(sheets.values())))
        tables = {"units": units}
        if "officers" in sheets:
            tables["officers"] = sheets["officers"]
        return tables
    if suffix == ".csv":
        rows = _read_csv(file.read(limit + 1))
        header = rows[0] if rows else []
        # A CSV holds one table; the officers file is told apart by its header.
        if "unit_code" in header and "code" not in header:
            return {"officers": rows}
        return {"units": rows}
    raise ImportRefused(_("Only .csv and .xlsx files can be imported."))


# --- planning --------------------------------------------------------------------------------


def _header(rows, required, known, sheet, errors) -> list[str] | None:
    if not rows:
        errors.append(RowError(None, "", _("The file is empty."), sheet))
        return None
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in required if c not in header]
    if missing:
        errors.append(
            RowError(
                1,
                ", ".join(missing),
                _("Missing required column(s): %(columns)s.") % {"columns": ", ".join(missing)},
                sheet,
            )
        )
    for name in header:
        if name and name not in known:
            errors.append(RowError(1, name, _("Unknown column."), sheet))
    seen = set()
    for name in header:
        if name and name in seen:
            errors.append(RowError(1, name, _("The column appears twice."), sheet))
        seen.add(name)
    return None if missing else header


def _records(rows, header):
    for number, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue  # blank lines are not rows of data
        values = {name: (row[i] if i < len(row) else "") for i, name in enumerate(header) if name}
        yield number, values


def _district_index() -> dict[str, District]:
    index = {}
    for d in District.objects.all():
        for key in (d.slug, d.name_bn, d.name_en.lower()):
            index[key] = d
    return index


def _unit_values(unit: OrgUnit) -> dict[str, str]:
    return {
        "parent_code": unit.parent.code if unit.parent_id else "",
        "kind": unit.kind,
        "office_kind": unit.office_kind,
        "name_bn": unit.name_bn,
        "name_en": unit.name_en,
        "district": unit.district.slug if unit.district_id else "",
        "portal_url": unit.portal_url,
        "portal_maintainer": unit.portal_maintainer,
        "facebook_url": unit.facebook_url,
        "youtube_url": unit.youtube_url,
        "email": unit.email,
    }


def _aliases_of(unit: OrgUnit) -> str:
    return LIST_SEPARATOR.join(sorted(a.name for a in unit.aliases.all()))


def _norm_list(text: str) -> str:
    return LIST_SEPARATOR.join(sorted({p.strip() for p in text.split(LIST_SEPARATOR) if p.strip()}))


def _plan_units(rows, plan: ImportPlan, user) -> dict[str, int]:
    """Validate unit rows and record their changes; returns {code: row} of the file's units."""
    from tadarki.accounts import scope

    errors = plan.errors
    header = _header(rows, REQUIRED_UNIT_COLUMNS, UNIT_COLUMNS, "units", errors)
    if header is None:
        return {}
    plan.unit_columns = [c for c in UNIT_COLUMNS if c in header]
    records = list(_records(rows, header))
    editable = scope.editable_units(user) if user is not None else OrgUnit.objects.all()
    codes_in_file: dict[str, int] = {}
    file_portals: dict[str, str] = {}
    for number, values in records:
        code = values.get("code", "")
        if code and code not in codes_in_file:
            codes_in_file[code] = number
            if "portal_url" in values:
                file_portals[code] = portal_key(values["portal_url"])
    existing = {
        u.code: u
        for u in OrgUnit.objects.filter(
            code__in=[*codes_in_file, *(v.get("parent_code", "") for _n, v in records)]
        )
        .select_related("parent", "district")
        .prefetch_related("aliases")
    }
    editable_ids = set(editable.filter(code__in=list(existing)).values_list("pk", flat=True))
    districts = _district_index()
    kinds = set(OrgUnit.Kind.values)
    office_kinds = set(OrgUnit.OfficeKind.values)
    maintainers = set(OrgUnit.Maintainer.values)
    portals_in_file: dict[str, int] = {}
    parents_in_file: dict[str, str] = {}
    seen: dict[str, int] = {}

    def error(number, column, message):
        errors.append(RowError(number, column, message))

    for number, values in records:
        code = values.get("code", "")
        row_errors = len(errors)
        if not code:
            error(number, "code", _("A code is required."))
            continue
        if not CODE_RE.match(code):
            error(number, "code", _("Use lower-case Latin letters, digits and hyphens only."))
        if code in seen:
            error(
                number,
                "code",
                _("Duplicate code; already used on row %(row)s.") % {"row": _n(seen[code])},
            )
            continue
        seen[code] = number
        unit = existing.get(code)
        if unit is not None and unit.pk not in editable_ids:
            # Same message whether it exists elsewhere or not: guessing must not reveal units.
            error(number, "code", _("This code is not available to you."))
            continue
        if values.get("kind") not in kinds:
            error(
                number,
                "kind",
                _("Unknown kind; use one of: %(choices)s.") % {"choices": ", ".join(sorted(kinds))},
            )
        if values.get("office_kind") and values["office_kind"] not in office_kinds:
            error(
                number,
                "office_kind",
                _("Unknown office kind; use one of: %(choices)s.")
                % {"choices": ", ".join(sorted(office_kinds))},
            )
        if not values.get("name_bn"):
            error(number, "name_bn", _("The Bengali name is required."))
        for column in ("name_bn", "name_en"):
            if len(values.get(column, "")) > 250:
                error(number, column, _("Too long (at most 250 characters)."))
        parent_code = values.get("parent_code", "")
        if parent_code:
            if parent_code == code:
                error(number, "parent_code", _("A unit cannot be its own parent."))
            elif parent_code in codes_in_file:
                parents_in_file[code] = parent_code
            else:
                parent = existing.get(parent_code)
                unchanged = unit is not None and unit.parent_id and unit.parent.code == parent_code
                if parent is None or (parent.pk not in editable_ids and not unchanged):
                    error(
                        number,
                        "parent_code",
                        _("Unknown parent code “%(code)s”.") % {"code": parent_code},
                    )
        elif (
            user is not None
            and not scope.is_ict(user)
            and not (unit is not None and unit.parent_id is None)
        ):
            error(number, "parent_code", _("Only the ICT cell may add top-level units."))
        district = values.get("district", "")
        if district:
            found = districts.get(district) or districts.get(district.lower())
            if found is None:
                error(number, "district", _("Unknown district “%(name)s”.") % {"name": district})
            else:
                values["district"] = found.slug
        for column in ("portal_url", "facebook_url", "youtube_url"):
            url = values.get(column, "")
            if url:
                try:
                    _url(url)
                except ValidationError:
                    error(
                        number,
                        column,
                        _("Not a valid web address (it must start with http:// or https://)."),
                    )
        if values.get("portal_maintainer") and values["portal_maintainer"] not in maintainers:
            error(
                number,
                "portal_maintainer",
                _("Unknown maintainer; use one of: %(choices)s.")
                % {"choices": ", ".join(sorted(maintainers))},
            )
        if values.get("email"):
            try:
                _email(values["email"])
            except ValidationError:
                error(number, "email", _("Not a valid e-mail address."))
        key = portal_key(values.get("portal_url", ""))
        if key:
            if key in portals_in_file:
                error(
                    number,
                    "portal_url",
                    _("This portal is already given to another unit on row %(row)s.")
                    % {"row": _n(portals_in_file[key])},
                )
            portals_in_file[key] = number
            owner = (
                OrgUnit.objects.filter(portal_key=key, is_active=True).exclude(code=code).first()
            )
            # The file may hand the portal over: its owner's row gives it another address.
            handed_over = (
                owner is not None and owner.code in file_portals and file_portals[owner.code] != key
            )
            if owner is not None and not handed_over:
                shown = owner.name_bn if scope_can_view(user, owner) else _("another unit")
                error(
                    number,
                    "portal_url",
                    _("This portal already belongs to %(unit)s.") % {"unit": shown},
                )
        if len(errors) > row_errors:
            continue
        new = {f: values[f] for f in UNIT_FIELDS if f in values}
        if "aliases" in values:
            new["aliases"] = _norm_list(values["aliases"])
        if unit is None:
            plan.changes.append(RowChange(number, code, "create", values=new))
            continue
        old = _unit_values(unit)
        old["aliases"] = _aliases_of(unit)
        changed = {f: (old[f], v) for f, v in new.items() if old.get(f, "") != v}
        plan.changes.append(
            RowChange(number, code, "update" if changed else "unchanged", changed, new)
        )

    # A parent chain inside the file must end outside it, not loop.
    for code, number in codes_in_file.items():
        chain, current = {code}, parents_in_file.get(code)
        while current is not None:
            if current in chain:
                error(number, "parent_code", _("The parent codes form a loop."))
                break
            chain.add(current)
            current = parents_in_file.get(current)
    return codes_in_file


def scope_can_view(user, unit: OrgUnit) -> bool:
    from tadarki.accounts import scope

    return user is None or scope.can_view(user, unit)


def _plan_officers(rows, plan: ImportPlan, user, codes_in_file: dict[str, int]) -> None:
    from tadarki.accounts import scope

    errors = plan.errors
    header = _header(rows, REQUIRED_OFFICER_COLUMNS, OFFICER_COLUMNS, "officers", errors)
    if header is None:
        return
    editable = scope.editable_units(user) if user is not None else OrgUnit.objects.all()
    records = list(_records(rows, header))
    unit_codes = {v.get("unit_code", "") for _n, v in records}
    units = {u.code: u for u in editable.filter(code__in=unit_codes)}
    roles = set(OfficerRole.Role.values)
    seen: dict[tuple[str, str], int] = {}

    def error(number, column, message):
        errors.append(RowError(number, column, message, "officers"))

    for number, values in records:
        row_errors = len(errors)
        unit_code, name = values.get("unit_code", ""), values.get("name", "")
        if unit_code not in units and unit_code not in codes_in_file:
            error(number, "unit_code", _("Unknown unit code “%(code)s”.") % {"code": unit_code})
        if not name:
            error(number, "name", _("A name is required."))
        key = (unit_code, name)
        if key in seen:
            error(
                number,
                "name",
                _("Duplicate officer; already on row %(row)s.") % {"row": _n(seen[key])},
            )
        seen[key] = number
        if values.get("email"):
            try:
                _email(values["email"])
            except ValidationError:
                error(number, "email", _("Not a valid e-mail address."))
        role_list = [r.strip() for r in values.get("roles", "").split(LIST_SEPARATOR) if r.strip()]
        unknown = [r for r in role_list if r not in roles]
        if unknown:
            error(
                number,
                "roles",
                _("Unknown role(s) %(roles)s; use: %(choices)s.")
                % {"roles": ", ".join(unknown), "choices": ", ".join(sorted(roles))},
            )
        if len(errors) > row_errors:
            continue
        new = {f: values[f] for f in OFFICER_FIELDS if f in values}
        if "roles" in new:
            new["roles"] = _norm_list(new["roles"])
        label = f"{unit_code} / {name}"
        unit = units.get(unit_code)
        officer = unit.officers.filter(name=name).first() if unit is not None else None
        if officer is None:
            plan.officer_changes.append(
                RowChange(number, label, "create", values=new, sheet="officers")
            )
            continue
        old = {
            "designation": officer.designation,
            "email": officer.email,
            "phone": officer.phone,
            "roles": LIST_SEPARATOR.join(sorted(officer.roles.values_list("role", flat=True))),
        }
        changed = {f: (old[f], v) for f, v in new.items() if old[f] != v}
        plan.officer_changes.append(
            RowChange(number, label, "update" if changed else "unchanged", changed, new, "officers")
        )


def plan_import(file: BinaryIO | str | Path, filename: str = "", *, user=None) -> ImportPlan:
    """Read and check a registry file and say what importing it would change; writes nothing.

    `user` limits the import to the units that user may edit (None: no limit, e.g. the CLI).
    """
    filename = filename or str(getattr(file, "name", "") or file)
    plan = ImportPlan(filename=Path(filename).name)
    try:
        tables = read_tables(file, filename)
    except ImportRefused as exc:
        plan.errors.append(RowError(None, "", str(exc)))
        return plan
    codes: dict[str, int] = {}
    if "units" in tables:
        codes = _plan_units(tables["units"], plan, user)
    if "officers" in tables:
        _plan_officers(tables["officers"], plan, user, codes)
    return plan


# --- applying --------------------------------------------------------------------------------


@transaction.atomic
def _replace_listed(related, field_name: str, listed: str) -> None:
    """Make a related set (aliases, roles) hold exactly the `|`-separated values listed."""
    wanted = {v for v in listed.split(LIST_SEPARATOR) if v}
    related.exclude(**{f"{field_name}__in": wanted}).delete()
    for value in wanted - set(related.values_list(field_name, flat=True)):
        related.create(**{field_name: value})


def apply_import(plan: ImportPlan, *, by=None, reason: str = "") -> dict[str, int]:
    """Write a checked plan in one transaction; a plan with errors is refused."""
    from tadarki.registry.actions import record_change

    if plan.errors:
        raise ValueError("an import plan with errors cannot be applied")
    pending = [c for c in plan.changes if c.action != "unchanged"]
    by_code = {c.key: c for c in pending}
    units = {u.code: u for u in OrgUnit.objects.filter(code__in=[c.key for c in plan.changes])}
    districts = {d.slug: d for d in District.objects.all()}
    done: set[str] = set()

    def parent_of(change: RowChange):
        code = change.values.get("parent_code", "")
        if not code:
            return None
        if code in by_code and code not in done:
            write(by_code[code])  # parents first, whatever the file's order
        if code not in units:
            units[code] = OrgUnit.objects.get(code=code)
        return units[code]

    def record_row(change: RowChange, summary: str, unit: OrgUnit) -> None:
        record_change(
            RegistryChange.Action.CREATE
            if change.action == "create"
            else RegistryChange.Action.UPDATE,
            summary,
            by=by,
            unit=unit,
            reason=reason,
            details={"row": change.row, "changed": {k: list(v) for k, v in change.changed.items()}},
        )

    def write(change: RowChange) -> None:
        if change.key in done:
            return
        done.add(change.key)
        values = change.values
        unit = units.get(change.key) or OrgUnit(code=change.key)
        if "parent_code" in values:
            unit.parent = parent_of(change)
        for f in UNIT_FIELDS:
            if f in values and f not in ("parent_code", "district"):
                setattr(unit, f, values[f])
        if "district" in values:
            unit.district = districts.get(values["district"]) if values["district"] else None
        unit.save()
        units[change.key] = unit
        if "aliases" in values:
            _replace_listed(unit.aliases, "name", values["aliases"])
        record_row(change, f"import {plan.filename}: {change.action} {unit.code}", unit)

    for change in pending:
        write(change)

    officers_written = 0
    for change in plan.officer_changes:
        if change.action == "unchanged":
            continue
        unit_code, name = change.key.split(" / ", 1)
        unit = units.get(unit_code) or OrgUnit.objects.get(code=unit_code)
        officer, _created = Officer.objects.get_or_create(unit=unit, name=name)
        for f in ("designation", "email", "phone"):
            if f in change.values:
                setattr(officer, f, change.values[f])
        officer.save()
        if "roles" in change.values:
            _replace_listed(officer.roles, "role", change.values["roles"])
        record_row(change, f"import {plan.filename}: {change.action} officer {change.key}", unit)
        officers_written += 1

    counts = {
        "created": plan.count("create"),
        "updated": plan.count("update"),
        "unchanged": plan.count("unchanged"),
    }
    if pending or officers_written:
        record_change(
            RegistryChange.Action.IMPORT,
            f"import {plan.filename}",
            by=by,
            reason=reason,
            details=counts,
        )
    return counts
