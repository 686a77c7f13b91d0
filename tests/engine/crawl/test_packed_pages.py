"""While a portal is crawled its pages wait for the judge packed, their text held nowhere
else: memory per portal in flight no longer grows with its pages' text."""

import asyncio
import sys

from tests.helpers.farm import served_farm

from tadarki.engine.crawl.config import CrawlConfig
from tadarki.engine.crawl.crawler import SiteCrawler
from tadarki.engine.crawl.fetcher import Fetcher
from tadarki.engine.npf.parse import parse_page_and_hrefs
from tadarki.engine.rules import RulesConfig, judge


def _crawl(target, proxy, read_page):
    config = CrawlConfig(
        proxy_env={"HTTP_PROXY": proxy.url}, requests_per_second=0, concurrency_per_host=4
    )

    crawled = []

    async def run():
        async with Fetcher(config) as fetcher:
            crawler = SiteCrawler(fetcher, read_page=read_page)
            crawled.extend([await crawler.crawl(target.office, target.url), crawler])

    # Not returned by run(): at its end, asyncio.run (3.11) formats its SIGINT handler with
    # the main task's result in it, and so would read every page.
    asyncio.run(run())
    return crawled


def test_crawled_pages_are_packed_and_their_text_held_only_packed():
    texts: dict[str, str] = {}

    def reading(url, source):
        texts[url] = source.text  # the text as fetched, before it is packed
        return parse_page_and_hrefs(url, source)

    with served_farm(3, 40) as (_farm, targets, proxy):
        for target in targets[:3]:  # one portal of each generation, G1, G2, G3
            texts.clear()
            site, crawler = _crawl(target, proxy, reading)
            pages = [p for p in site.pages.values() if (p.final_url or p.url) in texts]
            assert len(pages) >= 30, target.url
            assert all(p.source.packed for p in pages)
            # The page the rules will read shares the fetched page's text, packed with it...
            assert all(crawler.parsed[p.url][1] is p.source for p in pages)
            # ...and nothing else keeps the text: only `texts` and getrefcount's argument.
            assert [sys.getrefcount(texts[url]) for url in texts] == [2] * len(texts)


def test_packed_pages_are_judged_as_the_pages_were_fetched():
    with served_farm(3, 40) as (_farm, targets, proxy):
        site, crawler = _crawl(targets[0], proxy, parse_page_and_hrefs)
    packed = judge(site, RulesConfig(), parsed=crawler.parsed).findings
    assert not any(site.pages[url].source.packed for url in crawler.parsed)  # all were read
    again = judge(site, RulesConfig()).findings  # each page parsed anew, from its text
    assert [(f.rule, f.subject, f.url, f.evidence) for f in packed] == [
        (f.rule, f.subject, f.url, f.evidence) for f in again
    ]
    assert packed
