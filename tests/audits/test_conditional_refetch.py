"""A second round asks "changed since?": unchanged pages answer 304 and are judged from the
cache, with the same findings and real evidence; a changed page is fetched again."""

import hashlib

import pytest
from django.core.management import call_command
from tests.audits.farm_env import farm_served, path_of, register_farm, use_farm

from tadarki.audits.evidence import snapshot_body
from tadarki.audits.models import AuditRound, Finding, Observation, PageCache, Snapshot
from tadarki.audits.page_cache import url_hash

HOST = "passport.lakshmipur.gov.bd"


@pytest.fixture
def farm(settings, db):
    with farm_served(portals=2) as (farm, server, proxy):
        use_farm(settings, proxy)
        register_farm(farm)
        yield farm, server


def _findings(round_number):
    return sorted(
        Observation.objects.filter(round__number=round_number)
        .exclude(state__in=["fixed", "not_rechecked"])
        .values_list("finding__unit__code", "finding__rule", "finding__subject")
    )


@pytest.mark.django_db
def test_unchanged_pages_answer_304_with_same_findings_and_real_evidence(farm):
    farm, server = farm
    call_command("audit_round")
    first_200 = server.statuses[200]
    assert PageCache.objects.exists()
    Snapshot.objects.all().delete()  # round 2 must take the bodies from the page cache
    server.reset_counts()
    call_command("audit_round")
    r2 = AuditRound.objects.get(number=2)
    assert r2.state == "done"
    assert _findings(2) == _findings(1)
    assert server.statuses[304] > 0
    assert server.statuses[200] < first_200 / 2

    paths_304 = {path for status, path in server.answers if status == 304}
    seen = Observation.objects.filter(round=r2, state="open").exclude(url="")
    checked = 0
    for obs in seen:
        if path_of(obs.url) not in paths_304:
            continue
        assert obs.snapshot is not None, obs.url
        body = snapshot_body(obs.snapshot)
        assert hashlib.sha256(body).hexdigest() == obs.sha256
        assert PageCache.objects.get(url=obs.url).sha256 == obs.sha256
        assert body.decode("utf-8").lstrip().startswith("<")
        assert obs.snapshot.content_type.startswith("text/html")
        checked += 1
    assert checked > 0
    # A 304 page counts as re-checked: nothing was left "not re-checked" by the cache.
    assert not Observation.objects.filter(round=r2, state="not_rechecked").exists()


@pytest.mark.django_db
def test_changed_page_is_fetched_again_and_its_finding_fixed(farm):
    farm, server = farm
    call_command("audit_round")
    office = Finding.objects.filter(unit__code=HOST.replace(".", "-"))
    charter = office.get(rule="charter.incomplete")
    farm.fix(HOST, "charter.incomplete", charter.subject)
    kept = PageCache.objects.filter(portal_host=HOST).first()
    removed_url = f"http://{HOST}/site/page/removed-since"
    PageCache.objects.create(
        url_hash=url_hash(removed_url),
        url=removed_url,
        portal_host=HOST,
        sha256=kept.sha256,
        codec=kept.codec,
        text=kept.text,
        updated_at=kept.updated_at,
    )
    server.reset_counts()
    call_command("audit_round")
    charter.refresh_from_db()
    assert charter.status == "fixed"
    assert server.answers[(200, path_of(charter.url))] >= 1
    assert server.statuses[304] > 0
    # A page the portal no longer links to leaves the cache.
    assert not PageCache.objects.filter(url=removed_url).exists()
