"""Compare an audit (audit-json.md shape) with a farm's ground truth, rule by rule.

A finding matches a declared defect when host, rule and normalised subject agree.
Subjects are normalised the way a reader would compare them: NFC, whitespace collapsed,
`–` as empty, and URLs with their path percent-decoded (a crawler may keep either form).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from tadarki.farm.generate import Defect


def normalise_subject(subject: str) -> str:
    text = unicodedata.normalize("NFC", " ".join((subject or "").split()))
    if text in ("–", "-"):
        return ""
    if text.lower().startswith(("http://", "https://")):
        parts = urlsplit(text)
        path = unicodedata.normalize("NFC", unquote(parts.path or "/"))
        query = f"?{unquote(parts.query)}" if parts.query else ""
        return f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}{path}{query}"
    return text


@dataclass
class RuleScore:
    rule: str
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        declared = self.true_positive + self.false_negative
        return self.true_positive / declared if declared else 1.0


@dataclass
class Comparison:
    scores: dict[str, RuleScore] = field(default_factory=dict)
    missed: list[tuple[str, Defect]] = field(default_factory=list)  # (host, defect)
    extra: list[tuple[str, Defect, str]] = field(default_factory=list)  # (host, defect, url)

    def table(self) -> str:
        lines = [f"{'rule':32} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7}"]
        for rule in sorted(self.scores):
            s = self.scores[rule]
            lines.append(
                f"{rule:32} {s.true_positive:4} {s.false_positive:4} {s.false_negative:4} "
                f"{s.precision:9.2f} {s.recall:7.2f}"
            )
        return "\n".join(lines)

    def details(self, limit: int = 60) -> str:
        out = [f"missed  {host}: {d}" for host, d in self.missed[:limit]]
        out += [f"extra   {host}: {d}  (seen on {url})" for host, d, url in self.extra[:limit]]
        return "\n".join(out)


def compare(
    truth: dict[str, set[Defect]],
    audit: dict,
    dont_care: dict[str, set[str]] | None = None,
) -> Comparison:
    """Per-rule true/false positives and false negatives of `audit` against `truth`."""
    dont_care = dont_care or {}
    result = Comparison()
    found: dict[str, dict[Defect, str]] = defaultdict(dict)
    for portal in audit.get("portals", []):
        host = (portal.get("host") or urlsplit(portal.get("url", "")).hostname or "").lower()
        for finding in portal.get("findings", []):
            defect = Defect(finding["rule"], normalise_subject(finding.get("subject", "")))
            found[host].setdefault(defect, finding.get("url", ""))
    for host, declared in truth.items():
        expected = {Defect(d.rule, normalise_subject(d.subject)) for d in declared}
        seen = found.get(host, {})
        skip = dont_care.get(host, set())
        for defect in expected:
            score = result.scores.setdefault(defect.rule, RuleScore(defect.rule))
            if defect in seen:
                score.true_positive += 1
            else:
                score.false_negative += 1
                result.missed.append((host, defect))
        for defect, url in seen.items():
            if defect in expected or defect.rule in skip:
                continue
            result.scores.setdefault(defect.rule, RuleScore(defect.rule)).false_positive += 1
            result.extra.append((host, defect, url))
    return result
