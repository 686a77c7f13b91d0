"""Scores: office = 100 − penalties of its open findings; department = mean of its offices;
division = mean of its departments. The method version is stored with every score."""

from __future__ import annotations

from collections.abc import Iterable
from statistics import fmean

from tadarki.engine.result import SCORE_METHOD, SEVERITY_PENALTY

METHOD = SCORE_METHOD


def office_score(severities: Iterable[str]) -> float:
    """Score from the severities of the office's open (not waived) findings."""
    penalty = sum(SEVERITY_PENALTY.get(s, 0) for s in severities)
    return float(max(0, 100 - penalty))


def mean_score(scores: Iterable[float]) -> float | None:
    values = list(scores)
    return round(fmean(values), 2) if values else None
