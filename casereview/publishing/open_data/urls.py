"""Addresses of the publishing app's open data part (filled in by the part)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
