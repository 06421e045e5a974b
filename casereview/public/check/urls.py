"""The eligibility check of one area (included at areas/<slug:slug>/check/, namespace public)."""

from django.urls import URLPattern, path

from casereview.public.check import views

urlpatterns: list[URLPattern] = [
    path("", views.start, name="check"),
    path("complaints/", views.complaints, name="check_complaints"),
    path("application-date/", views.application_date, name="check_application_date"),
    path("result/", views.result, name="check_result"),
    path("clear/", views.forget, name="check_forget"),
]
