"""Addresses of the publishing app's returns part (filled in by the part)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
