"""Scoring an audit against ground truth: subjects compared after normalisation."""

from tadarki.farm.generate import Defect
from tadarki.farm.truth import compare, normalise_subject

HOST = "passport.lakshmipur.gov.bd"


def audit(*findings):
    return {
        "portals": [
            {
                "host": HOST,
                "findings": [{"rule": r, "subject": s, "url": "http://x/"} for r, s in findings],
            }
        ]
    }


def test_percent_encoded_and_unicode_urls_are_the_same_subject():
    a = "http://passport.lakshmipur.gov.bd/site/page/abc/%E0%A6%86%E0%A6%87%E0%A6%A8"
    assert normalise_subject(a) == normalise_subject(
        "http://Passport.lakshmipur.gov.bd/site/page/abc/আইন"
    )
    assert normalise_subject("–") == "" and normalise_subject(" a  ›  b ") == "a › b"


def test_scores_per_rule():
    truth = {
        HOST: {
            Defect("menu.empty-submenu", "আইন ও বিধি › আইন"),
            Defect("menu.empty-submenu", "যোগাযোগ › অফিসের ঠিকানা"),
            Defect("notice.stale"),
        }
    }
    report = audit(
        ("menu.empty-submenu", "আইন ও বিধি › আইন"),
        ("notice.stale", "–"),
        ("news.empty", ""),
        ("officers.not-in-list", "কেউ"),
    )
    result = compare(truth, report, {HOST: {"officers.not-in-list"}})
    menu = result.scores["menu.empty-submenu"]
    assert (menu.true_positive, menu.false_negative, menu.recall) == (1, 1, 0.5)
    assert result.scores["notice.stale"].precision == 1.0
    assert result.scores["news.empty"].false_positive == 1
    assert "officers.not-in-list" not in result.scores  # the portal's truth is silent there
    assert "news.empty" in result.table() and "missed" in result.details()
