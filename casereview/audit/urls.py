"""The audit log viewer (staff/audit/)."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "audit"

urlpatterns: list[URLPattern] = []
