"""One function per step of a case: the only code that writes a case.

Each ``case_<verb>(case, *, by, ...)`` checks its input (raising ``ValidationError`` naming every
problem, or ``PermissionDenied`` for someone who may not act in the area), then in one
transaction locks the case row, takes the step through ``workflow.transition`` (which refuses a
step the status does not allow with ``IllegalStep`` and writes the ``CaseEvent``), recomputes the
deadlines, and schedules the step's side effects for after commit. A call that would change
nothing does nothing. Each returns the case as stored, read under the lock.

Information requests and responses are the partners context's rows; their steps are here
(``case_request_information``) and in ``casereview.partners.services``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from casereview.accounts.models import Role, User
from casereview.accounts.scoping import scope
from casereview.areas.models import Agency, Area
from casereview.cases.evaluation import case_policy, evaluate_case
from casereview.cases.models import (
    RELATIONSHIPS_WITHOUT_CONSENT,
    Case,
    CaseSequence,
    Channel,
    Complaint,
    ComplaintKind,
    ComplaintSource,
    ContactMethod,
    DeadlineKind,
    DecisionRoute,
    Language,
    NotSuitableReason,
    Relationship,
    VictimKind,
)
from casereview.cases.selectors import earlier_cases_of_victim, pending_cases
from casereview.cases.step_support import Problems, check_actor, finish, lock, today
from casereview.cases.workflow import Status, Step, ensure_allowed, transition
from casereview.core.formatting import govuk_date
from casereview.rules import Exclusion, policy_from_dict


@dataclass(frozen=True)
class Victim:
    """The person, business or community group suffering the behaviour."""

    name: str = ""
    kind: str = VictimKind.PERSON
    address: str = ""
    postcode: str = ""
    email: str = ""
    phone: str = ""
    preferred_contact: str = ContactMethod.LETTER
    language: str = Language.ENGLISH
    vulnerability_notes: str = ""
    support_needs: str = ""


@dataclass(frozen=True)
class Applicant:
    """Someone applying for the victim, with the victim's consent where the law needs it."""

    name: str
    relationship: str
    email: str = ""
    phone: str = ""
    address: str = ""
    consent_given_how: str = ""
    consent_given_on: date | None = None


@dataclass(frozen=True)
class ComplaintInput:
    """A complaint the applicant says they made to a relevant body."""

    agency: Agency
    reported_on: date
    behaviour_on: date
    agency_reference: str = ""
    incident_key: str = ""
    kind: str = ComplaintKind.COMPLAINT
    summary: str = ""


@dataclass(frozen=True)
class Factors:
    """The s.104(5) factors weighed in a decision: persistence, harm, adequacy of response."""

    persistence: str = ""
    harm: str = ""
    adequacy_of_response: str = ""


@dataclass(frozen=True)
class SeniorManagerDecision:
    """Who decided a review is needed to safeguard a vulnerable victim, when and why."""

    name: str
    decided_on: date | None
    reasons: str


def _choice(problems: Problems, field: str, value: str, choices: Sequence[str]) -> None:
    if value not in choices:
        problems.add(field, _("Choose one of: %(choices)s.") % {"choices": ", ".join(choices)})


def _check_complaints(
    problems: Problems,
    complaints: Sequence[ComplaintInput],
    area: Area,
    *,
    field: str = "complaints",
) -> None:
    """Each complaint: to a relevant body of the area, behaviour before report, dates real."""
    relevant = set(
        area.area_agencies.filter(relevant_body=True).values_list("agency_id", flat=True)
    )
    for number, complaint in enumerate(complaints, start=1):
        where = _("Complaint %(number)s") % {"number": number}
        if complaint.agency.pk not in relevant:
            problems.add(
                field,
                _("%(where)s: %(agency)s is not a relevant body of %(area)s.")
                % {"where": where, "agency": complaint.agency.name, "area": area.name},
            )
        before = len(problems.errors.get(field, []))
        for label, day in (
            (_("the behaviour date"), complaint.behaviour_on),
            (_("the reported date"), complaint.reported_on),
        ):
            inner = Problems()
            inner.day("day", day)
            for message in inner.errors.get("day", []):
                problems.add(
                    field,
                    _("%(where)s, %(what)s: %(message)s")
                    % {"where": where, "what": label, "message": message},
                )
        if (
            len(problems.errors.get(field, [])) == before
            and complaint.reported_on < complaint.behaviour_on
        ):
            problems.add(
                field,
                _("%(where)s: it cannot have been reported before the behaviour happened.")
                % {"where": where},
            )
        _choice(problems, field, complaint.kind, ComplaintKind.values)


