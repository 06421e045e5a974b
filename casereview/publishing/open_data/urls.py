"""Public addresses of the published statistics (namespace "publishing", at the site root).

A period in an address is its slug (casereview.publishing.periods): ``2025-26``,
``2025-26-q1`` or ``2025``; the pattern admits only that shape, and the view answers 404 for a
slug of that shape that names no period (``2025-27``).
"""

from django.urls import URLPattern, URLResolver, path, re_path

from casereview.publishing.open_data import views

PERIOD = r"(?P<period>[0-9]{4}(?:-[0-9]{2}(?:-q[1-4])?)?)"
AREA = r"areas/(?P<slug>[-a-zA-Z0-9_]+)/statistics"

urlpatterns: list[URLPattern | URLResolver] = [
    path("areas/<slug:slug>/statistics/", views.area_statistics, name="area-statistics"),
    re_path(rf"^{AREA}/{PERIOD}/$", views.area_release, name="area-release"),
    re_path(rf"^{AREA}/{PERIOD}\.csv$", views.area_release_csv, name="area-release-csv"),
    re_path(rf"^{AREA}/{PERIOD}\.json$", views.area_release_json, name="area-release-json"),
    path("statistics/", views.national, name="national"),
    re_path(r"^statistics/schema/(?P<name>[a-z0-9-]+)\.json$", views.schema, name="schema"),
    re_path(rf"^statistics/{PERIOD}/$", views.national_period, name="national-period"),
    re_path(rf"^statistics/{PERIOD}\.csv$", views.national_period_csv, name="national-period-csv"),
    re_path(
        rf"^statistics/{PERIOD}\.json$", views.national_period_json, name="national-period-json"
    ),
]
