from datetime import date

from django.core.management.base import BaseCommand

from tadarki.committees.reminders import days_before_default, send_reminders


class Command(BaseCommand):
    help = "E-mail implementers about approaching and overdue committee deadlines (safe to rerun)."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=date.fromisoformat, help="run as of this date (ISO)")
        parser.add_argument(
            "--days-before",
            type=int,
            default=None,
            help=f"days before a deadline to remind (default {days_before_default()})",
        )

    def handle(self, *args, date=None, days_before=None, **options):
        count = send_reminders(today=date, days_before=days_before)
        self.stdout.write(f"{count} reminder(s) sent")
