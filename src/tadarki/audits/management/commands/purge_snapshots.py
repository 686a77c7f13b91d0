"""`tadarki purge_snapshots [--days N]`: delete page snapshots not seen for N days
(default TADARKI_SNAPSHOT_RETENTION_DAYS); findings keep their hash and excerpt. Page-cache
entries no crawl has asked about for as long go too."""

from django.core.management.base import BaseCommand

from tadarki.audits.evidence import purge_snapshots
from tadarki.audits.page_cache import purge_page_cache


class Command(BaseCommand):
    help = "Delete page snapshots older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, **options):
        deleted = purge_snapshots(options["days"])
        cached = purge_page_cache(options["days"])
        self.stdout.write(f"{deleted} snapshots deleted, {cached} page-cache entries deleted")
