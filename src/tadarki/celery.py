"""Celery application: used only when CELERY_BROKER_URL is set (scale-out)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tadarki.settings")

app = Celery("tadarki")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
