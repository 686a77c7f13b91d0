from django.urls import path

from . import views

app_name = "registry"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("search/", views.search, name="search"),
    path("unit/<slug:code>/", views.unit_detail, name="unit"),
    path("export/registry.csv", views.export, {"fmt": "csv"}, name="export_csv"),
    path("export/officers.csv", views.export, {"fmt": "officers.csv"}, name="export_officers_csv"),
    path("export/registry.xlsx", views.export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("import/", views.import_upload, name="import"),
    path("import/<str:token>/confirm/", views.import_confirm, name="import_confirm"),
]
