"""A re-audit sends ETag validators, gets 304s and reuses the cached text."""

import asyncio

from tests.engine.hostile.servers import SEEN, fast_config, portal_app, serve

from tadarki.engine.audit import AuditConfig, Target, audit_portal
from tadarki.engine.crawl.cache import JsonLinesCache, MemoryCache
from tadarki.engine.crawl.fetcher import Fetcher


def test_second_audit_gets_304s_and_the_same_result():
    cache = MemoryCache()

    async def run():
        app = portal_app(pages=5)
        async with serve(app) as url:
            config = AuditConfig(crawl=fast_config())
            first = await audit_portal(Target("o", url), config, cache=cache)
            assert app[SEEN].not_modified == 0
            second = await audit_portal(Target("o", url), config, cache=cache)
            return first, second, app[SEEN]

    first, second, seen = asyncio.run(run())
    assert seen.not_modified == 6  # home and five pages
    assert [p.url for p in first.pages] == [p.url for p in second.pages]
    assert {p.url: p.sha256 for p in first.pages} == {p.url: p.sha256 for p in second.pages}
    assert second.pages_fetched == first.pages_fetched


def test_not_modified_page_carries_the_cached_text():
    async def run():
        async with serve(portal_app(pages=1)) as url:
            async with Fetcher(fast_config(), cache=MemoryCache()) as fetcher:
                fresh = (await fetcher.fetch(url)).page
                again = (await fetcher.fetch(url)).page
                return fresh, again

    fresh, again = asyncio.run(run())
    assert not fresh.not_modified and again.not_modified
    assert again.status == 200 and again.text == fresh.text and "পাতা" not in again.text[:0]


def test_json_lines_cache_survives_a_restart(tmp_path):
    path = tmp_path / "cache.jsonl"
    cache = JsonLinesCache(path)
    cache.put("http://a.gov.bd/", '"e1"', "", "<p>প্রথম</p>")
    cache.put("http://a.gov.bd/", '"e2"', "", "<p>দ্বিতীয়</p>")
    cache.close()
    with path.open("a", encoding="utf-8") as f:
        f.write('{"url": "cut')  # a line cut by a crash
    again = JsonLinesCache(path)
    assert again.get("http://a.gov.bd/") == ('"e2"', "", "<p>দ্বিতীয়</p>")
    assert again.get("http://b.gov.bd/") is None
