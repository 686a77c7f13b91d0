"""Periodic jobs for Celery beat (when a broker is configured); cron can call the commands."""

from celery import shared_task

from tadarki.committees import reminders, services


@shared_task
def send_committee_reminders() -> int:
    return reminders.send_reminders()


@shared_task
def extend_recurring_occurrences() -> int:
    return services.extend_recurring()
