"""Demo cases for the demo area: at least one case in every status of the workflow, and an
appeal in every status.

Everything is built through the same service functions the staff pages call (receive,
acknowledge, request information, record responses, decide, withdraw, close), so a demo case has
the events, deadlines and scheduled letters of a real one, and a demo "threshold met" decision is
one the rules engine agrees with. Nothing here writes a model directly. The cases that go on to
a review meeting or an appeal are in ``casereview.cases.demo_reviews``, built on the helpers here.

Dates are relative to today (the services refuse future dates), spread over the last few weeks so
that the dashboard shows deadlines overdue, due today and on track. The steps' own dates are as
given; the moment each event was recorded is necessarily now, as for any step recorded late.

The people, addresses, e-mail addresses (example.com) and phone numbers (Ofcom's drama range
07700 900xxx) are fictional. Every demo case carries ``DEMO_NOTE`` on its "received" event: that
is how a second run recognises that the demo cases already exist, and it tells anyone reading the
timeline that the case is made up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from casereview.accounts.models import Role, User
from casereview.accounts.scoping import scope
from casereview.appeals.models import Appeal, AppealStatus
from casereview.areas.models import Agency, AgencyKind, Area
from casereview.cases.models import (
    Case,
    Channel,
    Complaint,
    ComplaintKind,
    ContactMethod,
    DecisionRoute,
    NotSuitableReason,
    Relationship,
    VictimKind,
)
from casereview.cases.services import (
    Applicant,
    ComplaintInput,
    Factors,
    SeniorManagerDecision,
    Victim,
    case_acknowledge,
    case_close,
    case_decide_threshold,
    case_decline_repeat,
    case_receive,
    case_record_victim_contact,
    case_request_information,
    case_withdraw,
)
from casereview.cases.workflow import Status, Step
from casereview.partners.services import IncidentInput, information_response_record
from casereview.rules import LocalPolicy, WorkingCalendar, calendar_for, policy_from_dict

DEMO_NOTE = "Demo case with fictional people, created by manage.py seed_demo."


@dataclass(frozen=True)
class DemoResult:
    """What ``seed_demo_cases`` did: the references it created, or how many demo cases the area
    already had (then it created none)."""

    area_name: str
    created: tuple[str, ...] = ()
    already_present: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    appeals: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        if not self.created:
            return f"Demo cases: {self.already_present} already in {self.area_name}; none added."
        covered = ", ".join(
            f"{Status(status).label} {count}" for status, count in sorted(self.statuses.items())
        )
        appeals = ", ".join(
            f"{AppealStatus(status).label} {count}"
            for status, count in sorted(self.appeals.items())
        )
        return (
            f"Demo cases: {len(self.created)} created in {self.area_name} ({covered}); "
            f"appeals: {appeals or 'none'}."
        )


def demo_cases(area: Area) -> QuerySet[Case]:
    """The demo cases of ``area``: those whose receipt carries ``DEMO_NOTE``."""
    return Case.objects.filter(area=area, events__step=Step.RECEIVE, events__note=DEMO_NOTE)


class _Days:
    """Dates relative to today on the area's working calendar."""

    def __init__(self, today: date, calendar: WorkingCalendar) -> None:
        self.today = today
        self.calendar = calendar

    def ago(self, working_days: int) -> date:
        """The working day ``working_days`` working days before today (today itself for 0)."""
        day = self.today
        remaining = working_days
        while remaining:
            day -= timedelta(days=1)
            if self.calendar.is_working_day(day):
                remaining -= 1
        return day

    def received_for_due_today(self, working_days: int) -> date:
        """A receipt date whose deadline of ``working_days`` falls today; on a day off, the
        one that falls on the next working day (the nearest a deadline can be)."""
        target = self.calendar.counted_from(self.today)
        day = self.today - timedelta(days=1)
        while day > self.today - timedelta(days=working_days * 3 + 14):
            if (
                self.calendar.is_working_day(day)
                and self.calendar.add_working_days(day, working_days).due == target
            ):
                return day
            day -= timedelta(days=1)
        return self.ago(working_days)


