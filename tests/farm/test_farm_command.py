"""`python -m tadarki.farm csv|truth` write what `tadarki audit` and the tests read."""

import csv
import json

from tadarki.farm.__main__ import main


def test_csv_lists_offices_with_urls_and_departments(tmp_path):
    out = tmp_path / "offices.csv"
    assert main(["csv", "--portals", "5", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["url"] for r in rows][:2] == [
        "http://passport.lakshmipur.gov.bd/",
        "http://dnc.manikganj.gov.bd/",
    ]
    assert rows[0]["office"] == "আঞ্চলিক পাসপোর্ট অফিস, লক্ষ্মীপুর"
    assert rows[0]["department"] == "বহিরাগমন ও পাসপোর্ট অধিদপ্তর"


def test_truth_is_written_as_json(tmp_path):
    out = tmp_path / "truth.json"
    assert main(["truth", "--portals", "4", "--json", str(out)]) == 0
    truth = json.loads(out.read_text(encoding="utf-8"))
    assert truth["passport.dhaka.gov.bd"] == [["portal.insecure", ""]]
    assert ["notice.stale", ""] in truth["passport.lakshmipur.gov.bd"]
