"""What the committee views do, kept out of the views: recording decisions, resolving their
deadlines into tracked occurrences, importing parsed minutes, carrying open decisions over,
and issuing memo numbers.

Implementers named collectively ("অধিদপ্তরসমূহ", "সকল অধিদপ্তর", "অধিদপ্তর (সকল)") expand
to every active department (OrgUnit kind=department) of the committee's division, one
assignment each, so that every department reports on its own. When the phrase also names the
division itself ("সুরক্ষা সেবা বিভাগ ও আওতাধীন অধিদপ্তরসমূহ", "এ বিভাগ এবং …") the
division gets an assignment too.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time

from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone, translation

from tadarki.accounts.scope import is_ict, visible_units
from tadarki.bangla.digits import to_bengali
from tadarki.committees import deadlines
from tadarki.committees.models import (
    OPEN_STATUSES,
    AgendaItem,
    Assignment,
    Committee,
    Decision,
    Meeting,
    NumberingScheme,
    Occurrence,
    Status,
)
from tadarki.registry.models import OrgUnit, OrgUnitAlias

CARRY_OVER_TITLE = "বিগত সভার সিদ্ধান্ত বাস্তবায়ন অগ্রগতি"
DEFAULT_OPENING = (
    "সভাপতি উপস্থিত সকলকে শুভেচ্ছা ও স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন। "
    "সভার আলোচ্যসূচি অনুযায়ী বিস্তারিত আলোচনা হয় এবং সর্বসম্মতিক্রমে নিম্নলিখিত "
    "সিদ্ধান্তসমূহ গৃহীত হয়।"
)
DEFAULT_CLOSING = "সভায় আর কোন আলোচনা না থাকায় সকলকে ধন্যবাদ জ্ঞাপন করে সভার সমাপ্তি ঘোষণা করা হয়।"

_ALL_DEPARTMENTS = re.compile(r"অধিদপ্তরসমূহ|সকল অধিদপ্তর|অধিদপ্তর\s*\(সকল\)|দপ্তর/সংস্থাসমূহ")
_DIVISION_TOO = re.compile(r"বিভাগ\s+(ও|এবং)\s")


# --- calendar -------------------------------------------------------------------------------


def working_calendar():
    """The registry's calendar: public holidays plus those the ICT cell added."""
    from tadarki.registry.calendar import working_calendar as registry_calendar

    return registry_calendar()


# --- scope ----------------------------------------------------------------------------------


def visible_occurrences(user) -> QuerySet[Occurrence]:
    """Occurrences of assignments in the user's subtree; free-text ones go with the committee."""
    qs = Occurrence.objects.select_related(
        "assignment__unit", "assignment__decision__agenda_item__meeting__committee"
    )
    if is_ict(user):
        return qs
    units = visible_units(user)
    return qs.filter(
        Q(assignment__unit__in=units)
        | Q(
            assignment__unit__isnull=True,
            assignment__decision__agenda_item__meeting__committee__owner__in=units,
        )
    )


def visible_assignments(user) -> QuerySet[Assignment]:
    qs = Assignment.objects.select_related("unit", "decision__agenda_item__meeting__committee")
    if is_ict(user):
        return qs
    units = visible_units(user)
    return qs.filter(
        Q(unit__in=units)
        | Q(unit__isnull=True, decision__agenda_item__meeting__committee__owner__in=units)
    )


def visible_committees(user) -> QuerySet[Committee]:
    """Committees the user's scope owns or has decisions assigned in."""
    if is_ict(user):
        return Committee.objects.all()
    units = visible_units(user)
    return Committee.objects.filter(
        Q(owner__in=units) | Q(meetings__agenda_items__decisions__assignments__unit__in=units)
    ).distinct()


def visible_meetings(user) -> QuerySet[Meeting]:
    qs = Meeting.objects.select_related("committee")
    if is_ict(user):
        return qs
    return qs.filter(committee__in=visible_committees(user))


def can_read_minutes(user, meeting: Meeting) -> bool:
    """The whole minutes name every department's decisions: for the ICT cell and the
    committee's own side (members over the owning unit), not for one department's users."""
    return is_ict(user) or visible_units(user).filter(pk=meeting.committee.owner_id).exists()


def can_manage(user) -> bool:
    """Recording meetings, importing minutes and confirming work is the ICT cell's job."""
    return is_ict(user)


# --- implementers ---------------------------------------------------------------------------


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).strip().strip("।.;,")
    return re.sub(r"\s+", " ", text)


