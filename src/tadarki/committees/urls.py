from django.urls import path

from . import views

app_name = "committees"
urlpatterns = [
    path("", views.committee_list, name="list"),
    path("<int:pk>/", views.committee_detail, name="committee"),
    path("<int:pk>/meetings/new/", views.meeting_new, name="meeting_new"),
    path("<int:pk>/prepare/", views.prepare_next, name="prepare_next"),
    path("<int:pk>/import/", views.import_upload, name="import_upload"),
    path("<int:pk>/import/review/", views.import_review, name="import_review"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/items/", views.agenda_add, name="agenda_add"),
    path("meetings/<int:pk>/issue/", views.meeting_issue, name="meeting_issue"),
    path("meetings/<int:pk>/minutes/", views.minutes_view, name="minutes_html"),
    path("meetings/<int:pk>/minutes.docx", views.minutes_docx_view, name="minutes_docx"),
    path("meetings/<int:pk>/minutes.pdf", views.minutes_pdf_view, name="minutes_pdf"),
    path("items/<int:pk>/decisions/", views.decision_add, name="decision_add"),
    path("decisions/", views.decision_list, name="decisions"),
    path("tasks/<int:pk>/", views.occurrence_detail, name="occurrence"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
]
