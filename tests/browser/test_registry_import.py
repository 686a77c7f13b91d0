"""In a real browser: sign in, read the tree in Bengali, import a file with one bad row."""

import csv

import pytest

from tadarki.accounts.models import Membership, Role, User
from tadarki.registry.models import OrgUnit
from tadarki.registry.seed import load_seed

HEADER = ["code", "parent_code", "kind", "office_kind", "name_bn", "district", "portal_url"]
ROWS = [
    ["dnc-pabna", "dnc", "office", "district", "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর, পাবনা", "pabna",
     "https://dnc.pabna.gov.bd/"],
    # Row 3 is bad: no such district.
    ["dnc-natore", "dnc", "office", "district", "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর, নাটোর", "atlantis", ""],
]  # fmt: skip


@pytest.fixture
def ict_user(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_seed()
    user = User.objects.create_user("ict", password="pw-123456")
    Membership.objects.create(user=user, role=Role.ICT_CELL, unit=OrgUnit.objects.get(code="ssd"))
    return user


def test_import_with_a_bad_row_shows_row_and_column_and_changes_nothing(
    live_server, page, ict_user, tmp_path
):
    bad = tmp_path / "units.csv"
    with bad.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *ROWS])
    units_before = OrgUnit.objects.count()

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "ict")
    page.fill("#id_password", "pw-123456")
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/registry/")
    assert page.locator("h1").inner_text() == "সাংগঠনিক নিবন্ধন"
    assert (
        page.locator("#registry-tree").get_by_text("মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর", exact=True).count()
        == 1
    )
    assert "টি অফিস" in page.locator("#registry-tree").inner_text()

    page.click("text=ইমপোর্ট")
    page.set_input_files("#id_file", str(bad))
    page.click("text=ফাইল যাচাই করুন")
    errors = page.locator("#import-errors tr.import-error")
    errors.first.wait_for()
    assert errors.count() == 1
    text = errors.first.inner_text()
    assert "৩" in text and "district" in text and "atlantis" in text
    assert page.locator("text=এই পরিবর্তনগুলো প্রয়োগ করুন").count() == 0  # no way to apply

    assert OrgUnit.objects.count() == units_before
    assert not OrgUnit.objects.filter(code__in=["dnc-pabna", "dnc-natore"]).exists()
    page.goto(f"{live_server.url}/registry/")
    assert page.locator('[data-code="dnc-pabna"]').count() == 0
    assert page.locator('[data-code="dnc-manikganj"]').count() == 1
