"""URLs of board governance: forward plan, meetings, board packs and the scrutiny report."""

from django.urls import path

from careboard.governance import views

app_name = "governance"
urlpatterns = [
    path("", views.meeting_list, name="forward_plan"),
    path("new/", views.meeting_create, name="meeting_new"),
    path("<int:meeting>/", views.meeting_detail, name="meeting"),
    path("<int:meeting>/edit/", views.meeting_edit, name="meeting_edit"),
    path("<int:meeting>/board-pack.<str:fmt>", views.board_pack, name="board_pack"),
    path(
        "progress/<slug:plan_slug>/report.<str:fmt>",
        views.progress_report,
        name="progress_report",
    ),
    path(
        "child-friendly/<slug:plan_slug>/summary.<str:fmt>",
        views.child_friendly,
        name="child_friendly",
    ),
    path(
        "scrutiny/<slug:plan_slug>/report.<str:fmt>",
        views.scrutiny_report,
        name="scrutiny_report",
    ),
]
