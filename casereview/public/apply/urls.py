"""The online application of one area (included at areas/<slug:slug>/apply/, namespace public)."""

from django.urls import URLPattern, path

from casereview.public.apply import views

urlpatterns: list[URLPattern] = [
    path("", views.start, name="apply"),
    path("questions/<slug:question>/", views.question, name="apply_question"),
    path("check-your-answers/", views.check, name="apply_check"),
    path("application-sent/", views.done, name="apply_done"),
    path("save/", views.save, name="apply_save"),
    path("save/link-sent/", views.saved, name="apply_saved"),
    path("resume/<str:token>/", views.resume, name="apply_resume"),
    path("not-covered/", views.not_covered, name="apply_not_covered"),
    path("agreement-needed/", views.consent_needed, name="apply_consent_needed"),
]
