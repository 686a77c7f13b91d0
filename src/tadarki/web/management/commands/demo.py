"""`tadarki demo`: the whole service on embedded defaults, nothing to configure.

Migrates the SQLite database, loads the seed registry and demo data, starts the portal farm
on 127.0.0.1, runs one audit round over it in-process, prints the logins and serves the site.
"""

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Set up and run Tadarki with demo data on embedded defaults."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--pages", type=int, default=30, help="pages per demo portal")
        parser.add_argument("--no-round", action="store_true", help="skip the first audit round")
        parser.add_argument("--no-serve", action="store_true", help="set up, then exit")

    def handle(self, *args, **options):
        from tadarki import demo
        from tadarki.audits import runner, services
        from tadarki.farm.proxy import LoopbackProxy
        from tadarki.farm.server import FarmServer
        from tadarki.registry.seed import load_seed

        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        load_seed()
        demo.ensure_offices()
        logins = demo.ensure_users()

        farm = demo.build_demo_farm(pages=options["pages"])
        farm_server = FarmServer(farm).start()
        proxy = LoopbackProxy(farm_server).start()
        # The demo portals live on loopback behind the farm's proxy; only this process uses it.
        settings.TADARKI_HTTP_PROXY = proxy.url
        # The farm is ours: crawl it faster than a real portal would be.
        settings.TADARKI_CRAWL = {"requests_per_second": 25.0, "concurrency_per_host": 4}
        settings.TADARKI_PORTAL_CONCURRENCY = 12
        os.environ["TADARKI_RESUME_ON_START"] = "0"  # resumed here, before serving
        resumed = runner.resume_orphaned()
        if resumed:
            self.stdout.write(f"resumed interrupted rounds: {resumed}")
        self.stdout.write(f"demo portal farm: {len(farm.portals)} portals via proxy {proxy.url}")

        if not options["no_round"]:
            audit_round = services.create_round(trigger="demo")
            self.stdout.write(f"audit round {audit_round.number} over the demo portals …")
            runner.run_round(audit_round)
            progress = services.round_progress(audit_round)
            self.stdout.write(
                "round {round}: {portals_done}/{portals_total} portals, {pages} pages, "
                "{findings} findings".format(**progress)
            )

        self.stdout.write(self.style.SUCCESS("logins (password is new at every start):"))
        for login in logins:
            self.stdout.write(f"  {login.username:<18} {login.password}   {login.role}")
        if options["no_serve"]:
            farm_server.stop()
            proxy.stop()
            return
        self.stdout.write(f"Tadarki at http://{options['addrport']}/")
        call_command("runserver", options["addrport"], use_reloader=False)
