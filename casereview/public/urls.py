"""The public journey's addresses (namespace ``public``); each part keeps its own list."""

from django.urls import include, path

from casereview.public.apply import urls as apply_urls
from casereview.public.check import urls as check_urls
from casereview.public.information import urls as information_urls
from casereview.public.track import urls as track_urls
from casereview.public.victim import urls as victim_urls

app_name = "public"
urlpatterns = [
    path("areas/<slug:slug>/apply/", include(apply_urls.urlpatterns)),
    path("areas/<slug:slug>/check/", include(check_urls.urlpatterns)),
    path("", include(information_urls.urlpatterns)),
    path("track/", include(track_urls.urlpatterns)),
    path("track/", include(victim_urls.urlpatterns)),
]
