"""The committee follow-up in a real browser: record a meeting with a decision for two
departments, a department's focal point reports progress, the ICT cell prepares the next
meeting and sees the decision carried over with that progress."""

import re

import pytest
from django.test import Client

from tadarki.accounts.models import Membership, Role, User
from tadarki.committees.models import Committee, Meeting
from tadarki.registry.models import OrgUnit

pytestmark = pytest.mark.browser


@pytest.fixture
def world(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    K = OrgUnit.Kind
    ministry = OrgUnit.objects.create(kind=K.MINISTRY, code="moha", name_bn="স্বরাষ্ট্র মন্ত্রণালয়")
    ssd = OrgUnit.objects.create(
        kind=K.DIVISION, code="ssd", name_bn="সুরক্ষা সেবা বিভাগ", parent=ministry
    )
    ict = OrgUnit.objects.create(kind=K.SECTION, code="ssd-ict", name_bn="আইসিটি সেল", parent=ssd)
    dip = OrgUnit.objects.create(
        kind=K.DEPARTMENT, code="dip", name_bn="বহিরাগমন ও পাসপোর্ট অধিদপ্তর", parent=ssd
    )
    prisons = OrgUnit.objects.create(
        kind=K.DEPARTMENT, code="prisons", name_bn="কারা অধিদপ্তর", parent=ssd
    )
    users = {}
    for name, role, unit in (("ict", Role.ICT_CELL, ict), ("dipfocal", Role.FOCAL_POINT, dip)):
        users[name] = User.objects.create_user(name, password="pw-Tadarki-1")
        Membership.objects.create(user=users[name], role=role, unit=unit)
    committee = Committee.objects.create(
        name="ওয়েবসাইট মনিটরিং সংক্রান্ত কমিটি", kind=Committee.Kind.WEBSITE_MONITORING, owner=ict
    )
    return {"users": users, "committee": committee, "dip": dip, "prisons": prisons}


def sign_in(page, live_server, user):
    """A fresh session for `user`, handed to the browser as its session cookie."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_record_assign_report_and_carry_over(page, live_server, world):
    committee, users = world["committee"], world["users"]

    # ICT cell records a meeting.
    sign_in(page, live_server, users["ict"])
    page.goto(f"{live_server.url}/committees/{committee.pk}/")
    page.click(f"a[href='/committees/{committee.pk}/meetings/new/']")
    page.fill("#id_date", "2025-08-12")
    page.fill("#id_time", "09:00")
    page.fill("#id_chair_name", "খলিল আহমেদ")
    page.fill("#id_chair_designation", "যুগ্মসচিব")
    page.fill("#id_venue", "কক্ষ নং-৩১৯")
    page.click("#save-meeting")
    page.wait_for_url(re.compile(r"/committees/meetings/\d+/$"))
    assert "১ম সভার কার্যবিবরণী" in page.inner_text("#meeting-title")

    # An agenda item, then a decision assigned to two departments.
    page.click("#add-item summary")
    page.fill("#add-item [name=title]", "অধিদপ্তরসমূহের ওয়েবসাইট যাচাই-বাছাই")
    page.click("#add-item button[type=submit]")
    page.wait_for_selector(".agenda-item")
    section = page.locator(".agenda-item").first
    section.locator("details.form summary").click()
    section.locator("[name=text]").fill("প্রদত্ত পর্যবেক্ষণসমূহ দ্রুততম সময়ে হালনাগাদ করতে হবে;")
    section.locator(f"input[name=units][value='{world['dip'].pk}']").check()
    section.locator(f"input[name=units][value='{world['prisons'].pk}']").check()
    section.locator(".decision-form button[type=submit]").click()
    page.wait_for_selector(".assignment")
    assert page.locator(".assignment").count() == 2
    assert page.locator(".flag-asap").count() >= 1
    meeting = Meeting.objects.get()
    page.click("#issue")
    page.wait_for_selector(".message")

    # The passport department's focal point reports progress on its own part.
    sign_in(page, live_server, users["dipfocal"])
    page.goto(f"{live_server.url}/committees/meetings/{meeting.pk}/")
    assert page.locator(".assignment").count() == 1  # the prisons' part is not theirs to see
    page.locator(".assignment a").click()
    page.select_option("select[name=status]", "in_progress")
    page.fill("textarea[name=note]", "চট্টগ্রাম ও লক্ষ্মীপুর অফিসের পর্যবেক্ষণ হালনাগাদ চলছে")
    page.click("#progress-form button[type=submit]")
    page.wait_for_selector(".message")
    assert "চলমান" in page.inner_text("#status")
    assert "হালনাগাদ চলছে" in page.inner_text("#history")

    # The ICT cell prepares the next meeting and sees the decision carried over.
    sign_in(page, live_server, users["ict"])
    page.goto(f"{live_server.url}/committees/{committee.pk}/")
    page.click("#prepare-next")
    page.wait_for_url(re.compile(r"/committees/meetings/\d+/$"))
    first = page.locator(".agenda-item").first
    assert "বিগত সভার সিদ্ধান্ত বাস্তবায়ন অগ্রগতি" in first.inner_text()
    carried = first.locator(".carried")
    assert "প্রদত্ত পর্যবেক্ষণসমূহ দ্রুততম সময়ে হালনাগাদ করতে হবে" in carried.inner_text()
    dip_row = carried.locator(".assignment", has_text="বহিরাগমন ও পাসপোর্ট অধিদপ্তর")
    assert "চলমান" in dip_row.inner_text()
    assert "শুরু হয়নি" in carried.locator(".assignment", has_text="কারা অধিদপ্তর").inner_text()
    assert Meeting.objects.count() == 2
