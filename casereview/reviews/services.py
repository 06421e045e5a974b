"""One function per step of a case's review: the victim's voice, arranging the meeting, recording
it, the outcome to the victim, the minutes to the panel, the victim's comments on the draft
action plan, making the plan final, updating its actions and changing the lead agency.

Each works like the case's own steps (``casereview.cases.services``): it checks who is acting and
every input (``ValidationError`` naming each problem), then in one transaction locks the case
row, takes the step through ``workflow.transition`` (``IllegalStep`` when the status does not
allow it), writes its rows, recomputes the deadlines and schedules the side effects (letters,
invitations, minutes) for after commit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from casereview.accounts.models import User
from casereview.areas.models import Agency
from casereview.areas.selectors import relevant_bodies
from casereview.audit.log import record_batch
from casereview.cases.models import Case, ContactMethod
from casereview.cases.step_support import Problems, check_actor, finish, lock, today
from casereview.cases.workflow import Step, ensure_allowed, transition
from casereview.core.formatting import govuk_date
from casereview.reviews.models import (
    ATTENDING,
    MAX_UPLOAD_BYTES,
    UPLOAD_TYPES,
    Action,
    ActionStatus,
    HeardHow,
    Meeting,
    PanelMember,
    Recommendation,
    VictimComment,
    VictimVoice,
    VoiceChoice,
)
from casereview.rules import calendar_for, policy_from_dict


@dataclass(frozen=True)
class Upload:
    """A file a person uploaded (a victim impact statement)."""

    name: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Voice:
    """How the victim wants to be heard at the review.

    ``contacted_how`` is a ``HeardHow``: how staff reached the victim, or "online" when the
    victim chose on the tracking page. ``support_needs`` is what the victim said they need to
    take part; None leaves what is recorded unchanged (staff pages do not ask it)."""

    choice: str
    contacted_on: date | None
    contacted_how: str = ContactMethod.PHONE
    statement: str = ""
    upload: Upload | None = None
    advocate_name: str = ""
    advocate_organisation: str = ""
    advocate_contact: str = ""
    support_offered: str = ""
    support_needs: str | None = None


@dataclass(frozen=True)
class PanelEntry:
    """One person on the panel: for an agency of the directory, or another organisation."""

    name: str
    agency: Agency | None = None
    organisation: str = ""
    role: str = ""
    email: str = ""


@dataclass(frozen=True)
class Chair:
    name: str
    organisation: str
    email: str = ""
    agency: Agency | None = None
    independent: bool = False


@dataclass(frozen=True)
class MeetingPlan:
    """When and where the meeting is, who chairs it and who sits on the panel."""

    starts_at: datetime | None
    chair: Chair
    panel: Sequence[PanelEntry]
    duration_minutes: int = 120
    victim_part_minutes: int = 30
    place: str = ""
    video_link: str = ""


@dataclass(frozen=True)
class Assessment:
    """The perpetrator proportionality assessment (restricted data)."""

    interventions_considered: str = ""
    necessity_and_proportionality: str = ""
    rights_considered: str = ""
    decision: str = ""


@dataclass(frozen=True)
class RecommendationEntry:
    text: str
    agency: Agency | None = None
    body_name: str = ""


@dataclass(frozen=True)
class ActionEntry:
    description: str
    owner: Agency | None
    due_on: date | None
    victim_may_see: bool = True


@dataclass(frozen=True)
class MeetingRecord:
    held_on: date | None
    minutes: str
    outcome: str
    assessment: Assessment
    # Panel member id -> attended; every member of the panel is listed.
    attendance: Mapping[int, bool] = field(default_factory=dict)
    victim_attended: bool | None = None
    recommendations: Sequence[RecommendationEntry] = ()
    actions: Sequence[ActionEntry] = ()


@dataclass(frozen=True)
class Scheduled:
    """A scheduled meeting, with the warnings the coordinator should see (not errors)."""

    case: Case
    meeting: Meeting
    warnings: list[str]


def latest_meeting(case: Case) -> Meeting | None:
    return case.meetings.order_by("-number").first()


def _meeting_to_record(case: Case) -> Meeting:
    meeting = latest_meeting(case)
    if meeting is None:  # the table only allows these steps once a meeting is arranged
        raise Meeting.DoesNotExist(f"{case} has no review meeting")
    return meeting


def _not_before_decision(case: Case) -> date:
    return case.decided_on or case.received_on


# --- The victim's voice -------------------------------------------------------------------------


def _check_upload(problems: Problems, upload: Upload | None) -> None:
    if upload is None:
        return
    suffix = Path(upload.name).suffix.lower()
    if suffix not in UPLOAD_TYPES:
        problems.add(
            "upload",
            _("The statement must be a PDF, Word, OpenDocument, text, RTF, JPEG or PNG file."),
        )
    elif len(upload.data) > MAX_UPLOAD_BYTES:
        problems.add("upload", _("The statement must be smaller than 10 MB."))
    elif not upload.data:
        problems.add("upload", _("The file is empty."))


def review_record_victim_voice(case: Case, *, by: User | None, voice: Voice) -> Case:
    """Record how the victim wants to be heard at the review, after the SPOC has spoken to them
    (which meets the deadline for contacting the victim), or as the victim chose it online
    (which does not: nobody has spoken to them). The choice can change until the meeting is
    held; each change is an event."""
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        ensure_allowed(case, Step.RECORD_VICTIM_VOICE)
        problems = Problems()
        if voice.choice not in VoiceChoice.values:
            problems.add("choice", _("Choose how the victim wants to be heard."))
        if voice.contacted_how not in HeardHow.values:
            problems.add("contacted_how", _("Choose how the victim was contacted."))
        problems.day(
            "contacted_on",
            voice.contacted_on,
            not_before=_not_before_decision(case),
            not_before_what=_("the decision"),
        )
        _check_upload(problems, voice.upload)
        current = VictimVoice.objects.filter(case=case).first()
        keeps_file = current is not None and bool(current.statement_file_name)
        if (
            voice.choice == VoiceChoice.IMPACT_STATEMENT
            and not voice.statement.strip()
            and voice.upload is None
            and not keeps_file
        ):
            problems.add(
                "statement", _("Type the victim impact statement, or upload it as a file.")
            )
        if (
            voice.choice == VoiceChoice.ADVOCATE
            and not voice.advocate_name.strip()
            and not voice.advocate_organisation.strip()
        ):
            problems.add(
                "advocate_name", _("Enter the advocate's name or their organisation's name.")
            )
        problems.raise_if_any()

        row = current or VictimVoice(case=case)
        changed_from = current.choice if current is not None else ""
        row.contacted_on = voice.contacted_on  # type: ignore[assignment]
        row.contacted_how = voice.contacted_how
        row.choice = voice.choice
        row.statement = voice.statement.strip()
        if voice.upload is not None:
            row.statement_file_name = Path(voice.upload.name).name[:200]
            row.statement_file_type = UPLOAD_TYPES[Path(voice.upload.name).suffix.lower()]
            row.statement_file = voice.upload.data
        row.advocate_name = voice.advocate_name.strip()
        row.advocate_organisation = voice.advocate_organisation.strip()
        row.advocate_contact = voice.advocate_contact.strip()
        row.support_offered = voice.support_offered.strip()
        if voice.support_needs is not None:
            row.support_needs = voice.support_needs.strip()
        row.updated_at = timezone.now()
        row.save()

        # The SPOC's call after the decision is still owed when the victim chose online.
        spoke_on = voice.contacted_on if voice.contacted_how != HeardHow.ONLINE else None
        meeting = latest_meeting(case)
        invite = (
            meeting is not None
            and meeting.held_on is None
            and voice.choice in ATTENDING
            and not meeting.victim_invited
        )
        if invite and meeting is not None:
            meeting.victim_invited = True
            meeting.save(update_fields=["victim_invited"])
        event = transition(
            case,
            Step.RECORD_VICTIM_VOICE,
            by=by,
            note=str(VoiceChoice(voice.choice).label),
            data={"choice": voice.choice, "changed_from": changed_from, "invited": invite},
            related_changed=True,
            victim_contacted_on=case.victim_contacted_on or spoke_on,
        )
        finish(case, event)
    return case


# --- The meeting --------------------------------------------------------------------------------


def handling_agencies(case: Case) -> set[int]:
    """The agencies that handled the case: those complained to, and those asked for information."""
    complained = set(case.complaints.values_list("agency_id", flat=True))
    asked = set(case.information_requests.values_list("agency_id", flat=True))
    return complained | asked


def panel_minimum(case: Case) -> int:
    return policy_from_dict(case.policy.rules).panel_minimum_relevant_bodies


def _check_plan(case: Case, plan: MeetingPlan, problems: Problems) -> list[Agency]:
    """Check the meeting's plan; returns the relevant bodies on the panel."""
    if plan.starts_at is None:
        problems.add("starts_at", _("Enter the date and time of the meeting."))
    elif plan.starts_at.date() < _not_before_decision(case):
        problems.add(
            "starts_at",
            _("The meeting cannot be before the decision (%(day)s).")
            % {"day": govuk_date(_not_before_decision(case))},
        )
    if not plan.place.strip() and not plan.video_link.strip():
        problems.add("place", _("Enter where the meeting is, or the link to join it by video."))
    if not 15 <= plan.duration_minutes <= 480:
        problems.add("duration_minutes", _("The meeting must last between 15 minutes and 8 hours."))
    if not 0 <= plan.victim_part_minutes <= plan.duration_minutes:
        problems.add(
            "victim_part_minutes",
            _("The victim's part cannot be longer than the meeting."),
        )
    problems.require("chair_name", plan.chair.name, _("Enter the chair's name."))
    problems.require(
        "chair_organisation", plan.chair.organisation, _("Enter the chair's organisation.")
    )
    problems.email("chair_email", plan.chair.email)

    bodies = {agency.pk: agency for agency in relevant_bodies(case.area)}
    on_panel: dict[int, Agency] = {}
    for number, entry in enumerate(plan.panel, start=1):
        where = f"panel-{number}"
        if not entry.name.strip():
            problems.add(where, _("Enter the name of panel member %(n)s.") % {"n": number})
        if entry.agency is None and not entry.organisation.strip():
            problems.add(
                where,
                _("Choose or enter the organisation of panel member %(n)s.") % {"n": number},
            )
        if entry.email.strip():
            problems.email(where, entry.email)
        if entry.agency is not None and entry.agency.pk in bodies:
            on_panel[entry.agency.pk] = entry.agency
    needed = panel_minimum(case)
    if len(on_panel) < needed:
        names = ", ".join(agency.name for agency in on_panel.values()) or _("none")
        problems.add(
            "panel",
            ngettext(
                "The panel has %(count)s relevant body (%(names)s); the policy of %(area)s needs "
                "at least %(needed)s. Add people from the area's other relevant bodies.",
                "The panel has %(count)s relevant bodies (%(names)s); the policy of %(area)s "
                "needs at least %(needed)s. Add people from the area's other relevant bodies.",
                len(on_panel),
            )
            % {
                "count": len(on_panel),
                "names": names,
                "area": case.area.name,
                "needed": needed,
            },
        )
    return list(on_panel.values())


