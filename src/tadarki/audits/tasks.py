"""Celery tasks (scale-out): one task per portal of a round.

Bound to the project's app (not `shared_task`), so that a process that only queues work,
like `tadarki audit_round`, sends it to the configured broker.
"""

from tadarki.celery import app


@app.task(name="audits.audit_portal", acks_late=True)
def audit_portal_task(round_portal_id: int) -> None:
    from .runner import run_portal_task

    run_portal_task(round_portal_id)


@app.task(name="audits.scheduled_round")
def scheduled_round_task() -> int:
    """For Celery beat: a round over every portal."""
    from . import runner, services

    audit_round = services.create_round(trigger="schedule")
    runner.start_round(audit_round)
    return audit_round.number
