import sys

from django.core.management.base import BaseCommand

from tadarki.registry import exporting
from tadarki.registry.models import OrgUnit


class Command(BaseCommand):
    help = "Export the registry as CSV (units; officers with --officers) or XLSX (both sheets)."

    def add_arguments(self, parser):
        parser.add_argument("out", help="output file, or - for standard output (CSV only)")
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument("--officers", action="store_true", help="CSV: the officers table")

    def handle(self, *args, out, format, officers, **options):
        units = OrgUnit.objects.all()
        data = (
            exporting.xlsx_bytes(units)
            if format == "xlsx"
            else exporting.csv_bytes(units, officers=officers)
        )
        if out == "-":
            sys.stdout.buffer.write(data)
        else:
            with open(out, "wb") as handle:
                handle.write(data)