def _create_complaints(
    case: Case, complaints: Sequence[ComplaintInput], source: str
) -> list[Complaint]:
    return [
        Complaint.objects.create(
            case=case,
            agency=item.agency,
            reported_on=item.reported_on,
            behaviour_on=item.behaviour_on,
            agency_reference=item.agency_reference.strip(),
            incident_key=item.incident_key.strip(),
            kind=item.kind,
            summary=item.summary.strip(),
            source=source,
        )
        for item in complaints
    ]


def _next_reference(area: Area, year: int) -> str:
    """The area's next reference for ``year``. The sequence row is locked for the rest of the
    transaction, so two receipts can never draw the same number, and it only ever grows."""
    sequence = CaseSequence.objects.select_for_update().filter(area=area, year=year).first()
    if sequence is None:
        try:
            with transaction.atomic():
                sequence = CaseSequence.objects.create(area=area, year=year, last=0)
        except IntegrityError:
            # Another receipt created the year's row first; wait for it and take the next number.
            sequence = CaseSequence.objects.select_for_update().get(area=area, year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return f"{area.la_code}-{year}-{sequence.last:04d}"


def _is_coordinator(user: User, area: Area) -> bool:
    return scope(user).has(Role.COORDINATOR, area.pk)


def _screen_repeat(
    area: Area,
    victim: Victim,
    repeat_of: Case | None,
    material_change: str,
    different_victim_from: Sequence[Case],
) -> tuple[Case | None, list[str]]:
    """The earlier case a new application repeats (if any) and the references of the victim's
    earlier cases; ``ValidationError`` while one is open, or for a repeat without a material
    change (see ``case_receive``)."""
    problems = Problems()
    earlier = earlier_cases_of_victim(
        area, name=victim.name, postcode=victim.postcode, email=victim.email, phone=victim.phone
    ).exclude(pk__in=[c.pk for c in different_victim_from])
    open_cases = list(pending_cases(earlier))
    if repeat_of is not None and not repeat_of.is_final and repeat_of not in open_cases:
        open_cases.append(repeat_of)
    for pending in open_cases:
        problems.add(
            "repeat_of",
            _(
                "This victim's earlier case %(reference)s is still open: a new application "
                "is not started while its actions are pending."
            )
            % {"reference": pending.reference},
        )
    if repeat_of is None:
        repeat_of = earlier.filter(decided_on__isnull=False).first()
    if repeat_of is not None:
        if repeat_of.area_id != area.pk:
            problems.add("repeat_of", _("An earlier case must be of the same area."))
        problems.require(
            "material_change",
            material_change,
            _(
                "This victim's case %(reference)s was decided before: describe the material "
                "change in circumstances since then."
            )
            % {"reference": repeat_of.reference},
        )
    problems.raise_if_any()
    return repeat_of, list(earlier.values_list("reference", flat=True))


def case_receive(
    area: Area,
    *,
    by: User | None,
    channel: str,
    received_on: date,
    victim: Victim,
    asb_description: str,
    applicant: Applicant | None = None,
    location: str = "",
    alleged_responsible: str = "",
    complaints: Sequence[ComplaintInput] = (),
    spoc: User | None = None,
    not_suitable_reason: str = "",
    signposting: str = "",
    repeat_of: Case | None = None,
    material_change: str = "",
    different_victim_from: Sequence[Case] = (),
    note: str = "",
) -> Case:
    """Record an application from any channel, screening it on the way.

    - Not suitable (``not_suitable_reason``, one of the exclusions the area's policy lists): the
      case is recorded and at once screened out, with the ``signposting`` given to the applicant.
    - Repeat applications: while an earlier case of the same victim in the area is still open
      (``selectors.pending_cases``) no new one is started. After an earlier decision, a new
      application is a repeat (``repeat_of``, the latest decided case unless given) and needs a
      ``material_change``; a vexatious repeat can then be declined (``case_decline_repeat``).
      ``different_victim_from`` lists earlier cases the coordinator has checked belong to a
      different person with the same details; they are left out of the matching.
    """
    check_actor(by, area)
    problems = Problems()
    policy_record = area.current_policy()
    if not area.on_service or policy_record is None:
        problems.add(
            "area",
            _("%(area)s does not run its Case Review on this service.") % {"area": area.name},
        )
    _choice(problems, "channel", channel, Channel.values)
    problems.day("received_on", received_on)
    _choice(problems, "victim_kind", victim.kind, VictimKind.values)
    _choice(problems, "preferred_contact", victim.preferred_contact, ContactMethod.values)
    _choice(problems, "language", victim.language, Language.values)
    problems.require("asb_description", asb_description, _("Describe the anti-social behaviour."))
    problems.email("victim_email", victim.email)

    screened_out = bool(not_suitable_reason)
    if screened_out:
        _choice(problems, "not_suitable_reason", not_suitable_reason, NotSuitableReason.values)
        if policy_record is not None and not_suitable_reason in NotSuitableReason.values:
            listed = policy_from_dict(policy_record.rules).exclusions
            if Exclusion(not_suitable_reason) not in listed:
                problems.add(
                    "not_suitable_reason",
                    _("The local policy of %(area)s does not list this as not suitable.")
                    % {"area": area.name},
                )
        problems.require(
            "signposting", signposting, _("Say where the applicant is signposted instead.")
        )
    if not_suitable_reason != NotSuitableReason.ANONYMOUS_APPLICANT:
        problems.require("victim_name", victim.name, _("Enter the victim's name."))

    if applicant is not None:
        problems.require("applicant_name", applicant.name, _("Enter the applicant's name."))
        problems.email("applicant_email", applicant.email)
        _choice(problems, "applicant_relationship", applicant.relationship, Relationship.values)
        if applicant.relationship not in RELATIONSHIPS_WITHOUT_CONSENT:
            problems.require(
                "consent_given_how",
                applicant.consent_given_how,
                _("Say how the victim gave their consent to this application."),
            )
            problems.day("consent_given_on", applicant.consent_given_on)

    if spoc is not None and not _is_coordinator(spoc, area):
        problems.add(
            "spoc",
            _("The single point of contact must be a coordinator of %(area)s.")
            % {"area": area.name},
        )
    _check_complaints(problems, complaints, area)

    problems.raise_if_any()
    assert policy_record is not None  # refused above otherwise

    received_at = timezone.now()
    with transaction.atomic():
        # Drawing the reference locks the area's sequence row, so receipts in the area queue
        # here and the repeat check below cannot race another receipt for the same victim.
        reference = _next_reference(area, timezone.localdate(received_at).year)
        earlier_ids: list[str] = []
        if not screened_out and victim.name.strip():
            repeat_of, earlier_ids = _screen_repeat(
                area, victim, repeat_of, material_change, different_victim_from
            )
        case = Case(
            reference=reference,
            area=area,
            policy=policy_record,
            channel=channel,
            received_on=received_on,
            received_at=received_at,
            victim_kind=victim.kind,
            victim_name=victim.name.strip(),
            victim_address=victim.address.strip(),
            victim_postcode=victim.postcode.strip().upper(),
            victim_email=victim.email.strip(),
            victim_phone=victim.phone.strip(),
            preferred_contact=victim.preferred_contact,
            language=victim.language,
            vulnerability_notes=victim.vulnerability_notes.strip(),
            support_needs=victim.support_needs.strip(),
            applicant_is_victim=applicant is None,
            asb_description=asb_description.strip(),
            location=location.strip(),
            alleged_responsible=alleged_responsible.strip(),
            spoc=spoc,
            repeat_of=None if screened_out else repeat_of,
            material_change="" if screened_out else material_change.strip(),
        )
        if applicant is not None:
            case.applicant_name = applicant.name.strip()
            case.applicant_email = applicant.email.strip()
            case.applicant_phone = applicant.phone.strip()
            case.applicant_address = applicant.address.strip()
            case.applicant_relationship = applicant.relationship
            case.consent_given_how = applicant.consent_given_how.strip()
            case.consent_given_on = applicant.consent_given_on
        case.refresh_match_keys()
        event = transition(
            case,
            Step.RECEIVE,
            by=by,
            note=note,
            data={
                "reference": case.reference,
                "channel": channel,
                "policy_version": policy_record.version,
                "earlier_cases": earlier_ids,
                "different_victim_from": [c.reference for c in different_victim_from],
            },
        )
        _create_complaints(case, complaints, ComplaintSource.STATED_BY_APPLICANT)
        screening = None
        if screened_out:
            screening = transition(
                case,
                Step.SCREEN_OUT,
                by=by,
                note=signposting.strip(),
                data={"reason": not_suitable_reason},
                not_suitable_reason=not_suitable_reason,
                signposting=signposting.strip(),
            )
        finish(case, event, screening)
    return case


def case_decline_repeat(case: Case, *, by: User | None, reasons: str) -> Case:
    """Decline a repeat application as vexatious, with the reasons the applicant is given."""
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        if case.status == Status.DECLINED and case.declined_reasons == reasons.strip():
            return case
        ensure_allowed(case, Step.DECLINE_REPEAT)
        problems = Problems()
        problems.require("reasons", reasons, _("Give the reasons for declining the application."))
        if case.repeat_of_id is None:
            problems.add(
                "repeat_of",
                _("Only a repeat of an earlier decided application can be declined as vexatious."),
            )
        problems.raise_if_any()
        event = transition(
            case, Step.DECLINE_REPEAT, by=by, note=reasons.strip(), declined_reasons=reasons.strip()
        )
        finish(case, event)
    return case


def case_acknowledge(case: Case, *, by: User | None, on: date) -> Case:
    """Record that the application was acknowledged (CT1 to the victim, CT2 to an applicant)."""
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        if case.status == Status.ACKNOWLEDGED and case.acknowledged_on == on:
            return case
        ensure_allowed(case, Step.ACKNOWLEDGE)
        problems = Problems()
        problems.day("on", on, not_before=case.received_on, not_before_what=_("the application"))
        problems.raise_if_any()
        event = transition(case, Step.ACKNOWLEDGE, by=by, acknowledged_on=on)
        finish(case, event)
    return case


def case_assign_spoc(case: Case, *, by: User | None, spoc: User) -> Case:
    """Make ``spoc``, a coordinator of the case's area, its single point of contact."""
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        if case.spoc_id == spoc.pk:
            return case
        ensure_allowed(case, Step.ASSIGN_SPOC)
        if not _is_coordinator(spoc, case.area):
            problems = Problems()
            problems.add(
                "spoc",
                _("The single point of contact must be a coordinator of %(area)s.")
                % {"area": case.area.name},
            )
            problems.raise_if_any()
        event = transition(case, Step.ASSIGN_SPOC, by=by, data={"spoc": spoc.email}, spoc=spoc)
        finish(case, event)
    return case


def case_add_complaint(case: Case, *, by: User | None, complaint: ComplaintInput) -> Complaint:
    """Add a complaint the applicant says they made (before the decision)."""
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        ensure_allowed(case, Step.ADD_COMPLAINT)
        problems = Problems()
        _check_complaints(problems, [complaint], case.area, field="complaint")
        problems.raise_if_any()
        (added,) = _create_complaints(case, [complaint], ComplaintSource.STATED_BY_APPLICANT)
        event = transition(
            case,
            Step.ADD_COMPLAINT,
            by=by,
            data={"complaint": added.pk, "agency": complaint.agency.code},
            related_changed=True,
        )
        finish(case, event)
    return added


def case_request_information(case: Case, *, by: User | None, on: date) -> Case:
    """Ask every relevant body of the area for what it knows, each request with its own due date.

    Asking again later sends requests only to relevant bodies added to the area since; when
    there are none it does nothing.
    """
    # Imported here: the partners context builds on the cases context, not the other way round,
    # except for this one step that creates its rows.
    from casereview.partners.services import create_information_requests, relevant_bodies_to_ask

    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        to_ask = relevant_bodies_to_ask(case)
        if case.status == Status.GATHERING_INFORMATION and not to_ask:
            return case
        ensure_allowed(case, Step.REQUEST_INFORMATION)
        problems = Problems()
        problems.day(
            "on",
            on,
            not_before=case.acknowledged_on or case.received_on,
            not_before_what=_("the acknowledgement"),
        )
        if not to_ask:
            problems.add(
                "__all__",
                _("%(area)s has no relevant bodies on record to ask.") % {"area": case.area.name},
            )
        problems.raise_if_any()
        requests = create_information_requests(case, to_ask, by=by, on=on)
        event = transition(
            case,
            Step.REQUEST_INFORMATION,
            by=by,
            data={"agencies": [request.agency.code for request in requests]},
            related_changed=True,
        )
        finish(case, event)
    return case


def case_decide_threshold(
    case: Case,
    *,
    by: User | None,
    on: date,
    route: str,
    met: bool,
    reasons: str,
    factors: Factors = Factors(),
    senior_manager: SeniorManagerDecision | None = None,
    local_route_code: str = "",
) -> Case:
    """Record the threshold decision and the rules engine's evaluation behind it.

    The engine evaluates the confirmed complaints under the case's policy version
    (``casereview.cases.evaluation``) whatever the route, and its result is stored with the
    decision. Through the threshold route the decision must agree with the engine. The other
    routes, each only where the policy provides it, lead to a review below the threshold and
    so can only decide "met", with reasons; the senior manager's route records who decided,
    when and why.
    """
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        step = Step.DECIDE_THRESHOLD_MET if met else Step.DECIDE_THRESHOLD_NOT_MET
        ensure_allowed(case, step)
        policy = case_policy(case)
        evaluation = evaluate_case(case)
        result = evaluation.result
        problems = Problems()
        problems.day("on", on, not_before=case.received_on, not_before_what=_("the application"))
        problems.require("reasons", reasons, _("Give the reasons for the decision."))
        _choice(problems, "route", route, DecisionRoute.values)
        counts = {"count": result.qualifying_count, "threshold": result.threshold}
        if route == DecisionRoute.THRESHOLD:
            if met and not result.threshold_met:
                problems.add(
                    "met",
                    _(
                        "%(count)s qualifying complaints against a threshold of %(threshold)s: "
                        "the threshold is not met. Record the decision as not met, or use "
                        "another route the local policy provides."
                    )
                    % counts,
                )
            if not met and result.threshold_met:
                problems.add(
                    "met",
                    _(
                        "%(count)s qualifying complaints against a threshold of %(threshold)s: "
                        "the threshold is met, so a review must be carried out."
                    )
                    % counts,
                )
        elif route in DecisionRoute.values:
            if not met:
                problems.add(
                    "met",
                    _(
                        "A decision that the threshold is not met is made through the threshold route."
                    ),
                )
            enabled = {
                DecisionRoute.SENIOR_MANAGER_VULNERABLE_VICTIM: (
                    policy.routes.senior_manager_vulnerable_victim
                ),
                DecisionRoute.PARTNER_INITIATED: policy.routes.partner_initiated,
                DecisionRoute.LOCAL_EXTRA_ROUTE: bool(policy.routes.extra),
            }[DecisionRoute(route)]
            if not enabled:
                problems.add(
                    "route", _("The local policy of this case does not provide this route.")
                )
        if route == DecisionRoute.SENIOR_MANAGER_VULNERABLE_VICTIM:
            if senior_manager is None:
                problems.add(
                    "senior_manager",
                    _("Record which senior manager decided, when and why."),
                )
            else:
                problems.require(
                    "senior_manager_name",
                    senior_manager.name,
                    _("Enter the senior manager's name."),
                )
                problems.day(
                    "senior_manager_decided_on",
                    senior_manager.decided_on,
                    not_before=case.received_on,
                    not_before_what=_("the application"),
                )
                problems.require(
                    "senior_manager_reasons",
                    senior_manager.reasons,
                    _("Give the senior manager's reasons."),
                )
        if route == DecisionRoute.LOCAL_EXTRA_ROUTE and local_route_code not in {
            extra.code for extra in policy.routes.extra
        }:
            problems.add("local_route_code", _("Choose one of the local policy's routes."))
        problems.raise_if_any()

        manager = (
            senior_manager if route == DecisionRoute.SENIOR_MANAGER_VULNERABLE_VICTIM else None
        )
        event = transition(
            case,
            step,
            by=by,
            note=reasons.strip(),
            data={
                "route": route,
                # The decision's own date: a later re-decision overwrites Case.decided_on, and
                # the statistics count every decision by its date.
                "on": on.isoformat(),
                "qualifying_count": result.qualifying_count,
                "threshold": result.threshold,
                "engine_says_met": result.threshold_met,
            },
            threshold_met=met,
            decision_route=route,
            local_route_code=local_route_code if route == DecisionRoute.LOCAL_EXTRA_ROUTE else "",
            persistence_notes=factors.persistence.strip(),
            harm_notes=factors.harm.strip(),
            adequacy_of_response_notes=factors.adequacy_of_response.strip(),
            decision_reasons=reasons.strip(),
            decided_on=on,
            first_decided_on=case.first_decided_on or on,
            decided_by=by,
            senior_manager_name=manager.name.strip() if manager else "",
            senior_manager_decided_on=manager.decided_on if manager else None,
            senior_manager_reasons=manager.reasons.strip() if manager else "",
            threshold_result=evaluation.to_json(case),
        )
        finish(case, event)
    return case


def case_record_victim_contact(case: Case, *, by: User | None, on: date, note: str = "") -> Case:
    """Record that the SPOC phoned the victim after a "met" decision (CT4)."""
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        if case.victim_contacted_on == on:
            return case
        ensure_allowed(case, Step.RECORD_VICTIM_CONTACT)
        problems = Problems()
        problems.day("on", on, not_before=case.decided_on, not_before_what=_("the decision"))
        problems.raise_if_any()
        event = transition(
            case, Step.RECORD_VICTIM_CONTACT, by=by, note=note.strip(), victim_contacted_on=on
        )
        finish(case, event)
    return case


def _end(
    case: Case,
    step: str,
    target: str,
    *,
    by: User | None,
    reason: str,
    on: date | None,
    refusal: Callable[[Case, date], str],
) -> Case:
    on = on or today()
    check_actor(by, case.area)
    with transaction.atomic():
        case = lock(case)
        if case.status == target and case.end_reason == reason.strip():
            return case
        ensure_allowed(case, step)
        # Checked under the lock: an appeal recorded by someone else a moment ago counts.
        problem = refusal(case, on)
        if problem:
            raise ValidationError({"reason": [ValidationError(problem)]})
        problems = Problems()
        problems.require("reason", reason, _("Give the reason."))
        problems.day("on", on, not_before=case.received_on, not_before_what=_("the application"))
        problems.raise_if_any()
        event = transition(
            case, step, by=by, note=reason.strip(), end_reason=reason.strip(), ended_on=on
        )
        finish(case, event)
    return case


def case_withdraw(case: Case, *, by: User | None, reason: str, on: date | None = None) -> Case:
    """The applicant withdraws the application (at any point before the case ends). Refused
    while an appeal is open: its outcome is recorded first, so it is never left hanging."""
    return _end(
        case,
        Step.WITHDRAW,
        Status.WITHDRAWN,
        by=by,
        reason=reason,
        on=on,
        refusal=_withdrawing_problem,
    )


def _withdrawing_problem(case: Case, on: date) -> str:
    if case.appeals.exclude(status="concluded").exists():
        return _(
            "An appeal of this case is open. Record its outcome and send it before the case "
            "is withdrawn."
        )
    return ""


def case_close(case: Case, *, by: User | None, reason: str, on: date | None = None) -> Case:
    """Close a decided case, with the reason the applicant is told.

    Refused while the case still has work the victim is owed: an appeal not yet concluded, a
    "not met" decision whose window for asking for a review is still open, or (after a review)
    an action of the plan not yet done or cancelled.
    """
    return _end(
        case, Step.CLOSE, Status.CLOSED, by=by, reason=reason, on=on, refusal=closing_problem
    )


def closing_problem(case: Case, on: date) -> str:
    """Why ``case`` cannot be closed on ``on`` (empty when it can)."""
    if case.status not in (Status.THRESHOLD_NOT_MET, Status.THRESHOLD_MET, Status.MONITORING):
        return ""
    if case.appeals.exclude(status="concluded").exists():
        return _("An appeal of this case has not been concluded: send its outcome first.")
    window = case.deadlines.filter(kind=DeadlineKind.REVIEW_REQUEST).first()
    if case.status == Status.THRESHOLD_NOT_MET and window is not None and on <= window.due_on:
        return _(
            "The victim can ask for the decision to be reviewed until %(day)s. Close the case "
            "after that day, or record their appeal."
        ) % {"day": govuk_date(window.due_on)}
    if case.status == Status.MONITORING:
        open_actions = [
            action.description
            for meeting in case.meetings.prefetch_related("actions")
            for action in meeting.actions.all()
            if action.status not in ("done", "cancelled")
        ]
        if open_actions:
            return ngettext(
                "%(count)s action of the plan is not done or cancelled: %(list)s. Update it first.",
                "%(count)s actions of the plan are not done or cancelled: %(list)s. Update them "
                "first.",
                len(open_actions),
            ) % {"count": len(open_actions), "list": "; ".join(open_actions)}
    return ""
