"""Staff pages for the voice of the child."""

from django.urls import path

from careboard.voice.views import consultations, triage, verdicts, you_said_we_did

app_name = "voice"
urlpatterns = [
    path("", triage.queue, name="queue"),
    path("<int:pk>/", triage.item, name="item"),
    path("consultations/", consultations.consultation_list, name="consultations"),
    path("consultations/new/", consultations.consultation_new, name="consultation_new"),
    path("consultations/<slug:slug>/", consultations.consultation_detail, name="consultation"),
    path("verdicts/", verdicts.verdict_list, name="verdicts"),
    path("you-said-we-did/", you_said_we_did.entry_list, name="you_said_we_did"),
    path(
        "you-said-we-did/<int:pk>/approve/", you_said_we_did.approve, name="you_said_we_did_approve"
    ),
]
