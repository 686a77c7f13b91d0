"""The committee follow-up on the real PostgreSQL server (make integration sets DATABASE_URL):
JSON deadline lookups, carry-over and memo numbering behave as on SQLite."""

from datetime import date

import pytest
from django.db import connection

from tadarki.committees import services
from tadarki.committees.models import Decision, Occurrence

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_import_carry_over_and_memo_numbers_on_postgresql(committee, users, sample_json):
    assert connection.vendor == "postgresql"
    meeting = services.import_minutes(
        sample_json("website-monitoring-17th-2025.json"), committee, by=users["ict"]
    )
    assert Decision.objects.filter(agenda_item__meeting=meeting, deadline__kind="asap").count() == 3
    assert services.extend_recurring(until=date(2026, 12, 31)) > 0
    counts = services.committee_counts(committee, users["ict"], today=date(2025, 12, 1))
    assert counts["asap"] == 3 and counts["overdue"] > 0
    nxt = services.prepare_next_meeting(committee, by=users["ict"], on=date(2025, 10, 1))
    assert nxt.sequence == 18
    assert nxt.agenda_items.get(order=0).carried.count() == 11
    services.issue_meeting(nxt, by=users["ict"], on=date(2025, 10, 5))
    assert nxt.memo_number == "৫৮.০০.০০০০.০১৮.৩১.০০২.২১.১"
    assert Occurrence.objects.filter(status="not_started").exists()
