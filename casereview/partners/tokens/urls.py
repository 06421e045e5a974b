"""URLs of this part, included by casereview/partners/urls.py in the "partners" namespace under
``areas/<slug>/api-keys/``."""

from django.urls import URLPattern, path

from casereview.partners.tokens import views

urlpatterns: list[URLPattern] = [
    path("", views.keys, name="api-keys"),
    path("<int:pk>/revoke/", views.revoke, name="api-key-revoke"),
]
