from datetime import date

from django.core.management.base import BaseCommand

from tadarki.committees.services import extend_recurring


class Command(BaseCommand):
    help = "Create the occurrences of recurring committee decisions up to a horizon (default: 12 months on)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--until", type=date.fromisoformat, help="last due date to create (ISO)"
        )

    def handle(self, *args, until=None, **options):
        self.stdout.write(f"{extend_recurring(until)} occurrence(s) created")