def chair_warnings(case: Case, chair: Chair) -> list[str]:
    """What the coordinator should know about the chair (the meeting is arranged regardless)."""
    warnings = []
    if chair.agency is not None and chair.agency.pk in handling_agencies(case):
        warnings.append(
            _(
                "The chair is from %(agency)s, which handled this case. An independent chair "
                "is recommended: someone from a neighbouring authority, for example."
            )
            % {"agency": chair.agency.name}
        )
    elif not chair.independent:
        warnings.append(
            _("The chair is not independent of the agencies. An independent chair is recommended.")
        )
    return warnings


def review_schedule_meeting(case: Case, *, by: User | None, plan: MeetingPlan) -> Scheduled:
    """Arrange the review meeting (or arrange it again: a new time, place or panel). Refused
    when the panel has fewer of the area's relevant bodies than its policy asks for. The panel
    and the chair are invited by e-mail with a calendar entry, and the victim is invited to the
    first part when they chose to attend."""
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        ensure_allowed(case, Step.SCHEDULE_MEETING)
        problems = Problems()
        bodies = _check_plan(case, plan, problems)
        problems.raise_if_any()
        assert plan.starts_at is not None

        meeting = latest_meeting(case)
        again = meeting is not None and meeting.held_on is None
        if meeting is None or meeting.held_on is not None:
            number = 1 if meeting is None else meeting.number + 1
            meeting = Meeting(case=case, number=number)
        voice = VictimVoice.objects.filter(case=case).first()
        meeting.starts_at = plan.starts_at
        meeting.duration_minutes = plan.duration_minutes
        meeting.victim_part_minutes = plan.victim_part_minutes
        meeting.place = plan.place.strip()
        meeting.video_link = plan.video_link.strip()
        meeting.chair_name = plan.chair.name.strip()
        meeting.chair_organisation = plan.chair.organisation.strip()
        meeting.chair_email = plan.chair.email.strip()
        meeting.chair_agency = plan.chair.agency
        meeting.chair_independent = plan.chair.independent
        meeting.victim_invited = voice is not None and voice.attends
        # A new arrangement is a new invitation for everyone, the chair included.
        meeting.chair_invited_at = None
        meeting.chair_invitation_error = ""
        meeting.scheduled_by = by
        meeting.scheduled_at = timezone.now()
        meeting.save()
        meeting.panel.all().delete()
        body_ids = {agency.pk for agency in relevant_bodies(case.area)}
        panel = PanelMember.objects.bulk_create(
            PanelMember(
                meeting=meeting,
                agency=entry.agency,
                organisation="" if entry.agency is not None else entry.organisation.strip(),
                name=entry.name.strip(),
                role=entry.role.strip(),
                email=entry.email.strip(),
                relevant_body=entry.agency is not None and entry.agency.pk in body_ids,
            )
            for entry in plan.panel
        )
        record_batch(
            None,
            case.area_id,
            f"reviews.panelmember of {case.reference} meeting {meeting.number}: {len(panel)} created",
            "reviews.panelmember",
            case=case,
        )
        warnings = chair_warnings(case, plan.chair)
        event = transition(
            case,
            Step.SCHEDULE_MEETING,
            by=by,
            note=_("Meeting %(n)s on %(when)s")
            % {"n": meeting.number, "when": timezone.localtime(plan.starts_at).isoformat()},
            data={
                "meeting": meeting.number,
                "again": again,
                "relevant_bodies": [agency.code for agency in bodies],
                "warnings": warnings,
                "victim_invited": meeting.victim_invited,
            },
            related_changed=True,
        )
        finish(case, event)
    return Scheduled(case, meeting, warnings)


