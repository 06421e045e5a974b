"""A URLconf for the layout and error-page tests, with the staff URLs the layouts link to."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def stub(request: HttpRequest) -> HttpResponse:
    return HttpResponse("stub")


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug in a view")


accounts_patterns = (
    [path("", stub, name="home"), path("sign-out/", stub, name="sign-out")],
    "accounts",
)

urlpatterns = [
    path("staff/", include(accounts_patterns)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("broken/", broken),
]

handler403 = "casereview.core.views.permission_denied"
handler404 = "casereview.core.views.page_not_found"
handler500 = "casereview.core.views.server_error"
