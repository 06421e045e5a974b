"""URLs of this part, included by casereview/partners/urls.py in the "partners" namespace."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
