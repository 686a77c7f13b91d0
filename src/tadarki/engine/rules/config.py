"""How a deployment tunes the rule pack: dates, ages, severities, department statistics."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from tadarki.bangla.text import match_key

DEFAULT_STATS_FILE = Path(__file__).with_name("data") / "department-stats.json"
# How old a statistic may be before stats.stale: its period plus a grace for publishing.
PERIOD_MAX_AGE_DAYS = {"monthly": 45, "quarterly": 106}


@dataclass(frozen=True)
class StatRequirement:
    key: str
    labels: tuple[str, ...] = ()
    url_patterns: tuple[str, ...] = ()  # regular expressions searched in page URLs
    period: str = "monthly"  # "monthly" | "quarterly"

    @property
    def max_age_days(self) -> int:
        return PERIOD_MAX_AGE_DAYS.get(self.period, 45)


@dataclass
class RulesConfig:
    today: date = field(default_factory=date.today)
    notice_max_age_days: int = 90
    content_max_age_days: int = 180
    severity_overrides: dict[str, str] = field(default_factory=dict)
    # The statistics this portal's department must publish. Empty: look the site's
    # department up in stats_by_department (None: the shipped default file).
    stats: list[StatRequirement] = field(default_factory=list)
    disabled_rules: set[str] = field(default_factory=set)
    stats_by_department: dict[str, list[StatRequirement]] | None = None

    def stats_for(self, department: str) -> list[StatRequirement]:
        if self.stats:
            return list(self.stats)
        table = self.stats_by_department
        if table is None:
            table = default_stats_config()
        return list(table.get(match_key(department), [])) if department else []


def _requirement(data: dict) -> StatRequirement:
    period = str(data.get("period", "monthly"))
    if period not in PERIOD_MAX_AGE_DAYS:
        raise ValueError(f"unknown period {period!r} for statistic {data.get('key')!r}")
    return StatRequirement(
        key=str(data["key"]),
        labels=tuple(str(x) for x in data.get("labels", [])),
        url_patterns=tuple(str(x) for x in data.get("url_patterns", [])),
        period=period,
    )


def load_stats_config(path: str | Path) -> dict[str, list[StatRequirement]]:
    """Read department statistics from JSON or TOML: {department: {aliases, stats: [...]}}.

    The result is keyed by the normalised department name and every alias.
    """
    path = Path(path)
    raw = path.read_bytes()
    data = tomllib.loads(raw.decode("utf-8")) if path.suffix == ".toml" else json.loads(raw)
    departments = data.get("departments", data)
    table: dict[str, list[StatRequirement]] = {}
    for name, entry in departments.items():
        if name.startswith("_"):
            continue
        requirements = [_requirement(item) for item in entry.get("stats", [])]
        for alias in [name, *entry.get("aliases", [])]:
            table[match_key(alias)] = requirements
    return table


@lru_cache(maxsize=1)
def default_stats_config() -> dict[str, list[StatRequirement]]:
    return load_stats_config(DEFAULT_STATS_FILE)
