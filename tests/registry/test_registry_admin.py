import pytest

from tadarki.accounts.models import User
from tadarki.registry.models import OrgUnit, RegistryChange


@pytest.fixture
def admin_client(client, seeded):
    client.force_login(User.objects.create_superuser("root", "root@example.gov.bd", "pw-123456"))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/registry/orgunit/", "/admin/registry/orgunit/add/", "/admin/registry/officer/add/",
        "/admin/registry/holiday/add/", "/admin/registry/district/", "/admin/registry/registrychange/",
        "/admin/registry/reorganisation/", "/admin/accounts/user/", "/admin/accounts/membership/add/",
    ],
)  # fmt: skip
def test_admin_pages_open(admin_client, url):
    assert admin_client.get(url).status_code == 200


@pytest.mark.django_db
def test_admin_refuses_a_portal_of_another_unit_and_records_edits(admin_client, seeded):
    unit = seeded["dnc-sirajganj"]
    url = f"/admin/registry/orgunit/{unit.pk}/change/"
    form = {
        "parent": seeded["dnc"].pk, "kind": "office", "office_kind": "district",
        "code": unit.code, "name_bn": unit.name_bn, "name_en": unit.name_en,
        "district": unit.district_id, "portal_url": "https://dnc.chapainawabganj.gov.bd/",
        "is_active": "on",
        "aliases-TOTAL_FORMS": "0", "aliases-INITIAL_FORMS": "0",
        "versions-TOTAL_FORMS": "0", "versions-INITIAL_FORMS": "0",
    }  # fmt: skip
    response = admin_client.post(url, form)
    assert response.status_code == 200  # the form came back with an error
    assert "চাঁপাইনবাবগঞ্জ" in response.content.decode()
    unit.refresh_from_db()
    assert unit.portal_url == ""
    form["portal_url"] = "https://dnc.sirajganj.gov.bd/"
    assert admin_client.post(url, form).status_code == 302
    assert OrgUnit.objects.get(pk=unit.pk).portal_host == "dnc.sirajganj.gov.bd"
    change = RegistryChange.objects.filter(unit=unit, action="update").latest("at")
    assert change.by.username == "root" and "portal_url" in change.details["fields"]
