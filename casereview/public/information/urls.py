"""The public information pages of an area: its published procedure (page and PDF), and what to
do when unhappy with how a review was handled, with a letter to the Victims' Commissioner."""

from django.urls import URLPattern, path

from casereview.public.information import views

urlpatterns: list[URLPattern] = [
    path("areas/<slug:slug>/procedure/", views.procedure, name="procedure"),
    path("areas/<slug:slug>/procedure.pdf", views.procedure_pdf, name="procedure_pdf"),
    path("areas/<slug:slug>/not-happy/", views.unhappy, name="unhappy"),
    path(
        "areas/<slug:slug>/not-happy/letter/",
        views.commissioner_letter,
        name="commissioner_letter",
    ),
]
