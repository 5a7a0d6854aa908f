"""Staff pages for the voice of the child."""

from django.urls import path

from careboard.voice import views

app_name = "voice"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("<int:pk>/", views.item, name="item"),
]
