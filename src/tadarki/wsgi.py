import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tadarki.settings")
application = get_wsgi_application()

# A round whose runner died with an earlier web process is picked up again by this one.
if os.getenv("TADARKI_RESUME_ON_START", "1") == "1":
    from tadarki.audits.runner import resume_orphaned_in_background

    resume_orphaned_in_background()