@dataclass(frozen=True)
class _Seed:
    """Everything the scenarios share."""

    area: Area
    by: User
    spoc: User | None
    days: _Days
    policy: LocalPolicy
    police: Agency
    council: Agency
    housing: Agency


def _relevant_body(area: Area, kind: str, fallback: Agency) -> Agency:
    found = (
        Agency.objects.filter(
            area_agencies__area=area, area_agencies__relevant_body=True, kind=kind
        )
        .order_by("name")
        .first()
    )
    return found or fallback


def _person(
    name: str,
    number: int,
    address: str,
    postcode: str,
    *,
    email: bool = True,
    preferred: str = ContactMethod.EMAIL,
    **extra: str,
) -> Victim:
    """A fictional victim with a unique drama-range phone number and, usually, an e-mail."""
    local = name.lower().replace(" ", ".").replace("'", "")
    return Victim(
        name=name,
        address=address,
        postcode=postcode,
        email=f"{local}@example.com" if email else "",
        phone=f"07700 900{number:03d}",
        preferred_contact=preferred,
        **extra,
    )


def _complaint(
    agency: Agency, received: date, *, happened: int, reported: int, **extra: str
) -> ComplaintInput:
    """A complaint the applicant states: behaviour ``happened`` days before the application
    was ``received``, reported to ``agency`` ``reported`` days before it."""
    return ComplaintInput(
        agency=agency,
        behaviour_on=received - timedelta(days=happened),
        reported_on=received - timedelta(days=reported),
        **extra,
    )


def _receive(seed: _Seed, **values: Any) -> Case:
    """Receive an application recorded by the seeding user, marked as a demo case."""
    values.setdefault("spoc", seed.spoc)
    return case_receive(seed.area, by=seed.by, note=DEMO_NOTE, **values)


def _respond(
    seed: _Seed,
    case: Case,
    agency: Agency,
    *,
    on: date,
    confirms: Sequence[tuple[Complaint, str]] = (),
    adds: Sequence[IncidentInput] = (),
    actions_taken: str = "",
) -> None:
    """Record ``agency``'s response, confirming stated complaints (with the agency's reference)
    and adding incidents the applicant had not mentioned."""
    request = case.information_requests.get(agency=agency)
    incidents = [
        IncidentInput(
            behaviour_on=complaint.behaviour_on,
            reported_on=complaint.reported_on,
            agency_reference=reference,
            incident_key=complaint.incident_key,
            kind=complaint.kind,
            confirms=complaint,
        )
        for complaint, reference in confirms
    ]
    information_response_record(
        request,
        by=seed.by,
        received_on=on,
        incidents=[*incidents, *adds],
        actions_taken=actions_taken,
    )


def _stated(case: Case, agency: Agency) -> list[Complaint]:
    return list(case.complaints.filter(agency=agency).order_by("behaviour_on", "pk"))


def _the_rest_respond(seed: _Seed, case: Case, *, on: date) -> None:
    """Every relevant body yet to answer answers that it has nothing on record, as most do."""
    for request in case.information_requests.filter(responses__isnull=True).order_by("pk"):
        information_response_record(
            request,
            by=seed.by,
            received_on=on,
            actions_taken="No incidents on record for this address or the people named.",
        )


# --- The scenarios, one per story a demo should tell -------------------------------------------


