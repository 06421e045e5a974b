from django.urls import include, path

from casereview.core import health

urlpatterns = [
    path("", include("casereview.areas.urls")),
    path("", include("casereview.public.urls")),
    path("staff/cases/", include("casereview.cases.urls")),
    path("staff/cases/", include("casereview.reviews.urls")),
    path("staff/cases/", include("casereview.appeals.urls")),
    path("staff/letters/", include("casereview.letters.urls")),
    path("staff/partners/", include("casereview.partners.urls")),
    path("", include("casereview.publishing.urls")),
    path("", include("casereview.pledge.urls")),
    path("staff/audit/", include("casereview.audit.urls")),
    path("staff/privacy/", include("casereview.privacy.urls")),
    path("staff/cases/", include("casereview.cases.previews.urls")),
    path("staff/", include("casereview.accounts.urls")),
    path("api/", include("casereview.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("health/", health.health, name="health"),
]

handler403 = "casereview.core.views.permission_denied"
handler404 = "casereview.core.views.page_not_found"
handler500 = "casereview.core.views.server_error"
