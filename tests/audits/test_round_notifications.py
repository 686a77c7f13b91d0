"""After a round, focal points and office editors get a digest over real SMTP, only when
something changed for them."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller

from tadarki.audits import runner, services
from tadarki.audits.models import AuditRound
from tadarki.audits.notify import send_round_digests

LAK = "http://passport.lakshmipur.gov.bd/"


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"


@pytest.fixture
def smtp(settings):
    inbox = Inbox()
    with socket.socket() as probe:  # Controller cannot start on port 0 (it probes its port)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


@pytest.mark.django_db
def test_digest_goes_to_those_whose_offices_changed(smtp, tree, users, auditor):
    auditor.portal(LAK).pages = {LAK: b"home"}
    auditor.portal(LAK).findings = {("notice.empty", ""): LAK}
    runner.run_round(services.create_round(offices=[tree["lakshmipur"]]), audit=auditor)
    recipients = sorted(r for rcpt, _m in smtp.messages for r in rcpt)
    # Lakshmipur changed: its editor and the passport department's focal point hear of it;
    # the narcotics focal point, the ICT cell and committee members do not.
    assert recipients == ["dipfocal@example.gov.bd", "lakeditor@example.gov.bd"]
    _rcpt, message = smtp.messages[0]
    body = message.get_content()
    assert "notice.empty সমস্যা রয়েছে।" in body
    assert "[passport.lakshmipur.gov.bd]" in body
    assert "/audits/findings/" in body
    assert "রাউন্ড ১" in message["Subject"]

    smtp.messages.clear()
    runner.run_round(services.create_round(offices=[tree["lakshmipur"]]), audit=auditor)
    assert smtp.messages == []  # nothing changed: no mail

    auditor.portal(LAK).findings = {}
    runner.run_round(services.create_round(offices=[tree["lakshmipur"]]), audit=auditor)
    assert len(smtp.messages) == 2
    assert "notice.empty" in smtp.messages[0][1].get_content()


@pytest.mark.django_db
def test_digests_are_sent_once_per_round(smtp, tree, users, auditor):
    auditor.portal(LAK).pages = {LAK: b"home"}
    auditor.portal(LAK).findings = {("notice.empty", ""): LAK}
    runner.run_round(services.create_round(offices=[tree["lakshmipur"]]), audit=auditor)
    assert send_round_digests(AuditRound.objects.get()) == 0
    assert len(smtp.messages) == 2