def _closed_after_not_met(seed: _Seed) -> Case:
    """An older case: two qualifying complaints, decided "not met", then closed. Its victim
    applies again later (``_declined_repeat``)."""
    days = seed.days
    received = days.ago(45)
    case = _receive(
        seed,
        channel=Channel.ONLINE,
        received_on=received,
        victim=_person("Morgan Example", 101, "7 Sample Close, Ware", "SG12 0ZX"),
        asb_description=(
            "A neighbour's dog barks for hours when left alone, and the owner shouts abuse "
            "when asked to keep it inside."
        ),
        location="Sample Close, Ware",
        alleged_responsible="The occupier of 9 Sample Close",
        complaints=[
            _complaint(seed.council, received, happened=58, reported=58),
            _complaint(seed.police, received, happened=31, reported=30),
        ],
    )
    case = case_acknowledge(case, by=seed.by, on=days.ago(44))
    case = case_request_information(case, by=seed.by, on=days.ago(43))
    _respond(
        seed,
        case,
        seed.council,
        on=days.ago(40),
        confirms=[(c, "DEMO-EH-NOISE-0412") for c in _stated(case, seed.council)],
        actions_taken="Noise diary issued; warning letter sent to the dog's owner.",
    )
    _respond(
        seed,
        case,
        seed.police,
        on=days.ago(39),
        confirms=[(c, "DEMO/41/2207") for c in _stated(case, seed.police)],
        actions_taken="Officer attended and gave words of advice.",
    )
    _the_rest_respond(seed, case, on=days.ago(38))
    case = case_decide_threshold(
        case,
        by=seed.by,
        on=days.ago(36),
        route=DecisionRoute.THRESHOLD,
        met=False,
        reasons=(
            "Two complaints qualify; the local threshold is three. The behaviour is being "
            "dealt with by the council's environmental health team."
        ),
        factors=Factors(
            persistence="Two reports in six months.",
            harm="Disturbed sleep; no risk of physical harm identified.",
            adequacy_of_response="Warning letter sent and noise monitoring offered.",
        ),
    )
    return case_close(
        case,
        by=seed.by,
        on=days.ago(12),
        reason=(
            "The window to ask for the decision to be reviewed has passed with no request; "
            "the victim was offered mediation."
        ),
    )


def _declined_repeat(seed: _Seed) -> Case:
    """The same victim again, with nothing new: declined as a vexatious repeat."""
    case = _receive(
        seed,
        channel=Channel.EMAIL,
        received_on=seed.days.ago(4),
        victim=_person("Morgan Example", 101, "7 Sample Close, Ware", "SG12 0ZX"),
        asb_description="The same barking dog and the same neighbour as before.",
        location="Sample Close, Ware",
        alleged_responsible="The occupier of 9 Sample Close",
        material_change=(
            "The applicant says nothing has changed and asks for the same matters to be "
            "looked at again."
        ),
    )
    return case_decline_repeat(
        case,
        by=seed.by,
        reasons=(
            "This repeats the application decided earlier, about the same incidents, with no "
            "new report to any agency since. It is declined as vexatious; the victim may apply "
            "again if the behaviour continues and is reported."
        ),
    )


def _not_suitable(seed: _Seed) -> Case:
    """About one officer's conduct: screened out and signposted."""
    return _receive(
        seed,
        channel=Channel.PHONE,
        received_on=seed.days.ago(8),
        victim=_person(
            "Jamie Specimen",
            102,
            "22 Placeholder Road, Hertford",
            "SG13 0ZY",
            email=False,
            preferred=ContactMethod.PHONE,
        ),
        asb_description=(
            "Unhappy with how one police officer spoke to them when they reported youths "
            "gathering outside their home."
        ),
        not_suitable_reason=NotSuitableReason.OFFICER_CONDUCT,
        signposting=(
            "Complaints about a police officer's conduct go to Hertfordshire Constabulary's "
            "Professional Standards Department, or to the Independent Office for Police Conduct."
        ),
    )


