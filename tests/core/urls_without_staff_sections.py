"""A URL configuration with none of the staff sections (tests/core/test_navigation_addresses_are_kept.py)."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
