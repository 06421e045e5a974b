"""The service's URLs plus one page that fails, to see the 500 page as a browser would."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from casereview.urls import handler403, handler404, handler500
from casereview.urls import urlpatterns as service


def fails(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("A page that fails, for the 500 page's test")


urlpatterns = [path("failing-page/", fails), *service]
__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]