def _received_today_online(seed: _Seed) -> Case:
    """A fresh online application, with no single point of contact yet."""
    today = seed.days.today
    return case_receive(
        seed.area,
        by=None,
        note=DEMO_NOTE,
        channel=Channel.ONLINE,
        received_on=today,
        victim=_person("Riya Sample", 103, "3 Fictional Mews, Bishop's Stortford", "CM23 0ZZ"),
        asb_description=(
            "People on scooters ride on the footpath late at night and throw litter into the "
            "garden."
        ),
        location="The alley behind Fictional Mews",
        complaints=[
            _complaint(seed.police, today, happened=40, reported=39),
            _complaint(seed.council, today, happened=12, reported=12),
        ],
    )


def _received_overdue_by_letter(seed: _Seed) -> Case:
    """A letter not yet acknowledged, past its acknowledgement deadline."""
    received = seed.days.ago(6)
    return _receive(
        seed,
        channel=Channel.LETTER,
        received_on=received,
        victim=_person(
            "Edith Placeholder",
            104,
            "Flat 2, 14 Example Street, Sawbridgeworth",
            "CM21 0ZW",
            email=False,
            preferred=ContactMethod.LETTER,
        ),
        asb_description="Drug dealing from a parked car and threats when challenged.",
        location="Car park behind Example Street",
        alleged_responsible="Two men in a grey hatchback (registration noted by the victim)",
        complaints=[
            _complaint(seed.police, received, happened=20, reported=19),
        ],
    )


def _received_due_today(seed: _Seed) -> Case:
    """An e-mail whose acknowledgement is due today."""
    received = seed.days.received_for_due_today(seed.policy.timescales.acknowledge_working_days)
    return _receive(
        seed,
        channel=Channel.EMAIL,
        received_on=received,
        victim=_person("Aled Testwood", 105, "41 Sample Avenue, Hertford", "SG14 0ZV"),
        asb_description="Fireworks set off in the street at night, scaring an elderly dog.",
        location="Sample Avenue, Hertford",
    )


def _acknowledged_third_party(seed: _Seed) -> Case:
    """A councillor applying for a resident, with the resident's consent."""
    days = seed.days
    received = days.ago(2)
    case = _receive(
        seed,
        channel=Channel.EMAIL,
        received_on=received,
        victim=_person(
            "Grace Fictitious",
            106,
            "5 Example Gardens, Buntingford",
            "SG9 0ZU",
            preferred=ContactMethod.PHONE,
        ),
        applicant=Applicant(
            name="Councillor Lee Sample",
            relationship=Relationship.COUNCILLOR,
            email="cllr.lee.sample@example.com",
            phone="07700 900201",
            consent_given_how="Signed consent form attached to the councillor's e-mail",
            consent_given_on=days.ago(3),
        ),
        asb_description=(
            "Repeated banging on the door and abuse shouted through the letterbox by a group "
            "of teenagers."
        ),
        location="Example Gardens, Buntingford",
        complaints=[
            _complaint(seed.police, received, happened=25, reported=25),
            _complaint(seed.housing, received, happened=9, reported=8),
        ],
    )
    return case_acknowledge(case, by=seed.by, on=days.ago(1))


def _gathering_with_overdue_responses(seed: _Seed) -> Case:
    """Information requested two weeks ago: the police have answered, the others are late."""
    days = seed.days
    received = days.ago(12)
    case = _receive(
        seed,
        channel=Channel.PHONE,
        received_on=received,
        victim=_person("Tom Dummy", 107, "88 Specimen Lane, Hertford", "SG13 0ZT"),
        asb_description=(
            "Cars revving and racing in the retail park car park most weekends until 2am."
        ),
        location="Specimen Lane retail park",
        complaints=[
            _complaint(seed.police, received, happened=50, reported=49),
            _complaint(seed.police, received, happened=22, reported=22),
            _complaint(seed.council, received, happened=8, reported=7),
        ],
    )
    case = case_acknowledge(case, by=seed.by, on=days.ago(11))
    case = case_request_information(case, by=seed.by, on=days.ago(10))
    _respond(
        seed,
        case,
        seed.police,
        on=days.ago(6),
        confirms=[
            (complaint, f"DEMO/41/33{number}")
            for number, complaint in enumerate(_stated(case, seed.police))
        ],
        actions_taken="Extra patrols on Friday and Saturday nights; two drivers warned.",
    )
    return case


