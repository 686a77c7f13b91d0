"""The home dashboard's figures: audit scores and findings, committee follow-up, per department.

Every function takes the user and stays inside their scope (accounts.scope, and the committee
app's own visibility rules), so the ICT cell sees the division, a focal point their
department and an office editor their office. Each function runs a fixed number of queries,
however many departments, offices or decisions there are.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone

from tadarki.accounts.scope import is_ict, visible_units
from tadarki.audits.groups import FAMILIES, FAMILY_ORDER, SEVERITY_LABELS
from tadarki.audits.models import AuditRound, Finding, Observation, Score
from tadarki.audits.scoring import METHOD
from tadarki.committees import services as committees
from tadarki.committees.models import OPEN_STATUSES, Occurrence, Status
from tadarki.registry.models import OrgUnit

SEVERITIES = ("critical", "major", "minor", "info")
WORST_OFFICES = 5
NEXT_DEADLINES = 10
LAST_MEETINGS = 5


@dataclass
class Lens:
    """Whose figures the page shows: the scope computed once for all the queries below."""

    ict: bool
    units: object  # QuerySet[OrgUnit], used as a subquery
    divisions: list[OrgUnit]
    departments: list[OrgUnit]
    heading: list[OrgUnit]  # the units named at the top of the page


def lens_for(user) -> Lens:
    ict = is_ict(user)
    units = OrgUnit.objects.all() if ict else visible_units(user)
    above_offices = list(
        units.filter(
            kind__in=(OrgUnit.Kind.DIVISION, OrgUnit.Kind.DEPARTMENT), is_active=True
        ).order_by("path")
    )
    divisions = [u for u in above_offices if u.kind == OrgUnit.Kind.DIVISION]
    departments = [u for u in above_offices if u.kind == OrgUnit.Kind.DEPARTMENT]
    if ict:
        heading = divisions
    else:
        heading = [m.unit for m in user.memberships.select_related("unit").order_by("unit__path")]
    return Lens(ict=ict, units=units, divisions=divisions, departments=departments, heading=heading)


def _scoped(lens: Lens, qs, unit_field: str):
    return qs if lens.ict else qs.filter(**{f"{unit_field}__in": lens.units})


def _department_of(path: str, departments: list[OrgUnit]) -> OrgUnit | None:
    for dept in departments:
        if path.startswith(dept.path):
            return dept
    return None


# --- audits -----------------------------------------------------------------------------------


@dataclass
class ScoreRow:
    unit: OrgUnit
    score: float | None = None
    round_number: int | None = None
    previous: float | None = None
    open_findings: int = 0
    offices: int = 0
    severities: dict[str, int] = field(default_factory=dict)

    @property
    def change(self) -> float | None:
        if self.score is None or self.previous is None:
            return None
        return round(self.score - self.previous, 1)

    @property
    def change_abs(self) -> float | None:
        return None if self.change is None else abs(self.change)

    @property
    def severity_list(self) -> list[tuple[str, str, int]]:
        """(key, label, count) from critical down, for the table cell."""
        return [
            (k, SEVERITY_LABELS[k], self.severities[k]) for k in SEVERITIES if k in self.severities
        ]

    @property
    def bar_width(self) -> str:
        """CSS width of the score bar, always with ASCII digits."""
        return f"{max(0.0, min(100.0, self.score or 0.0)):.1f}%"


def _latest_two(rows) -> dict[int, tuple]:
    """unit id → (latest (number, score, open, offices), previous score) from rows sorted
    by unit and round number descending."""
    latest: dict[int, tuple] = {}
    previous: dict[int, float] = {}
    for unit_id, number, score, open_findings, offices in rows:
        if unit_id not in latest:
            latest[unit_id] = (number, score, open_findings, offices)
        elif unit_id not in previous:
            previous[unit_id] = score
    return {uid: (values, previous.get(uid)) for uid, values in latest.items()}


def _score_rows(lens: Lens, level: str, units: list[OrgUnit] | None) -> list[ScoreRow]:
    qs = Score.objects.filter(level=level, method=METHOD, round__state=AuditRound.State.DONE)
    qs = qs.filter(unit__in=units) if units is not None else _scoped(lens, qs, "unit")
    rows = qs.order_by("unit_id", "-round__number").values_list(
        "unit_id", "round__number", "score", "open_findings", "offices"
    )
    found = _latest_two(rows)
    if units is None:
        units = list(OrgUnit.objects.filter(pk__in=list(found)).order_by("path"))
    result = []
    for unit in units:
        row = ScoreRow(unit=unit)
        if unit.pk in found:
            (row.round_number, row.score, row.open_findings, row.offices), row.previous = found[
                unit.pk
            ]
        result.append(row)
    return result


def _by_division(lens: Lens, rows: list[ScoreRow]) -> list[tuple[ScoreRow | None, list]]:
    """Department rows under their division's own score row (no query when none is visible)."""
    if not lens.divisions:
        return [(None, rows)] if rows else []
    groups = [(row, []) for row in _score_rows(lens, Score.Level.DIVISION, lens.divisions)]
    loose: list[ScoreRow] = []
    for row in rows:
        home = next((g for g in groups if row.unit.path.startswith(g[0].unit.path)), None)
        (home[1] if home else loose).append(row)
    for division, members in groups:
        for member in members:
            for key, n in member.severities.items():
                division.severities[key] = division.severities.get(key, 0) + n
    return [g for g in groups if g[1]] + ([(None, loose)] if loose else [])


