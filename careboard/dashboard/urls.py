"""URLs of the board dashboard."""

from django.urls import path

from careboard.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("print/", views.print_view, name="print"),
    path("indicators/<slug:code>/", views.indicator, name="indicator"),
]