def _gathering_from_partner(seed: _Seed) -> Case:
    """A housing officer applying for a shop, with requests sent yesterday."""
    days = seed.days
    received = days.ago(3)
    case = _receive(
        seed,
        channel=Channel.PARTNER_AGENCY,
        received_on=received,
        victim=Victim(
            name="Example Convenience Store",
            kind=VictimKind.BUSINESS,
            address="1 Sample Parade, Ware",
            postcode="SG12 0ZS",
            email="manager@example-store.example.com",
            phone="07700 900108",
            preferred_contact=ContactMethod.EMAIL,
        ),
        applicant=Applicant(
            name="Dev Placeholder (Demo Housing Association)",
            relationship=Relationship.PARTNER_AGENCY,
            email="dev.placeholder@example.com",
        ),
        asb_description=(
            "Shoplifting, intimidation of staff and a group gathering at the shop door in the "
            "evenings."
        ),
        location="Sample Parade, Ware",
        complaints=[
            _complaint(seed.police, received, happened=33, reported=33),
            _complaint(seed.police, received, happened=15, reported=15),
            _complaint(seed.housing, received, happened=6, reported=6),
        ],
    )
    case = case_acknowledge(case, by=seed.by, on=days.ago(2))
    return case_request_information(case, by=seed.by, on=days.ago(1))


def _met_through_threshold(seed: _Seed) -> Case:
    """Enough confirmed qualifying complaints: one incident reported to two agencies counts
    once, and a diary sheet does not count under the reference procedure. Decided within its
    deadline a week and a half ago, so the call to the victim falls due about now."""
    days = seed.days
    received = days.ago(20)
    incident = "DEMO-INCIDENT-0307"

    case = _receive(
        seed,
        channel=Channel.PHONE,
        received_on=received,
        victim=_person("Priya Sample-Jones", 109, "12 Example Court, Hertford", "SG14 0ZR"),
        asb_description=(
            "Loud parties in the flat above most weekends, with threats to the victim when she "
            "complains."
        ),
        location="Example Court, Hertford",
        alleged_responsible="The tenant of flat 16, Example Court",
        complaints=[
            _complaint(seed.police, received, happened=70, reported=69),
            _complaint(seed.police, received, happened=45, reported=45, incident_key=incident),
            _complaint(seed.housing, received, happened=45, reported=44, incident_key=incident),
            _complaint(seed.housing, received, happened=30, reported=28),
            _complaint(
                seed.housing,
                received,
                happened=12,
                reported=10,
                kind=ComplaintKind.DIARY_SHEET,
                summary="Diary sheet covering a fortnight of noise",
            ),
        ],
    )
    case = case_acknowledge(case, by=seed.by, on=days.ago(19))
    case = case_request_information(case, by=seed.by, on=days.ago(18))
    _respond(
        seed,
        case,
        seed.police,
        on=days.ago(14),
        confirms=[
            (complaint, f"DEMO/41/50{number}")
            for number, complaint in enumerate(_stated(case, seed.police))
        ],
        adds=[
            IncidentInput(
                behaviour_on=received - timedelta(days=14),
                reported_on=received - timedelta(days=13),
                agency_reference="DEMO/41/509",
                summary="Threats made at the front door",
            )
        ],
        actions_taken="Two visits; the tenant was given a community protection warning.",
    )
    _respond(
        seed,
        case,
        seed.housing,
        on=days.ago(13),
        confirms=[
            (complaint, f"DEMO-HA-{number:03d}")
            for number, complaint in enumerate(_stated(case, seed.housing))
        ],
        actions_taken="Tenancy warning issued; noise recording equipment installed.",
    )
    _the_rest_respond(seed, case, on=days.ago(12))
    return case_decide_threshold(
        case,
        by=seed.by,
        on=days.ago(7),
        route=DecisionRoute.THRESHOLD,
        met=True,
        reasons=(
            "Four qualifying complaints about separate occasions in the last six months, "
            "against a threshold of three. A review will be carried out."
        ),
        factors=Factors(
            persistence="Incidents most weekends over two months.",
            harm="Threats at the front door; the victim is afraid to leave her flat.",
            adequacy_of_response="Warnings given, but the behaviour has continued.",
        ),
    )


