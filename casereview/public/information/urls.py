"""The public information pages of an area: its published procedure (page and PDF) and every
earlier version of it, and what to do when unhappy with how a review was handled, with a letter to the Victims' Commissioner."""

from django.urls import URLPattern, path

from casereview.public.information import views

urlpatterns: list[URLPattern] = [
    path("areas/<slug:slug>/procedure/", views.procedure, name="procedure"),
    path("areas/<slug:slug>/procedure.pdf", views.procedure_pdf, name="procedure_pdf"),
    path(
        "areas/<slug:slug>/procedure/versions/",
        views.procedure_versions,
        name="procedure-versions",
    ),
    path(
        "areas/<slug:slug>/procedure/versions/<int:version>/",
        views.procedure_version,
        name="procedure-version",
    ),
    path(
        "areas/<slug:slug>/procedure/versions/<int:version>.pdf",
        views.procedure_version_pdf,
        name="procedure-version-pdf",
    ),
    path("areas/<slug:slug>/not-happy/", views.unhappy, name="unhappy"),
    path(
        "areas/<slug:slug>/not-happy/letter/",
        views.commissioner_letter,
        name="commissioner_letter",
    ),
]
