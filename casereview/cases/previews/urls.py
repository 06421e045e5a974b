"""What will they see: a case previewed as the victim, a partner agency and the panel see it."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "previews"

urlpatterns: list[URLPattern] = []
