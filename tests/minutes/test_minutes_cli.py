"""`tadarki minutes parse FILE [--json PATH]` through the installed command."""

import json
import subprocess
import sys
from pathlib import Path

from tests.minutes.minutes_files import DATA, json_twin

TADARKI = Path(sys.executable).with_name("tadarki")


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(TADARKI), "minutes", *args], capture_output=True, text=True, timeout=60
    )


def test_parse_writes_json_to_stdout():
    result = _run("parse", str(DATA / "psd-website-2nd-2022.txt"), "--json", "-")
    assert result.returncode == 0, result.stderr
    expected = json_twin(DATA / "psd-website-2nd-2022.txt")
    assert json.loads(result.stdout) == expected
    assert "জননিরাপত্তা" in result.stdout  # ensure_ascii=False


def test_parse_writes_json_to_a_file(tmp_path):
    out = tmp_path / "out.json"
    result = _run("parse", str(DATA / "ssd-enothi-2023.md"), "--json", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert (
        json.loads(out.read_text(encoding="utf-8"))["memo_number"] == "৫৮.০০.০০০০.০১৮.৩১.০০৪.২৩.৫৫"
    )


def test_missing_file_fails_with_one_line(tmp_path):
    result = _run("parse", str(tmp_path / "absent.txt"))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_unsupported_extension_fails(tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(b"%PDF-1.4")
    result = _run("parse", str(path))
    assert result.returncode == 1
    assert "unsupported" in result.stderr


def test_damaged_docx_fails_without_traceback(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip")
    result = _run("parse", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_no_arguments_is_a_usage_error():
    assert _run().returncode == 2
    assert _run("parse").returncode == 2
    assert _run("frobnicate").returncode == 2
