"""`tadarki bangla-date YYYY-MM-DD`: print the date in the revised Bangla calendar."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import NoReturn

from tadarki.bangla.calendar import format_bangla
from tadarki.bangla.digits import to_ascii

USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (the CLI contract), still exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_ERROR, f"{self.prog}: error: {message}\n")


def _iso_date(text: str) -> date:
    try:
        # Bengali digits are accepted too: ২০২৫-০৮-২১.
        return date.fromisoformat(to_ascii(text.strip()))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tadarki bangla-date",
        description="Print a Gregorian date in the revised Bangla calendar (বঙ্গাব্দ), "
        "with Bengali digits, e.g. ৬ ভাদ্র ১৪৩২.",
    )
    parser.add_argument("date", type=_iso_date, help="the Gregorian date, YYYY-MM-DD")
    return parser


def _write(line: str) -> None:
    try:
        sys.stdout.write(line)
    except UnicodeEncodeError:
        # A console without UTF-8 (LANG=C on an old system): write the bytes ourselves.
        sys.stdout.flush()
        sys.stdout.buffer.write(line.encode("utf-8"))
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    """Run the command; returns the exit status (argparse's --help and usage errors included)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        try:
            text = format_bangla(args.date)
        except ValueError as error:  # a real date outside the Bangla era
            parser.error(str(error))
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else USAGE_ERROR
    _write(text + "\n")
    return 0
