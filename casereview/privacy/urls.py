"""Privacy: retention, subject access and erasure (staff/privacy/)."""

from __future__ import annotations

from django.urls import URLPattern, path

from casereview.privacy import views

app_name = "privacy"

urlpatterns: list[URLPattern] = [
    path("", views.overview, name="overview"),
    path("people/", views.people, name="people"),
    path("people/export/", views.export, name="export"),
    path("people/erase/", views.erase, name="erase"),
    path("erasures/<int:pk>/", views.erasure, name="erasure"),
]
