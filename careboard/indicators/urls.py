"""URLs of the indicators app: the catalogue and one page per indicator."""

from django.urls import path

from careboard.indicators import views

app_name = "indicators"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("<slug:code>/", views.entry, name="entry"),
]
