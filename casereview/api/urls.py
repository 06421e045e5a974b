"""Mounted at /api/ by casereview/urls.py."""

from django.urls import path

from casereview.api.api import api

urlpatterns = [path("", api.urls)]
