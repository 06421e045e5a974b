"""Pages of the PLEDGE self-assessment (namespace "pledge"): staff pages under
/staff/pledge/areas/<slug>/, and the public report of an area's completed assessment under
/areas/<slug>/pledge/."""

from django.urls import URLPattern, URLResolver, path

from casereview.pledge import views

app_name = "pledge"

STAFF = "staff/pledge/areas/<slug:slug>/"

urlpatterns: list[URLPattern | URLResolver] = [
    path(STAFF, views.assessment, name="assessment"),
    path(f"{STAFF}start/", views.start, name="start"),
    path(f"{STAFF}items/<slug:code>/", views.item, name="item"),
    path(f"{STAFF}complete/", views.complete, name="complete"),
    path(f"{STAFF}assessments/<int:pk>/", views.report, name="report"),
    path(f"{STAFF}assessments/<int:pk>.pdf", views.report_pdf_view, name="report-pdf"),
    path("areas/<slug:slug>/pledge/", views.public_report, name="public-report"),
    path("areas/<slug:slug>/pledge.pdf", views.public_report_pdf, name="public-report-pdf"),
]
