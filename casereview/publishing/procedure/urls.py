"""Addresses of the procedure part, under /staff/publishing/areas/<slug>/procedure/ (namespace
"publishing")."""

from django.urls import URLPattern, URLResolver, path

from casereview.publishing.procedure import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.overview, name="procedure"),
    path("policy/", views.policy_edit, name="policy-edit"),
    path("policy/versions/<int:version>/", views.policy_version, name="policy-version"),
    path("consultations/add/", views.consultation_add, name="consultation-add"),
    path("consultations/<int:pk>/", views.consultation_edit, name="consultation-edit"),
    path("reviews/add/", views.review_add, name="review-add"),
]
