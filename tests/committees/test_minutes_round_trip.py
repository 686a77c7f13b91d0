"""Minutes out, then in: the DOCX we write reads back (tadarki.minutes) as the sample it was
recreated from, so issued minutes can be exchanged as Word files without losing decisions."""

import pytest

from tadarki.committees import minutes_docx, services

minutes = pytest.importorskip("tadarki.minutes")


@pytest.mark.parametrize("layout", ["sections", "table"])
def test_docx_reads_back_as_the_sample(committee, users, sample_json, tmp_path, layout):
    if not hasattr(minutes, "parse_file"):
        pytest.skip("the minutes parser is not installed")
    expected = sample_json("website-monitoring-17th-2025.json")
    meeting = services.import_minutes(expected, committee, by=users["ict"])
    meeting.distribution = (
        "অধিদপ্তর প্রধান (সকল), সুরক্ষা সেবা বিভাগ।\nউপসচিব, প্রশাসন-১ শাখা।\nসহঃ প্রোগ্রামার, আইসিটি সেল।"
    )
    meeting.layout = layout
    meeting.save()
    path = tmp_path / "minutes.docx"
    path.write_bytes(minutes_docx.render(meeting))

    parsed = minutes.parse_file(path)
    assert parsed["distribution_count"] == 3
    for key in ("title", "memo_number", "issued_on", "meeting", "signatory"):
        assert parsed[key] == expected[key], key
    assert [i["number"] for i in parsed["agenda_items"]] == [
        i["number"] for i in expected["agenda_items"]
    ]
    for got, want in zip(parsed["agenda_items"], expected["agenda_items"], strict=True):
        assert got["implementers"] == want["implementers"]
        assert [(d["label"], d["text"], d["deadline"]) for d in got["decisions"]] == [
            (d["label"], d["text"], d["deadline"]) for d in want["decisions"]
        ]
