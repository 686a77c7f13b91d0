import io
from datetime import date

import pytest

from tadarki.registry import actions
from tadarki.registry.models import Officer, OrgUnit, RegistryChange


@pytest.mark.django_db
def test_tree_counts_offices_and_portals(client, ict):
    client.force_login(ict)
    body = client.get("/registry/").content.decode()
    # Narcotics Control: head office + 4 field offices, 4 of them with portals (Sirajganj has none).
    assert "৫টি অফিস" in body or "৫ অফিস" in body or "5 offices" in body
    assert 'data-code="dnc-sirajganj"' in body


@pytest.mark.django_db
def test_office_page_shows_portal_officers_place_and_history(client, ict, seeded):
    unit = seeded["dnc-manikganj"]
    officer = Officer.objects.create(unit=unit, name="জনাব খ", designation="সহকারী পরিচালক")
    officer.roles.create(role="rti-designated")
    actions.rename_unit(unit, name_bn="নতুন নাম", by=ict, on=date(2025, 1, 1), reason="আদেশ")
    client.force_login(ict)
    body = client.get("/registry/unit/dnc-manikganj/").content.decode()
    assert "dnc.manikganj.gov.bd" in body
    assert "জনাব খ" in body
    assert 'href="/registry/unit/dnc/"' in body  # breadcrumb
    assert "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর, আঞ্চলিক অফিস, মানিকগঞ্জ" in body  # old name in history
    assert "আদেশ" in body


@pytest.mark.django_db
def test_search_by_alias_english_name_host_and_district(client, ict):
    client.force_login(ict)
    for query in ["ইমিগ্রেশন", "Narcotics", "prisonkashim2", "Sherpur", "শেরপুর"]:
        body = client.get("/registry/search/", {"q": query}).content.decode()
        assert "/registry/unit/" in body, query


@pytest.mark.django_db
def test_upload_preview_confirm_applies_the_import(client, ict):
    client.force_login(ict)
    upload = io.BytesIO(
        b"code,parent_code,kind,name_bn,district\ndnc-pabna,dnc,office,\xe0\xa6\xaa,pabna\n"
    )
    upload.name = "units.csv"
    preview = client.post("/registry/import/", {"file": upload})
    assert preview.status_code == 200
    assert not OrgUnit.objects.filter(code="dnc-pabna").exists()
    token = preview.context["token"]
    response = client.post(
        f"/registry/import/{token}/confirm/", {"reason": "নতুন অফিস"}, follow=True
    )
    assert response.redirect_chain == [("/registry/", 302)]
    assert 'class="message success"' in response.content.decode()
    assert "ইমপোর্ট সম্পন্ন: ১টি নতুন" in response.content.decode()
    assert OrgUnit.objects.filter(code="dnc-pabna").exists()
    assert RegistryChange.objects.filter(action="import", by=ict, reason="নতুন অফিস").exists()
    # The token is spent: confirming again finds nothing.
    assert client.post(f"/registry/import/{token}/confirm/").status_code == 404


@pytest.mark.django_db
def test_confirm_with_a_token_from_another_session_is_404(client, ict, dnc_focal):
    client.force_login(ict)
    upload = io.BytesIO(b"code,parent_code,kind,name_bn\ndnc-x,dnc,office,x\n")
    upload.name = "u.csv"
    token = client.post("/registry/import/", {"file": upload}).context["token"]
    client.force_login(dnc_focal)
    assert client.post(f"/registry/import/{token}/confirm/").status_code == 404


@pytest.mark.django_db
def test_oversized_upload_is_refused_from_its_content_length(client, ict, settings):
    settings.TADARKI_MAX_UPLOAD_BYTES = 1000
    client.force_login(ict)
    upload = io.BytesIO(b"code,parent_code,kind,name_bn\n" + b"x" * 100_000)
    upload.name = "u.csv"
    response = client.post("/registry/import/", {"file": upload})
    assert response.status_code == 413
