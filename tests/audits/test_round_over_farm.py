"""A real round over the fixture farm: the engine crawls through the loopback proxy."""

import pytest
from django.core.management import call_command
from tests.audits.farm_env import farm_running, path_of, register_farm, use_farm

from tadarki.audits.models import AuditRound, Finding, Observation, RoundPortal

HOST = "passport.lakshmipur.gov.bd"


@pytest.fixture
def farm(settings, db):
    with farm_running(portals=2) as (farm, proxy):
        use_farm(settings, proxy)
        register_farm(farm)
        yield farm


@pytest.mark.django_db
def test_fix_in_farm_is_seen_fixed_and_unreached_page_stays_open(farm):
    call_command("audit_round")
    r1 = AuditRound.objects.get()
    assert r1.state == "done"
    assert set(RoundPortal.objects.values_list("state", flat=True)) == {"done"}
    office = Finding.objects.filter(unit__code=HOST.replace(".", "-"))
    found = set(office.values_list("rule", "subject"))
    truth = {(d.rule, d.subject) for d in farm.truth()[HOST]}
    assert len(found & truth) >= len(truth) - 2  # engine recall is tested by the engine
    obs = Observation.objects.filter(round=r1, finding__in=office, state="new").exclude(
        snapshot=None
    )
    assert obs.exists() and all(o.sha256 and o.fetched_at for o in obs)

    menu = office.filter(rule="menu.empty-submenu").first()
    charter = office.get(rule="charter.incomplete")
    farm.fix(HOST, "menu.empty-submenu", menu.subject)
    farm.set_page_down(HOST, path_of(charter.url))

    call_command("audit_round", "--office", HOST.replace(".", "-"))
    r2 = AuditRound.objects.get(number=2)
    menu.refresh_from_db()
    charter.refresh_from_db()
    assert menu.status == "fixed"
    assert Observation.objects.get(finding=menu, round=r2).state == "fixed"
    assert charter.status == "open"
    assert Observation.objects.get(finding=charter, round=r2).state == "not_rechecked"
