"""The audit log viewer (staff/audit/)."""

from __future__ import annotations

from django.urls import URLPattern, path

from casereview.audit import views

app_name = "audit"

urlpatterns: list[URLPattern] = [
    path("", views.audit_log, name="log"),
    path("export.csv", views.audit_export, name="export"),
]
