"""Addresses of the publishing app's releases part (filled in by the part)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
