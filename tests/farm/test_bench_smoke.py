"""The audit benchmark runs end to end on a tiny farm and prints its figures."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_audit.py"


def test_quick_bench_prints_the_table():
    pytest.importorskip("scrapy")
    pytest.importorskip("tadarki.engine.audit").audit_many  # noqa: B018 - needs the engine
    out = subprocess.run(
        [sys.executable, str(BENCH), "--quick"], capture_output=True, text=True, timeout=240
    )
    assert out.returncode == 0, out.stderr[-3000:]
    text = out.stdout
    assert "pages/s" in text and "peak_rss_MB" in text
    rows = {
        name: line.split()
        for line in text.splitlines()
        for name in ("tadarki (full audit)", "scrapy (fetch+parse)")
        if line.startswith(name)
    }
    assert set(rows) == {"tadarki (full audit)", "scrapy (fetch+parse)"}
    for fields in rows.values():
        pages = int(fields[-5])
        assert pages > 0  # each crawler really fetched farm pages
    assert re.search(r"ratio tadarki/scrapy: pages/s [\d.]+, CPU per page [\d.]+", text)
    assert re.search(r"memory: tadarki peak RSS [\d.]+ MB at \d+ pages, [\d.]+ MB at \d+", text)