def review_record_meeting(case: Case, *, by: User | None, record: MeetingRecord) -> Case:
    """Record the meeting: attendance, minutes, the proportionality assessment, the
    recommendations and the draft action plan. It can be corrected until the outcome is sent."""
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        ensure_allowed(case, Step.RECORD_MEETING)
        meeting = _meeting_to_record(case)
        problems = Problems()
        problems.day(
            "held_on",
            record.held_on,
            not_before=timezone.localtime(meeting.starts_at).date(),
            not_before_what=_("the day the meeting was arranged for"),
        )
        problems.require("minutes", record.minutes, _("Enter the minutes of the meeting."))
        problems.require(
            "outcome",
            record.outcome,
            _("Enter the outcome of the review, as the victim is told it."),
        )
        assessment = record.assessment
        problems.require(
            "interventions_considered",
            assessment.interventions_considered,
            _("Enter the interventions the panel considered."),
        )
        problems.require(
            "proportionality_decision",
            assessment.decision,
            _("Enter the panel's decision on the proportionality assessment."),
        )
        members = {member.pk: member for member in meeting.panel.all()}
        missing = [m.name for pk, m in members.items() if pk not in record.attendance]
        if missing:
            problems.add(
                "attendance",
                _("Say whether each panel member attended: %(names)s.")
                % {"names": ", ".join(missing)},
            )
        for number, recommendation in enumerate(record.recommendations, start=1):
            if not recommendation.text.strip():
                problems.add(
                    f"recommendation-{number}",
                    _("Enter the text of recommendation %(n)s.") % {"n": number},
                )
            if recommendation.agency is None and not recommendation.body_name.strip():
                problems.add(
                    f"recommendation-{number}",
                    _("Name the body recommendation %(n)s is addressed to.") % {"n": number},
                )
        for number, action in enumerate(record.actions, start=1):
            where = f"action-{number}"
            if not action.description.strip():
                problems.add(where, _("Describe action %(n)s.") % {"n": number})
            if action.owner is None:
                problems.add(where, _("Choose the agency that owns action %(n)s.") % {"n": number})
            if action.due_on is None:
                problems.add(where, _("Enter the due date of action %(n)s.") % {"n": number})
            elif record.held_on is not None and action.due_on < record.held_on:
                problems.add(
                    where,
                    _("Action %(n)s cannot be due before the meeting.") % {"n": number},
                )
        problems.raise_if_any()

        meeting.held_on = record.held_on
        meeting.victim_attended = record.victim_attended
        meeting.minutes = record.minutes.strip()
        meeting.outcome = record.outcome.strip()
        meeting.interventions_considered = assessment.interventions_considered.strip()
        meeting.necessity_and_proportionality = assessment.necessity_and_proportionality.strip()
        meeting.rights_considered = assessment.rights_considered.strip()
        meeting.proportionality_decision = assessment.decision.strip()
        meeting.save()
        for pk, member in members.items():
            attended = bool(record.attendance[pk])
            if member.attended != attended:
                member.attended = attended
                member.save(update_fields=["attended"])
        meeting.recommendations.all().delete()
        recommendations = Recommendation.objects.bulk_create(
            Recommendation(
                meeting=meeting,
                agency=entry.agency,
                body_name="" if entry.agency is not None else entry.body_name.strip(),
                text=entry.text.strip(),
            )
            for entry in record.recommendations
        )
        if recommendations:  # bulk_create sends no signals: one audit record for them all
            record_batch(
                None,
                case.area_id,
                f"reviews.recommendation of {case.reference} meeting {meeting.number}: {len(recommendations)} created",
                "reviews.recommendation",
                case=case,
            )
        meeting.actions.all().delete()
        for entry in record.actions:
            assert entry.owner is not None
            assert entry.due_on is not None
            Action.objects.create(
                meeting=meeting,
                description=entry.description.strip(),
                owner=entry.owner,
                due_on=entry.due_on,
                victim_may_see=entry.victim_may_see,
            )
        warnings = []
        needed = panel_minimum(case)
        present = len({m.agency_id for m in members.values() if m.attended and m.relevant_body})
        if present < needed:
            warnings.append(
                _(
                    "Only %(count)s of the area's relevant bodies attended; the policy asks for "
                    "%(needed)s."
                )
                % {"count": present, "needed": needed}
            )
        event = transition(
            case,
            Step.RECORD_MEETING,
            by=by,
            data={
                "meeting": meeting.number,
                "recommendations": len(record.recommendations),
                "actions": len(record.actions),
                "warnings": warnings,
            },
            related_changed=True,
        )
        finish(case, event)
    return case


