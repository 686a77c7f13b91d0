"""Scope in the views: a department sees its own decisions only; URL guessing gives 404."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tadarki.committees import services
from tadarki.committees.models import AgendaItem, Evidence, Occurrence


@pytest.fixture
def meeting(committee, users, org):
    m = services.create_meeting(
        committee, by=users["ict"], date=date(2025, 1, 5), issued_on=date(2025, 1, 6)
    )
    item = AgendaItem.objects.create(meeting=m, number="১.০", title="পাসপোর্ট অফিস")
    services.add_decision(item, "পাসপোর্ট সংক্রান্ত সিদ্ধান্ত", label="ক", units=[org["dip"]])
    item2 = AgendaItem.objects.create(meeting=m, order=1, number="২.০", title="কারাগার")
    services.add_decision(item2, "কারাগার সংক্রান্ত সিদ্ধান্ত", label="ক", units=[org["prisons"]])
    return m


def _occ(unit):
    return Occurrence.objects.get(assignment__unit=unit)


def test_department_sees_only_its_decisions(client, users, meeting):
    client.force_login(users["dip"])
    page = client.get(f"/committees/meetings/{meeting.pk}/").content.decode()
    assert "পাসপোর্ট সংক্রান্ত সিদ্ধান্ত" in page
    assert "কারাগার সংক্রান্ত সিদ্ধান্ত" not in page
    listing = client.get("/committees/decisions/").content.decode()
    assert "পাসপোর্ট সংক্রান্ত" in listing and "কারাগার সংক্রান্ত" not in listing


def test_another_departments_decision_is_404_even_by_url(client, users, meeting, org):
    client.force_login(users["dip"])
    prisons = _occ(org["prisons"])
    assert client.get(f"/committees/tasks/{prisons.pk}/").status_code == 404
    response = client.post(f"/committees/tasks/{prisons.pk}/", {"status": "reported", "note": "x"})
    assert response.status_code == 404
    prisons.refresh_from_db()
    assert prisons.status == "not_started"


def test_focal_point_reports_progress_with_evidence(
    client, users, meeting, org, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(users["dip"])
    dip = _occ(org["dip"])
    pdf = SimpleUploadedFile("proof.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    response = client.post(
        f"/committees/tasks/{dip.pk}/", {"status": "reported", "note": "সম্পন্ন", "file": pdf}
    )
    assert response.status_code == 302
    dip.refresh_from_db()
    assert dip.status == "reported"
    evidence = Evidence.objects.get()
    assert (tmp_path / evidence.file.name).exists()
    # The focal point cannot confirm their own work: the option is not offered.
    response = client.post(f"/committees/tasks/{dip.pk}/", {"status": "confirmed"})
    assert response.status_code == 200
    dip.refresh_from_db()
    assert dip.status == "reported"
    # The other department cannot fetch the evidence.
    client.force_login(users["prisons"])
    assert client.get(f"/committees/evidence/{evidence.pk}/").status_code == 404


def test_evidence_must_be_what_it_claims_and_within_the_cap(
    client, users, meeting, org, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(users["dip"])
    dip = _occ(org["dip"])
    fake = SimpleUploadedFile("proof.pdf", b"MZ\x90\x00 not a pdf")
    client.post(f"/committees/tasks/{dip.pk}/", {"status": "in_progress", "file": fake})
    exe = SimpleUploadedFile("tool.exe", b"MZ\x90\x00")
    client.post(f"/committees/tasks/{dip.pk}/", {"status": "in_progress", "file": exe})
    settings.TADARKI_MAX_UPLOAD_BYTES = 10
    big = SimpleUploadedFile("big.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    client.post(f"/committees/tasks/{dip.pk}/", {"status": "in_progress", "file": big})
    assert not Evidence.objects.exists()
    dip.refresh_from_db()
    assert dip.status == "not_started"


def test_committee_member_reads_but_cannot_change(client, users, meeting, org):
    client.force_login(users["member"])
    dip = _occ(org["dip"])
    assert client.get(f"/committees/tasks/{dip.pk}/").status_code == 200
    assert client.post(f"/committees/tasks/{dip.pk}/", {"status": "in_progress"}).status_code == 403
    assert client.post(f"/committees/{meeting.committee_id}/prepare/").status_code == 403
    page = client.get(f"/committees/meetings/{meeting.pk}/").content.decode()
    assert "কারাগার সংক্রান্ত সিদ্ধান্ত" in page and "পাসপোর্ট সংক্রান্ত সিদ্ধান্ত" in page


def test_committee_page_counts_and_marks_overdue(client, users, meeting, org):
    client.force_login(users["ict"])
    Occurrence.objects.update(due_date=date(2020, 1, 1))
    page = client.get(f"/committees/{meeting.committee_id}/").content.decode()
    assert 'class="flag-overdue"' in page
    listing = client.get("/committees/decisions/?overdue=1").content.decode()
    assert listing.count('class="occurrence overdue"') == 2
    assert client.get("/committees/").status_code == 200


def test_whole_minutes_are_for_the_committee_side_only(client, users, meeting):
    client.force_login(users["dip"])
    for suffix in ("minutes/", "minutes.docx"):
        assert client.get(f"/committees/meetings/{meeting.pk}/{suffix}").status_code == 404
    client.force_login(users["member"])
    response = client.get(f"/committees/meetings/{meeting.pk}/minutes.docx")
    assert response.status_code == 200 and response.content.startswith(b"PK")
