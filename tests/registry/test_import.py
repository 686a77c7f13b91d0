import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command

from tadarki.bangla.digits import to_ascii
from tadarki.registry import exporting
from tadarki.registry.importing import UNIT_COLUMNS, apply_import, plan_import
from tadarki.registry.models import Officer, OrgUnit, RegistryChange


def write_csv(path: Path, rows: list[dict], columns=UNIT_COLUMNS, encoding="utf-8") -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def office(code, **extra):
    row = {
        "code": code, "parent_code": "dnc", "kind": "office", "office_kind": "district",
        "name_bn": f"অফিস {code}", "district": "sirajganj",
    }  # fmt: skip
    row.update(extra)
    return row


def snapshot():
    return sorted(
        OrgUnit.objects.values_list("code", "name_bn", "parent_id", "portal_url", "district_id")
    )


@pytest.mark.django_db
def test_good_file_creates_and_updates_and_records_who(seeded, ict, tmp_path):
    path = write_csv(
        tmp_path / "units.csv",
        [
            office(
                "dnc-pabna",
                district="pabna",
                portal_url="https://dnc.pabna.gov.bd/",
                aliases="মাদক পাবনা|DNC Pabna",
            ),
            {**office("dnc-sirajganj"), "name_bn": "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর, সিরাজগঞ্জ"},
            office("dnc-pabna-sub", parent_code="dnc-pabna", kind="section", office_kind=""),
        ],
    )
    plan = plan_import(path, "units.csv", user=ict)
    assert plan.errors == []
    assert {c.key: c.action for c in plan.changes} == {
        "dnc-pabna": "create", "dnc-sirajganj": "update", "dnc-pabna-sub": "create",
    }  # fmt: skip
    assert "name_bn" in plan.changes[1].changed
    apply_import(plan, by=ict)
    pabna = OrgUnit.objects.get(code="dnc-pabna")
    assert pabna.portal_host == "dnc.pabna.gov.bd" and pabna.district.slug == "pabna"
    assert set(pabna.aliases.values_list("name", flat=True)) == {"মাদক পাবনা", "DNC Pabna"}
    assert OrgUnit.objects.get(code="dnc-pabna-sub").path.startswith(pabna.path)
    assert RegistryChange.objects.filter(by=ict, action="import").count() == 1


@pytest.mark.django_db
def test_importing_the_same_file_twice_changes_nothing(seeded, tmp_path):
    path = write_csv(tmp_path / "u.csv", [office("dnc-pabna", aliases="ক|খ")])
    apply_import(plan_import(path, "u.csv"))
    before, changes = snapshot(), RegistryChange.objects.count()
    again = plan_import(path, "u.csv")
    assert [c.action for c in again.changes] == ["unchanged"] and not again.has_changes
    apply_import(again)
    assert snapshot() == before and RegistryChange.objects.count() == changes


@pytest.mark.django_db
def test_bad_row_reports_row_and_column_and_changes_nothing(seeded, tmp_path):
    before = snapshot()
    path = write_csv(
        tmp_path / "u.csv",
        [office("dnc-pabna"), office("dnc-natore", portal_url="not a url"), office("dnc-bogra")],
    )
    plan = plan_import(path, "u.csv")
    assert [(e.row, e.column) for e in plan.errors] == [(3, "portal_url")]
    assert "3" in to_ascii(str(plan.errors[0])) and "portal_url" in str(plan.errors[0])
    with pytest.raises(ValueError):
        apply_import(plan)
    assert snapshot() == before


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ({"parent_code": "no-such-unit"}, "parent_code"),
        ({"district": "atlantis"}, "district"),
        ({"kind": "planet"}, "kind"),
        ({"office_kind": "castle"}, "office_kind"),
        ({"name_bn": ""}, "name_bn"),
        ({"code": "Bad Code!"}, "code"),
        ({"email": "not-an-email"}, "email"),
        ({"facebook_url": "ftp://x"}, "facebook_url"),
        ({"portal_maintainer": "nobody"}, "portal_maintainer"),
        # The minutes' slip: Sirajganj's portal written with Chapai Nawabganj's domain.
        ({"portal_url": "https://dnc.chapainawabganj.gov.bd/"}, "portal_url"),
    ],
)
@pytest.mark.django_db
def test_each_kind_of_bad_value_is_placed_on_its_column(seeded, tmp_path, row, column):
    path = write_csv(tmp_path / "u.csv", [office("dnc-ok"), {**office("dnc-x"), **row}])
    plan = plan_import(path, "u.csv")
    assert [(e.row, e.column) for e in plan.errors] == [(3, column)]


@pytest.mark.django_db
def test_duplicate_codes_and_portals_inside_the_file(seeded, tmp_path):
    path = write_csv(
        tmp_path / "u.csv",
        [
            office("dnc-a", portal_url="https://dnc.pabna.gov.bd"),
            office("dnc-a"),
            office("dnc-b", portal_url="http://dnc.pabna.gov.bd/"),
        ],
    )
    errors = plan_import(path, "u.csv").errors
    assert [(e.row, e.column) for e in errors] == [(3, "code"), (4, "portal_url")]
    assert "2" in to_ascii(errors[0].message)


@pytest.mark.django_db
def test_parent_loop_inside_the_file_is_refused(seeded, tmp_path):
    path = write_csv(
        tmp_path / "u.csv", [office("x-a", parent_code="x-b"), office("x-b", parent_code="x-a")]
    )
    assert {e.column for e in plan_import(path, "u.csv").errors} == {"parent_code"}


@pytest.mark.django_db
def test_missing_columns_are_named(seeded, tmp_path):
    path = write_csv(tmp_path / "u.csv", [office("x")], columns=["code", "name_bn"])
    errors = plan_import(path, "u.csv").errors
    assert len(errors) == 1 and errors[0].row == 1
    assert "parent_code" in errors[0].message and "kind" in errors[0].message


