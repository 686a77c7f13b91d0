"""The audit result and its JSON form (../shared/spec/audit-json.md).

This is the one seam between the engine and everything that consumes it (the CLI, the
Django audits app, reports). Keys of the JSON keep their meaning; extra keys are allowed.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime

from tadarki import __version__

RULES_VERSION = "1"
SCORE_METHOD = "1"
SEVERITY_PENALTY = {"critical": 25, "major": 8, "minor": 3, "info": 0}


@dataclass(slots=True)
class Finding:
    rule: str
    severity: str
    subject: str
    url: str
    evidence: str
    message_bn: str
    linked_from: list[str] = field(default_factory=list)
    # Page evidence for the service: when the page was fetched, its status and body hash.
    status: int | None = None
    fetched_at: str | None = None
    sha256: str | None = None

    def key(self) -> tuple[str, str]:
        return (self.rule, self.subject)

    def to_json(self) -> dict:
        data = asdict(self)
        if not data["linked_from"]:
            del data["linked_from"]
        return {k: v for k, v in data.items() if v is not None}


@dataclass(slots=True)
class PageRecord:
    """One fetched page, as the service stores it for evidence and "re-checked" logic."""

    url: str
    status: int | None
    fetched_at: str
    sha256: str | None = None
    content_type: str = ""
    error: str = ""
    body: bytes | None = None  # kept only when the caller asked for snapshots

    def to_json(self) -> dict:
        return {
            "url": self.url,
            "status": self.status,
            "fetched_at": self.fetched_at,
            "sha256": self.sha256,
            "error": self.error,
        }


@dataclass
class PortalResult:
    office: str
    url: str
    host: str
    template: str = "generic"
    reachable: bool = False
    pages_fetched: int = 0
    score: float = 100.0
    findings: list[Finding] = field(default_factory=list)
    department: str = ""
    warnings: list[str] = field(default_factory=list)
    pages: list[PageRecord] = field(default_factory=list)

    def compute_score(self) -> float:
        penalty = sum(SEVERITY_PENALTY.get(f.severity, 0) for f in self.findings)
        self.score = float(max(0, 100 - penalty))
        return self.score

    def to_json(self, with_pages: bool = False) -> dict:
        data = {
            "office": self.office,
            "url": self.url,
            "host": self.host,
            "template": self.template,
            "reachable": self.reachable,
            "pages_fetched": self.pages_fetched,
            "score": self.score,
            "findings": [f.to_json() for f in self.findings],
        }
        if self.department:
            data["department"] = self.department
        if self.warnings:
            data["warnings"] = self.warnings
        if with_pages:
            data["pages"] = [p.to_json() for p in self.pages]
        return data


@dataclass
class AuditResult:
    started_at: str
    finished_at: str = ""
    portals: list[PortalResult] = field(default_factory=list)

    def to_json(self, with_pages: bool = False) -> dict:
        return {
            "tool": "tadarki",
            "version": __version__,
            "rules_version": RULES_VERSION,
            "score_method": SCORE_METHOD,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "portals": [p.to_json(with_pages) for p in self.portals],
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2)


def now_iso() -> str:
    """The local time to the second, ISO 8601 (with its UTC offset)."""
    global _now
    second = int(time.time())
    known = _now
    if known[0] != second:  # one datetime a second, not one a page
        known = _now = (second, datetime.fromtimestamp(second).astimezone().isoformat())
    return known[1]


_now: tuple[int, str] = (-1, "")
