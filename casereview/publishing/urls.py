"""Pages of the publishing app (namespace "publishing").

Staff pages, under /staff/publishing/:
- ``""``: the hub, the way in for each area a person works in;
- ``areas/<slug>/statistics/``: the figures of any period, for the area's own use;
- ``areas/<slug>/releases/``: drafts, review and publication of the statutory statistics;
- ``areas/<slug>/returns/``: returns to the PCC and the Home Office in a configurable layout;
- ``areas/<slug>/procedure/``: the policy editor with the policy check, consultations on the
  procedure and reviews of its effectiveness.

Public pages (``open_data``): each area's published statistics under /areas/<slug>/statistics/,
the national page under /statistics/, their CSV and JSON and the schema.
"""

from django.urls import include, path

from casereview.publishing import views
from casereview.publishing.open_data import urls as open_data
from casereview.publishing.procedure import urls as procedure
from casereview.publishing.releases import urls as releases
from casereview.publishing.returns import urls as returns
from casereview.publishing.statistics import urls as statistics

app_name = "publishing"

urlpatterns = [
    path("staff/publishing/", views.hub, name="hub"),
    path("staff/publishing/areas/<slug:slug>/statistics/", include(statistics.urlpatterns)),
    path("staff/publishing/areas/<slug:slug>/releases/", include(releases.urlpatterns)),
    path("staff/publishing/areas/<slug:slug>/returns/", include(returns.urlpatterns)),
    path("staff/publishing/areas/<slug:slug>/procedure/", include(procedure.urlpatterns)),
    path("", include(open_data.urlpatterns)),
]