def _met_for_vulnerable_victim(seed: _Seed) -> Case:
    """A senior manager decides a review is needed to safeguard a vulnerable victim, below the
    threshold; the victim has since been phoned."""
    days = seed.days
    received = days.ago(11)
    case = _receive(
        seed,
        channel=Channel.SENIOR_MANAGER,
        received_on=received,
        victim=_person(
            "Arthur Example",
            110,
            "Flat 1, 30 Placeholder Street, Hertford",
            "SG13 0ZQ",
            email=False,
            preferred=ContactMethod.PHONE,
            vulnerability_notes=(
                "Lives alone with early-stage dementia; a carer visits each morning."
            ),
            support_needs="Phone calls in the afternoon; a carer present at meetings.",
        ),
        applicant=Applicant(
            name="Sam Specimen, Head of Housing and Health",
            relationship=Relationship.SENIOR_MANAGER,
            email="sam.specimen@example.com",
        ),
        asb_description=(
            "Young people knocking on the door at night, taking money and shopping from him."
        ),
        location="Placeholder Street, Hertford",
        complaints=[
            _complaint(seed.police, received, happened=6, reported=5),
        ],
    )
    case = case_acknowledge(case, by=seed.by, on=days.ago(10))
    decided = days.ago(8)
    case = case_decide_threshold(
        case,
        by=seed.by,
        on=decided,
        route=DecisionRoute.SENIOR_MANAGER_VULNERABLE_VICTIM,
        met=True,
        reasons="A review is needed to safeguard a vulnerable victim at risk of financial abuse.",
        factors=Factors(harm="Money and food taken; the victim is frightened at night."),
        senior_manager=SeniorManagerDecision(
            name="Sam Specimen, Head of Housing and Health",
            decided_on=decided,
            reasons=(
                "One reported incident so far, but the victim's vulnerability and the risk of "
                "further exploitation justify a review now."
            ),
        ),
    )
    return case_record_victim_contact(
        case,
        by=seed.by,
        on=days.ago(6),
        note="Spoke to Mr Example with his carer; explained the review and the panel meeting.",
    )


def _not_met(seed: _Seed) -> Case:
    """Two qualifying complaints, and one reported too late to count: not met."""
    days = seed.days
    received = days.ago(16)
    case = _receive(
        seed,
        channel=Channel.PHONE,
        received_on=received,
        victim=_person("Olu Demo", 111, "9 Sample Row, Ware", "SG12 0ZP"),
        asb_description="Neighbours' bonfires and garden rubbish dumped over the fence.",
        location="Sample Row, Ware",
        alleged_responsible="The household at 11 Sample Row",
        complaints=[
            _complaint(seed.police, received, happened=50, reported=49),
            _complaint(seed.council, received, happened=60, reported=20),
        ],
    )
    case = case_acknowledge(case, by=seed.by, on=days.ago(15))
    case = case_request_information(case, by=seed.by, on=days.ago(15))
    _respond(
        seed,
        case,
        seed.police,
        on=days.ago(12),
        confirms=[(c, "DEMO/41/7201") for c in _stated(case, seed.police)],
        adds=[
            IncidentInput(
                behaviour_on=received - timedelta(days=25),
                reported_on=received - timedelta(days=25),
                agency_reference="DEMO/41/7388",
                summary="Rubbish thrown over the fence",
            )
        ],
        actions_taken="Advice given to both households.",
    )
    _respond(
        seed,
        case,
        seed.council,
        on=days.ago(11),
        confirms=[(c, "DEMO-EH-ENV-1190") for c in _stated(case, seed.council)],
        actions_taken="Environmental health letter about bonfires.",
    )
    _the_rest_respond(seed, case, on=days.ago(10))
    return case_decide_threshold(
        case,
        by=seed.by,
        on=days.ago(6),
        route=DecisionRoute.THRESHOLD,
        met=False,
        reasons=(
            "Two complaints qualify; the bonfire was reported more than 30 days after it "
            "happened, so it does not count. The local threshold is three."
        ),
        factors=Factors(
            persistence="Three occasions over two months.",
            harm="Smoke and mess in the garden; no threat to safety reported.",
            adequacy_of_response="Both agencies acted on each report.",
        ),
    )


