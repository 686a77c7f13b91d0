"""stats.* driven by configuration, the rules config, and the RULES registry."""

from __future__ import annotations

import json
import re
from datetime import date

from tadarki.engine.rules import RULES, RulesConfig, StatRequirement, judge, load_stats_config
from tadarki.engine.rules.config import DEFAULT_STATS_FILE, default_stats_config

PASSPORT = "বহিরাগমন ও পাসপোর্ট অধিদপ্তর"


def _crawled(npf, page_html: str | None = None, department: str = PASSPORT):
    pages = {"/site/page/1/x": npf.g1_static_page("ইতিহাস", "<p>লেখা</p>")}
    if page_html:
        pages["/site/page/2/stats"] = page_html
    return npf.make_site(npf.g1_page(), pages, department=department)


def test_default_stats_by_department_and_alias():
    table = default_stats_config()
    assert [r.key for r in table[PASSPORT]] == ["undelivered-passports"]
    assert table["ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর"] == table[PASSPORT]
    assert [r.key for r in table["মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর"]] == ["monthly-seizures-cases"]
    assert json.loads(DEFAULT_STATS_FILE.read_text(encoding="utf-8"))["departments"]


def test_stats_missing_after_a_crawl(npf):
    assert ("stats.missing", "undelivered-passports") in npf.run(_crawled(npf))
    assert ("stats.missing", "undelivered-passports") in npf.run(
        _crawled(npf, department="ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর")
    )
    assert not {r for r, _ in npf.run(_crawled(npf, department="কারা অধিদপ্তর"))} & {"stats.missing"}
    # Home page alone: no claim.
    assert "stats.missing" not in {
        r for r, _ in npf.run(npf.make_site(npf.g1_page(), department=PASSPORT))
    }


def test_stats_found_and_fresh_or_stale(npf):
    page = npf.g1_static_page("অবিলিকৃত পাসপোর্ট", "<p>অবিলিকৃত এমআরপি: ১২০টি (হালনাগাদ: ৩১-০৭-২০২৫)</p>")
    site = _crawled(npf, page)
    assert not {r for r, _ in npf.run(site, today=date(2025, 8, 12))} & {
        "stats.missing",
        "stats.stale",
    }
    assert ("stats.stale", "undelivered-passports") in npf.run(site, today=date(2025, 12, 1))


def test_explicit_stats_in_config(npf):
    requirement = StatRequirement(key="fire-drills", labels=("মহড়ার সংখ্যা",), period="quarterly")
    found = npf.run(_crawled(npf, department=""), stats=[requirement])
    assert ("stats.missing", "fire-drills") in found


def test_load_stats_config_toml(tmp_path):
    path = tmp_path / "stats.toml"
    path.write_text(
        '[departments."কারা অধিদপ্তর"]\naliases = ["Prisons"]\n'
        '[[departments."কারা অধিদপ্তর".stats]]\nkey = "inmates"\nlabels = ["বন্দীর সংখ্যা"]\nperiod = "quarterly"\n',
        encoding="utf-8",
    )
    table = load_stats_config(path)
    assert table["Prisons"][0] == StatRequirement(
        key="inmates", labels=("বন্দীর সংখ্যা",), period="quarterly"
    )
    assert table["Prisons"][0].max_age_days > 92


def test_severity_override_and_disabled_rules(npf):
    site = npf.make_site(npf.g1_page(boxes=npf.g1_box("ক", ("খ", ""), ("গ", "#"))))
    findings = judge(
        site, RulesConfig(today=npf.TODAY, severity_overrides={"box.empty-link": "major"})
    ).findings
    assert {f.severity for f in findings if f.rule == "box.empty-link"} == {"major"}
    findings = judge(site, RulesConfig(today=npf.TODAY, disabled_rules={"box.empty-link"})).findings
    assert "box.empty-link" not in {f.rule for f in findings}


def test_registry_matches_rules_md(shared_dir):
    text = (shared_dir / "spec" / "rules.md").read_text(encoding="utf-8")
    rows = re.findall(
        r"^\| `([a-z]+\.[a-z-]+)` \| (critical|major|minor|info) \|", text, re.MULTILINE
    )
    assert {rule: severity for rule, severity in rows} == {r.id: r.severity for r in RULES.values()}
    assert all(r.title_bn for r in RULES.values())


def test_every_rule_has_a_bengali_sentence():
    from tadarki.engine.rules.messages import MESSAGES, date_bn

    assert set(MESSAGES) == set(RULES)
    assert all(sentence.endswith("।") for sentence in MESSAGES.values())
    assert date_bn(date(2017, 4, 9)) == "০৯ এপ্রিল ২০১৭"
