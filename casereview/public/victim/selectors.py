"""Reads of a tracked case for the victim's action pages: always through the case the session
may track, and never anything restricted (the alleged responsible, the proportionality
assessment, actions kept from the victim)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from casereview.appeals.selectors import Window, open_windows
from casereview.appeals.services import open_appeal
from casereview.cases.models import Case
from casereview.reviews.models import Meeting, VictimVoice
from casereview.reviews.services import latest_meeting


@dataclass(frozen=True)
class VoiceNow:
    """What the victim has already told us about being heard, to show and to keep."""

    choice: str
    statement: str
    statement_file_name: str
    advocate_name: str
    advocate_organisation: str
    advocate_contact: str
    support_offered: str
    support_needs: str

    @property
    def has_statement(self) -> bool:
        return bool(self.statement.strip() or self.statement_file_name)


@dataclass(frozen=True)
class PlanAction:
    """One action of the draft plan the victim may see: no owner's staff, no hidden actions."""

    description: str
    owner: str
    due_on: date


@dataclass(frozen=True)
class DraftPlan:
    """The draft action plan as the victim sees it, and their window to comment on it."""

    meeting_number: int
    held_on: date | None
    outcome: str
    shared_on: date | None
    comment_until: date | None
    actions: tuple[PlanAction, ...]
    recommendations: tuple[tuple[str, str], ...]
    commented_on: tuple[date, ...]


def voice_now(case: Case) -> VoiceNow | None:
    try:
        voice: VictimVoice = case.victim_voice
    except ObjectDoesNotExist:
        return None
    return VoiceNow(
        choice=voice.choice,
        statement=voice.statement,
        statement_file_name=voice.statement_file_name,
        advocate_name=voice.advocate_name,
        advocate_organisation=voice.advocate_organisation,
        advocate_contact=voice.advocate_contact,
        support_offered=voice.support_offered,
        support_needs=voice.support_needs,
    )


def upcoming_meeting_on(case: Case) -> date | None:
    """The day of the review meeting when one is arranged and not yet held."""
    meeting = latest_meeting(case)
    if meeting is None or meeting.held_on is not None:
        return None
    return timezone.localtime(meeting.starts_at).date()


def comment_until(case: Case) -> date | None:
    """The last day to comment on the draft action plan of the latest meeting."""
    meeting = latest_meeting(case)
    return meeting.comment_until if meeting is not None else None


def draft_plan(case: Case) -> DraftPlan | None:
    meeting: Meeting | None = latest_meeting(case)
    if meeting is None:
        return None
    actions = tuple(
        PlanAction(action.description, action.owner.name, action.due_on)
        for action in meeting.actions.filter(victim_may_see=True).select_related("owner")
    )
    recommendations = tuple(
        (recommendation.addressed_to, recommendation.text)
        for recommendation in meeting.recommendations.select_related("agency")
    )
    commented = tuple(meeting.victim_comments.values_list("received_on", flat=True))
    return DraftPlan(
        meeting_number=meeting.number,
        held_on=meeting.held_on,
        outcome=meeting.outcome,
        shared_on=meeting.plan_shared_on,
        comment_until=meeting.comment_until,
        actions=actions,
        recommendations=recommendations,
        commented_on=commented,
    )


def already_commented(case: Case, text: str, on: date) -> bool:
    """Whether exactly this comment was already recorded on ``on`` (the button pressed twice,
    or the form sent again after a dropped connection)."""
    meeting = latest_meeting(case)
    return meeting is not None and any(
        received_on == on and stored == text.strip()
        for received_on, stored in meeting.victim_comments.values_list("received_on", "text")
    )


def appeal_windows(case: Case) -> list[Window]:
    """The grounds the case can be appealed on now, each with its window."""
    return open_windows(case)


def has_open_appeal(case: Case) -> bool:
    return open_appeal(case) is not None
