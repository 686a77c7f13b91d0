"""`tadarki audit` per spec/cli.md: targets, JSON output, progress, exit codes."""

import json
import subprocess
import sys

from tests.engine.hostile.servers import SEEN, ServerThread, closed_port_url, portal_app

from tadarki.engine.cli import main

FAST = ["--allow-private", "--rate", "0", "--max-pages", "20"]


def test_audit_of_a_url_writes_the_json_contract(tmp_path, capsys):
    out = tmp_path / "audit.json"
    with ServerThread(portal_app(pages=3)) as (url,):
        code = main([url, "--json", str(out), *FAST])
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"tool", "version", "rules_version", "score_method", "started_at", "finished_at"} <= set(
        data
    )
    (portal,) = data["portals"]
    assert portal["url"] == url and portal["host"] == "127.0.0.1" and portal["reachable"] is True
    assert portal["pages_fetched"] >= 4
    assert portal["template"] in ("G1", "G2", "G3", "generic")
    assert isinstance(portal["score"], float)
    for finding in portal["findings"]:
        assert {"rule", "severity", "subject", "url", "evidence", "message_bn"} <= set(finding)
    err = capsys.readouterr().err
    assert "portals 1/1" in err and "pages" in err  # plain progress lines when not a TTY


def test_csv_with_bom_and_department_goes_to_stdout(tmp_path, capsys):
    dead = closed_port_url()
    with ServerThread(portal_app(pages=1)) as (url,):
        csv_file = tmp_path / "offices.csv"
        csv_file.write_text(
            "office,url,department\n"
            f"আঞ্চলিক পাসপোর্ট অফিস,{url},বহিরাগমন ও পাসপোর্ট অধিদপ্তর\n"
            f"বন্ধ অফিস,{dead}\n",
            encoding="utf-8-sig",
        )
        code = main([str(csv_file), "--json", "-", *FAST, "--concurrency", "2"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    first, second = data["portals"]
    assert first["office"] == "আঞ্চলিক পাসপোর্ট অফিস"
    assert first["department"] == "বহিরাগমন ও পাসপোর্ট অধিদপ্তর"
    assert second["reachable"] is False
    assert [f["rule"] for f in second["findings"]] == ["portal.unreachable"]


def test_same_portal_gives_the_same_findings_every_run(capsys):
    with ServerThread(portal_app(pages=4)) as (url,):
        runs = []
        for _ in range(2):
            assert main([url, *FAST]) == 0
            portal = json.loads(capsys.readouterr().out)["portals"][0]
            runs.append((portal["findings"], portal["score"], portal["pages_fetched"]))
    assert runs[0] == runs[1]


def test_usage_errors_exit_2_with_one_line(capsys):
    assert main([]) == 2
    assert main(["no-such-file.csv"]) == 2
    assert main(["http://x.gov.bd/", "--max-pages", "0"]) == 2
    assert main(["http://x.gov.bd/", "--max-pages", "many"]) == 2
    assert main(["http://x.gov.bd/", "--processes", "-1"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert all(line.startswith(("tadarki audit:", "usage:")) for line in err.splitlines() if line)


def test_bad_csv_row_is_a_usage_error(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("অফিস\n", encoding="utf-8")
    assert main([str(bad)]) == 2
    assert "expected office,url" in capsys.readouterr().err


def test_unwritable_output_is_a_failure_without_traceback(tmp_path, capsys):
    with ServerThread(portal_app(pages=1)) as (url,):
        code = main([url, "--json", str(tmp_path / "no" / "such" / "dir.json"), *FAST])
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("tadarki audit:") and "Traceback" not in "".join(err)


def test_installed_command_dispatches_to_audit():
    proc = subprocess.run(
        [sys.executable, "-m", "tadarki", "audit", "--help"], capture_output=True, text=True
    )
    assert proc.returncode == 0
    assert "--max-pages" in proc.stdout and "--concurrency" in proc.stdout


def test_stats_config_names_the_statistics_a_department_must_publish(tmp_path, capsys):
    import pytest

    pytest.importorskip("tadarki.engine.rules.config")
    stats = tmp_path / "stats.json"
    stats.write_text(
        json.dumps(
            {
                "departments": {
                    "পরীক্ষা অধিদপ্তর": {"stats": [{"key": "test-figure", "labels": ["পরীক্ষার সংখ্যা"]}]}
                }
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    offices = tmp_path / "offices.csv"
    with ServerThread(portal_app(pages=1)) as (url,):
        offices.write_text(f"অফিস,{url},পরীক্ষা অধিদপ্তর\n", encoding="utf-8")
        assert main([str(offices), "--stats-config", str(stats), *FAST]) == 0
    findings = json.loads(capsys.readouterr().out)["portals"][0]["findings"]
    assert ("stats.missing", "test-figure") in {(f["rule"], f["subject"]) for f in findings}


def test_unreadable_stats_config_fails_with_one_line(tmp_path, capsys):
    bad = tmp_path / "stats.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["http://x.gov.bd/", "--stats-config", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("tadarki audit:") and "\n" not in err


def test_cache_file_makes_the_second_run_conditional(tmp_path, capsys):
    from tests.engine.hostile.servers import SEEN

    cache = tmp_path / "pages.jsonl"
    app = portal_app(pages=2)
    with ServerThread(app) as (url,):
        assert main([url, "--cache", str(cache), *FAST]) == 0
        assert app[SEEN].not_modified == 0
        assert main([url, "--cache", str(cache), *FAST]) == 0
    runs = capsys.readouterr().out.split('{\n  "tool"')
    assert app[SEEN].not_modified == 3  # home and two pages answered 304
    assert cache.read_text(encoding="utf-8").count("\n") == 3
    assert len(runs) == 3


def test_worker_processes_write_the_same_json_as_one_process(tmp_path, capsys, monkeypatch):
    from tadarki.engine import audit

    used: list[int] = []  # worker processes each run asked for (none: in-process)
    in_processes = audit.audit_in_processes

    async def counting(targets, config, processes, **kwargs):
        used.append(processes)
        return await in_processes(targets, config, processes, **kwargs)

    monkeypatch.setattr(audit, "audit_in_processes", counting)
    with ServerThread(portal_app(pages=3), portal_app(pages=2), portal_app(pages=4)) as urls:
        csv_file = tmp_path / "offices.csv"
        csv_file.write_text(
            "office,url\n" + "".join(f"অফিস {n},{u}\n" for n, u in enumerate(urls)),
            encoding="utf-8",
        )
        outputs = []
        for processes in ("1", "3"):
            out = tmp_path / f"audit-{processes}.json"
            assert main([str(csv_file), "--json", str(out), "--processes", processes, *FAST]) == 0
            data = json.loads(out.read_text(encoding="utf-8"))
            outputs.append(
                [{k: v for k, v in p.items() if k != "findings"} for p in data["portals"]]
            )
            outputs.append(
                [[(f["rule"], f["subject"]) for f in p["findings"]] for p in data["portals"]]
            )
    assert used == [3]  # --processes 1 stayed in-process, --processes 3 used three workers
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]
    assert [p["office"] for p in outputs[0]] == ["অফিস 0", "অফিস 1", "অফিস 2"]
    assert "portals 3/3" in capsys.readouterr().err


def test_contact_option_goes_into_the_user_agent(tmp_path):
    app = portal_app(pages=1)
    with ServerThread(app) as (url,):
        contact = "https://ict.example.gov.bd/crawler"
        assert main([url, "--json", str(tmp_path / "a.json"), "--contact", contact, *FAST]) == 0
    (agent,) = app[SEEN].user_agents
    assert agent.startswith("Tadarki/") and agent.endswith(f"(+{contact}; portal audit)")
