"""URLs of 903 imports: history, upload, one run (status and validation report), actions."""

from django.urls import path

from careboard.ingest import views

app_name = "ingest"
urlpatterns = [
    path("", views.history, name="history"),
    path("new/", views.upload, name="upload"),
    path("<int:run>/", views.run_detail, name="run"),
    path("<int:run>/findings.csv", views.findings_csv, name="findings_csv"),
    path("<int:run>/confirm", views.confirm, name="confirm"),
    path("<int:run>/cancel", views.cancel, name="cancel"),
]
