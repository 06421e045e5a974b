"""The victim's action pages, under "track/" (namespace ``public``)."""

from django.urls import URLPattern, path

from casereview.public.victim import views

urlpatterns: list[URLPattern] = [
    path("case/involvement/", views.involvement, name="victim_involvement"),
    path("case/statement/", views.statement, name="victim_statement"),
    path("case/comment/", views.comment, name="victim_comment"),
    path("case/review/", views.appeal, name="victim_appeal"),
    path("case/withdraw/", views.withdraw, name="victim_withdraw"),
]
