"""Reads of the duties' pages, scoped to the caller: the area only for its coordinators, area
administrators and read-only members; everyone else (agency representatives, chairs, other
areas' staff) is answered 404 by the views, so not even the area's use of the pages shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from casereview.accounts.scoping import scope
from casereview.areas.models import Area
from casereview.cases.selectors import AREA_CASE_ROLES, CASE_WORKER_ROLES
from casereview.partners.models import SecondReportPrompt

Person = AbstractBaseUser | AnonymousUser | None


def can_act(user: Person, area: Area) -> bool:
    """Whether ``user`` may act on the duties (record an explanation, open a case)."""
    return scope(user).has(CASE_WORKER_ROLES, area.pk)


@dataclass(frozen=True)
class PromptRow:
    """One prompt as the list shows it."""

    prompt: SecondReportPrompt
    victim_name: str
    agencies: tuple[str, ...]
    earlier_reported_on: date
    second_reported_on: date
    days_waiting: int


def _scoped(user: Person, area: Area) -> list[SecondReportPrompt]:
    if not scope(user).has(AREA_CASE_ROLES, area.pk):
        return []
    return list(
        SecondReportPrompt.objects.filter(area=area).select_related(
            "victim",
            "explained_by",
            "earlier_incident__agency",
            "second_incident__agency",
        )
    )


def _row(prompt: SecondReportPrompt, today: date) -> PromptRow:
    earlier, second = prompt.earlier_incident, prompt.second_incident
    names = [earlier.agency.name, second.agency.name]
    return PromptRow(
        prompt=prompt,
        victim_name=prompt.victim.name,
        agencies=tuple(dict.fromkeys(names)),
        earlier_reported_on=earlier.reported_on,
        second_reported_on=second.reported_on,
        days_waiting=max(0, (today - prompt.raised_on).days),
    )


def prompts_for(
    user: Person, area: Area, *, today: date
) -> tuple[list[PromptRow], list[PromptRow]]:
    """The area's prompts as ``user`` may see them: (open ones, longest waiting first; settled
    ones, most recently explained first)."""
    rows = [_row(prompt, today) for prompt in _scoped(user, area)]
    waiting = sorted(
        (r for r in rows if r.prompt.explained_on is None),
        key=lambda r: (r.prompt.raised_on, r.prompt.pk),
    )
    settled = sorted(
        (r for r in rows if r.prompt.explained_on is not None),
        key=lambda r: (r.prompt.explained_on, r.prompt.pk),
        reverse=True,
    )
    return waiting, settled


def prompt_for(user: Person, area: Area, prompt_id: int, *, today: date) -> PromptRow | None:
    """One prompt of ``area`` if ``user`` may see it; None otherwise (the view answers 404)."""
    if not scope(user).has(AREA_CASE_ROLES, area.pk):
        return None
    prompt = (
        SecondReportPrompt.objects.filter(area=area, pk=prompt_id)
        .select_related(
            "area",
            "victim",
            "explained_by",
            "earlier_incident__agency",
            "second_incident__agency",
        )
        .first()
    )
    return _row(prompt, today) if prompt is not None else None
