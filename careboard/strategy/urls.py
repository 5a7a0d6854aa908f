"""URLs of the strategy app: overview, priorities, tracker, actions, register, exports."""

from django.urls import path

from careboard.strategy import views

app_name = "strategy"
urlpatterns = [
    path("", views.home, name="home"),
    path("actions/", views.tracker, name="tracker"),
    path("actions/export.<str:fmt>", views.export, name="export"),
    path("actions/<int:pk>/", views.action_detail, name="action"),
    path("actions/<int:pk>/update/", views.action_update, name="action_update"),
    path("recommendations/", views.register, name="register"),
    path("plans/<slug:slug>/", views.plan_detail, name="plan"),
    path("plans/<slug:slug>/carry-forward/", views.carry_forward, name="carry_forward"),
    path("plans/<slug:slug>/<slug:priority_slug>/", views.priority_detail, name="priority"),
]
