"""Addresses of the statistics part, under staff/publishing/areas/<slug>/statistics/: the
figures page (``publishing:statistics``) and its CSV (``publishing:statistics-csv``), both
taking the period in the query string (kind, year, quarter)."""

from django.urls import URLPattern, URLResolver, path

from casereview.publishing.statistics import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.figures, name="statistics"),
    path("figures.csv", views.figures_csv, name="statistics-csv"),
]
