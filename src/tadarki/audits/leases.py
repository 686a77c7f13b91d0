"""Who runs a round: a claim with a lease that the runner renews while it works.

A round is run by one process at a time. The runner writes "host:pid:token" and a lease
end into the round and renews the lease every few seconds; when it stops it clears both.
A round whose runner is gone (its lease ran out, or its process on this machine no longer
exists) is *orphaned* and may be claimed by anyone, which is how a restart resumes it.
Rounds queued to Celery carry the runner "celery": the broker redelivers their tasks.
"""

from __future__ import annotations

import os
import secrets
import socket
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import AuditRound

CELERY = "celery"
UNFINISHED = (AuditRound.State.PENDING, AuditRound.State.RUNNING)


def lease_seconds() -> float:
    return float(getattr(settings, "TADARKI_ROUND_LEASE_SECONDS", 60))


def new_identity() -> str:
    """Unique per run: two threads of one process never share a claim."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def holder_alive(audit_round: AuditRound) -> bool:
    """Whether the round's runner may still be at work."""
    if not audit_round.runner:
        return False
    if audit_round.runner == CELERY:
        return True
    if audit_round.lease_until is None or audit_round.lease_until < timezone.now():
        return False
    host, _, rest = audit_round.runner.partition(":")
    pid = rest.partition(":")[0]
    if host == socket.gethostname() and pid.isdigit():
        # Same machine: a killed runner is known dead at once, without waiting for the lease.
        return _process_alive(int(pid))
    return True


def run_elsewhere(audit_round: AuditRound) -> bool:
    """Another live process runs the round (a Celery round may be re-queued: not this)."""
    return audit_round.runner != CELERY and holder_alive(audit_round)


def claim(audit_round_id: int, identity: str) -> bool:
    """Take the round for `identity`; False when it is finished or another runner is alive.

    A compare-and-swap on (runner, lease_until) rather than a row lock, so that two
    processes claiming at once cannot both win, on SQLite as on PostgreSQL.
    """
    audit_round = AuditRound.objects.get(pk=audit_round_id)
    if audit_round.state not in UNFINISHED:
        return False
    if audit_round.runner != identity and holder_alive(audit_round):
        return False
    taken = AuditRound.objects.filter(
        pk=audit_round_id,
        state__in=UNFINISHED,
        runner=audit_round.runner,
        lease_until=audit_round.lease_until,
    ).update(runner=identity, lease_until=timezone.now() + timedelta(seconds=lease_seconds()))
    return taken == 1


def renew(audit_round_id: int, identity: str) -> bool:
    """Extend the lease; False when the claim was lost (another runner took the round)."""
    until = timezone.now() + timedelta(seconds=lease_seconds())
    return bool(
        AuditRound.objects.filter(pk=audit_round_id, runner=identity).update(lease_until=until)
    )


def release(audit_round_id: int, identity: str) -> None:
    AuditRound.objects.filter(pk=audit_round_id, runner=identity).update(
        runner="", lease_until=None
    )


def orphaned_rounds() -> list[AuditRound]:
    """Unfinished, not cancelled rounds that nobody is running, oldest first."""
    candidates = AuditRound.objects.filter(state__in=UNFINISHED, cancel_requested=False)
    return [r for r in candidates.order_by("number") if not holder_alive(r)]
