"""The duties' pages, under areas/<slug:slug>/duties/ in the "partners" namespace."""

from django.urls import URLPattern, path

from casereview.partners.duties import views

urlpatterns: list[URLPattern] = [
    path("second-reports/", views.second_reports, name="second-reports"),
    path("second-reports/<int:prompt_id>/", views.second_report, name="second-report"),
    path(
        "second-reports/<int:prompt_id>/letter-<slug:lang>.<slug:fmt>",
        views.second_report_letter,
        name="second-report-letter",
    ),
    path("repeat-victims/", views.repeat_victims, name="repeat-victims"),
]
