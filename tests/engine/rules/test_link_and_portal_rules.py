"""link.broken from site.links, and portal.* from the Site flags."""

from __future__ import annotations

from tadarki.engine.site import Site


def test_broken_link_reported_once_with_every_source(npf):
    target = npf.ROOT + "site/page/9/contact"
    home = npf.g1_page(
        menu=npf.g1_menu(
            npf.g1_drop("যোগাযোগ", npf.g1_col("", ("অনলাইনে যোগাযোগ", "/site/page/9/contact")))
        )
    )
    site = npf.make_site(
        home,
        links={
            target: (404, [npf.ROOT, npf.ROOT + "site/page/1/x"]),
            npf.ROOT + "site/page/2/ok": (200, [npf.ROOT]),
            "https://gone.example.gov.bd/": (None, [npf.ROOT]),
        },
    )
    hits = [f for f in npf.findings(site) if f.rule == "link.broken"]
    assert sorted(f.subject for f in hits) == sorted([target, "https://gone.example.gov.bd/"])
    hit = next(f for f in hits if f.subject == target)
    assert hit.linked_from == [npf.ROOT, npf.ROOT + "site/page/1/x"]
    assert hit.status == 404
    assert hit.message_bn == "অনলাইনে যোগাযোগ লিংকটি অকার্যকর।"
    assert hit.evidence == '<a href="/site/page/9/contact">অনলাইনে যোগাযোগ</a>'


def test_unreachable_portal_reports_only_that(npf):
    site = Site(
        office="x",
        root_url=npf.ROOT,
        host="passport.lakshmipur.gov.bd",
        unreachable_error="timeout",
    )
    found = npf.findings(site)
    assert [(f.rule, f.subject, f.severity) for f in found] == [
        ("portal.unreachable", "timeout", "critical")
    ]


def test_missing_portal(npf):
    site = Site(office="x", root_url="", host="")
    assert npf.run(site) == {("portal.missing", "")}


def test_insecure_portal_is_still_audited(npf):
    site = npf.make_site(npf.g1_page(boxes=npf.g1_box("ক", ("খ", ""))))
    site.insecure = True
    assert {("portal.insecure", ""), ("box.empty-link", "ক › খ")} <= npf.run(site)


def test_insecure_sentence_says_which_of_the_two_causes(npf):
    from tadarki.engine.rules import RulesConfig, judge

    said = {}
    for reason in ("certificate", "no-https"):
        site = npf.make_site(npf.g1_page())
        site.insecure, site.insecure_reason = True, reason
        (finding,) = [f for f in judge(site, RulesConfig()).findings if f.rule == "portal.insecure"]
        said[reason] = (finding.message_bn, finding.evidence)
    assert "সার্টিফিকেট) বৈধ নয়" in said["certificate"][0]
    assert said["certificate"][1] == "TLS: invalid certificate"
    assert "কেবল অনিরাপদ (HTTP) সংযোগে খোলে" in said["no-https"][0]
    assert said["no-https"][1] == "HTTPS: no answer"
    assert all(m.startswith("তথ্য বাতায়নটিতে নিরাপদ (HTTPS) সংযোগ") for m, _ in said.values())
    assert all(m.endswith("।") and "{" not in m for m, _ in said.values())


def test_blocked_flag_stops_content_rules(npf):
    site = npf.make_site(npf.g1_page(boxes=npf.g1_box("ক", ("খ", ""))))
    site.blocked = True
    assert npf.run(site) == {("portal.blocked", "")}


def test_a_failing_rule_family_is_reported_not_fatal(npf, monkeypatch):
    from tadarki.engine.rules import RulesConfig, boxes, judge

    def broken(ctx):
        raise RuntimeError("strange markup")

    monkeypatch.setattr(boxes, "check", broken)
    menu = npf.g1_menu(npf.g1_drop("ক", npf.g1_col("", ("খ", "#"))))
    judgement = judge(npf.make_site(npf.g1_page(menu=menu)), RulesConfig(today=npf.TODAY))
    assert ("menu.empty-submenu", "ক › খ") in {(f.rule, f.subject) for f in judgement.findings}
    assert judgement.warnings == ["rules.boxes failed: RuntimeError: strange markup"]
