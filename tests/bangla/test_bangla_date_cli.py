"""`tadarki bangla-date YYYY-MM-DD`, in process and as the installed command."""

import subprocess
import sys
from pathlib import Path

import pytest

from tadarki.bangla.cli import main

TADARKI = Path(sys.executable).parent / "tadarki"


def test_prints_the_bangla_date(capsys):
    assert main(["2025-08-21"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "৬ ভাদ্র ১৪৩২\n"
    assert captured.err == ""


def test_accepts_bengali_digits(capsys):
    assert main(["২০২১-১২-৩১"]) == 0
    assert capsys.readouterr().out == "১৬ পৌষ ১৪২৮\n"


@pytest.mark.parametrize("argv", [[], ["2025-13-01"], ["21-08-2025"], ["0100-01-01"], ["a", "b"]])
def test_usage_errors_exit_2_with_one_line(capsys, argv):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "Traceback" not in captured.err


def test_help_exits_0(capsys):
    assert main(["--help"]) == 0
    assert "YYYY-MM-DD" in capsys.readouterr().out


@pytest.mark.skipif(not TADARKI.exists(), reason="the tadarki command is not installed")
def test_installed_command():
    ok = subprocess.run(
        [str(TADARKI), "bangla-date", "2024-03-03"], capture_output=True, timeout=60
    )
    assert ok.returncode == 0
    assert ok.stdout.decode("utf-8") == "১৯ ফাল্গুন ১৪৩০\n"
    bad = subprocess.run([str(TADARKI), "bangla-date", "nope"], capture_output=True, timeout=60)
    assert bad.returncode == 2
    assert bad.stdout == b""
    assert len(bad.stderr.decode("utf-8").strip().splitlines()) == 1