def division_of(unit: OrgUnit) -> OrgUnit:
    """The nearest division at or above `unit`, else the tree's root above it."""
    chain = list(unit.ancestors())
    for candidate in reversed(chain):
        if candidate.kind == OrgUnit.Kind.DIVISION:
            return candidate
    return chain[0] if chain else unit


def departments_of(division: OrgUnit) -> QuerySet[OrgUnit]:
    return division.subtree().filter(kind=OrgUnit.Kind.DEPARTMENT, is_active=True)


def match_implementers(name: str, committee: Committee) -> list[OrgUnit]:
    """Registry units an implementer phrase names; [] when it names none (kept as free text)."""
    text = _norm(name)
    if not text:
        return []
    division = division_of(committee.owner)
    if _ALL_DEPARTMENTS.search(text):
        units = list(departments_of(division))
        if _DIVISION_TOO.search(text):
            units.insert(0, division)
        return units
    exact = OrgUnit.objects.filter(name_bn=text, is_active=True).order_by("path").first()
    if exact:
        return [exact]
    alias = OrgUnitAlias.objects.filter(name=text).select_related("unit").first()
    if alias:
        return [alias.unit]
    if text.startswith("এ বিভাগ") or text == _norm(division.name_bn):
        return [division]
    return []


# --- decisions and their occurrences --------------------------------------------------------


def _next_meeting_date(meeting: Meeting) -> date | None:
    later = (
        Meeting.objects.filter(committee=meeting.committee, date__gt=meeting.date)
        .order_by("date")
        .values_list("date", flat=True)
        .first()
    )
    return later


def resolve_decision(decision: Decision, until: date | None = None) -> deadlines.Resolution:
    meeting = decision.agenda_item.meeting
    kind = decision.deadline_kind
    return deadlines.resolve(
        decision.deadline,
        meeting.issued_on or meeting.date,
        working_calendar() if kind == "working_days" else None,
        next_meeting=_next_meeting_date(meeting) if kind == "next_meeting" else None,
        until=until,
    )


def sync_occurrences(decision: Decision, until: date | None = None) -> None:
    """Make every assignment have its occurrences for the resolved due dates (idempotent).

    A single-deadline decision keeps exactly one occurrence per implementer, whose date follows
    the deadline (e.g. once the next meeting is scheduled, or the issue date is set), keeping
    its status and history. A recurring one gains the occurrences it lacks up to `until`.
    """
    resolution = resolve_decision(decision, until)
    for assignment in decision.assignments.all():
        existing = list(assignment.occurrences.all())
        if resolution.kind != "recurring":
            if not existing:
                Occurrence.objects.create(assignment=assignment, due_date=resolution.first)
            elif existing[0].due_date != resolution.first and len(existing) == 1:
                existing[0].due_date = resolution.first
                existing[0].save(update_fields=["due_date"])
            continue
        have = {o.due_date for o in existing}
        undated = [o for o in existing if o.due_date is None]
        for due in resolution.dates:
            if due in have:
                continue
            if undated:  # the deadline became recurring after the fact: reuse, keep history
                occurrence = undated.pop()
                occurrence.due_date = due
                occurrence.save(update_fields=["due_date"])
            else:
                Occurrence.objects.create(assignment=assignment, due_date=due)
    if decision.due_date != resolution.first:
        decision.due_date = resolution.first
        decision.save(update_fields=["due_date"])


def add_decision(
    agenda_item: AgendaItem,
    text: str,
    *,
    label: str = "",
    deadline: dict | None = None,
    units: list[OrgUnit] = (),
    names: list[str] = (),
) -> Decision:
    """A decision with its implementers: registry units and/or free-text posts/sections."""
    order = agenda_item.decisions.count()
    decision = Decision.objects.create(
        agenda_item=agenda_item,
        order=order,
        label=_norm(label),
        text=unicodedata.normalize("NFC", text.strip()),
        deadline=deadline or None,
    )
    for unit in units:
        Assignment.objects.get_or_create(decision=decision, unit=unit)
    for name in names:
        if _norm(name):
            Assignment.objects.create(decision=decision, name=_norm(name))
    sync_occurrences(decision)
    return decision


def assign_by_names(decision: Decision, names: list[str], unit_map: dict | None = None) -> None:
    """Assignments for printed implementer names, matched to the registry (or `unit_map`)."""
    committee = decision.agenda_item.meeting.committee
    for raw in names:
        name = _norm(raw)
        if not name:
            continue
        if unit_map is not None and name in unit_map:
            units = list(OrgUnit.objects.filter(pk__in=unit_map[name]))
        else:
            units = match_implementers(name, committee)
        if units:
            for unit in units:
                Assignment.objects.get_or_create(
                    decision=decision, unit=unit, defaults={"name": name}
                )
        else:
            Assignment.objects.get_or_create(decision=decision, unit=None, name=name)


