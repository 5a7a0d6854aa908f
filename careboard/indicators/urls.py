"""URLs of the indicators app: the catalogue, one page per indicator, the analysts' forms."""

from django.urls import path

from careboard.indicators import entry_views, upload_views, views

app_name = "indicators"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("upload/", upload_views.upload, name="upload"),
    path("template.<str:fmt>", upload_views.template, name="template"),
    path("<slug:code>/", entry_views.entry, name="entry"),
    path("<slug:code>/values/new/", entry_views.enter, name="enter_value"),
    path("<slug:code>/targets/", entry_views.targets, name="targets"),
    path("<slug:code>/<int:year>/status/", entry_views.override, name="override"),
]