# --- After the meeting --------------------------------------------------------------------------


def comment_window_end(case: Case, shared_on: date) -> date:
    policy = policy_from_dict(case.policy.rules)
    calendar = calendar_for(case.area.nation)
    return calendar.add_working_days(shared_on, policy.timescales.victim_comment_working_days).due


def review_send_outcome(
    case: Case, *, by: User | None, phoned_on: date | None = None, on: date | None = None
) -> Case:
    """Send the victim the outcome of the review, the recommendations and the actions they may
    see, as a draft plan for them to comment on within the policy's window."""
    on = on or today()
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        ensure_allowed(case, Step.SEND_OUTCOME)
        meeting = _meeting_to_record(case)
        problems = Problems()
        problems.day("on", on, not_before=meeting.held_on, not_before_what=_("the meeting"))
        problems.day(
            "phoned_on",
            phoned_on,
            not_before=meeting.held_on,
            not_before_what=_("the meeting"),
            required=False,
        )
        problems.raise_if_any()
        meeting.outcome_sent_on = on
        meeting.outcome_phoned_on = phoned_on
        meeting.plan_shared_on = on
        meeting.comment_until = comment_window_end(case, on)
        meeting.save(
            update_fields=[
                "outcome_sent_on",
                "outcome_phoned_on",
                "plan_shared_on",
                "comment_until",
            ]
        )
        event = transition(
            case,
            Step.SEND_OUTCOME,
            by=by,
            data={"meeting": meeting.number, "comment_until": meeting.comment_until.isoformat()},
        )
        finish(case, event)
    return case


