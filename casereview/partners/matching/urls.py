"""URLs of the matching pages, included by casereview/partners/urls.py in the "partners"
namespace under ``areas/<slug>/matches/``."""

from django.urls import URLPattern, path

from casereview.partners.matching import views

urlpatterns: list[URLPattern] = [
    path("", views.matches, name="matches"),
    path("incidents/<int:link_id>/", views.incident_match, name="incident-match"),
    path("victims/<int:link_id>/", views.victim_match, name="victim-match"),
]
