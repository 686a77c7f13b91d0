"""The audit benchmark runs end to end on a tiny farm and prints its figures."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_audit.py"
NAMES = ("tadarki (full audit)", "scrapy (fetch+parse)")


def test_quick_bench_prints_the_table():
    pytest.importorskip("scrapy")
    pytest.importorskip("tadarki.engine.audit").audit_many  # noqa: B018 - needs the engine
    out = subprocess.run(
        [sys.executable, str(BENCH), "--quick"], capture_output=True, text=True, timeout=240
    )
    assert out.returncode == 0, out.stderr[-3000:]
    text = out.stdout
    assert re.search(r"^machine: \d+ CPUs .*aiohttp [\d.]+, scrapy [\d.]+", text, re.M)
    assert "(warmed " in text  # the speed run's farm rendered its pages first
    assert "pages/s" in text and "peak_pss_MB" in text
    rows = [
        (name, line.removeprefix(name).split())
        for line in text.splitlines()
        for name in NAMES
        if line.startswith(name)
    ]
    assert {(name, fields[0]) for name, fields in rows} == {
        (NAMES[0], "1"),
        (NAMES[1], "1"),
        (NAMES[0], "mem"),
    }
    for _name, fields in rows:
        # run, portals, pages, wall_s, pages/s, cpu_s, cpu_ms/pg, peak_pss_MB, procs, ...
        pages, cpu, pss, procs = fields[2], fields[5], fields[7], fields[8]
        assert int(pages) > 0  # each crawler really fetched farm pages
        assert float(cpu) > 0 and float(pss) > 0 and int(procs) >= 1
    assert re.search(
        r"ratio tadarki/scrapy \(1 run each\): pages/s [\d.]+, CPU per page [\d.]+", text
    )
    assert len([name for name, fields in rows if fields[0] == "mem"]) == 2  # small, large
    assert re.search(
        r"memory, on the memory run's farm: tadarki peak [\d.]+ MB at \d+ pages, "
        r"[\d.]+ MB at \d+ pages \([\d.]+x\); [\d.]+ MB in the speed run",
        text,
    )
    # the large run's peak so far at a tenth, a fifth, half and all of its pages
    growth = re.search(r"as pages grow in the (\d+)-page run: (.*)", text)
    assert growth and len(re.findall(r"[\d.]+ MB by \d+ pages", growth.group(2))) >= 2
    assert growth.group(2).endswith(f"by {growth.group(1)} pages")
