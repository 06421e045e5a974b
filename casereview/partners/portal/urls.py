"""URLs of the agency portal, included by casereview/partners/urls.py in the "partners"
namespace under ``agency/``."""

from django.urls import URLPattern, path

from casereview.partners.portal import views

urlpatterns: list[URLPattern] = [
    path("", views.portal, name="portal"),
    path("requests/<int:request_id>/", views.request_detail, name="request"),
    path("requests/<int:request_id>/answer/", views.answer, name="answer"),
    path(
        "requests/<int:request_id>/files/<int:file_id>/",
        views.response_file,
        name="response-file",
    ),
    path("panels/<int:member_id>/", views.panel, name="panel"),
]
