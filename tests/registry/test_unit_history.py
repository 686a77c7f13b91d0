from datetime import date

import pytest
from django.db import IntegrityError

from tadarki.registry import actions
from tadarki.registry.models import OrgUnit, RegistryChange, Reorganisation


@pytest.mark.django_db
def test_rename_keeps_the_old_name_for_earlier_dates(seeded, ict):
    dip = seeded["dip"]
    actions.rename_unit(
        dip, name_bn="ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর", by=ict, on=date(2024, 7, 1), reason="gazette"
    )
    dip.refresh_from_db()
    assert dip.name_bn == "ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর"
    assert actions.unit_as_of(dip, date(2023, 9, 26)).name_bn == "বহিরাগমন ও পাসপোর্ট অধিদপ্তর"
    assert actions.unit_as_of(dip, date(2024, 7, 1)).name_bn == "ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর"
    assert actions.unit_as_of(dip, date(2025, 8, 21)).name_bn == "ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর"
    change = RegistryChange.objects.get(unit=dip, action="reorganise")
    assert change.by == ict and change.reason == "gazette"
    assert Reorganisation.objects.get().kind == "rename"


@pytest.mark.django_db
def test_two_renames_give_three_periods(seeded, ict):
    unit = seeded["fscd-sherpur"]
    actions.rename_unit(unit, name_bn="নাম ২", by=ict, on=date(2022, 1, 1))
    actions.rename_unit(unit, name_bn="নাম ৩", by=ict, on=date(2024, 1, 1))
    assert actions.unit_as_of(unit, date(2021, 6, 1)).name_bn.startswith("ফায়ার সার্ভিস")
    assert actions.unit_as_of(unit, date(2023, 6, 1)).name_bn == "নাম ২"
    assert actions.unit_as_of(unit, date(2024, 6, 1)).name_bn == "নাম ৩"


@pytest.mark.django_db
def test_move_changes_path_of_subtree_and_keeps_old_parent(seeded, ict):
    office = seeded["dip-rpo-lakshmipur"]
    actions.move_unit(office, new_parent=seeded["dip"], by=ict, on=date(2025, 1, 1))
    office.refresh_from_db()
    assert office.parent == seeded["dip"]
    assert office.path.startswith(seeded["dip"].path)
    assert (
        actions.unit_as_of(office, date(2024, 12, 31)).parent_id == seeded["dip-div-chittagong"].pk
    )
    assert actions.unit_as_of(office, date(2025, 1, 1)).parent_id == seeded["dip"].pk
    with pytest.raises(ValueError):
        actions.move_unit(seeded["dip"], new_parent=office, by=ict, on=date(2025, 2, 1))


@pytest.mark.django_db
def test_merge_deactivates_sources_and_moves_children(seeded, ict):
    a, b = seeded["dnc-manikganj"], seeded["dnc-moulvibazar"]
    child = OrgUnit.objects.create(parent=a, kind="section", code="dnc-manikganj-sub", name_bn="শাখা")
    merged = actions.merge_units(
        [a, b], code="dnc-merged", name_bn="একীভূত অফিস", by=ict, on=date(2025, 3, 1)
    )
    a.refresh_from_db()
    child.refresh_from_db()
    assert not a.is_active and child.parent == merged
    assert child.path.startswith(merged.path)
    assert actions.unit_as_of(child, date(2025, 2, 1)).parent_id == a.pk
    reorg = Reorganisation.objects.get(kind="merge")
    assert set(reorg.sources.all()) == {a, b} and list(reorg.results.all()) == [merged]


@pytest.mark.django_db
def test_split_creates_parts_and_closes_the_original(seeded, ict):
    unit = seeded["prison-kashimpur2"]
    parts = actions.split_unit(
        unit,
        parts=[{"code": "kashim-a", "name_bn": "অংশ ক"}, {"code": "kashim-b", "name_bn": "অংশ খ"}],
        by=ict,
        on=date(2025, 5, 1),
    )
    unit.refresh_from_db()
    assert not unit.is_active
    assert [p.parent_id for p in parts] == [unit.parent_id, unit.parent_id]
    assert actions.unit_as_of(unit, date(2025, 4, 30)).valid_to == date(2025, 5, 1)


@pytest.mark.django_db
def test_database_refuses_one_portal_for_two_active_units(seeded):
    with pytest.raises(IntegrityError):
        OrgUnit.objects.create(
            parent=seeded["dnc"],
            kind="office",
            code="dnc-sirajganj-bad",
            name_bn="ভুল",
            portal_url="http://DNC.chapainawabganj.gov.bd",
        )
