"""Reminders over real SMTP to a local server: due ones once, missed ones late, never twice."""

import socket
from datetime import date
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

from tadarki.committees import reminders, services
from tadarki.committees.models import AgendaItem, Occurrence, ReminderSent


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        msg = message_from_bytes(envelope.content, policy=default_policy)
        self.messages.append((sorted(envelope.rcpt_tos), msg))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def inbox(settings):
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield handler
    controller.stop()


@pytest.fixture
def decisions(committee, users, org):
    meeting = services.create_meeting(
        committee, by=users["ict"], date=date(2025, 3, 2), issued_on=date(2025, 3, 2)
    )
    item = AgendaItem.objects.create(meeting=meeting, number="১.০", title="পর্যালোচনা")
    soon = services.add_decision(
        item,
        "প্রতিবেদন দাখিল",
        label="ক",
        deadline={"kind": "date", "date": "2025-03-20"},
        units=[org["dip"]],
    )
    later = services.add_decision(
        item,
        "কর্মকর্তা মনোনয়ন",
        label="খ",
        deadline={"kind": "date", "date": "2025-03-25"},
        units=[org["prisons"]],
    )
    return soon, later


def _subjects(inbox):
    return [m["Subject"] for _, m in inbox.messages]


@pytest.mark.django_db(transaction=True)
def test_before_and_overdue_reminders_go_once_each(inbox, decisions, users):
    assert reminders.send_reminders(today=date(2025, 3, 17), days_before=3) == 1
    rcpts, msg = inbox.messages[0]
    assert rcpts == ["dip@example.gov.bd", "dipfocal@example.gov.bd"]
    assert "স্মারক" in msg["Subject"] and "২০ মার্চ ২০২৫" in msg["Subject"]
    body = msg.get_content()
    assert "প্রতিবেদন দাখিল" in body and "বহিরাগমন ও পাসপোর্ট অধিদপ্তর" in body
    # Same day again: nothing new.
    assert reminders.send_reminders(today=date(2025, 3, 17), days_before=3) == 0
    assert len(inbox.messages) == 1
    # The 22nd: the first is overdue, the second falls in its window.
    assert reminders.send_reminders(today=date(2025, 3, 22), days_before=3) == 2
    subjects = _subjects(inbox)[1:]
    assert any("অতিক্রান্ত" in s for s in subjects)
    assert reminders.send_reminders(today=date(2025, 3, 22), days_before=3) == 0


@pytest.mark.django_db(transaction=True)
def test_a_missed_day_is_caught_up_and_reported_work_is_left_alone(inbox, decisions):
    soon, later = decisions
    # The job did not run for weeks: each occurrence gets its overdue notice, once.
    Occurrence.objects.filter(assignment__decision=later).update(status="reported")
    assert reminders.send_reminders(today=date(2025, 4, 10), days_before=3) == 1
    assert ReminderSent.objects.get().kind == ReminderSent.Kind.OVERDUE
    assert inbox.messages[0][0] == ["dip@example.gov.bd", "dipfocal@example.gov.bd"]
    call_command("send_reminders", "--date", "2025-04-11")
    assert len(inbox.messages) == 1
