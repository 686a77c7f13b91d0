from django.core.management.base import BaseCommand

from tadarki.registry.seed import load_seed


class Command(BaseCommand):
    help = "Load the divisions, districts and seed organisation tree (safe to run again)."

    def handle(self, *args, **options):
        counts = load_seed()
        self.stdout.write(
            "registry seed: {created} created, {updated} updated, {unchanged} unchanged".format(
                **counts
            )
        )