def on_meeting_scheduled(meeting: Meeting) -> None:
    """Decisions of earlier meetings due 'by the next meeting' follow that meeting's date
    (also when a draft's date is moved later)."""
    waiting = Decision.objects.filter(
        agenda_item__meeting__committee=meeting.committee,
        agenda_item__meeting__date__lt=meeting.date,
        deadline__kind="next_meeting",
    ).exclude(assignments__occurrences__status=Status.CONFIRMED_DONE)
    for decision in waiting.distinct():
        sync_occurrences(decision)


def meeting_changed(meeting: Meeting) -> None:
    """After an edit of the date or issue date: re-resolve what depends on them."""
    for decision in Decision.objects.filter(agenda_item__meeting=meeting):
        sync_occurrences(decision)
    on_meeting_scheduled(meeting)


def extend_recurring(until: date | None = None) -> int:
    """Create the recurring occurrences up to `until` (default: 12 months from today)."""
    from dateutil.relativedelta import relativedelta

    until = until or timezone.localdate() + relativedelta(months=deadlines.DEFAULT_HORIZON_MONTHS)
    before = Occurrence.objects.count()
    for decision in Decision.objects.filter(deadline__kind="recurring"):
        sync_occurrences(decision, until=until)
    return Occurrence.objects.count() - before


# --- status summaries -----------------------------------------------------------------------


def overdue(qs: QuerySet[Occurrence], today: date | None = None) -> QuerySet[Occurrence]:
    today = today or timezone.localdate()
    return qs.filter(due_date__lt=today, status__in=OPEN_STATUSES)


def committee_counts(committee: Committee, user, today: date | None = None) -> dict:
    qs = visible_occurrences(user).filter(
        assignment__decision__agenda_item__meeting__committee=committee
    )
    return {
        "total": qs.count(),
        "open": qs.filter(status__in=OPEN_STATUSES).count(),
        "reported": qs.filter(status=Status.REPORTED_DONE).count(),
        "confirmed": qs.filter(status=Status.CONFIRMED_DONE).count(),
        "overdue": overdue(qs, today).count(),
        "asap": qs.filter(
            status__in=OPEN_STATUSES, assignment__decision__deadline__kind="asap"
        ).count(),
    }


def current_occurrence(assignment: Assignment, today: date | None = None) -> Occurrence | None:
    """The occurrence that matters now: the earliest one due and not confirmed, else the
    earliest pending one, else the last one."""
    today = today or timezone.localdate()
    occurrences = list(assignment.occurrences.all())
    pending = [o for o in occurrences if o.status != Status.CONFIRMED_DONE]
    due_now = [o for o in pending if o.due_date is None or o.due_date <= today]
    chosen = due_now or pending or occurrences[-1:]
    return chosen[0] if chosen else None


def assignment_status(assignment: Assignment, today: date | None = None) -> Status:
    current = current_occurrence(assignment, today)
    return Status(current.status) if current else Status.NOT_STARTED


# --- meetings -------------------------------------------------------------------------------


def next_sequence(committee: Committee) -> int:
    return (committee.meetings.aggregate(m=Max("sequence"))["m"] or 0) + 1


def genitive(name: str) -> str:
    """Bengali possessive: কমিটি → কমিটির, টিম → টিমের."""
    ends_in_vowel = bool(name) and (
        "\u09be" <= name[-1] <= "\u09cc" or "\u0985" <= name[-1] <= "\u0994"
    )
    return name + ("র" if ends_in_vowel else "ের")


def default_title(committee: Committee, sequence: int | None) -> str:
    from tadarki.bangla.fiscal import ordinal_bn

    nth = f" {ordinal_bn(sequence)}" if sequence else ""
    return f"{genitive(committee.name)}{nth} সভার কার্যবিবরণী"


def create_meeting(committee: Committee, *, by=None, **fields) -> Meeting:
    fields.setdefault("sequence", next_sequence(committee))
    fields.setdefault("opening", DEFAULT_OPENING)
    fields.setdefault("closing", DEFAULT_CLOSING)
    if not fields.get("title"):
        fields["title"] = default_title(committee, fields["sequence"])
    meeting = Meeting.objects.create(committee=committee, created_by=by, **fields)
    on_meeting_scheduled(meeting)
    return meeting


