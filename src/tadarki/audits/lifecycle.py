"""The finding lifecycle across rounds, as plain functions (no Django, no database).

Identity is (office, rule, subject). Statuses: new → open → fixed → regressed (→ open).
A finding becomes fixed only when the page that showed it was re-fetched this round and
the defect is gone; a page not reached this round leaves the finding open and marks the
round's observation "not re-checked".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

NEW, OPEN, FIXED, REGRESSED = "new", "open", "fixed", "regressed"
NOT_RECHECKED = "not_rechecked"
SUBJECT_MAX = 500
OPEN_STATUSES = (NEW, OPEN, REGRESSED)


@dataclass(frozen=True)
class Transition:
    status: str  # the finding's status after this round
    observation: str | None  # what this round records (None: nothing to record)
    event: str | None  # history event kind, when the status changed


def transition(previous: str | None, seen: bool, rechecked: bool) -> Transition:
    """The next status of a finding given what this round saw.

    previous: the status before the round (None: never seen); seen: the round reported it;
    rechecked: the page that showed it was fetched and read this round.
    """
    if seen:
        if previous is None:
            return Transition(NEW, NEW, NEW)
        if previous == FIXED:
            return Transition(REGRESSED, REGRESSED, REGRESSED)
        return Transition(OPEN, OPEN, OPEN if previous != OPEN else None)
    if previous is None or previous == FIXED:
        return Transition(previous or FIXED, None, None)
    if rechecked:
        return Transition(FIXED, FIXED, FIXED)
    # Not reached: the defect may well still be there, so it stays open.
    return Transition(OPEN, NOT_RECHECKED, OPEN if previous != OPEN else None)


def normalise_url(url: str) -> str:
    """Compare page URLs without fragment, default port or a trailing slash."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not (
        (parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)
    ):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", host, path, parts.query, ""))


def read_pages(pages: Iterable[dict]) -> set[str]:
    """Normalised URLs of pages fetched and read (answered below 400) in a round."""
    read = set()
    for page in pages:
        status = page.get("status")
        if status is not None and status < 400:
            read.add(normalise_url(page.get("url", "")))
    return read


def was_rechecked(url: str, read: set[str], portal_audited: bool) -> bool:
    """Whether this round re-read the page that showed a finding.

    Portal-level findings without a page (portal.missing) are re-checked by the audit itself.
    """
    if not portal_audited:
        return False
    if not url:
        return True
    return normalise_url(url) in read


def clean_subject(subject: str) -> str:
    """Subjects are compared NFC-normalised with whitespace collapsed (and kept to the
    500 characters the database stores)."""
    return unicodedata.normalize("NFC", " ".join((subject or "").split()))[:SUBJECT_MAX]
