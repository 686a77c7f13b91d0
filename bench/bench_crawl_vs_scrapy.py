"""Tadarki's crawler against Scrapy on the same fixture farm, fetch + parse only.

    .venv/bin/python bench/bench_crawl_vs_scrapy.py [--portals 20] [--pages 250]
        [--memory-portals 200]

The farm (tadarki.farm) runs in its own process and answers absolute-URI requests, so both
crawlers reach it as an HTTP proxy. Both follow every on-host link, parse every page for
its links, cap pages per portal the same way and skip the same ever-growing NPF paths.
Neither judges anything. Prints pages/second for both and the ratio; with
--memory-portals it also crawls a large farm with Tadarki and prints peak RSS every
10 000 pages, to show memory stays flat.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Farm:
    def __init__(self, portals: int, pages: int) -> None:
        self.port = free_port()
        self.args = ["--portals", str(portals), "--pages", str(pages)]
        self.proc = subprocess.Popen(
            [PYTHON, "-m", "tadarki.farm", "serve", *self.args, "--port", str(self.port)],
            stdout=subprocess.DEVNULL,
        )
        csv_text = subprocess.run(
            [PYTHON, "-m", "tadarki.farm", "csv", *self.args],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        self.rows = list(csv.DictReader(io.StringIO(csv_text)))
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        self.proxy = f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def run_tadarki(proxy: str, urls: list[str], max_pages: int, report_every: int = 0) -> dict:
    import asyncio

    from tadarki.engine.crawl.config import CrawlConfig
    from tadarki.engine.crawl.crawler import SiteCrawler
    from tadarki.engine.crawl.fetcher import Fetcher

    config = CrawlConfig(
        proxy_env={"HTTP_PROXY": proxy},
        requests_per_second=0,
        concurrency_per_host=8,
        max_pages=max_pages,
        check_external_links=False,
        respect_robots=False,
    )
    counted = {"pages": 0, "next": report_every}

    def progress(event: dict) -> None:
        counted["pages"] += 1
        if report_every and counted["pages"] >= counted["next"]:
            counted["next"] += report_every
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            print(f"  tadarki {counted['pages']:6d} pages, peak RSS {rss} MB", flush=True)

    async def crawl_all() -> int:
        gate = asyncio.Semaphore(8)
        async with Fetcher(config) as fetcher:

            async def one(url: str) -> int:
                async with gate:
                    site = await SiteCrawler(fetcher, progress=progress).crawl("o", url)
                    return len(site.pages)  # the Site is dropped here, as after judging

            return sum(await asyncio.gather(*(one(u) for u in urls)))

    start, cpu = time.perf_counter(), time.process_time()
    pages = asyncio.run(crawl_all())
    return {
        "pages": pages,
        "seconds": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
    }


SCRAPY_SPIDER = r"""
import json, sys, time
from urllib.parse import urlsplit
import scrapy
from scrapy.crawler import CrawlerProcess

urls, max_pages = json.loads(sys.argv[1]), int(sys.argv[2])

class FarmSpider(scrapy.Spider):
    name = "farm"
    start_urls = urls
    allowed_domains = [urlsplit(u).hostname for u in urls]
    pages = {}

    def parse(self, response):
        host = urlsplit(response.url).hostname
        for href in response.css("a::attr(href)").getall():
            if href.startswith(("nolink", "#", "javascript:", "mailto:", "tel:")):
                continue
            url = response.urljoin(href).split("#")[0]
            if urlsplit(url).path.count("/site/") > 2:
                continue  # the same trap filter as Tadarki's
            seen = self.pages.setdefault(host, set())
            if url in seen or len(seen) >= max_pages:
                continue
            seen.add(url)
            yield scrapy.Request(url, callback=self.parse)

start = time.perf_counter()
stats = {}
process = CrawlerProcess({
    "LOG_LEVEL": "ERROR", "ROBOTSTXT_OBEY": False, "CONCURRENT_REQUESTS": 64,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8, "DOWNLOAD_DELAY": 0, "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False, "RETRY_ENABLED": False, "REDIRECT_ENABLED": True,
    "HTTPERROR_ALLOW_ALL": True, "REACTOR_THREADPOOL_MAXSIZE": 4,
})
crawler = process.create_crawler(FarmSpider)
process.crawl(crawler)
process.start()
count = crawler.stats.get_value("response_received_count", 0)
print(json.dumps({"pages": count, "seconds": time.perf_counter() - start}))
"""


def run_scrapy(proxy: str, urls: list[str], max_pages: int) -> dict:
    env = dict(os.environ, http_proxy=proxy, HTTP_PROXY=proxy, no_proxy="", NO_PROXY="")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Scrapy reads its callbacks' source, so the spider must live in a real file.
    with tempfile.TemporaryDirectory() as tmp:
        spider = Path(tmp) / "farm_spider.py"
        spider.write_text(SCRAPY_SPIDER, encoding="utf-8")
        out = subprocess.run(
            [PYTHON, str(spider), json.dumps(urls), str(max_pages)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = json.loads(out.strip().splitlines()[-1])
    result["cpu"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return result


def line(name: str, run: dict) -> tuple[float, float]:
    rate, per_cpu = run["pages"] / run["seconds"], run["pages"] / run["cpu"]
    print(
        f"{name:8s} {run['pages']:6d} pages in {run['seconds']:6.1f} s = {rate:6.0f} pages/s"
        f"   {per_cpu:6.0f} pages per CPU-second"
    )
    return rate, per_cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--portals", type=int, default=20)
    parser.add_argument("--pages", type=int, default=250)
    parser.add_argument("--max-pages", type=int, default=500)
    parser.add_argument("--memory-portals", type=int, default=0)
    parser.add_argument("--skip-scrapy", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

    farm = Farm(args.portals, args.pages)
    try:
        urls = [row["url"] for row in farm.rows]
        print(f"farm: {len(urls)} portals × ~{args.pages} pages, {os.cpu_count()} CPUs")
        run_tadarki(farm.proxy, urls, args.max_pages)  # warm the farm's page cache
        ours = run_tadarki(farm.proxy, urls, args.max_pages)
        ours_rate, ours_cpu = line("tadarki", ours)
        if not args.skip_scrapy:
            theirs_rate, theirs_cpu = line("scrapy", run_scrapy(farm.proxy, urls, args.max_pages))
            print(
                f"ratio    {ours_rate / theirs_rate:.1f}× Scrapy's pages/s, "
                f"{ours_cpu / theirs_cpu:.1f}× its pages per CPU-second"
            )
    finally:
        farm.close()

    if args.memory_portals:
        farm = Farm(args.memory_portals, args.pages)
        try:
            urls = [row["url"] for row in farm.rows]
            print(f"memory: {len(urls)} portals × ~{args.pages} pages")
            big = run_tadarki(farm.proxy, urls, args.max_pages, report_every=10_000)
            print(f"tadarki  {big['pages']} pages in {big['seconds']:.1f} s")
        finally:
            farm.close()


if __name__ == "__main__":
    main()
