"""In the browser: run a round over the farm, fix a defect in the farm, run again, see it
fixed, and see a finding on a page that was not reached stay open ("not re-checked")."""

import re

import pytest
from django.test import Client
from tests.audits.farm_env import farm_running, path_of, register_farm, use_farm

from tadarki.audits.models import Finding

pytestmark = pytest.mark.browser
HOST = "passport.lakshmipur.gov.bd"
CODE = HOST.replace(".", "-")


def _sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.mark.django_db(transaction=True)
def test_round_fix_and_not_rechecked_in_the_browser(page, live_server, settings):
    from tadarki.accounts.models import Membership, Role, User

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TADARKI_RUN_ROUNDS_INLINE = True  # the request runs the round: no thread to await
    settings.LANGUAGE_CODE = "en"
    with farm_running(portals=2) as (farm, proxy):
        use_farm(settings, proxy)
        units = register_farm(farm)
        ict = User.objects.create_user("ict", password="x-Secret-123")
        Membership.objects.create(user=ict, role=Role.ICT_CELL, unit=units["division"])
        _sign_in(page, live_server, ict)

        page.goto(f"{live_server.url}/audits/")
        page.click("#start-round button[type=submit]")
        page.wait_for_url(re.compile(r"/audits/rounds/1/$"))
        assert page.locator("#progress").get_attribute("data-state") == "done"
        assert page.locator("#p-done").inner_text() == page.locator("#p-total").inner_text()

        menu = Finding.objects.filter(unit__code=CODE, rule="menu.empty-submenu").first()
        charter = Finding.objects.get(unit__code=CODE, rule="charter.incomplete")
        farm.fix(HOST, "menu.empty-submenu", menu.subject)
        farm.set_page_down(HOST, path_of(charter.url))

        page.goto(f"{live_server.url}/audits/")
        page.click("#start-round button[type=submit]")
        page.wait_for_url(re.compile(r"/audits/rounds/2/$"))

        page.goto(f"{live_server.url}/audits/unit/{CODE}/")
        fixed = page.locator('li.finding[data-rule="menu.empty-submenu"][data-status="fixed"]')
        assert fixed.count() == 1
        kept = page.locator('li.finding[data-rule="charter.incomplete"]')
        assert kept.get_attribute("data-status") == "open"
        assert kept.locator(".not-rechecked").count() == 1

        # The dashboard lists the fix under "fixed since last round".
        page.goto(f"{live_server.url}/audits/")
        assert menu.message_bn[:20] in page.locator("#fixed-since").inner_text()

        # The finding page shows its history, round by round.
        page.goto(f"{live_server.url}/audits/findings/{charter.pk}/")
        assert page.locator("#observations tr.obs-not_rechecked").count() == 1
