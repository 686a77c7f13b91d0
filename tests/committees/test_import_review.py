"""Minutes in: upload, review (implementers matched or left as free text), then save."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tadarki.committees.models import Assignment, Meeting


@pytest.fixture
def parser(monkeypatch, sample_json):
    """The real minutes parser when it is installed; else its expected output (the .json twin)."""
    import tadarki.minutes as minutes

    if not hasattr(minutes, "parse_file"):

        def parse_file(path, **options):
            return sample_json("citizen-charter-q3-2024.json")

        monkeypatch.setattr(minutes, "parse_file", parse_file, raising=False)


def test_upload_review_then_save(client, users, committee, org, parser, shared_dir):
    client.force_login(users["ict"])
    text = (shared_dir / "samples" / "minutes" / "citizen-charter-q3-2024.txt").read_bytes()
    upload = SimpleUploadedFile("citizen-charter-q3-2024.txt", text, content_type="text/plain")
    response = client.post(f"/committees/{committee.pk}/import/", {"file": upload})
    assert response.status_code == 302 and response["Location"].endswith("/import/review/")
    assert not Meeting.objects.exists()  # nothing saved before review

    review = client.get(f"/committees/{committee.pk}/import/review/").content.decode()
    assert "সেবা প্রদান প্রতিশ্রুতি বিষয়ে" in review
    assert "প্রশাসন-১ শাখা" in review and "unmatched" in review
    # Submit the review as shown, except that the section is mapped to a registry unit.
    rows = re.findall(
        r'<tr class="(?:un)?matched">\s*<td>(.*?)(?: <span.*?)?</td>\s*<td><select name="(map_\d+)"[^>]*>(.*?)</select>',
        review,
        re.S,
    )
    assert len(rows) >= 3
    form = {}
    for name, field, options in rows:
        if name.strip() == "প্রশাসন-১ শাখা":
            form[field] = [str(org["ict"].pk)]
        else:
            form[field] = re.findall(r'value="(\d+)" selected', options)
    response = client.post(f"/committees/{committee.pk}/import/review/", form)
    meeting = Meeting.objects.get()
    assert (
        response.status_code == 302
        and response["Location"] == f"/committees/meetings/{meeting.pk}/"
    )
    assert meeting.state == "issued" and meeting.memo_number == "৫৮.০০.০০০০.০১৮.৯৯.০০২.২১.৪৩"
    assert Assignment.objects.filter(
        decision__agenda_item__meeting=meeting, unit=org["ict"]
    ).exists()
    assert Assignment.objects.filter(
        decision__agenda_item__meeting=meeting, unit=org["fscd"]
    ).exists()


def test_upload_refuses_other_types_and_non_ict(client, users, committee):
    client.force_login(users["ict"])
    bad = SimpleUploadedFile("minutes.exe", b"MZ")
    response = client.post(f"/committees/{committee.pk}/import/", {"file": bad})
    assert response.status_code == 200 and not Meeting.objects.exists()
    client.force_login(users["dip"])
    assert client.get(f"/committees/{committee.pk}/import/").status_code in (403, 404)
