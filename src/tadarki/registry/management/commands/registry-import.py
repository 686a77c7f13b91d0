from django.core.management.base import BaseCommand, CommandError

from tadarki.registry.importing import apply_import, plan_import


class Command(BaseCommand):
    help = "Import registry units (and officers) from a CSV or XLSX file, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="check and show, change nothing")
        parser.add_argument("--reason", default="", help="why (kept in the change record)")

    def handle(self, *args, file, dry_run, reason, **options):
        plan = plan_import(file, file)
        for error in plan.errors:
            self.stderr.write(f"{error.sheet}: {error}")
        if plan.errors:
            raise CommandError(f"{len(plan.errors)} error(s); nothing was imported")
        for change in plan.changes + plan.officer_changes:
            if change.action != "unchanged":
                fields = ", ".join(change.changed) if change.changed else ""
                self.stdout.write(
                    f"{change.sheet} row {change.row}: {change.action} {change.key} {fields}"
                )
        summary = "{} create, {} update, {} unchanged".format(
            plan.count("create"), plan.count("update"), plan.count("unchanged")
        )
        if dry_run:
            self.stdout.write(f"dry run: {summary}; nothing written")
            return
        apply_import(plan, reason=reason)
        self.stdout.write(f"imported: {summary}")
