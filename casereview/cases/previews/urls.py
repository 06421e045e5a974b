"""What will they see: a case previewed as the victim, a partner agency and the panel see it."""

from __future__ import annotations

from django.urls import URLPattern, path

from casereview.cases.previews import views

app_name = "previews"

urlpatterns: list[URLPattern] = [
    path("<str:reference>/preview/", views.choose, name="choose"),
    path("<str:reference>/preview/victim/", views.as_victim, name="victim"),
    path("<str:reference>/preview/partner/", views.as_partner, name="partner"),
    path("<str:reference>/preview/panel/", views.as_panel, name="panel"),
]
