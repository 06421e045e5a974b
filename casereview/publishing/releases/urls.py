"""Addresses of the releases part, under staff/publishing/areas/<slug>/releases/."""

from django.urls import URLPattern, URLResolver, path

from casereview.publishing.releases import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.releases, name="releases"),
    path("prepare/", views.prepare, name="release-prepare"),
    path("<int:pk>/", views.release, name="release"),
    path("<int:pk>/refresh/", views.refresh, name="release-refresh"),
    path("<int:pk>/publish/", views.publish, name="release-publish"),
    path("<int:pk>/discard/", views.discard, name="release-discard"),
]