@pytest.mark.django_db
def test_utf16_file_gets_a_clear_message(seeded, tmp_path):
    path = write_csv(tmp_path / "u.csv", [office("dnc-x")], encoding="utf-16")
    errors = plan_import(path, "u.csv").errors
    assert len(errors) == 1 and "UTF-16" in errors[0].message


@pytest.mark.django_db
def test_cp1252_file_gets_a_clear_message_with_its_row(seeded, tmp_path):
    rows = [
        office("dnc-x", name_bn="Office X", name_en="Office"),
        office("dnc-y", name_bn="Office Y", name_en="Café"),
    ]
    path = write_csv(tmp_path / "u.csv", rows, encoding="cp1252")
    errors = plan_import(path, "u.csv").errors
    assert len(errors) == 1 and "UTF-8" in errors[0].message and "3" in to_ascii(errors[0].message)


@pytest.mark.django_db
def test_utf8_with_bom_is_read(seeded, tmp_path):
    path = write_csv(tmp_path / "u.csv", [office("dnc-x")], encoding="utf-8-sig")
    assert plan_import(path, "u.csv").errors == []


@pytest.mark.django_db
def test_fifty_megabyte_file_is_refused_without_reading_it(seeded, tmp_path, monkeypatch):
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk or in memory
        handle.write(b"code,parent_code,kind,name_bn\n")
        handle.truncate(50 * 1024 * 1024)
    from tadarki.registry import importing

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(importing, "_read_csv", no_reading)
    errors = plan_import(path, "huge.csv").errors
    assert len(errors) == 1 and "50" in to_ascii(errors[0].message) and errors[0].row is None


@pytest.mark.django_db
def test_unknown_extension_is_refused(seeded, tmp_path):
    path = tmp_path / "u.txt"
    path.write_text("code\n")
    assert len(plan_import(path, "u.txt").errors) == 1


@pytest.mark.django_db
def test_xlsx_round_trip_changes_nothing(seeded, tmp_path):
    unit = seeded["dnc-manikganj"]
    officer = Officer.objects.create(
        unit=unit, name="জনাব ক", designation="উপপরিচালক", phone="01711000000"
    )
    officer.roles.create(role="rti-designated")
    officer.roles.create(role="grs-focal")
    path = tmp_path / "registry.xlsx"
    path.write_bytes(exporting.xlsx_bytes(OrgUnit.objects.all()))
    plan = plan_import(path, "registry.xlsx")
    assert plan.errors == []
    assert {c.action for c in plan.changes + plan.officer_changes} == {"unchanged"}
    assert len(plan.changes) == OrgUnit.objects.count() and len(plan.officer_changes) == 1


@pytest.mark.django_db
def test_csv_round_trip_changes_nothing(seeded, tmp_path):
    path = tmp_path / "registry.csv"
    path.write_bytes(exporting.csv_bytes(OrgUnit.objects.all()))
    plan = plan_import(path, "registry.csv")
    assert plan.errors == [] and not plan.has_changes


@pytest.mark.django_db
def test_officers_csv_with_bad_role_is_placed(seeded, tmp_path):
    path = write_csv(
        tmp_path / "officers.csv",
        [
            {"unit_code": "dnc-manikganj", "name": "ক", "roles": "rti-designated|grs-focal"},
            {"unit_code": "dnc-manikganj", "name": "খ", "roles": "boss"},
            {"unit_code": "nowhere", "name": "গ"},
        ],
        columns=["unit_code", "name", "designation", "email", "phone", "roles"],
    )
    errors = plan_import(path, "officers.csv").errors
    assert [(e.sheet, e.row, e.column) for e in errors] == [
        ("officers", 3, "roles"), ("officers", 4, "unit_code"),
    ]  # fmt: skip


@pytest.mark.django_db
def test_commands_import_dry_run_and_export(seeded, tmp_path, capsys):
    path = write_csv(tmp_path / "u.csv", [office("dnc-pabna")])
    call_command("registry-import", str(path), "--dry-run")
    assert not OrgUnit.objects.filter(code="dnc-pabna").exists()
    call_command("registry-import", str(path))
    assert OrgUnit.objects.filter(code="dnc-pabna").exists()
    out = tmp_path / "out.xlsx"
    call_command("registry-export", str(out), "--format", "xlsx")
    assert plan_import(out, "out.xlsx").has_changes is False
    bad = write_csv(tmp_path / "bad.csv", [office("dnc-q", district="atlantis")])
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("registry-import", str(bad))
    assert "district" in capsys.readouterr().err


@pytest.mark.django_db
def test_xlsx_bad_row_is_placed_by_spreadsheet_row(seeded, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "units"
    sheet.append(["code", "parent_code", "kind", "name_bn", "district"])
    sheet.append(["dnc-pabna", "dnc", "office", "পাবনা", "pabna"])
    sheet.append([None, None, None, None, None])  # a blank row keeps its number
    sheet.append(["dnc-natore", "dnc", "office", "নাটোর", "atlantis"])
    sheet.append([None, None, None, None, None])
    path = tmp_path / "u.xlsx"
    workbook.save(path)
    plan = plan_import(path, "u.xlsx")
    assert [(e.row, e.column) for e in plan.errors] == [(4, "district")]


@pytest.mark.django_db
def test_a_csv_renamed_to_xlsx_is_refused_clearly(seeded, tmp_path):
    path = tmp_path / "u.xlsx"
    path.write_text("code,parent_code,kind,name_bn\n")
    errors = plan_import(path, "u.xlsx").errors
    assert len(errors) == 1 and "xlsx" in errors[0].message
