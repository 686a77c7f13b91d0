"""Audit benchmark: Tadarki's full audit against Scrapy fetch+parse on the same farm.

    .venv/bin/python bench/bench_audit.py                  # 20 portals x 250 pages, memory at 5k/50k
    .venv/bin/python bench/bench_audit.py --quick          # smoke run on a tiny farm
    .venv/bin/python bench/bench_audit.py --portals 20 --pages 250 --memory-portals 200

The farm (`python -m tadarki.farm serve`) runs in its own process and is used as the HTTP
proxy by both crawlers, so both take the same path to the same pages. Each crawler runs in
its own subprocess, so CPU seconds and peak RSS are its own (Scrapy's Twisted reactor
included). Tadarki does the whole audit (crawl, robots, off-host link checks, parse, rules);
Scrapy only fetches and parses: a CrawlSpider-like spider that follows on-host links and reads
each page with Scrapy selectors, with the same per-portal page cap and the same politeness
(no delay, 4 connections per host). The figures are printed as a small table.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

PYTHON = sys.executable
MAX_PAGES = 500  # per portal, Tadarki's default
PER_HOST = 4
MAX_REPEATED_SEGMENT = 2  # both skip ever-growing NPF paths the same way
MAX_DEPTH = 6  # link hops from a start page, Tadarki's default


def usage() -> dict:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu_s": own.ru_utime + own.ru_stime, "peak_rss_mb": own.ru_maxrss / 1024}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---- the two crawlers, each run as `bench_audit.py _tadarki|_scrapy CSV PROXY` -----------


def run_tadarki(csv_path: str, proxy: str) -> dict:
    import csv

    from tadarki.engine.audit import AuditConfig, Target, audit_many
    from tadarki.engine.crawl.config import CrawlConfig

    with open(csv_path, encoding="utf-8") as handle:
        targets = [Target(r["office"], r["url"], r["department"]) for r in csv.DictReader(handle)]
    config = AuditConfig(
        crawl=CrawlConfig(
            requests_per_second=0,  # the farm is ours: no politeness delay for either crawler
            external_requests_per_second=0,
            concurrency_per_host=PER_HOST,
            max_pages=MAX_PAGES,
            proxy_env={"http_proxy": proxy, "https_proxy": proxy},
        ),
        portal_concurrency=min(len(targets), 20),
    )
    started = time.perf_counter()
    totals = {"pages": 0, "findings": 0}

    def count(_index, portal) -> None:  # stream results, as `tadarki audit` does
        totals["pages"] += portal.pages_fetched
        totals["findings"] += len(portal.findings)

    asyncio.run(audit_many(targets, config, on_portal=count, keep_pages=False))
    wall = time.perf_counter() - started
    pages, findings = totals["pages"], totals["findings"]
    return {"pages": pages, "findings": findings, "wall_s": wall, **usage()}


def run_scrapy(csv_path: str, proxy: str) -> dict:
    import csv
    from collections import Counter

    import scrapy
    from scrapy.crawler import CrawlerProcess

    with open(csv_path, encoding="utf-8") as handle:
        roots = [row["url"] for row in csv.DictReader(handle)]
    counts: Counter[str] = Counter()
    seen: set[str] = set(roots)

    def ever_growing(url: str) -> bool:
        segments = [s for s in urlsplit(url).path.split("/") if s]
        return any(segments.count(s) > MAX_REPEATED_SEGMENT for s in ("site", "pages"))

    class FarmSpider(scrapy.Spider):
        name = "farm"
        custom_settings = {"HTTPERROR_ALLOW_ALL": True}

        async def start(self):
            for root in roots:
                yield scrapy.Request(root, callback=self.parse, errback=self.failed)

        def failed(self, failure):
            counts["errors"] += 1

        def parse(self, response):
            host = urlsplit(response.url).hostname
            counts["pages"] += 1
            if not isinstance(response, scrapy.http.TextResponse):
                return
            # Parse: what an auditor reads first (title, menu, body text, links).
            response.css("title::text").get()
            response.css("ul.meganizr a, ul.menu-list a").getall()
            " ".join(response.css("body *::text").getall())
            for href in response.css("a::attr(href)").getall():
                href = href.strip()
                if not href or href.startswith(("#", "nolink", "javascript:", "mailto:")):
                    continue
                url = urljoin(response.url, href)
                parts = urlsplit(url)
                if parts.scheme != "http" or parts.hostname != host or ever_growing(url):
                    continue
                if url.lower().endswith((".pdf", ".jpg", ".png", ".docx")):
                    continue
                url = url.split("#", 1)[0]
                if url in seen or counts[host] >= MAX_PAGES:
                    continue  # the cap counts distinct pages, as Tadarki's does
                seen.add(url)
                counts[host] += 1
                yield response.follow(url, callback=self.parse, errback=self.failed)

    os.environ["http_proxy"] = proxy
    os.environ["https_proxy"] = proxy
    process = CrawlerProcess(
        settings={
            "LOG_LEVEL": os.environ.get("BENCH_LOG", "ERROR"),
            "ROBOTSTXT_OBEY": True,
            "CONCURRENT_REQUESTS": PER_HOST * min(len(roots), 20),
            "CONCURRENT_REQUESTS_PER_DOMAIN": PER_HOST,
            "DOWNLOAD_DELAY": 0,
            "DEPTH_LIMIT": MAX_DEPTH,
            "RETRY_TIMES": 2,
            "COOKIES_ENABLED": False,
            "TELNETCONSOLE_ENABLED": False,
            "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        }
    )
    process.crawl(FarmSpider)
    started = time.perf_counter()
    process.start()
    wall = time.perf_counter() - started
    return {"pages": counts["pages"], "errors": counts["errors"], "wall_s": wall, **usage()}


# ---- the driver ----------------------------------------------------------------------


class FarmProcess:
    """`python -m tadarki.farm serve` in a subprocess, used as the HTTP proxy."""

    def __init__(self, portals: int, pages: int):
        self.port = free_port()
        self.args = [PYTHON, "-m", "tadarki.farm", "serve", "--portals", str(portals)]
        self.args += ["--pages", str(pages), "--port", str(self.port)]

    def __enter__(self) -> FarmProcess:
        self.proc = subprocess.Popen(self.args, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()  # "farm serving N portals on http://…"
        if "farm serving" not in line:
            raise RuntimeError(f"farm did not start: {line!r}")
        return self

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        self.proc.wait(10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def measure(crawler: str, csv_path: Path, proxy: str) -> dict:
    out = subprocess.run(
        [PYTHON, __file__, f"_{crawler}", str(csv_path), proxy],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"{crawler} run failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def write_csv(portals: int, pages: int, folder: Path) -> Path:
    from tadarki.farm.generate import build_farm

    path = folder / f"offices-{portals}.csv"
    path.write_text(build_farm(portals, pages).csv_text(), encoding="utf-8")
    return path


def row(name: str, portals: int, m: dict) -> str:
    rate = m["pages"] / m["wall_s"] if m["wall_s"] else 0.0
    return (
        f"{name:24} {portals:7} {m['pages']:7} {m['wall_s']:8.1f} {rate:8.1f} "
        f"{m['cpu_s']:7.1f} {m['peak_rss_mb']:9.1f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portals", type=int, default=20)
    parser.add_argument("--pages", type=int, default=250)
    parser.add_argument("--memory-portals", type=int, default=200, help="0 skips the large run")
    parser.add_argument("--quick", action="store_true", help="a tiny farm, for smoke tests")
    args = parser.parse_args(argv)
    if args.quick:
        args.portals, args.pages, args.memory_portals = 4, 20, 8
    largest = max(args.portals, args.memory_portals)
    with tempfile.TemporaryDirectory() as tmp, FarmProcess(largest, args.pages) as farm:
        folder = Path(tmp)
        small = write_csv(args.portals, args.pages, folder)
        ours = measure("tadarki", small, farm.url)
        theirs = measure("scrapy", small, farm.url)
        large = None
        if args.memory_portals > args.portals:
            large = measure("tadarki", write_csv(args.memory_portals, args.pages, folder), farm.url)
    header = f"{'crawler':24} {'portals':>7} {'pages':>7} {'wall_s':>8} {'pages/s':>8} {'cpu_s':>7} {'peak_rss_MB':>9}"
    print(header)
    print(row("tadarki (full audit)", args.portals, ours))
    print(row("scrapy (fetch+parse)", args.portals, theirs))
    if large:
        print(row("tadarki (full audit)", args.memory_portals, large))
    speed = (ours["pages"] / ours["wall_s"]) / max(theirs["pages"] / theirs["wall_s"], 1e-9)
    cpu = (ours["cpu_s"] / max(ours["pages"], 1)) / max(
        theirs["cpu_s"] / max(theirs["pages"], 1), 1e-9
    )
    print(
        f"ratio tadarki/scrapy: pages/s {speed:.2f}, CPU per page {cpu:.2f}, "
        f"peak RSS {ours['peak_rss_mb'] / theirs['peak_rss_mb']:.2f}"
    )
    if large:
        print(
            f"memory: tadarki peak RSS {ours['peak_rss_mb']:.1f} MB at {ours['pages']} pages, "
            f"{large['peak_rss_mb']:.1f} MB at {large['pages']} pages"
        )
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] in ("_tadarki", "_scrapy"):
        run = run_tadarki if sys.argv[1] == "_tadarki" else run_scrapy
        print(json.dumps(run(sys.argv[2], sys.argv[3])))
        sys.exit(0)
    sys.exit(main())
