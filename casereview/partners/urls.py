"""Pages of the partners app, under /staff/partners/ (namespace "partners").

- ``""``: the hub, the way in to all of these;
- ``agency/``: the portal of agency representatives (requests, panels, actions of their agency);
- ``areas/<slug>/imports/``: CSV imports of incidents (area administrators);
- ``areas/<slug>/matches/``: cross-agency matches of incidents and victims (coordinators);
- ``areas/<slug>/duties/``: the repeat-victim check and the second-report prompts (coordinators);
- ``areas/<slug>/api-keys/``: the area's API keys per agency (area administrators).
"""

from django.urls import include, path

from casereview.partners.duties import urls as duties
from casereview.partners.imports import urls as imports
from casereview.partners.matching import urls as matching
from casereview.partners.portal import urls as portal
from casereview.partners.tokens import urls as tokens
from casereview.partners.views import hub

app_name = "partners"

urlpatterns = [
    path("", hub, name="hub"),
    path("agency/", include(portal.urlpatterns)),
    path("areas/<slug:slug>/imports/", include(imports.urlpatterns)),
    path("areas/<slug:slug>/matches/", include(matching.urlpatterns)),
    path("areas/<slug:slug>/duties/", include(duties.urlpatterns)),
    path("areas/<slug:slug>/api-keys/", include(tokens.urlpatterns)),
]
