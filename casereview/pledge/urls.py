"""Pages of the PLEDGE self-assessment (namespace "pledge"): staff pages under
/staff/pledge/areas/<slug>/, and the public report of an area's completed assessment under
/areas/<slug>/pledge/."""

from django.urls import URLPattern, URLResolver

app_name = "pledge"

urlpatterns: list[URLPattern | URLResolver] = []
