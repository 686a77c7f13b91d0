"""`tadarki audit_round`: run an audit round from the command line, cron or Celery beat.

tadarki audit_round                       # every portal (resumes orphaned rounds first)
tadarki audit_round --department dip      # one department's subtree
tadarki audit_round --office a --office b # listed offices
tadarki audit_round --resume 12           # finish round 12, doing only what is not done
tadarki audit_round --resume-only         # finish orphaned rounds, start none (cron)

An orphaned round is an unfinished one whose runner is gone (killed, machine restarted):
see tadarki.audits.leases. A round another live process is running is left alone.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tadarki.audits import leases, runner, services
from tadarki.audits.models import AuditRound
from tadarki.registry.models import OrgUnit


class Command(BaseCommand):
    help = "Run a portal audit round (in-process, or queued to Celery workers when configured)."

    def add_arguments(self, parser):
        parser.add_argument("--department", help="code of a department: audit its subtree")
        parser.add_argument("--office", action="append", help="code of an office (repeatable)")
        parser.add_argument("--resume", type=int, metavar="ROUND", help="resume this round")
        parser.add_argument(
            "--resume-only", action="store_true", help="only resume unfinished rounds"
        )
        parser.add_argument("--concurrency", type=int, help="portals audited at once")

    def handle(self, *args, **options):
        if options["resume"] is not None:
            try:
                audit_round = AuditRound.objects.get(number=options["resume"])
            except AuditRound.DoesNotExist:
                raise CommandError(f"no round {options['resume']}") from None
            if leases.run_elsewhere(audit_round):
                raise CommandError(
                    f"round {audit_round.number} is being run by {audit_round.runner}"
                )
            try:
                self._run(audit_round, options)
            except runner.RoundBusy as busy:
                raise CommandError(str(busy)) from None
            return
        for audit_round in leases.orphaned_rounds():
            self.stdout.write(f"resuming round {audit_round.number}")
            try:
                self._run(audit_round, options)
            except runner.RoundBusy:
                continue  # another process claimed it just now
        if options["resume_only"]:
            return
        department = offices = None
        if options["department"]:
            department = self._unit(options["department"], OrgUnit.Kind.DEPARTMENT)
        if options["office"]:
            offices = [self._unit(code, OrgUnit.Kind.OFFICE) for code in options["office"]]
        with transaction.atomic():
            audit_round = services.create_round(
                department=department, offices=offices, trigger="command"
            )
        self._run(audit_round, options)

    def _unit(self, code: str, kind: str) -> OrgUnit:
        try:
            return OrgUnit.objects.get(code=code, kind=kind)
        except OrgUnit.DoesNotExist:
            raise CommandError(f"no {kind} with code {code!r}") from None

    def _run(self, audit_round: AuditRound, options) -> None:
        from django.conf import settings

        if getattr(settings, "TADARKI_USE_CELERY", False):
            runner.start_round(audit_round)
            self.stdout.write(f"round {audit_round.number} queued to Celery workers")
            return
        runner.run_round(audit_round, concurrency=options.get("concurrency"))
        progress = services.round_progress(audit_round)
        self.stdout.write(
            "round {round}: {state}, {portals_done}/{portals_total} portals, "
            "{pages} pages, {findings} findings".format(**progress)
        )
