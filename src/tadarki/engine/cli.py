"""`tadarki audit TARGET... [--json PATH] [--max-pages N] [--concurrency N]` (spec/cli.md).

Exit status: 0 when the audit ran (whatever it found), 2 for a usage error, 1 for a
failure with a one-line reason on standard error and no traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TextIO

from tadarki.engine.audit import AuditConfig, Target, audit_many, worker_processes
from tadarki.engine.crawl import defaults
from tadarki.engine.crawl.cache import JsonLinesCache
from tadarki.engine.crawl.config import CrawlConfig
from tadarki.engine.result import AuditResult, PortalResult


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would exit by itself; we return 2 instead
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="tadarki audit", description="Audit NPF portals and write the result.")
    p.add_argument(
        "targets", nargs="+", metavar="TARGET", help="a URL, or a CSV office,url[,department]"
    )
    p.add_argument(
        "--json", dest="json_path", metavar="PATH", default="-", help="output file, - = stdout"
    )
    p.add_argument("--max-pages", type=int, default=CrawlConfig.max_pages, metavar="N")
    p.add_argument("--concurrency", type=int, default=None, metavar="N", help="portals at once")
    p.add_argument("--rate", type=float, default=None, metavar="R", help="requests/second per host")
    p.add_argument(
        "--per-host", type=int, default=None, metavar="N", help="requests in flight per host"
    )
    p.add_argument(
        "--contact",
        metavar="URL",
        default="",
        help="contact URL in the User-Agent (default: TADARKI_CONTACT_URL, else the project's)",
    )
    p.add_argument("--no-robots", action="store_true", help="do not honour robots.txt")
    p.add_argument("--allow-private", action="store_true", help="allow private/loopback addresses")
    p.add_argument("--no-external", action="store_true", help="do not check off-host links")
    p.add_argument("--stats-config", metavar="FILE", help="department statistics (JSON/TOML)")
    p.add_argument("--cache", metavar="FILE", help="JSON-lines cache for conditional requests")
    p.add_argument("--timeout", type=float, default=None, metavar="S", help="total per request")
    p.add_argument(
        "--processes",
        type=int,
        default=0,
        metavar="N",
        help="worker processes (0 = one per CPU; with --cache, one)",
    )
    return p


def read_targets(values: list[str]) -> list[Target]:
    targets: list[Target] = []
    for value in values:
        if value.startswith(("http://", "https://")):
            targets.append(Target(office=value, url=value))
            continue
        path = Path(value)
        if not path.is_file():
            raise UsageError(f"{value}: neither an http(s):// URL nor a CSV file")
        targets.extend(_read_csv(path))
    if not targets:
        raise UsageError("no targets")
    return targets


def _read_csv(path: Path) -> list[Target]:
    targets = []
    with path.open(encoding="utf-8-sig", newline="") as handle:  # -sig: Excel's BOM
        for number, row in enumerate(csv.reader(handle), 1):
            cells = [c.strip() for c in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if number == 1 and len(cells) >= 2 and cells[1].lower() in ("url", "portal"):
                continue  # header row
            if len(cells) < 2 or not cells[1]:
                raise UsageError(f"{path}:{number}: expected office,url[,department]")
            url = cells[1]
            if "://" not in url:
                url = "https://" + url
            targets.append(Target(cells[0], url, cells[2] if len(cells) > 2 else ""))
    return targets


class ProgressLine:
    """One updating line on a terminal, plain lines otherwise (CI logs)."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.pages = 0
        self.done = 0
        self.findings = 0
        self._last = 0.0

    def __call__(self, event: dict) -> None:
        kind = event.get("event")
        if kind == "page":
            self.pages += 1
        elif kind == "portal-done":
            self.done += 1
            self.findings += event.get("findings", 0)
        else:
            return
        line = f"pages {self.pages} · portals {self.done}/{self.total} · findings {self.findings}"
        if self.tty:
            now = time.monotonic()
            if kind == "page" and now - self._last < 0.1:
                return
            self._last = now
            self.stream.write("\r\x1b[K" + line)
        elif kind == "portal-done":
            state = "ok" if event.get("reachable") else "unreachable"
            self.stream.write(f"{line} · {event.get('url')} {state}\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


class StreamedJson:
    """Writes `AuditResult.dumps()` byte for byte without holding every portal in memory.

    Portals finish out of order; each is serialised as it arrives and waits (as text) only
    until those before it in the target list are written. The spooled portals go to a
    temporary file because `finished_at` precedes `portals` in the object.
    """

    def __init__(self) -> None:
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")
        self._waiting: dict[int, str] = {}
        self._next = 0

    def add(self, index: int, portal: PortalResult) -> None:
        text = json.dumps(portal.to_json(), ensure_ascii=False, indent=2)
        # One level deeper than on its own: inside "portals" of the top object.
        self._waiting[index] = "    " + text.replace("\n", "\n    ")
        while self._next in self._waiting:
            self._spool_one(self._waiting.pop(self._next))
            self._next += 1

    def _spool_one(self, text: str) -> None:
        if self._spool.tell():
            self._spool.write(",\n")
        self._spool.write(text)

    def write(self, result: AuditResult, out: TextIO) -> None:
        """The whole JSON document (`result` gives the head; its `portals` are ignored)."""
        head = result.to_json()
        head["portals"] = []
        text = json.dumps(head, ensure_ascii=False, indent=2)
        if self._next or self._waiting:
            before, after = text.rsplit('"portals": []', 1)
            out.write(before + '"portals": [\n')
            for index in sorted(self._waiting):  # a gap only if a portal never came back
                self._spool_one(self._waiting[index])
            self._spool.seek(0)
            shutil.copyfileobj(self._spool, out)
            text = "\n  ]" + after
        out.write(text + "\n")

    def close(self) -> None:
        self._spool.close()


def _config(args: argparse.Namespace) -> AuditConfig:
    crawl = CrawlConfig(
        user_agent=defaults.user_agent(args.contact),
        max_pages=args.max_pages,
        respect_robots=not args.no_robots,
        allow_private=args.allow_private,
        check_external_links=not args.no_external,
    )
    if args.rate is not None:
        crawl.requests_per_second = args.rate
    if args.per_host is not None:
        crawl.concurrency_per_host = args.per_host
    if args.timeout is not None:
        crawl.total_timeout = args.timeout
    config = AuditConfig(crawl=crawl, processes=args.processes)
    if args.concurrency is not None:
        config.portal_concurrency = args.concurrency
    return config


def _rules_with_stats(path: str):
    """RulesConfig whose department statistics come from FILE (JSON or TOML, rules.md)."""
    from tadarki.engine.rules.config import RulesConfig, load_stats_config

    try:
        table = load_stats_config(path)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{path}: not a department statistics file ({exc})") from exc
    return RulesConfig(stats_by_department=table)


def main(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.max_pages < 1 or (args.concurrency is not None and args.concurrency < 1):
            raise UsageError("--max-pages and --concurrency must be at least 1")
        if args.processes < 0:
            raise UsageError("--processes must be 0 (one per CPU) or more")
        targets = read_targets(args.targets)
        config = _config(args)
        if args.stats_config:
            config.rules = _rules_with_stats(args.stats_config)
    except UsageError as exc:
        print(f"tadarki audit: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        print(f"tadarki audit: {exc}", file=sys.stderr)
        return 1
    cache = JsonLinesCache(args.cache) if args.cache else None
    processes = worker_processes(config, len(targets), cache=cache)
    print(
        f"tadarki audit: {len(targets)} portals, {config.portal_concurrency} at once, "
        f"{processes} worker process{'es' if processes > 1 else ''}",
        file=sys.stderr,
    )
    progress = ProgressLine(len(targets))
    output = StreamedJson()
    try:
        result = asyncio.run(
            audit_many(
                targets,
                config,
                cache=cache,
                progress=progress,
                on_portal=output.add,
                keep_pages=False,
            )
        )
        progress.finish()
        if args.json_path == "-":
            output.write(result, sys.stdout)
            sys.stdout.flush()
        else:
            with open(args.json_path, "w", encoding="utf-8") as out:
                output.write(result, out)
    except KeyboardInterrupt:
        print("tadarki audit: interrupted", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the contract: one line, no traceback
        print(f"tadarki audit: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        output.close()
        if cache is not None:
            cache.close()
    return 0
