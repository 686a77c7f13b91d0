"""The home dashboard: figures, scope, empty state, Bengali digits, query budget, office extras."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from tests.helpers.org import ministry_and_division

from tadarki.accounts.models import Membership, Role, User
from tadarki.audits.models import AuditRound, Finding, Observation, Score
from tadarki.audits.scoring import METHOD
from tadarki.committees import services as committee_services
from tadarki.committees.models import AgendaItem, Committee, Occurrence, Status
from tadarki.registry.models import OrgUnit
from tadarki.web import indicators

K = OrgUnit.Kind
DIP = "বহিরাগমন ও পাসপোর্ট অধিদপ্তর"
PRISONS = "কারা অধিদপ্তর"
PRISON_OFFICE = "কেন্দ্রীয় কারাগার, ঢাকা"
PRISON_DECISION = "কারা অধিদপ্তর নোটিশ বোর্ড হালনাগাদ করবে।"


def _user(username, role=None, unit=None):
    user = User.objects.create_user(username, password="pw-Tadarki-1")
    if role:
        Membership.objects.create(user=user, role=role, unit=unit)
    return user


def _round(number):
    return AuditRound.objects.create(
        number=number, state=AuditRound.State.DONE, score_method=METHOD, finished_at=timezone.now()
    )


def _score(audit_round, unit, level, score, open_findings=0, offices=1):
    return Score.objects.create(
        round=audit_round,
        unit=unit,
        level=level,
        score=score,
        method=METHOD,
        open_findings=open_findings,
        offices=offices,
    )


def _finding(unit, dept, rule, severity, status, family, r1, r2, observed=None):
    finding = Finding.objects.create(
        unit=unit,
        department=dept,
        rule=rule,
        severity=severity,
        family=family,
        status=status,
        message_bn=f"{rule} সমস্যা",
        first_round=r1,
        last_seen_round=r2,
        status_round=r2,
    )
    if observed:
        Observation.objects.create(finding=finding, round=r2, state=observed, severity=severity)
    return finding


def _decision(item, text, unit, due, status=Status.NOT_STARTED):
    decision = committee_services.add_decision(
        item, text, deadline={"kind": "date", "date": due.isoformat()}, units=[unit]
    )
    Occurrence.objects.filter(assignment__decision=decision).update(status=status)
    return decision


def _add_department(ssd, code, name, offices):
    dept = OrgUnit.objects.create(kind=K.DEPARTMENT, code=code, name_bn=name, parent=ssd)
    made = [
        OrgUnit.objects.create(
            kind=K.OFFICE, code=f"{code}-{i}", name_bn=f"{name} অফিস {i}", parent=dept
        )
        for i in range(offices)
    ]
    return dept, made


@pytest.fixture
def org(db):
    _ministry, ssd = ministry_and_division()
    ict = OrgUnit.objects.create(kind=K.SECTION, code="ssd-ict", name_bn="আইসিটি সেল", parent=ssd)
    dip = OrgUnit.objects.create(kind=K.DEPARTMENT, code="dip", name_bn=DIP, parent=ssd)
    prisons = OrgUnit.objects.create(kind=K.DEPARTMENT, code="prisons", name_bn=PRISONS, parent=ssd)
    office = dict(kind=K.OFFICE)
    return {
        "ssd": ssd,
        "ict": ict,
        "dip": dip,
        "prisons": prisons,
        "lakshmipur": OrgUnit.objects.create(
            **office, code="dip-lakshmipur", name_bn="আঞ্চলিক পাসপোর্ট অফিস, লক্ষ্মীপুর", parent=dip
        ),
        "sherpur": OrgUnit.objects.create(
            **office, code="dip-sherpur", name_bn="আঞ্চলিক পাসপোর্ট অফিস, শেরপুর", parent=dip
        ),
        "dhaka-jail": OrgUnit.objects.create(
            **office, code="jail-dhaka", name_bn=PRISON_OFFICE, parent=prisons
        ),
    }


@pytest.fixture
def data(org):
    """Two done rounds (DIP 70 → 75.5, Prisons 80 → 72), four open findings, three decisions."""
    L = Score.Level
    r1, r2 = _round(1), _round(2)
    _score(r1, org["ssd"], L.DIVISION, 75.25)
    _score(r2, org["ssd"], L.DIVISION, 73.75)
    _score(r1, org["dip"], L.DEPARTMENT, 70.0)
    _score(r1, org["prisons"], L.DEPARTMENT, 80.0)
    _score(r2, org["dip"], L.DEPARTMENT, 75.5, open_findings=3, offices=2)
    _score(r2, org["prisons"], L.DEPARTMENT, 72.0, open_findings=1, offices=1)
    _score(r2, org["lakshmipur"], L.OFFICE, 67.0)
    _score(r2, org["sherpur"], L.OFFICE, 84.0)
    _score(r2, org["dhaka-jail"], L.OFFICE, 72.0)
    lak, dip = org["lakshmipur"], org["dip"]
    _finding(lak, dip, "charter.missing", "critical", "new", "charter", r2, r2, observed="new")
    _finding(lak, dip, "grs.focal.missing", "major", "open", "officers", r1, r2)
    _finding(org["sherpur"], dip, "notice.empty", "major", "open", "notices", r1, r2)
    _finding(org["sherpur"], dip, "link.broken", "minor", "fixed", "links", r1, r2, "fixed")
    _finding(org["dhaka-jail"], org["prisons"], "menu.empty", "major", "open", "menus", r1, r2)

    committee = Committee.objects.create(
        name="ওয়েবসাইট মনিটরিং কমিটি", kind=Committee.Kind.WEBSITE_MONITORING, owner=org["ict"]
    )
    today = timezone.localdate()
    meeting = committee_services.create_meeting(committee, date=today - timedelta(days=40))
    item = AgendaItem.objects.create(meeting=meeting, order=0, number="১.০", title="ওয়েবসাইট")
    _decision(item, "সাব-মেনু পূরণ করতে হবে।", dip, today - timedelta(days=5))
    _decision(
        item, "সিটিজেন চার্টার প্রকাশ করতে হবে।", dip, today + timedelta(days=3), Status.REPORTED_DONE
    )
    _decision(item, PRISON_DECISION, org["prisons"], today + timedelta(days=9))
    return {"r1": r1, "r2": r2, "meeting": meeting}


@pytest.fixture
def users(org):
    return {
        "ict": _user("ict", Role.ICT_CELL, org["ict"]),
        "member": _user("member", Role.COMMITTEE_MEMBER, org["ssd"]),
        "dip": _user("dipfocal", Role.FOCAL_POINT, org["dip"]),
        "editor": _user("lakeditor", Role.OFFICE_EDITOR, org["lakshmipur"]),
    }


def _row(html: str, code: str, table_id: str) -> str:
    table = html[html.index(f'id="{table_id}"') :]
    table = table[: table.index("</table>")]
    match = re.search(rf'<tr data-unit="{code}"[^>]*>(.*?)</tr>', table, flags=re.S)
    assert match, f"no row for {code} in {table_id}"
    return re.sub(r"\s+", " ", match.group(1))


def test_audit_figures_per_department(data, users):
    overview = indicators.audit_overview(users["member"])
    assert overview["round"].number == 2 and overview["level"] == "department"
    rows = {r.unit.code: r for r in overview["rows"]}
    assert (rows["dip"].score, rows["dip"].previous, rows["dip"].change) == (75.5, 70.0, 5.5)
    assert rows["prisons"].change == -8.0
    assert rows["dip"].severities == {"critical": 1, "major": 2}
    assert rows["prisons"].severities == {"major": 1}
    assert {s["key"]: s["count"] for s in overview["severities"]} == {
        "critical": 1,
        "major": 3,
        "minor": 0,
    }
    assert [s.unit.code for s in overview["worst_offices"]] == [
        "dip-lakshmipur",
        "jail-dhaka",
        "dip-sherpur",
    ]
    assert (overview["new_count"], overview["fixed_count"]) == (1, 1)


def test_follow_up_counts_decisions_per_department(data, users):
    follow = indicators.follow_up(users["ict"])
    rows = {r.unit.code: r.counts for r in follow["rows"] if r.unit}
    assert rows == {"dip": (1, 1, 1), "prisons": (1, 0, 0)}  # open, overdue, reported
    assert [o.assignment.unit.code for o in follow["upcoming"]] == ["prisons"]
    assert [m.pk for m in follow["meetings"]] == [data["meeting"].pk]


def test_next_deadlines_show_each_assignment_once(data, users, org):
    item = data["meeting"].agenda_items.first()
    committee_services.add_decision(
        item,
        "প্রতিমাসের ০৪ তারিখের মধ্যে মাসিক প্রতিবেদন পাঠাতে হবে।",
        deadline={"kind": "recurring", "rrule": "FREQ=MONTHLY;BYMONTHDAY=4"},
        units=[org["dip"]],
    )
    upcoming = indicators.follow_up(users["ict"])["upcoming"]
    monthly = [o for o in upcoming if o.assignment.decision.deadline_kind == "recurring"]
    assert len(monthly) == 1 and monthly[0].due_date.day == 4
    assert len(upcoming) == 2


@pytest.mark.django_db
def test_home_page_shows_the_figures_in_bengali_digits(client, data, users):
    client.force_login(users["member"])
    html = client.get("/").content.decode()
    dip = _row(html, "dip", "dash-scores")
    assert DIP in dip and "৭৫.৫" in dip and "▲ ৫.৫" in dip
    assert "▼ ৮.০" in _row(html, "prisons", "dash-scores")
    division = _row(html, "ssd", "dash-scores")  # the division's own score heads its departments
    assert "৭৩.৮" in division and "▼ ১.৫" in division and "১ গুরুতর" in division
    assert html.index('data-unit="ssd"') < html.index('data-unit="dip"')
    decisions = _row(html, "dip", "dash-decisions")
    assert re.findall(r"<td[^>]*>([০-৯]+)</td>", decisions) == ["১", "১", "১"]
    assert PRISON_DECISION[:30] in html  # the next deadline
    text = re.sub(r"<[^>]+>", " ", html)  # what the reader sees (CSS widths stay ASCII)
    assert "75.5" not in text and "67.0" not in text and "৬৭.০" in text
    for link in ['href="/audits/"', 'href="/committees/"', 'href="/registry/"']:
        assert link in html
    assert "সভা" in html or "কমিটি" in html


@pytest.mark.django_db
def test_department_user_sees_only_their_department(client, data, users):
    client.force_login(users["dip"])
    html = client.get("/").content.decode()
    assert DIP in html and "৭৫.৫" in html
    assert PRISONS not in html and PRISON_OFFICE not in html and PRISON_DECISION[:20] not in html
    assert "৭২.০" not in html and "৮.০" not in html  # prisons' score and its change
    follow = indicators.follow_up(users["dip"])
    assert [r.unit.code for r in follow["rows"] if r.unit] == ["dip"]


@pytest.mark.django_db
def test_office_editor_sees_their_office_score(client, data, users):
    client.force_login(users["editor"])
    html = client.get("/").content.decode()
    row = _row(html, "dip-lakshmipur", "dash-scores")
    assert "৬৭.০" in row
    assert "শেরপুর" not in html and PRISONS not in html


@pytest.mark.django_db
def test_fresh_install_shows_a_friendly_empty_page(client, org):
    for user in (_user("ict", Role.ICT_CELL, org["ict"]), _user("nobody")):
        client.force_login(user)
        response = client.get("/")
        html = response.content.decode()
        assert response.status_code == 200
        assert 'id="audits-empty"' in html and 'id="committees-empty"' in html
        assert "ড্যাশবোর্ড" in html


@pytest.mark.django_db
def test_login_is_required(client):
    response = client.get("/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_english_page_uses_ascii_digits(client, data, users):
    client.force_login(users["member"])
    client.cookies["django_language"] = "en"
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    if 'lang="en"' not in html:
        pytest.skip("the language middleware keeps Bengali here")
    assert "75.5" in _row(html, "dip", "dash-scores")
    assert "Score per department" in html


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["ict", "member"])
def test_query_count_does_not_grow_with_data(
    client, org, data, users, who, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(users[who])
    with CaptureQueriesContext(connection) as small:
        client.get("/")
    for n in range(3):  # more departments, offices, scores, findings and decisions
        dept, offices = _add_department(org["ssd"], f"extra{n}", f"অতিরিক্ত অধিদপ্তর {n}", 3)
        _score(data["r2"], dept, Score.Level.DEPARTMENT, 50.0 + n)
        for office in offices:
            _score(data["r2"], office, Score.Level.OFFICE, 40.0 + n)
            _finding(
                office, dept, "notice.empty", "major", "new", "notices", data["r2"], data["r2"]
            )
        item = data["meeting"].agenda_items.first()
        _decision(item, f"সিদ্ধান্ত {n}", dept, timezone.localdate() + timedelta(days=n + 1))
    with django_assert_max_num_queries(len(small.captured_queries)):
        html = client.get("/").content.decode()
    assert "অতিরিক্ত অধিদপ্তর 2" in html
    assert len(small.captured_queries) <= 20


@pytest.mark.django_db
def test_office_page_extras(client, settings, data, users, org):
    settings.TADARKI_OFFICE_EXTRA_TEMPLATES = [
        "web/office_extra/findings.html",
        "web/office_extra/decisions.html",
    ]
    client.force_login(users["dip"])
    html = client.get("/registry/unit/dip-lakshmipur/").content.decode()
    findings = html[html.index('id="office-findings"') :]
    findings = findings[: findings.index("</section>")]
    assert "charter.missing সমস্যা" in findings and "grs.focal.missing সমস্যা" in findings
    assert "সিটিজেন চার্টার" in findings or "নাগরিক সনদ" in findings or "charter" in findings
    assert "notice.empty" not in findings  # another office's finding
    assert 'href="/audits/unit/dip-lakshmipur/"' in findings
    decisions = html[html.index('id="office-decisions"') :]
    decisions = decisions[: decisions.index("</section>")]
    assert "সাব-মেনু পূরণ করতে হবে।" in decisions  # assigned to the office's department
    assert PRISON_DECISION not in decisions
    assert "dash-overdue" in decisions


@pytest.mark.django_db
def test_office_extras_are_absent_without_the_setting(client, settings, data, users):
    settings.TADARKI_OFFICE_EXTRA_TEMPLATES = []
    client.force_login(users["dip"])
    html = client.get("/registry/unit/dip-lakshmipur/").content.decode()
    assert 'id="office-findings"' not in html
