from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("tadarki.accounts.urls")),
    path("registry/", include("tadarki.registry.urls")),
    path("audits/", include("tadarki.audits.urls")),
    path("committees/", include("tadarki.committees.urls")),
    path("", include("tadarki.web.urls")),
]
