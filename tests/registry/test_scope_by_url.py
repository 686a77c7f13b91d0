"""A department user cannot see another department's units, however the URL is guessed."""

import io

import pytest

from tadarki.accounts.models import Role

OTHER_DEPARTMENT = "dip-rpo-lakshmipur"  # a passport office; the user is Narcotics Control's


@pytest.mark.django_db
def test_office_page_of_another_department_is_404(client, dnc_focal):
    client.force_login(dnc_focal)
    assert client.get("/registry/unit/dnc-manikganj/").status_code == 200
    assert client.get(f"/registry/unit/{OTHER_DEPARTMENT}/").status_code == 404
    assert client.get("/registry/unit/ssd/").status_code == 404
    assert client.get("/registry/unit/no-such-unit/").status_code == 404


@pytest.mark.django_db
def test_tree_shows_only_own_subtree(client, dnc_focal):
    client.force_login(dnc_focal)
    body = client.get("/registry/").content.decode()
    assert "dnc.manikganj.gov.bd" in body
    assert "passport.lakshmipur.gov.bd" not in body and "কারা অধিদপ্তর" not in body


@pytest.mark.django_db
def test_search_does_not_find_other_departments(client, dnc_focal):
    client.force_login(dnc_focal)
    assert "/registry/unit/dip" not in client.get("/registry/search/?q=passport").content.decode()
    found = client.get("/registry/search/?q=মানিকগঞ্জ").content.decode()
    assert "/registry/unit/dnc-manikganj/" in found


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/registry/export/registry.csv", "/registry/export/registry.xlsx"])
def test_export_holds_only_own_subtree(client, dnc_focal, url):
    from tadarki.registry.importing import read_tables

    client.force_login(dnc_focal)
    response = client.get(url)
    assert response.status_code == 200
    name = url.rsplit("/", 1)[1]
    rows = read_tables(io.BytesIO(response.content), name)["units"]
    codes = {row[0] for row in rows[1:]}
    assert "dnc-manikganj" in codes and "dnc" in codes
    assert not any(c.startswith(("dip", "prison", "fscd", "ssd", "psd")) for c in codes)


@pytest.mark.django_db
def test_import_preview_does_not_reveal_or_touch_other_departments(client, dnc_focal):
    client.force_login(dnc_focal)
    csv_text = (
        "code,parent_code,kind,name_bn,portal_url\n"
        f"{OTHER_DEPARTMENT},dip-div-chittagong,office,দখল,\n"
        "dnc-new,dip,office,নতুন,\n"
        "dnc-new2,dnc,office,নতুন ২,https://passport.brahmanbaria.gov.bd/\n"
    )
    upload = io.BytesIO(csv_text.encode())
    upload.name = "units.csv"
    body = client.post("/registry/import/", {"file": upload}).content.decode()
    assert "ব্রাহ্মণবাড়িয়া" not in body  # the portal's owner is not named
    assert "বহিরাগমন" not in body
    assert body.count('class="import-error"') == 3


@pytest.mark.django_db
def test_office_editor_sees_only_their_office(client, seeded, make_user):
    editor = make_user("editor", Role.OFFICE_EDITOR, seeded["dnc-manikganj"])
    client.force_login(editor)
    assert client.get("/registry/unit/dnc-manikganj/").status_code == 200
    assert client.get("/registry/unit/dnc-moulvibazar/").status_code == 404
    assert client.get("/registry/unit/dnc/").status_code == 404


@pytest.mark.django_db
def test_committee_member_reads_but_cannot_import(client, seeded, make_user):
    member = make_user("member", Role.COMMITTEE_MEMBER, seeded["ssd"])
    client.force_login(member)
    assert client.get(f"/registry/unit/{OTHER_DEPARTMENT}/").status_code == 200
    assert client.get("/registry/unit/police/").status_code == 404  # another division
    assert client.get("/registry/import/").status_code == 404


@pytest.mark.django_db
def test_ict_cell_sees_everything(client, ict):
    client.force_login(ict)
    assert client.get("/registry/unit/police/").status_code == 200
    assert client.get(f"/registry/unit/{OTHER_DEPARTMENT}/").status_code == 200


@pytest.mark.django_db
def test_anonymous_users_are_sent_to_login(client, seeded):
    response = client.get("/registry/unit/dnc/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_department_user_can_reimport_their_own_export_and_add_offices(client, dnc_focal):
    from tadarki.registry.importing import plan_import

    client.force_login(dnc_focal)
    exported = client.get("/registry/export/registry.xlsx").content
    plan = plan_import(io.BytesIO(exported), "registry.xlsx", user=dnc_focal)
    assert plan.errors == [] and not plan.has_changes  # 'dnc' keeps its hidden parent 'ssd'
    new_office = b"code,parent_code,kind,name_bn\ndnc-pabna,dnc,office,x\n"
    plan = plan_import(io.BytesIO(new_office), "u.csv", user=dnc_focal)
    assert plan.errors == [] and plan.summary["create"] == 1
    top_level = b"code,parent_code,kind,name_bn\nrogue,,ministry,x\n"
    errors = plan_import(io.BytesIO(top_level), "u.csv", user=dnc_focal).errors
    assert [(e.row, e.column) for e in errors] == [(2, "parent_code")]
