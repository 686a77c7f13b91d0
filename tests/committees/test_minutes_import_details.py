"""Minutes imported in whole: the discussion, opening, closing line, distribution list and
attendance annex read by `parse_*(details=True)` are saved with the meeting, so the DOCX
printed from it has the layout of the original and reads back as the same minutes."""

import pytest

from tadarki.committees import minutes_docx, services
from tadarki.committees.models import Meeting
from tadarki.minutes import parse_file

SAMPLE = "website-monitoring-17th-2025"
STANDARD_KEYS = (
    "title",
    "issuer",
    "meeting",
    "memo_number",
    "issued_on",
    "agenda_items",
    "portals_mentioned",
    "distribution_count",
    "signatory",
)
DETAIL_KEYS = ("opening", "closing", "distribution", "attendees")


def _standard(parsed: dict) -> dict:
    standard = {key: parsed[key] for key in STANDARD_KEYS}
    standard["agenda_items"] = [
        {k: v for k, v in item.items() if k != "discussion"} for item in parsed["agenda_items"]
    ]
    return standard


@pytest.fixture
def sample_path(shared_dir):
    return shared_dir / "samples" / "minutes" / f"{SAMPLE}.txt"


def test_imported_minutes_print_and_read_back_whole(
    committee, users, sample_json, sample_path, tmp_path
):
    parsed = parse_file(sample_path, details=True)
    meeting = services.import_minutes(parsed, committee, by=users["ict"])
    meeting.attendees = "খলিল আহমেদ, যুগ্মসচিব\nমোঃ আইয়ুব হোসেন, সিস্টেম এনালিস্ট"
    meeting.save()
    path = tmp_path / "minutes.docx"
    path.write_bytes(minutes_docx.render(meeting))

    again = parse_file(path, details=True)

    expected = sample_json(f"{SAMPLE}.json")
    assert _standard(again) == {key: expected[key] for key in STANDARD_KEYS}
    assert [i["discussion"] for i in again["agenda_items"]] == [
        i["discussion"] for i in parsed["agenda_items"]
    ]
    assert "অবিলম্বিত পাসপোর্টের সংখ্যা প্রকাশ করা নেই" in again["agenda_items"][0]["discussion"]
    for key in ("opening", "closing", "distribution"):
        assert again[key] == parsed[key], key
    assert again["opening"].endswith("সর্বসম্মতিক্রমে নিম্নলিখিত সিদ্ধান্তসমূহ গৃহীত হয়।")
    assert again["distribution"][2] == "উপসচিব, প্রশাসন-১ শাখা, সুরক্ষা সেবা বিভাগ।"
    assert again["attendees"] == ["খলিল আহমেদ, যুগ্মসচিব", "মোঃ আইয়ুব হোসেন, সিস্টেম এনালিস্ট"]


def test_import_keeps_what_the_parser_read(committee, users, sample_path):
    parsed = parse_file(sample_path, details=True)
    meeting = services.import_minutes(parsed, committee, by=users["ict"])

    assert meeting.opening == parsed["opening"]
    assert meeting.closing == "সভায় আর কোন আলোচনা না থাকায় সকলকে ধন্যবাদ জ্ঞাপন করে সভার সমাপ্তি ঘোষণা করা হয়।"
    assert meeting.distribution.splitlines() == parsed["distribution"]
    items = list(meeting.agenda_items.order_by("order"))
    assert [i.discussion for i in items] == [i["discussion"] for i in parsed["agenda_items"]]
    assert items[2].discussion.endswith("দায়েরকৃত মামলার সংখ্যা নিয়মিত প্রকাশের জন্য মতামত প্রকাশ করেন।")


def test_upload_review_imports_the_details(client, users, committee, sample_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(users["ict"])
    upload = SimpleUploadedFile(sample_path.name, sample_path.read_bytes(), "text/plain")
    response = client.post(f"/committees/{committee.pk}/import/", {"file": upload})
    assert response.status_code == 302

    review = client.get(f"/committees/{committee.pk}/import/review/").content.decode()
    assert 'id="parsed-opening"' in review and 'id="parsed-distribution"' in review
    assert review.count('class="parsed-discussion"') == 5

    client.post(f"/committees/{committee.pk}/import/review/", {})
    meeting = Meeting.objects.get()
    first = meeting.agenda_items.order_by("order").first()
    assert first.discussion.startswith("সিস্টেম এনালিস্ট সভাকে অবহিত করেন বিগত সভাসমূহে")
    assert meeting.opening.startswith("সভাপতি উপস্থিত সকলকে শুভেচ্ছা ও স্বাগত জানিয়ে")
    assert len(meeting.distribution.splitlines()) == 7


def test_table_layout_keeps_titles_and_discussion_apart(committee, users, sample_path, tmp_path):
    parsed = parse_file(sample_path, details=True)
    meeting = services.import_minutes(parsed, committee, by=users["ict"])
    meeting.layout = Meeting.Layout.TABLE
    meeting.save()
    path = tmp_path / "minutes-table.docx"
    path.write_bytes(minutes_docx.render(meeting))

    again = parse_file(path, details=True)

    assert [i["title"] for i in again["agenda_items"]] == [
        i["title"] for i in parsed["agenda_items"]
    ]
    assert "অবিলম্বিত পাসপোর্টের সংখ্যা প্রকাশ করা নেই" in again["agenda_items"][0]["discussion"]