def review_circulate_minutes(case: Case, *, by: User | None, on: date | None = None) -> Case:
    """Send the minutes and the action plan to every panel member with an e-mail address."""
    on = on or today()
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        ensure_allowed(case, Step.CIRCULATE_MINUTES)
        meeting = _meeting_to_record(case)
        again = meeting.minutes_sent_on is not None
        if not again:
            problems = Problems()
            problems.day("on", on, not_before=meeting.held_on, not_before_what=_("the meeting"))
            problems.raise_if_any()
            meeting.minutes_sent_on = on
            meeting.save(update_fields=["minutes_sent_on"])
        event = transition(
            case,
            Step.CIRCULATE_MINUTES,
            by=by,
            data={"meeting": meeting.number, "again": again},
            related_changed=True,
        )
        finish(case, event)
    return case


def review_record_victim_comment(
    case: Case, *, by: User | None, received_on: date | None, how: str, text: str
) -> Case:
    """Keep what the victim said about the draft action plan with the plan (``how`` is a
    ``HeardHow``: "online" when the victim wrote it on the tracking page)."""
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        ensure_allowed(case, Step.RECORD_VICTIM_COMMENT)
        meeting = _meeting_to_record(case)
        problems = Problems()
        problems.day(
            "received_on",
            received_on,
            not_before=meeting.plan_shared_on,
            not_before_what=_("the draft plan was sent"),
        )
        if how not in HeardHow.values:
            problems.add("how", _("Choose how the victim commented."))
        problems.require("text", text, _("Enter the victim's comments."))
        problems.raise_if_any()
        assert received_on is not None
        comment = VictimComment.objects.create(
            meeting=meeting, received_on=received_on, how=how, text=text.strip(), recorded_by=by
        )
        event = transition(
            case,
            Step.RECORD_VICTIM_COMMENT,
            by=by,
            note=text.strip(),
            data={"meeting": meeting.number, "comment": comment.pk},
            related_changed=True,
        )
        finish(case, event)
    return case