def _open_findings(lens: Lens, today: date):
    waived = Q(review=Finding.Review.WAIVED) & (
        Q(waiver_expires__isnull=True) | Q(waiver_expires__gte=today)
    )
    qs = Finding.objects.exclude(status=Finding.Status.FIXED).exclude(waived)
    return _scoped(lens, qs, "unit")


def audit_overview(user, today: date | None = None, lens: Lens | None = None) -> dict:
    """Scores per department (or office, for an office editor) with the change since the
    previous round that scored it; open findings by severity; the worst offices and what
    the latest round found new or fixed."""
    today = today or timezone.localdate()
    lens = lens or lens_for(user)
    current = AuditRound.objects.filter(state=AuditRound.State.DONE).order_by("-number").first()
    if current is None:
        return {"round": None}
    if lens.departments:
        rows = _score_rows(lens, Score.Level.DEPARTMENT, lens.departments)
        level = "department"
    else:  # an office editor: their office's own score
        rows = _score_rows(lens, Score.Level.OFFICE, None)
        level = "office"

    by_severity: dict[str, int] = defaultdict(int)
    counts = (
        _open_findings(lens, today)
        .values_list("unit__path", "severity")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_id = {row.unit.pk: row for row in rows}
    for path, severity, n in counts:
        by_severity[severity] += n
        if level == "department":
            dept = _department_of(path, lens.departments)
            target = by_id.get(dept.pk) if dept else None
        else:
            target = next((r for r in rows if r.unit.path == path), None)
        if target is not None:
            target.severities[severity] = target.severities.get(severity, 0) + n

    worst = list(
        _scoped(
            lens,
            Score.objects.filter(round=current, level=Score.Level.OFFICE, method=METHOD),
            "unit",
        )
        .select_related("unit")
        .order_by("score", "unit__name_bn")[:WORST_OFFICES]
    )
    changes = dict(
        _scoped(
            lens,
            Observation.objects.filter(round=current, state__in=("new", "regressed", "fixed")),
            "finding__unit",
        )
        .values_list("state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    severity_list = [
        {"key": key, "label": SEVERITY_LABELS[key], "count": by_severity.get(key, 0)}
        for key in SEVERITIES
        if by_severity.get(key) or key != "info"
    ]
    return {
        "round": current,
        "level": level,
        "rows": rows,
        "groups": _by_division(lens, rows)
        if level == "department"
        else [(None, rows)]
        if rows
        else [],
        "severities": severity_list,
        "open_total": sum(by_severity.values()),
        "worst_offices": worst,
        "new_count": changes.get("new", 0) + changes.get("regressed", 0),
        "fixed_count": changes.get("fixed", 0),
    }


# --- committees -------------------------------------------------------------------------------


@dataclass
class FollowUpRow:
    """Decisions of one department (or other implementer) by where their follow-up stands."""

    label: str
    unit: OrgUnit | None = None
    open: set = field(default_factory=set)
    overdue: set = field(default_factory=set)
    reported: set = field(default_factory=set)

    @property
    def counts(self) -> tuple[int, int, int]:
        return len(self.open), len(self.overdue), len(self.reported)


def follow_up(user, today: date | None = None, lens: Lens | None = None) -> dict:
    """Decisions open / overdue / reported done (awaiting confirmation) per department,
    counted once per decision; the next deadlines; the last meetings."""
    today = today or timezone.localdate()
    lens = lens or lens_for(user)
    occurrences = committees.visible_occurrences(user)
    rows = {d.pk: FollowUpRow(label=d.name_bn, unit=d) for d in lens.departments}
    others: dict[str, FollowUpRow] = {}
    values = (
        occurrences.exclude(status=Status.CONFIRMED_DONE)
        .values_list(
            "assignment__unit__path",
            "assignment__unit__name_bn",
            "assignment__name",
            "assignment__decision_id",
            "status",
            "due_date",
        )
        .order_by()
    )
    for path, unit_name, free_name, decision_id, status, due in values:
        dept = _department_of(path, lens.departments) if path else None
        if dept is not None:
            row = rows[dept.pk]
        else:  # the division itself, an office editor's office, or a post kept as printed
            label = unit_name or free_name
            row = others.setdefault(label, FollowUpRow(label=label))
        if status in OPEN_STATUSES:
            row.open.add(decision_id)
            if due is not None and due < today:
                row.overdue.add(decision_id)
        elif status == Status.REPORTED_DONE:
            row.reported.add(decision_id)
    all_rows = list(rows.values()) + sorted(others.values(), key=lambda r: r.label)
    totals = FollowUpRow(label="")
    for row in all_rows:
        totals.open |= row.open
        totals.overdue |= row.overdue
        totals.reported |= row.reported

    # One line per implementer's assignment: its next due date, so that a monthly report
    # does not fill the list with the next ten months.
    due_ahead = Occurrence.objects.filter(status__in=OPEN_STATUSES, due_date__gte=today)
    next_of_assignment = due_ahead.filter(assignment=OuterRef("assignment")).order_by(
        "due_date", "pk"
    )
    upcoming = list(
        occurrences.filter(status__in=OPEN_STATUSES, due_date__gte=today)
        .filter(pk=Subquery(next_of_assignment.values("pk")[:1]))
        .order_by("due_date", "pk")[:NEXT_DEADLINES]
    )
    meetings = list(
        committees.visible_meetings(user).order_by(F("date").desc(), "-pk")[:LAST_MEETINGS]
    )
    return {
        "rows": all_rows,
        "totals": totals,
        "upcoming": upcoming,
        "meetings": meetings,
        "has_any": bool(all_rows and any(any(r.counts) for r in all_rows))
        or bool(upcoming or meetings),
    }


def home(user, today: date | None = None) -> dict:
    """Everything the home page shows, scope computed once."""
    today = today or timezone.localdate()
    lens = lens_for(user)
    return {
        "lens": lens,
        "today": today,
        "audits": audit_overview(user, today, lens),
        "committees": follow_up(user, today, lens),
    }


# --- office page extras -----------------------------------------------------------------------


def office_open_findings(user, unit: OrgUnit) -> dict:
    """The office's open findings as of its latest audit, grouped by rule family."""
    in_scope = is_ict(user) or visible_units(user).filter(pk=unit.pk).exists()
    if not in_scope:
        return {"groups": [], "total": 0, "round": None}
    findings = list(
        Finding.objects.filter(unit=unit)
        .exclude(status=Finding.Status.FIXED)
        .select_related("last_seen_round")
        .order_by("family", "severity", "rule", "subject")
    )
    labels = {key: label for key, label, _prefixes in FAMILIES}
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        groups[finding.family].append(finding)
    last_round = max((f.last_seen_round for f in findings), key=lambda r: r.number, default=None)
    return {
        "groups": [
            {"family": key, "label": labels.get(key, key), "findings": groups[key]}
            for key in sorted(groups, key=lambda k: FAMILY_ORDER.get(k, 99))
        ],
        "total": len(findings),
        "round": last_round,
    }


def office_decisions(user, unit: OrgUnit, today: date | None = None) -> list:
    """Occurrences still to be confirmed of decisions assigned to the office or to the
    department above it, earliest due first."""
    today = today or timezone.localdate()
    ids = [int(p) for p in unit.path.strip("/").split("/") if p]
    targets = OrgUnit.objects.filter(pk__in=ids, kind=OrgUnit.Kind.DEPARTMENT).values("pk")
    rows = list(
        committees.visible_occurrences(user)
        .filter(Q(assignment__unit=unit) | Q(assignment__unit__in=targets))
        .exclude(status=Status.CONFIRMED_DONE)
        # recurring work far ahead would crowd out what is due now (as on the decisions page)
        .filter(Q(due_date__isnull=True) | Q(due_date__lte=today + timedelta(days=62)))
        .order_by(F("due_date").asc(nulls_last=True), "pk")[:50]
    )
    for occurrence in rows:
        occurrence.overdue = occurrence.is_overdue(today)
    return rows
