"""The PLEDGE self-assessment checklist, as data.

ASB Help's PLEDGE (shared/seeds/000 and 002) asks an area to commit to six things; its
self-assessment checklist tests a procedure against them. Here each commitment is expanded into
concrete items an area answers Yes, Partly or No, with evidence. Where the service already holds
the evidence, an item names an ``evidence`` key: the function of that name in
``casereview.pledge.evidence`` works it out from the live data, so an area does not have to count
by hand what the system counted already.

Item codes are stable: answers are stored against them (``Answer.item``), so a code is never
reused for a different question. A question may be reworded; a new question gets a new code.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Commitment:
    number: int
    title: str | Promise
    # The commitment as the PLEDGE words it.
    text: str | Promise


@dataclass(frozen=True)
class Item:
    code: str
    commitment: int
    question: str | Promise
    # What good looks like: what an assessor would want to see before answering Yes.
    guidance: str | Promise
    # The name of an automatic evidence function in casereview.pledge.evidence, if any.
    evidence: str | None = None


COMMITMENTS: tuple[Commitment, ...] = (
    Commitment(
        1,
        _("Promote awareness"),
        _("Actively encourage the use of the Case Review to residents and partner agencies."),
    ),
    Commitment(
        2,
        _("Legality"),
        _("Confirm the area is legally compliant and embraces the spirit of the Case Review."),
    ),
    Commitment(
        3,
        _("Ensure accessibility"),
        _("Publicise the Case Review so the most vulnerable know what it is and how to use it."),
    ),
    Commitment(
        4,
        _("Develop your process"),
        _("Keep reviewing the process and learning from best practice."),
    ),
    Commitment(
        5,
        _("Generate inclusivity"),
        _("Use review meetings to work together and plan how to end the anti-social behaviour."),
    ),
    Commitment(
        6,
        _("Put victims first and deter perpetrators"),
        _(
            "Establish the Case Review as a way to put victims first and to deter the people "
            "responsible."
        ),
    ),
)

ITEMS: tuple[Item, ...] = (
    # 1. Promote awareness
    Item(
        "awareness-promoted",
        1,
        _("Is the Case Review promoted to residents?"),
        _(
            "The council's and partners' websites, ASB leaflets and letters to people who report "
            "ASB say what the Case Review is and how to ask for one, in plain words."
        ),
    ),
    Item(
        "awareness-partners",
        1,
        _("Do partner agencies know the Case Review and start one for a victim when it helps?"),
        _(
            "The procedure lets a relevant body start a review on a victim's behalf, and partners "
            "use that route."
        ),
        evidence="partner_route",
    ),
    Item(
        "awareness-staff",
        1,
        _("Are front-line staff trained to tell victims about the Case Review?"),
        _(
            "Call handlers, officers and housing staff in every relevant body know when a victim "
            "could use the Case Review and tell them about it."
        ),
    ),
    Item(
        "awareness-used",
        1,
        _("Do victims use the Case Review?"),
        _(
            "Applications arrive through the year. None at all usually means that people do not "
            "know about it."
        ),
        evidence="applications",
    ),
    # 2. Legality
    Item(
        "legality-threshold",
        2,
        _("Is the threshold no higher than three qualifying complaints?"),
        _("The law caps the threshold at three complaints; an area may set a lower number."),
        evidence="threshold",
    ),
    Item(
        "legality-windows",
        2,
        _("Are the time limits no shorter than the law's?"),
        _(
            "A complaint counts if it was made within one month of the behaviour, and the "
            "application within six months of the complaint. Shorter limits turn victims away."
        ),
        evidence="windows",
    ),
    Item(
        "legality-policy-check",
        2,
        _("Does the policy pass the policy check?"),
        _(
            "Nothing in the policy is stricter than the law: no extra conditions, no excluded "
            "kinds of complaint."
        ),
        evidence="policy_check",
    ),
    Item(
        "legality-appeals",
        2,
        _(
            "Can victims appeal against the threshold decision and against how a review was "
            "carried out?"
        ),
        _(
            "Both appeals are offered, heard by someone who took no part in the decision, and "
            "explained in every decision and outcome letter."
        ),
        evidence="appeal_route",
    ),
    Item(
        "legality-consultation",
        2,
        _(
            "Were the police and crime commissioner and social housing providers consulted on "
            "the procedure?"
        ),
        _(
            "Schedule 4 paragraphs 1 and 2 of the Act: the relevant bodies must consult the PCC "
            "and the social housing providers they choose before setting the procedure."
        ),
        evidence="consultation",
    ),
    Item(
        "legality-data",
        2,
        _("Is the area's data published at least every 12 months?"),
        _(
            "The law asks for the number of applications, the times the threshold was not met, "
            "the reviews carried out and the reviews that led to recommendations."
        ),
        evidence="data_published",
    ),
    # 3. Ensure accessibility
    Item(
        "access-channels",
        3,
        _("Can people apply in the way that suits them?"),
        _("Online, by phone, by e-mail, by letter and in person, with help if they need it."),
        evidence="channels",
    ),
    Item(
        "access-welsh",
        3,
        _("Is information available in Welsh and in other languages people need?"),
        _(
            "The public pages and letters are in English and Welsh; interpreters and other "
            "formats are offered on request."
        ),
        evidence="welsh",
    ),
    Item(
        "access-third-party",
        3,
        _("Can someone apply for a victim, with the victim's consent?"),
        _(
            "A friend, relative, carer, councillor, MP or professional can apply for the victim, "
            "and the consent is recorded."
        ),
        evidence="third_party",
    ),
    Item(
        "access-procedure",
        3,
        _("Is the procedure published where people can find it?"),
        _(
            "The local procedure, the threshold and how to apply are published, and kept up to "
            "date when the policy changes."
        ),
        evidence="procedure_published",
    ),
    # 4. Develop your process
    Item(
        "process-deadlines",
        4,
        _("Are the procedure's deadlines met?"),
        _(
            "Acknowledgements, decisions, information from partners, outcomes and appeals are on "
            "time in at least nine cases out of ten."
        ),
        evidence="deadlines_met",
    ),
    Item(
        "process-effectiveness",
        4,
        _("Is the procedure reviewed for effectiveness?"),
        _(
            "Schedule 4 paragraph 4: the relevant bodies review how well the procedure works, at "
            "least every 12 months, and change it where needed."
        ),
        evidence="effectiveness_review",
    ),
    Item(
        "process-appeals-learning",
        4,
        _("Does the area learn from appeals and from reviews?"),
        _(
            "Upheld appeals and panel recommendations lead to changes in practice, and the "
            "changes are recorded."
        ),
        evidence="appeals",
    ),
    # 5. Generate inclusivity
    Item(
        "inclusive-victim-invited",
        5,
        _("Are victims invited to the review meeting?"),
        _("The victim is invited to the first part of the meeting to speak for themselves."),
        evidence="victims_invited",
    ),
    Item(
        "inclusive-victim-heard",
        5,
        _("Are victims heard at the review, in person, by a statement or through an advocate?"),
        _(
            "Every victim who does not attend is offered a victim impact statement or an "
            "advocate, and the panel hears it."
        ),
        evidence="victims_heard",
    ),
    Item(
        "inclusive-independent-chair",
        5,
        _("Are review meetings chaired by someone independent?"),
        _("The chair comes from outside the agencies that handled the case."),
        evidence="independent_chairs",
    ),
    Item(
        "inclusive-panel",
        5,
        _("Does every panel have at least three relevant bodies?"),
        _(
            "The council, the police, health and housing sit on the panel, with other services "
            "where they can help."
        ),
        evidence="panel",
    ),
    Item(
        "inclusive-information",
        5,
        _("Do partners answer information requests on time?"),
        _(
            "Schedule 4 paragraph 7: relevant bodies supply the information asked for, within the "
            "procedure's timescale."
        ),
        evidence="information_on_time",
    ),
    # 6. Put victims first and deter perpetrators
    Item(
        "victims-outcome",
        6,
        _("Are victims told the outcome of the review on time?"),
        _(
            "The victim hears the outcome and the recommendations within the procedure's "
            "timescale, by phone and in writing."
        ),
        evidence="outcome_on_time",
    ),
    Item(
        "victims-action-plan",
        6,
        _("Are victims consulted on the action plan before it is final?"),
        _("The victim sees the draft plan and has time to comment on it."),
        evidence="action_plans_consulted",
    ),
    Item(
        "victims-second-report",
        6,
        _("Is the Case Review explained to victims who report ASB a second time?"),
        _(
            "A victim who makes a second report within six months is told about the Case Review "
            "and how to apply."
        ),
        evidence="second_reports_explained",
    ),
    Item(
        "victims-actions",
        6,
        _("Are the actions agreed at reviews carried out on time?"),
        _(
            "Each action has an owner and a date, and is done by then: this is what ends the "
            "behaviour and deters the people responsible."
        ),
        evidence="actions_on_time",
    ),
)

BY_CODE: dict[str, Item] = {item.code: item for item in ITEMS}

# Points per answer: a full Yes scores twice a Partly.
POINTS = {"yes": 2, "partly": 1, "no": 0}
MAX_POINTS_PER_ITEM = max(POINTS.values())


def item(code: str) -> Item | None:
    return BY_CODE.get(code)


def items_of(commitment: int) -> list[Item]:
    return [entry for entry in ITEMS if entry.commitment == commitment]


def next_item(code: str) -> Item | None:
    """The item after ``code`` in checklist order; None after the last."""
    codes = [entry.code for entry in ITEMS]
    index = codes.index(code)
    return ITEMS[index + 1] if index + 1 < len(ITEMS) else None
