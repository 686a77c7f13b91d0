"""audit_many hands each portal over as it finishes, and the CLI writes the same JSON bytes
as AuditResult.dumps() without keeping every portal: memory stays flat as portals grow."""

import asyncio
import io
import json

import pytest
from tests.engine.hostile.servers import ServerThread, closed_port_url, portal_app

from tadarki.engine.audit import AuditConfig, Target, audit_many
from tadarki.engine.cli import StreamedJson
from tadarki.engine.crawl.config import CrawlConfig
from tadarki.engine.result import AuditResult, Finding, PortalResult


def _portal(n: int) -> PortalResult:
    portal = PortalResult(
        office=f"আঞ্চলিক পাসপোর্ট অফিস {n}",
        url=f"http://p{n}.example.gov.bd/",
        host=f"p{n}.example.gov.bd",
        department="বহিরাগমন ও পাসপোর্ট অধিদপ্তর" if n % 2 else "",
        warnings=["trap: 3 ever-growing or too deep URLs not fetched"] if n == 1 else [],
    )
    portal.findings.append(
        Finding(
            rule="menu.empty-submenu",
            severity="major",
            subject="আমাদের সম্পর্কে › কর্মচারীবৃন্দ",
            url=portal.url,
            evidence='<li>\n  <a href="nolink/কর্মচারীবৃন্দ">কর্মচারীবৃন্দ</a></li>',
            message_bn="সাব-মেনুটি ফাঁকা।",
            linked_from=[portal.url + "a", portal.url + "b"] if n == 2 else [],
            status=200,
        )
    )
    portal.compute_score()
    return portal


def _streamed(result: AuditResult, order: list[int]) -> str:
    writer = StreamedJson()
    try:
        for index in order:
            writer.add(index, result.portals[index])
        out = io.StringIO()
        writer.write(AuditResult(result.started_at, result.finished_at), out)
        return out.getvalue()
    finally:
        writer.close()


def test_streamed_json_is_byte_for_byte_the_dumps_of_the_whole_result():
    result = AuditResult(
        started_at="2026-01-31T10:00:00+06:00", finished_at="2026-01-31T10:03:12+06:00"
    )
    result.portals = [_portal(n) for n in range(4)]
    expected = result.dumps() + "\n"
    assert _streamed(result, [0, 1, 2, 3]) == expected
    assert _streamed(result, [2, 0, 3, 1]) == expected  # finishing order does not matter
    json.loads(expected)


def test_streamed_json_of_one_and_of_no_portal():
    result = AuditResult(started_at="2026-01-31T10:00:00+06:00", finished_at="x")
    assert _streamed(result, []) == result.dumps() + "\n"
    result.portals = [_portal(0)]
    assert _streamed(result, [0]) == result.dumps() + "\n"


def _config() -> AuditConfig:
    crawl = CrawlConfig(
        allow_private=True, requests_per_second=0, max_pages=20, retries=0, retry_backoff=0.01
    )
    return AuditConfig(crawl=crawl, portal_concurrency=2)


def test_audit_many_streams_portals_and_keeps_none_of_them():
    with ServerThread(portal_app(pages=3), portal_app(pages=2)) as (first, second):
        targets = [Target("এক", first), Target("বন্ধ", closed_port_url()), Target("দুই", second)]
        got: dict[int, PortalResult] = {}
        streamed = asyncio.run(
            audit_many(targets, _config(), on_portal=got.__setitem__, keep_pages=False)
        )
        kept = asyncio.run(audit_many(targets, _config()))
    assert streamed.portals == [] and streamed.finished_at
    assert sorted(got) == [0, 1, 2]
    assert [got[i].office for i in range(3)] == ["এক", "বন্ধ", "দুই"]
    assert all(p.pages == [] for p in got.values())
    assert all(p.pages for p in kept.portals if p.reachable)  # the default keeps page records
    assert [p.pages_fetched for p in kept.portals] == [got[i].pages_fetched for i in range(3)]
    assert [[f.key() for f in p.findings] for p in kept.portals] == [
        [f.key() for f in got[i].findings] for i in range(3)
    ]


def test_the_command_writes_what_a_kept_audit_dumps(tmp_path):
    from tadarki.engine.cli import main

    out = tmp_path / "audit.json"
    with ServerThread(portal_app(pages=3), portal_app(pages=2)) as (first, second):
        csv_file = tmp_path / "offices.csv"
        csv_file.write_text(f"এক,{first}\nদুই,{second}\n", encoding="utf-8")
        args = ["--allow-private", "--rate", "0", "--max-pages", "20", "--concurrency", "2"]
        assert main([str(csv_file), "--json", str(out), *args]) == 0
        kept = asyncio.run(audit_many([Target("এক", first), Target("দুই", second)], _config()))
    written = out.read_text(encoding="utf-8")
    data = json.loads(written)
    kept.started_at, kept.finished_at = data["started_at"], data["finished_at"]
    for portal in kept.portals:  # fetch times differ between two runs; nothing else may
        for finding in portal.findings:
            finding.fetched_at = None
    for portal in data["portals"]:
        for finding in portal["findings"]:
            finding.pop("fetched_at", None)
    expected = json.loads(kept.dumps())
    assert data == expected
    assert written.startswith('{\n  "tool": "tadarki",') and written.endswith("\n  ]\n}\n")


def test_a_failing_consumer_stops_the_audit_with_its_error():
    def broken(index: int, portal: PortalResult) -> None:
        raise OSError("disk full")

    with ServerThread(portal_app(pages=2), portal_app(pages=2)) as urls:
        targets = [Target(f"অফিস {n}", url) for n, url in enumerate(urls)]
        with pytest.raises(OSError, match="disk full"):
            asyncio.run(audit_many(targets, _config(), on_portal=broken))
