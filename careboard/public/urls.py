"""The Right Side of Care: public pages, no sign-in."""

from django.urls import path

from careboard.public import views

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("our-promises/", views.promises, name="promises"),
    path("you-said-we-did/", views.changes, name="changes"),
    path("how-it-is-going/", views.progress, name="progress"),
    path("care-councils/", views.care_councils, name="care_councils"),
    path("get-help-now/", views.help_now, name="help"),
    path("have-your-say/", views.consultations, name="consultations"),
    path("have-your-say/<slug:slug>/", views.consultation, name="consultation"),
    path("tell-us/", views.feedback, name="feedback"),
    path("tell-us/thank-you/", views.thanks, name="thanks"),
]