def open_decisions(committee: Committee, before: date) -> list[Decision]:
    """Decisions of meetings before `before` with work still due and not confirmed done."""
    pending = Occurrence.objects.filter(
        assignment__decision__agenda_item__meeting__committee=committee,
        assignment__decision__agenda_item__meeting__date__lt=before,
    ).exclude(status=Status.CONFIRMED_DONE)
    pending = pending.filter(Q(due_date__isnull=True) | Q(due_date__lte=before))
    ids = set(pending.values_list("assignment__decision_id", flat=True))
    return list(
        Decision.objects.filter(pk__in=ids)
        .select_related("agenda_item__meeting")
        .prefetch_related("assignments__unit", "assignments__occurrences")
        .order_by("agenda_item__meeting__date", "agenda_item__order", "order")
    )


def _carry_over_text(decisions: list[Decision], today: date) -> str:
    from tadarki.bangla.fiscal import ordinal_bn

    lines = []
    with translation.override("bn"):
        for d in decisions:
            m = d.agenda_item.meeting
            where = f"{ordinal_bn(m.sequence)} সভা" if m.sequence else to_bengali(m.date.isoformat())
            ref = " ".join(
                p for p in (d.agenda_item.number, f"({d.label})" if d.label else "") if p
            )
            statuses = ", ".join(
                f"{a.display_name}: {assignment_status(a, today).label}"
                for a in d.assignments.all()
            )
            lines.append(f"{where}, {ref}: {d.text} — {statuses}")
    return "\n".join(lines)


def _score_bn(score) -> str:
    text = f"{score:.1f}".rstrip("0").rstrip(".") if isinstance(score, float) else str(score)
    return to_bengali(text)


def _audit_summary_text(summary: dict) -> str:
    """The audits service's department summary (`department_summary`) as discussion lines."""
    lines = []
    if summary.get("round") is not None and summary.get("score") is not None:
        lines.append(
            f"নিরীক্ষা রাউন্ড {to_bengali(summary['round'])}: অধিদপ্তরের স্কোর "
            f"{_score_bn(summary['score'])}"
            + (f", অফিস {to_bengali(summary['offices'])}টি" if summary.get("offices") else "")
        )
    worst = summary.get("worst_offices") or []
    if worst:
        lines.append("সর্বনিম্ন স্কোরের অফিসসমূহ:")
    for office in worst:
        bits = [office.get("name") or office.get("host", "")]
        if office.get("host"):
            bits.append(f"[{office['host']}]")
        if office.get("score") is not None:
            bits.append(f"— স্কোর {_score_bn(office['score'])}")
        lines.append(" ".join(str(b) for b in bits))
    findings = summary.get("open_findings")
    if isinstance(findings, dict):
        findings = sum(v for v in findings.values() if isinstance(v, int))
    if findings:
        lines.append(f"অনিষ্পন্ন পর্যবেক্ষণ: {to_bengali(findings)}টি")
    return "\n".join(lines)


def _department_summary(department: OrgUnit) -> dict | None:
    from tadarki.audits.services import department_summary

    try:
        return department_summary(department)
    except Exception:  # the audits app is optional here; never block a meeting on it
        return None


@transaction.atomic
def prepare_next_meeting(committee: Committee, *, by, on: date | None = None) -> Meeting:
    """A draft meeting whose first item reports on the open decisions of earlier meetings."""
    on = on or timezone.localdate()
    previous = committee.meetings.order_by("-date", "-pk").first()
    meeting = create_meeting(
        committee,
        by=by,
        date=on,
        chair_name=previous.chair_name if previous else "",
        chair_designation=previous.chair_designation if previous else "",
        venue=previous.venue if previous else "",
        attendees=previous.attendees if previous else "",
        distribution=previous.distribution if previous else "",
        signatory_name=previous.signatory_name if previous else "",
        signatory_designation=previous.signatory_designation if previous else "",
    )
    carried = open_decisions(committee, before=on)
    item = AgendaItem.objects.create(
        meeting=meeting,
        order=0,
        number="১.০",
        title=CARRY_OVER_TITLE,
        discussion=_carry_over_text(carried, on),
    )
    item.carried.set(carried)
    if committee.kind == Committee.Kind.WEBSITE_MONITORING:
        number = 2
        for department in departments_of(division_of(committee.owner)):
            summary = _department_summary(department)
            text = _audit_summary_text(summary) if summary else ""
            if not text:
                continue
            AgendaItem.objects.create(
                meeting=meeting,
                order=number - 1,
                number=f"{to_bengali(number)}.০",
                title=f"{genitive(department.name_bn)} অফিসসমূহের ওয়েবসাইটসমূহ যাচাই-বাছাই",
                discussion=text,
                implementers_text=department.name_bn,
            )
            number += 1
    return meeting


