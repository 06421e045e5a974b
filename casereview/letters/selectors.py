"""Reads of letters for people: always through the cases they may see
(``casereview.cases.selectors.cases_for``)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from casereview.cases.models import Case
from casereview.cases.selectors import cases_for
from casereview.letters.models import DeliveryStatus, Letter


def letter_of(case: Case, pk: int) -> Letter | None:
    """Letter ``pk`` of ``case`` (a case the caller may already see), or None."""
    return case.letters.select_related("case__area", "agency", "posted_by").filter(pk=pk).first()


def letters_to_post(user: AbstractBaseUser | AnonymousUser | None) -> QuerySet[Letter]:
    """Letters waiting to be printed and posted in the cases ``user`` may see, oldest first."""
    return (
        Letter.objects.filter(case__in=cases_for(user), status=DeliveryStatus.TO_POST)
        .select_related("case__area", "agency")
        .order_by("created_at", "pk")
        .defer("pdf", "docx", "html")
    )
