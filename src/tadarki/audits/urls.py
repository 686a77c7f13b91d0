from django.urls import path

from . import api, views

app_name = "audits"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("rounds/start/", views.round_start, name="round_start"),
    path("rounds/<int:number>/", views.round_detail, name="round"),
    path("rounds/<int:number>/progress.json", views.round_progress, name="round_progress"),
    path("rounds/<int:number>/cancel/", views.round_cancel, name="round_cancel"),
    path("rounds/<int:number>/resume/", views.round_resume, name="round_resume"),
    path("unit/<slug:code>/", views.unit, name="unit"),
    path("unit/<slug:code>/report/<int:number>/", views.observation_report, name="report"),
    path("findings/", views.finding_list, name="findings"),
    path("findings/<int:pk>/", views.finding, name="finding"),
    path("findings/<int:pk>/action/", views.finding_action, name="finding_action"),
    path("observations/<int:pk>/snapshot/", views.snapshot, name="snapshot"),
    path("observations/<int:pk>/snapshot/raw/", views.snapshot_raw, name="snapshot_raw"),
    path("tokens/", views.token_list, name="tokens"),
    path("api/dashboard/", api.dashboard, name="api_dashboard"),
    path("api/rounds/", api.rounds, name="api_rounds"),
    path("api/rounds/<int:number>/", api.round_detail, name="api_round"),
    path("api/units/<slug:code>/", api.unit, name="api_unit"),
    path("api/findings/", api.findings, name="api_findings"),
    path("api/findings/<int:pk>/", api.finding, name="api_finding"),
]
