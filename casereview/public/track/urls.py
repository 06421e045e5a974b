"""Tracking pages, included at ``track/`` in the ``public`` namespace."""

from django.urls import URLPattern, path

from casereview.public.track import views

urlpatterns: list[URLPattern] = [
    path("", views.track_start, name="track_start"),
    path("sent/", views.track_sent, name="track_sent"),
    path("open/<str:token>/", views.track_open, name="track_open"),
    path("case/", views.track, name="track"),
    path("case/letters/<int:pk>.<str:fmt>/", views.track_letter, name="track_letter"),
    path("signout/", views.track_signout, name="track_signout"),
]