def _withdrawn(seed: _Seed) -> Case:
    """Withdrawn by the victim after the neighbour moved away."""
    days = seed.days
    received = days.ago(7)
    case = _receive(
        seed,
        channel=Channel.IN_PERSON,
        received_on=received,
        victim=_person("Kit Placeholder", 112, "2 Fictional Row, Sawbridgeworth", "CM21 0ZN"),
        asb_description="Verbal abuse in the stairwell and rubbish left outside the door.",
        location="Fictional Row, Sawbridgeworth",
        complaints=[
            _complaint(seed.housing, received, happened=18, reported=17),
        ],
    )
    case = case_acknowledge(case, by=seed.by, on=days.ago(6))
    return case_withdraw(
        case,
        by=seed.by,
        on=days.ago(1),
        reason="The neighbour has moved away and the victim no longer wants a review.",
    )


_SCENARIOS: tuple[Callable[[_Seed], Case], ...] = (
    # The closed case comes first: the declined repeat relies on it being decided and closed.
    _closed_after_not_met,
    _declined_repeat,
    _not_suitable,
    _received_today_online,
    _received_overdue_by_letter,
    _received_due_today,
    _acknowledged_third_party,
    _gathering_with_overdue_responses,
    _gathering_from_partner,
    _met_through_threshold,
    _met_for_vulnerable_victim,
    _not_met,
    _withdrawn,
)


def seed_demo_cases(area: Area, *, by: User) -> DemoResult:
    """Create the demo cases in ``area``, recorded by ``by`` (a coordinator of the area), unless
    the area already has them. All or nothing: one transaction."""
    existing = demo_cases(area).count()
    if existing:
        return DemoResult(area_name=area.name, already_present=existing)
    police = area.police_force
    council = area.council
    if police is None or council is None:
        raise ValueError(f"{area.name} needs a council and a police force for the demo cases.")
    policy_record = area.current_policy()
    if policy_record is None:
        raise ValueError(f"{area.name} has no local policy for the demo cases.")
    seed = _Seed(
        area=area,
        by=by,
        spoc=by if scope(by).has(Role.COORDINATOR, area.pk) else None,
        days=_Days(timezone.localdate(), calendar_for(area.nation)),
        policy=policy_from_dict(policy_record.rules),
        police=police,
        council=council,
        housing=_relevant_body(area, AgencyKind.HOUSING, fallback=council),
    )
    # Imported here: those scenarios are built on this module's helpers.
    from casereview.cases.demo_reviews import REVIEW_SCENARIOS

    with transaction.atomic():
        cases = [scenario(seed) for scenario in (*_SCENARIOS, *REVIEW_SCENARIOS)]
    appeals = Appeal.objects.filter(case__in=cases).values_list("status", flat=True)
    return DemoResult(
        area_name=area.name,
        created=tuple(case.reference for case in cases),
        statuses=dict(Counter(case.status for case in cases)),
        appeals=dict(Counter(appeals)),
    )