@transaction.atomic
def allocate_memo_number(meeting: Meeting, scheme: NumberingScheme | None = None) -> str:
    """The next স্মারক নম্বর of the committee's scheme; the serial restarts each year."""
    if meeting.memo_number:
        return meeting.memo_number
    scheme = scheme or meeting.committee.numbering or NumberingScheme.objects.first()
    if scheme is None:
        return ""
    scheme = NumberingScheme.objects.select_for_update().get(pk=scheme.pk)
    year = (meeting.issued_on or timezone.localdate()).year
    if scheme.serial_year != year:
        scheme.serial_year, scheme.last_serial = year, 0
    scheme.last_serial += 1
    scheme.save(update_fields=["serial_year", "last_serial"])
    meeting.memo_number = f"{to_bengali(scheme.prefix.strip('.'))}.{to_bengali(scheme.last_serial)}"
    meeting.save(update_fields=["memo_number"])
    return meeting.memo_number


@transaction.atomic
def issue_meeting(meeting: Meeting, *, by, on: date | None = None) -> Meeting:
    """Issue the minutes: date, memo number, and deadlines counted from the issue date."""
    meeting.issued_on = meeting.issued_on or on or timezone.localdate()
    meeting.state = Meeting.State.ISSUED
    meeting.save(update_fields=["issued_on", "state"])
    allocate_memo_number(meeting)
    for item in meeting.agenda_items.all():
        for decision in item.decisions.all():
            sync_occurrences(decision)
    return meeting


# --- import ---------------------------------------------------------------------------------


def _parse_time(value: str | None) -> time | None:
    if not value:
        return None
    hours, minutes = value.split(":")[:2]
    return time(int(hours), int(minutes))


def implementer_names(parsed: dict) -> list[str]:
    """Every distinct implementer phrase in parsed minutes, in order of first mention."""
    seen: dict[str, None] = {}
    for item in parsed.get("agenda_items") or []:
        for name in item.get("implementers") or []:
            seen.setdefault(_norm(name), None)
        for d in item.get("decisions") or []:
            for name in d.get("implementers") or []:
                seen.setdefault(_norm(name), None)
    return [n for n in seen if n]


@transaction.atomic
def import_minutes(
    parsed: dict, committee: Committee, by=None, unit_map: dict[str, list[int]] | None = None
) -> Meeting:
    """Save parsed minutes (minutes-json.md) as an issued meeting with tracked decisions.

    `unit_map` maps a printed implementer name to registry unit ids chosen at review
    ([] keeps it as free text); names not in it are matched by name and alias.
    """
    info = parsed.get("meeting") or {}
    chair = info.get("chair") or {}
    signatory = parsed.get("signatory") or chair
    meeting_date = date.fromisoformat(info["date"]) if info.get("date") else timezone.localdate()
    issued = date.fromisoformat(parsed["issued_on"]) if parsed.get("issued_on") else None
    meeting = create_meeting(
        committee,
        by=by,
        sequence=info.get("sequence"),
        title=_norm(parsed.get("title") or ""),
        chair_name=chair.get("name") or "",
        chair_designation=chair.get("designation") or "",
        date=meeting_date,
        time=_parse_time(info.get("time")),
        venue=info.get("venue") or "",
        memo_number=parsed.get("memo_number") or "",
        issued_on=issued,
        opening=parsed.get("opening") or DEFAULT_OPENING,
        closing=parsed.get("closing") or DEFAULT_CLOSING,
        distribution="\n".join(parsed.get("distribution") or []),
        attendees="\n".join(parsed.get("attendees") or []),
        signatory_name=signatory.get("name") or "",
        signatory_designation=signatory.get("designation") or "",
        state=Meeting.State.ISSUED,
        source=parsed.get("source") or "",
    )
    for i, entry in enumerate(parsed.get("agenda_items") or []):
        item_implementers = entry.get("implementers") or []
        item = AgendaItem.objects.create(
            meeting=meeting,
            order=i,
            number=entry.get("number") or "",
            title=unicodedata.normalize("NFC", entry.get("title") or "").strip(),
            discussion=entry.get("discussion") or "",
            implementers_text=" / ".join(item_implementers),
        )
        for j, d in enumerate(entry.get("decisions") or []):
            decision = Decision.objects.create(
                agenda_item=item,
                order=j,
                label=d.get("label") or "",
                text=unicodedata.normalize("NFC", d.get("text") or ""),
                deadline=d.get("deadline"),
            )
            assign_by_names(decision, d.get("implementers") or item_implementers, unit_map)
            sync_occurrences(decision)
    return meeting