def review_finalise_plan(
    case: Case, *, by: User | None, note: str = "", on: date | None = None
) -> Case:
    """Make the action plan final (on ``on``, today by default) and start monitoring it.
    Refused while the victim's window for commenting is still open on that day, unless their
    comments have been recorded."""
    on = on or today()
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        ensure_allowed(case, Step.FINALISE_PLAN)
        meeting = _meeting_to_record(case)
        commented = meeting.victim_comments.exists()
        until = meeting.comment_until
        if until is not None and on <= until and not commented:
            problems = Problems()
            problems.add(
                "__all__",
                _(
                    "The victim has until %(day)s to comment on the draft action plan. Make it "
                    "final after that day, or once their comments are recorded."
                )
                % {"day": govuk_date(until)},
            )
            problems.raise_if_any()
        problems = Problems()
        problems.day(
            "on", on, not_before=meeting.plan_shared_on, not_before_what=_("the plan was shared")
        )
        problems.raise_if_any()
        meeting.plan_finalised_on = on
        meeting.save(update_fields=["plan_finalised_on"])
        event = transition(
            case,
            Step.FINALISE_PLAN,
            by=by,
            note=note.strip(),
            data={"meeting": meeting.number, "victim_commented": commented},
        )
        finish(case, event)
    return case


def review_update_action(
    case: Case,
    action: Action,
    *,
    by: User | None,
    status: str,
    progress: str = "",
    completed_on: date | None = None,
) -> Case:
    """Record the progress of one action: by the case's staff, or by the owner agency."""
    check_actor(by, case.area, agency=action.owner)
    with transaction.atomic():
        case = lock(case)
        ensure_allowed(case, Step.UPDATE_ACTION)
        action = Action.objects.select_for_update().get(pk=action.pk, meeting__case=case)
        problems = Problems()
        if status not in ActionStatus.values:
            problems.add("status", _("Choose the action's status."))
        if status == ActionStatus.DONE:
            problems.day(
                "completed_on",
                completed_on,
                not_before=action.meeting.held_on,
                not_before_what=_("the meeting"),
            )
        if status == ActionStatus.CANCELLED:
            problems.require("progress", progress, _("Say why the action was cancelled."))
        problems.raise_if_any()
        done_on = completed_on if status == ActionStatus.DONE else None
        if (action.status, action.progress, action.completed_on) == (
            status,
            progress.strip(),
            done_on,
        ):
            return case
        before = action.status
        action.status = status
        action.progress = progress.strip()
        action.completed_on = done_on
        action.save(update_fields=["status", "progress", "completed_on"])
        event = transition(
            case,
            Step.UPDATE_ACTION,
            by=by,
            note=progress.strip(),
            data={"action": action.pk, "from": before, "to": status},
            related_changed=True,
        )
        finish(case, event)
    return case


def review_change_lead_agency(
    case: Case, *, by: User | None, agency: Agency | None, reason: str
) -> Case:
    """Hand the lead on the case to a more suitable agency after the review."""
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        ensure_allowed(case, Step.CHANGE_LEAD_AGENCY)
        problems = Problems()
        if agency is None:
            problems.add("agency", _("Choose the agency that will lead on the case."))
        problems.require("reason", reason, _("Give the reason for the change."))
        problems.raise_if_any()
        assert agency is not None
        before = case.lead_agency or case.area.council
        event = transition(
            case,
            Step.CHANGE_LEAD_AGENCY,
            by=by,
            note=reason.strip(),
            data={"from": before.code, "to": agency.code},
            lead_agency=agency,
        )
        finish(case, event)
    return case
