"""`python -m tadarki.farm serve|proxy|csv|truth`: the fixture farm from the command line.

    python -m tadarki.farm serve --portals 20 --pages 250 --port 8765
    python -m tadarki.farm serve --portals 28 --pages 250 --warm --cache-size 20000
    python -m tadarki.farm csv --out offices.csv
    python -m tadarki.farm truth --json truth.json

`serve` also answers absolute-URI requests, so `HTTP_PROXY=http://127.0.0.1:8765` works
directly; unknown host names answer 502 (like a failed DNS lookup). `--warm` renders and
gzips every page before it prints "farm serving ..." (size `--cache-size` to hold them all).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from tadarki.farm.generate import build_farm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tadarki.farm")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("serve", "csv", "truth"):
        cmd = sub.add_parser(name)
        cmd.add_argument("--portals", type=int, default=18)
        cmd.add_argument("--pages", type=int, default=60)
        cmd.add_argument("--seed", type=int, default=1)
        if name == "serve":
            cmd.add_argument("--host", default="127.0.0.1")
            cmd.add_argument("--port", type=int, default=8765)
            cmd.add_argument("--warm", action="store_true", help="render every page first")
            cmd.add_argument("--cache-size", type=int, default=4096, help="answers kept")
        elif name == "csv":
            cmd.add_argument("--out", default="-")
        else:
            cmd.add_argument("--json", default="-")
    args = parser.parse_args(argv)
    if args.command == "serve" and args.host not in ("127.0.0.1", "localhost", "::1"):
        parser.error("the farm serves on loopback only")
    farm = build_farm(args.portals, args.pages, args.seed)
    if args.command == "serve":
        from tadarki.farm.server import run_forever

        try:
            serving = run_forever(
                farm, args.host, args.port, warm=args.warm, cache_size=args.cache_size
            )
            asyncio.run(serving)
        except KeyboardInterrupt:
            pass
        return 0
    if args.command == "csv":
        write(args.out, farm.csv_text())
        return 0
    truth = {
        host: sorted([d.rule, d.subject] for d in defects) for host, defects in farm.truth().items()
    }
    write(args.json, json.dumps(truth, ensure_ascii=False, indent=1) + "\n")
    return 0


def write(target: str, text: str) -> None:
    if target == "-":
        sys.stdout.write(text)
    else:
        Path(target).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
