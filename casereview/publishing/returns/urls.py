"""Addresses of the returns part, under staff/publishing/areas/<slug>/returns/."""

from django.urls import URLPattern, URLResolver, path

from casereview.publishing.returns import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.returns, name="returns"),
    path("layouts/new/", views.layout_new, name="return-layout-new"),
    path("layouts/<int:pk>/edit/", views.layout_edit, name="return-layout-edit"),
    path("layouts/<int:pk>/delete/", views.layout_delete, name="return-layout-delete"),
    path("layouts/<int:pk>/", views.make, name="return"),
    path("layouts/<int:pk>/return.csv", views.download_csv, name="return-csv"),
]
