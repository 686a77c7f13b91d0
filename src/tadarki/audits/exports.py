"""Findings as CSV, XLSX and JSON (same columns everywhere; Excel opens the CSV as UTF-8)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from .models import Finding

COLUMNS = [
    "office_code",
    "office",
    "host",
    "department",
    "rule",
    "severity",
    "subject",
    "status",
    "review",
    "first_round",
    "status_round",
    "url",
    "message_bn",
]


def finding_row(f: Finding) -> dict:
    return {
        "id": f.pk,
        "office_code": f.unit.code,
        "office": f.unit.name_bn,
        "host": f.unit.portal_host,
        "department": f.department.code if f.department else "",
        "rule": f.rule,
        "severity": f.severity,
        "subject": f.subject,
        "status": f.status,
        "review": f.review,
        "first_round": f.first_round.number,
        "status_round": f.status_round.number,
        "url": f.url,
        "message_bn": f.message_bn,
    }


def csv_bytes(findings: Iterable[Finding]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for f in findings:
        writer.writerow(finding_row(f))
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel reads it as UTF-8


def xlsx_bytes(findings: Iterable[Finding]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("findings")
    ws.append(COLUMNS)
    for f in findings:
        row = finding_row(f)
        ws.append([row[c] for c in COLUMNS])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def json_bytes(findings: Iterable[Finding]) -> bytes:
    data = {"findings": [finding_row(f) for f in findings]}
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
