"""Audit benchmark: Tadarki's full audit against Scrapy fetch+parse on the same farm.

    .venv/bin/python bench/bench_audit.py                  # ~5k pages x 2 runs each, memory at ~50k
    .venv/bin/python bench/bench_audit.py --quick          # smoke run on a tiny farm
    .venv/bin/python bench/bench_audit.py --portals 26 --pages 250 --memory-portals 229 --runs 2

The farm (`python -m tadarki.farm serve`) runs in its own process and is used as the HTTP
proxy by both crawlers, so both take the same path to the same pages. For the speed runs it
is started `--warm`: every page is rendered and gzipped before the first crawler starts, so
neither pays for renders (the table's farm_misses column shows what was still rendered on
demand, farm_cpu_s what serving took from the same two cores). The crawlers then run
alternately, tadarki, scrapy, tadarki, scrapy, and the ratio is taken from the best of each,
so one noisy moment on a shared machine does not decide it.

Memory is compared on a farm of its own that renders on demand (warming 229 portals x 250
pages would take ~36 s and ~800 MB), at the speed run's portals at once: Tadarki audits the
speed run's portals there (about 5k pages; they are this farm's first ones), then all 229
(about 50k), and reports the peak of each, and how the large run's peak rose as its pages did.

Tadarki does the whole audit (crawl, robots, off-host link checks, parse, rules) in
`BENCH_PROCESSES` worker processes (0, the default, is one per CPU). Scrapy only fetches and
parses: a CrawlSpider-like spider that follows on-host links and reads each page with Scrapy
selectors, with the same per-portal page cap and the same politeness (no delay, 4 connections
per host).

Each crawler runs in its own subprocess, measured as a whole process tree: CPU seconds are
the RUSAGE_CHILDREN delta around it (this process is made a child subreaper, so descendants
that outlive their parent, like multiprocessing's fork server, are reaped here and counted);
peak memory is the highest sum of PSS over the subprocess and all its descendants (RSS read
every 0.1 s, PSS at each new high). The farm is not measured. wall_s is the crawl alone,
without interpreter start and imports; cpu_s includes them, for both crawlers.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import json
import os
import platform
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urljoin, urlsplit

PYTHON = sys.executable
MAX_PAGES = 500  # per portal, Tadarki's default
PER_HOST = 4
# Portals crawled at once, by both crawlers: 16 of the speed run's 26, so that portals are
# still waiting when the first ones finish and go to whichever Tadarki worker is free (with all
# 26 handed out at the start, a worker that drew small portals idled through the other's tail:
# 1,533-1,640 pages/s against 1,810 at 16; Scrapy, 285 against 304). The memory runs keep the
# figure: memory is compared at the same settings, only the number of pages grows.
PORTALS_AT_ONCE = 16
MAX_REPEATED_SEGMENT = 2  # both skip ever-growing NPF paths the same way
MAX_DEPTH = 6  # link hops from a start page, Tadarki's default
# Seconds between memory samples of the measured tree, and between looks for new processes
# in it: walking all of /proc every 50 ms cost the driver ~1 CPU-second per run, taken from
# the crawlers on this 2-core box. Workers live for many seconds, so 0.5 s misses none.
SAMPLE_EVERY = 0.1
TREE_EVERY = 0.5


def own_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---- the two crawlers, each run as `bench_audit.py _tadarki|_scrapy CSV PROXY` -----------


def run_tadarki(csv_path: str, proxy: str, at_once: int) -> dict:
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
        portal_concurrency=at_once,
        processes=int(os.environ.get("BENCH_PROCESSES", "0")),
    )
    started = time.perf_counter()
    totals = {"pages": 0, "findings": 0}

    def count(_index, portal) -> None:  # stream results, as `tadarki audit` does
        totals["pages"] += portal.pages_fetched
        totals["findings"] += len(portal.findings)
        print(f"pages {totals['pages']}", file=sys.stderr, flush=True)  # for measure()

    asyncio.run(audit_many(targets, config, on_portal=count, keep_pages=False))
    wall = time.perf_counter() - started
    return {**totals, "wall_s": wall, "top_rss_mb": own_peak_rss_mb()}


def run_scrapy(csv_path: str, proxy: str, at_once: int) -> dict:
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
            "CONCURRENT_REQUESTS": PER_HOST * at_once,
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
    return {
        "pages": counts["pages"],
        "errors": counts["errors"],
        "wall_s": wall,
        "top_rss_mb": own_peak_rss_mb(),
    }


# ---- the measurement: a subprocess and all its descendants -------------------------------


def parents() -> dict[int, int]:
    """pid -> parent pid of every process (this kernel has no /proc/<pid>/task/*/children)."""
    out = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    stat = handle.read()
            except OSError:  # it ended while we looked
                continue
            # The command name may hold spaces and parentheses; the fields after it do not.
            out[int(entry.name)] = int(stat.rsplit(b")", 1)[1].split()[1])
    return out


def descendants(root: int, ppids: dict[int, int]) -> list[int]:
    children: dict[int, list[int]] = {}
    for pid, ppid in ppids.items():
        children.setdefault(ppid, []).append(pid)
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, ()))
    return tree


def pss_mb(pid: int) -> float:
    """PSS of one process (shared pages split among their users); RSS if PSS is unreadable."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss_mb(pid)


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0


class TreeSampler(threading.Thread):
    """Samples the summed memory of a process and its descendants until it ends."""

    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root = root
        self.peak_mb = 0.0
        self.peak_rss = 0.0
        self.peak_parts: list[float] = []  # each process's MB at the peak, largest first
        self.most_processes = 0
        self.seen: set[int] = set()
        self.done = threading.Event()

    def run(self) -> None:
        looked = 0.0
        while not self.done.is_set():
            if time.monotonic() - looked >= TREE_EVERY:
                tree = descendants(self.root, parents())
                looked = time.monotonic()
            tree = [pid for pid in tree if os.path.exists(f"/proc/{pid}")]
            self.seen.update(tree)
            self.most_processes = max(self.most_processes, len(tree))
            # RSS is cheap to read (35 us), PSS is not (3 ms a process): PSS is read only when
            # the tree's RSS reaches a new high, which is where its peak PSS is too.
            rss = sum(rss_mb(pid) for pid in tree)
            if rss > self.peak_rss:
                self.peak_rss = rss
                parts = [pss_mb(pid) for pid in tree]
                if sum(parts) > self.peak_mb:
                    self.peak_mb, self.peak_parts = sum(parts), sorted(parts, reverse=True)
            self.done.wait(SAMPLE_EVERY)


def become_subreaper() -> None:
    """Orphaned descendants of the measured subprocess become our children (Linux)."""
    pr_set_child_subreaper = 36
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_child_subreaper, 1, 0, 0, 0)


def reap_orphans(keep: set[int], patience_s: float = 30.0) -> None:
    """Wait for the measured tree's leftovers (not the farm, in `keep`), adding their CPU."""
    me, ends = os.getpid(), time.monotonic() + patience_s
    while orphans := [pid for pid, ppid in parents().items() if ppid == me and pid not in keep]:
        for pid in orphans:
            with contextlib.suppress(ChildProcessError):
                if os.waitpid(pid, os.WNOHANG)[0] == 0 and time.monotonic() > ends:
                    os.kill(pid, signal.SIGKILL)  # a leftover that will not end on its own
        time.sleep(0.02)


def measure(crawler: str, csv_path: Path, proxy: str, at_once: int, keep: set[int]) -> dict:
    """Run one crawler in a subprocess; its figures plus the tree's CPU and peak PSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(
        [PYTHON, __file__, f"_{crawler}", str(csv_path), proxy, str(at_once)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    sampler = TreeSampler(proc.pid)
    sampler.start()
    # (pages done, the tree's peak so far) each time the crawler reports its page count.
    marks: list[tuple[int, float]] = []
    errors: list[str] = []

    def read_stderr() -> None:
        for line in proc.stderr:
            if line.startswith("pages "):
                marks.append((int(line.split()[1]), sampler.peak_mb))
            else:
                errors.append(line)

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    stdout = proc.stdout.read()
    proc.wait()
    reader.join()
    sampler.done.set()
    sampler.join()
    stderr = "".join(errors)
    reap_orphans(keep)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{crawler} run failed: {stderr[-2000:]}")
    figures = json.loads(stdout.strip().splitlines()[-1])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    figures.update(cpu_s=cpu, peak_mb=sampler.peak_mb, processes=sampler.most_processes)
    figures["peak_parts"] = sampler.peak_parts
    figures["marks"] = marks + [(figures["pages"], sampler.peak_mb)]  # and the run's peak
    print(f"  {crawler}: {figures['pages']} pages in {figures['wall_s']:.1f} s", file=sys.stderr)
    return figures


# ---- the driver ----------------------------------------------------------------------


class FarmProcess:
    """`python -m tadarki.farm serve` in a subprocess, used as the HTTP proxy."""

    def __init__(self, portals: int, pages: int, *, warm: bool = False, cache_size: int = 4096):
        self.port = free_port()
        self.args = [PYTHON, "-m", "tadarki.farm", "serve", "--portals", str(portals)]
        self.args += ["--pages", str(pages), "--port", str(self.port)]
        self.args += ["--cache-size", str(cache_size)] + (["--warm"] if warm else [])

    def __enter__(self) -> FarmProcess:
        self.proc = subprocess.Popen(self.args, stdout=subprocess.PIPE, text=True)
        self.started = self.proc.stdout.readline().strip()  # "farm serving N portals on …"
        if "farm serving" not in self.started:
            raise RuntimeError(f"farm did not start: {self.started!r}")
        return self

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        self.proc.wait(10)

    def cpu_s(self) -> float:
        """CPU seconds the farm has used so far (it shares the machine with the crawlers)."""
        with open(f"/proc/{self.proc.pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def misses(self) -> int:
        """Answers rendered on demand since the last call (the farm counts; SIGUSR1 asks)."""
        self.proc.send_signal(signal.SIGUSR1)
        line = self.proc.stdout.readline()  # "farm stats: R requests, M rendered on demand"
        return int(line.split(",")[1].split()[0])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def write_csv(portals: int, pages: int, folder: Path) -> tuple[Path, int]:
    """The farm's offices CSV, and how many pages the farm has."""
    from tadarki.farm.generate import build_farm

    farm = build_farm(portals, pages)
    path = folder / f"offices-{portals}.csv"
    path.write_text(farm.csv_text(), encoding="utf-8")
    return path, farm.page_count()


def machine() -> str:
    cpus = os.cpu_count()
    usable = len(os.sched_getaffinity(0))
    requested = int(os.environ.get("BENCH_PROCESSES", "0"))
    processes = f"{requested}" if requested > 0 else f"0 (one per CPU: {usable})"
    return (
        f"machine: {cpus} CPUs ({usable} usable), Python {platform.python_version()}, "
        f"aiohttp {version('aiohttp')}, scrapy {version('scrapy')}; "
        f"tadarki processes={processes} (BENCH_PROCESSES)"
    )


HEADER = (
    f"{'crawler':22} {'run':>4} {'portals':>7} {'pages':>6} {'wall_s':>7} {'pages/s':>8} "
    f"{'cpu_s':>6} {'cpu_ms/pg':>9} {'peak_pss_MB':>11} {'procs':>5} {'top_rss_MB':>10} "
    f"{'farm_misses':>11} {'farm_cpu_s':>10}"
)


def rate(m: dict) -> float:
    return m["pages"] / m["wall_s"] if m["wall_s"] else 0.0


def cpu_per_page(m: dict) -> float:
    return m["cpu_s"] / max(m["pages"], 1)


def best(runs: list[dict]) -> dict:
    """Each figure's best over the runs (highest pages/s, least CPU, least memory)."""
    fastest = max(runs, key=rate)
    return {
        **fastest,
        "cpu_s": min(cpu_per_page(m) for m in runs) * fastest["pages"],
        "peak_mb": min(m["peak_mb"] for m in runs),
        "top_rss_mb": min(m["top_rss_mb"] for m in runs),
        "peak_parts": min(runs, key=lambda m: m["peak_mb"])["peak_parts"],
        "misses": "",
        "farm_cpu_s": "",
    }


def growth(marks: list[tuple[int, float]], fractions=(0.1, 0.2, 0.5, 1.0)) -> str:
    """The tree's peak PSS so far when the run had done a tenth, a fifth, half and all of its
    pages (5k, 10k, 25k and 50k pages in the memory run)."""
    out = []
    total = marks[-1][0] if marks else 0
    for fraction in fractions:
        reached = next(((n, peak) for n, peak in marks if n >= fraction * total), None)
        if reached:
            out.append(f"{reached[1]:.1f} MB by {reached[0]} pages")
    return ", ".join(out) or "no page counts reported"


def row(name: str, run: str, portals: int, m: dict) -> str:
    return (
        f"{name:22} {run:>4} {portals:7} {m['pages']:6} {m['wall_s']:7.1f} {rate(m):8.1f} "
        f"{m['cpu_s']:6.1f} {1000 * cpu_per_page(m):9.2f} {m['peak_mb']:11.1f} "
        f"{m['processes']:5} {m['top_rss_mb']:10.1f} {m.get('misses', ''):>11} "
        f"{_figure(m.get('farm_cpu_s', '')):>10}"
    )


def _figure(value) -> str:
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 26 portals x 250 pages is ~5,000 fetched pages (3 of the first 9 portals fetch none).
    parser.add_argument("--portals", type=int, default=26)
    parser.add_argument("--pages", type=int, default=250)
    parser.add_argument("--runs", type=int, default=2, help="alternating runs of each crawler")
    parser.add_argument(
        "--memory-portals", type=int, default=229, help="~50k pages; 0 skips the large run"
    )
    parser.add_argument(
        "--at-once", type=int, default=PORTALS_AT_ONCE, help="portals crawled at once, by both"
    )
    parser.add_argument("--quick", action="store_true", help="a tiny farm, for smoke tests")
    args = parser.parse_args(argv)
    if args.quick:
        args.portals, args.pages, args.memory_portals, args.runs = 4, 20, 8, 1
    become_subreaper()
    print(machine(), flush=True)
    names = {"tadarki": "tadarki (full audit)", "scrapy": "scrapy (fetch+parse)"}
    runs: dict[str, list[dict]] = {"tadarki": [], "scrapy": []}
    small_cold = large = None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small, farm_pages = write_csv(args.portals, args.pages, folder)
        at_once = min(args.portals, args.at_once)
        # Room for every page plus what is rendered on demand (404s, off-host answers).
        cache = 2 * farm_pages + 4096
        with FarmProcess(args.portals, args.pages, warm=True, cache_size=cache) as farm:
            print(f"speed run: {farm.started}", flush=True)
            for _ in range(args.runs):
                for crawler in ("tadarki", "scrapy"):
                    farm_cpu = farm.cpu_s()
                    figures = measure(crawler, small, farm.url, at_once, keep={farm.proc.pid})
                    figures["misses"] = farm.misses()
                    figures["farm_cpu_s"] = farm.cpu_s() - farm_cpu
                    runs[crawler].append(figures)
        if args.memory_portals > args.portals:
            big, _ = write_csv(args.memory_portals, args.pages, folder)
            with FarmProcess(args.memory_portals, args.pages) as farm:
                print(f"memory run: {farm.started} (rendering on demand)", flush=True)
                # The speed run's portals are this farm's first ones: the same pages, on the
                # same farm, then ten times as many.
                small_cold = measure("tadarki", small, farm.url, at_once, keep={farm.proc.pid})
                large = measure("tadarki", big, farm.url, at_once, keep={farm.proc.pid})
    print(HEADER)
    for i in range(args.runs):
        for crawler in ("tadarki", "scrapy"):
            print(row(names[crawler], str(i + 1), args.portals, runs[crawler][i]))
    ours, theirs = best(runs["tadarki"]), best(runs["scrapy"])
    if args.runs > 1:
        print(row(names["tadarki"], "best", args.portals, ours))
        print(row(names["scrapy"], "best", args.portals, theirs))
    if large:
        print(row(names["tadarki"], "mem", args.portals, small_cold))
        print(row(names["tadarki"], "mem", args.memory_portals, large))
    label = f"best of {args.runs} runs each, figure by figure" if args.runs > 1 else "1 run each"
    print(
        f"ratio tadarki/scrapy ({label}): pages/s {rate(ours) / max(rate(theirs), 1e-9):.2f}, "
        f"CPU per page {cpu_per_page(ours) / max(cpu_per_page(theirs), 1e-9):.2f}, "
        f"peak PSS {ours['peak_mb'] / max(theirs['peak_mb'], 1e-9):.2f}"
    )
    if large:
        print(
            f"memory, on the memory run's farm: tadarki peak {small_cold['peak_mb']:.1f} MB at "
            f"{small_cold['pages']} pages, {large['peak_mb']:.1f} MB at {large['pages']} pages "
            f"({large['peak_mb'] / max(small_cold['peak_mb'], 1e-9):.2f}x); "
            f"{ours['peak_mb']:.1f} MB in the speed run"
        )
        for m in (small_cold, large):
            parts = ", ".join(f"{mb:.0f}" for mb in m["peak_parts"])
            print(f"  at {m['pages']} pages: {len(m['peak_parts'])} processes of {parts} MB")
        print(f"  as pages grow in the {large['pages']}-page run: {growth(large['marks'])}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] in ("_tadarki", "_scrapy"):
        run = run_tadarki if sys.argv[1] == "_tadarki" else run_scrapy
        print(json.dumps(run(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
        sys.exit(0)
    sys.exit(main())
