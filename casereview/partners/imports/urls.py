"""URLs of this part, included by casereview/partners/urls.py in the "partners" namespace under
``areas/<slug>/imports/``."""

from django.urls import URLPattern, path

from casereview.partners.imports import views

urlpatterns: list[URLPattern] = [
    path("", views.imports, name="imports"),
    path("template.csv", views.template, name="import-template"),
    path("<int:import_id>/", views.detail, name="import"),
    path("<int:import_id>/problems.csv", views.problems_csv, name="import-problems"),
]
