"""The database-backed conditional cache, without a crawl."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tadarki.audits.evidence import compress
from tadarki.audits.models import PageCache
from tadarki.audits.page_cache import RoundPageCache, url_hash
from tadarki.engine.result import PageRecord, PortalResult

HOME = "http://dnc.manikganj.gov.bd/"


def _row(url: str, text: str, days_old: int = 0) -> PageCache:
    codec, data = compress(text.encode("utf-8"))
    return PageCache.objects.create(
        url_hash=url_hash(url),
        url=url,
        portal_host="dnc.manikganj.gov.bd",
        etag='"abc"',
        last_modified="Mon, 30 Nov 2026 00:00:00 GMT",
        sha256="x",
        content_type="text/html; charset=utf-8",
        codec=codec,
        text=data,
        updated_at=timezone.now() - timedelta(days=days_old),
    )


@pytest.mark.django_db
def test_loaded_entries_answer_the_engine_and_new_ones_are_saved():
    _row(HOME, "<html>নোটিশ বোর্ড</html>")
    cache = RoundPageCache.load("http://www.dnc.manikganj.gov.bd/")  # same portal, www.
    assert len(cache) == 1
    assert cache.get(HOME) == ('"abc"', "Mon, 30 Nov 2026 00:00:00 GMT", "<html>নোটিশ বোর্ড</html>")
    assert cache.get(HOME + "other") is None
    cache.put(HOME + "other", '"new"', "", "<html>খবর</html>")
    cache.put("http://www.google.com/", '"ext"', "", "<html>off-host</html>")
    assert cache.save() == 1
    saved = PageCache.objects.get(url=HOME + "other")
    assert (saved.etag, saved.portal_host) == ('"new"', "dnc.manikganj.gov.bd")
    assert not PageCache.objects.filter(url__contains="google").exists()


@pytest.mark.django_db
def test_a_304_page_gets_the_cached_body_and_content_type():
    import hashlib

    text = "<html>সিটিজেন চার্টার</html>"
    _row(HOME, text)
    cache = RoundPageCache.load(HOME)
    body = text.encode("utf-8")
    page = PageRecord(HOME, 200, "2026-12-01T10:00:00+06:00", hashlib.sha256(body).hexdigest())
    stale = PageRecord(HOME, 200, "2026-12-01T10:00:00+06:00", "not-this-text")
    result = PortalResult(office="x", url=HOME, host="dnc.manikganj.gov.bd", pages=[page, stale])
    assert cache.fill_bodies(result) == 1
    assert page.body == body and page.content_type.startswith("text/html")
    assert stale.body is None


@pytest.mark.django_db
def test_entries_asked_about_survive_the_purge_and_the_rest_go():
    _row(HOME, "<html>home</html>", days_old=500)
    _row(HOME + "moved", "<html>old</html>", days_old=500)
    cache = RoundPageCache.load(HOME)
    cache.get(HOME)
    cache.save()  # no result: an unreachable portal prunes nothing
    call_command("purge_snapshots")
    assert list(PageCache.objects.values_list("url", flat=True)) == [HOME]
