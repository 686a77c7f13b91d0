"""`tadarki minutes parse FILE [--json PATH]` (argv excludes `tadarki minutes`)."""

from __future__ import annotations

import argparse
import json
import sys

from tadarki.minutes.parser import MinutesError, parse_file


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tadarki minutes", description="Read meeting minutes into structured JSON."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="parse a .txt, .md or .docx file")
    parse.add_argument("file", help="the minutes file")
    parse.add_argument("--json", default="-", metavar="PATH", help="output file ('-' = stdout)")
    parse.add_argument(
        "--details",
        action="store_true",
        help="also the opening, discussion, closing, distribution and attendees",
    )
    return parser


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage
        return 0 if exc.code == 0 else 2
    try:
        result = parse_file(args.file, details=args.details)
    except MinutesError as exc:
        print(f"tadarki minutes: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the contract is one line, never a traceback
        print(
            f"tadarki minutes: {args.file}: cannot parse ({type(exc).__name__}: {exc})",
            file=sys.stderr,
        )
        return 1
    output = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    if args.json == "-":
        sys.stdout.write(output)
        return 0
    try:
        with open(args.json, "w", encoding="utf-8") as handle:
            handle.write(output)
    except OSError as exc:
        print(
            f"tadarki minutes: {args.json}: cannot write ({exc.strerror or exc})", file=sys.stderr
        )
        return 1
    return 0
