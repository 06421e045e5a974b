"""What is counted for an area and a period, and what each count means.

``Figures`` is the one shape the statistics come in: ``casereview.publishing.statistics`` computes
it from the case history, a release stores it (``Figures.to_dict``), disclosure control turns it into
the published document, and the pages, open data, charts, returns and the PLEDGE read it. Every
figure has a written definition here, shown beside it wherever it is shown, so a reader can check
how it was counted and anyone can reproduce it from the case history.

The four statutory counts (s.104(10) of the 2014 Act: applications, times the threshold was not
met, reviews carried out, reviews resulting in recommendations) are published as they are.
Breakdowns (``BREAKDOWNS``) split applications by how they came and by who the victim is: they are
published only through disclosure control (small numbers suppressed). Everything in ``Internal`` is
for the area's own use and is never published.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from casereview.publishing.periods import Period, PeriodKind

STATUTORY_KEYS = (
    "applications",
    "threshold_not_met",
    "reviews_carried_out",
    "reviews_with_recommendations",
)

# Breakdown name -> the codes of its cells, in the order they are shown. Codes are stable: they are
# part of the open data schema. Every application falls in exactly one cell of each breakdown, so a
# breakdown's cells add up to ``applications``.
BREAKDOWNS: Mapping[str, tuple[str, ...]] = {
    # How the application reached the council (casereview.cases.models.Channel).
    "channel": (
        "online",
        "phone",
        "email",
        "letter",
        "in_person",
        "partner_agency",
        "senior_manager",
    ),
    # Who applied: the victim themselves, someone for them with their consent, a partner agency or
    # a senior manager (casereview.cases.models.Case.applicant_is_victim / applicant_relationship).
    "applicant": ("victim", "someone_for_them", "partner_agency", "senior_manager"),
    # Who the victim is (casereview.cases.models.VictimKind): a characteristic of the victim.
    "victim_kind": ("person", "business", "community_group"),
}


@dataclass(frozen=True)
class Statutory:
    """The four counts the law requires every area to publish."""

    applications: int = 0
    threshold_not_met: int = 0
    reviews_carried_out: int = 0
    reviews_with_recommendations: int = 0


@dataclass(frozen=True)
class Internal:
    """Figures for the area's own use (never published). Medians are in working days of the
    area's calendar; None when there is nothing to take a median of."""

    # Threshold decisions made in the period (met and not met, including decisions made again).
    decisions: int = 0
    threshold_met: int = 0
    # First decisions made in the period on or before their due date.
    first_decisions: int = 0
    first_decisions_in_time: int = 0
    median_working_days_to_decision: float | None = None
    # Outcomes of reviews sent to the victim in the period, and the median working days from the
    # application's receipt to the outcome being sent.
    outcomes_sent: int = 0
    median_working_days_to_outcome: float | None = None
    not_suitable: int = 0
    declined_as_repeat: int = 0
    withdrawn: int = 0
    # Appeals received in the period by ground, and appeals decided in the period by result.
    appeals_received_threshold_decision: int = 0
    appeals_received_review_conduct: int = 0
    appeals_upheld: int = 0
    appeals_not_upheld: int = 0
    # Of the review meetings held in the period: the victim invited to the first part, the victim
    # attended, a victim impact statement given, an independent chair.
    meetings_victim_invited: int = 0
    meetings_victim_attended: int = 0
    meetings_victim_statement: int = 0
    meetings_independent_chair: int = 0


_FIELD_NAMES: dict[type, tuple[str, ...]] = {
    kind: tuple(f.name for f in fields(kind)) for kind in (Statutory, Internal)
}


def _numbers(counts: Statutory | Internal) -> dict[str, int | float | None]:
    """The counts as a dict, as ``asdict`` gives them, without its deep copy of every number
    (a third of the time of the national figures, done for every area)."""
    return {name: getattr(counts, name) for name in _FIELD_NAMES[type(counts)]}


@dataclass(frozen=True)
class Figures:
    """All the figures of one area for one period, as computed from the case history."""

    period: Period
    statutory: Statutory
    breakdowns: dict[str, dict[str, int]] = field(default_factory=dict)
    internal: Internal = Internal()

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period.to_dict(),
            "statutory": _numbers(self.statutory),
            "breakdowns": {
                name: {code: self.breakdowns.get(name, {}).get(code, 0) for code in codes}
                for name, codes in BREAKDOWNS.items()
            },
            "internal": _numbers(self.internal),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Figures:
        period = Period.from_slug(data["period"]["slug"])
        if period is None or period.kind != PeriodKind(data["period"]["kind"]):
            raise ValueError("unknown period in stored figures")
        return cls(
            period=period,
            statutory=Statutory(**data["statutory"]),
            breakdowns={name: dict(cells) for name, cells in data["breakdowns"].items()},
            internal=Internal(**data["internal"]),
        )


@dataclass(frozen=True)
class Definition:
    key: str
    label: str | Promise
    text: str | Promise


STATUTORY_DEFINITIONS: tuple[Definition, ...] = (
    Definition(
        "applications",
        _("Applications"),
        _(
            "Applications for a Case Review received in the period, counted by the date the "
            "council received them. Every application counts, including those later found not "
            "suitable, declined as a repeat or withdrawn."
        ),
    ),
    Definition(
        "threshold_not_met",
        _("Threshold not met"),
        _(
            "Decisions made in the period that an application did not meet the threshold for a "
            "review, counted by the date of the decision. A decision made again after an appeal "
            "is counted again."
        ),
    ),
    Definition(
        "reviews_carried_out",
        _("Case reviews carried out"),
        _(
            "Review meetings held in the period, counted by the date the meeting was held. A "
            "review held again after an appeal about how it was carried out is counted again."
        ),
    ),
    Definition(
        "reviews_with_recommendations",
        _("Reviews resulting in recommendations"),
        _(
            "Of the case reviews carried out in the period, those whose meeting made at least one "
            "recommendation to a relevant body or another person."
        ),
    ),
)

BREAKDOWN_TITLES: Mapping[str, Promise] = {
    "channel": _("Applications by how they were made"),
    "applicant": _("Applications by who applied"),
    "victim_kind": _("Applications by who the victim is"),
}

CELL_LABELS: Mapping[str, Mapping[str, Promise]] = {
    "channel": {
        "online": _("Online"),
        "phone": _("Phone"),
        "email": _("E-mail"),
        "letter": _("Letter"),
        "in_person": _("In person"),
        "partner_agency": _("Partner agency"),
        "senior_manager": _("Senior manager"),
    },
    "applicant": {
        "victim": _("The victim"),
        "someone_for_them": _("Someone for the victim, with their consent"),
        "partner_agency": _("A partner agency"),
        "senior_manager": _("A senior manager"),
    },
    "victim_kind": {
        "person": _("A person"),
        "business": _("A business"),
        "community_group": _("A community group"),
    },
}

BREAKDOWN_DEFINITION = _(
    "Applications received in the period (as counted above), each in exactly one row. Numbers "
    "from 1 to %(threshold)s less one are not shown, and where needed another number is not "
    "shown either, so that no one can work out a small number by subtraction, in this release or "
    "by comparing it with another."
)

INTERNAL_DEFINITIONS: tuple[Definition, ...] = (
    Definition(
        "decisions",
        _("Threshold decisions"),
        _("Threshold decisions made in the period, met or not, including decisions made again."),
    ),
    Definition(
        "threshold_met",
        _("Threshold met"),
        _("Decisions made in the period that the threshold was met, by any route."),
    ),
    Definition(
        "first_decisions",
        _("First decisions"),
        _("Applications whose first threshold decision was made in the period."),
    ),
    Definition(
        "first_decisions_in_time",
        _("First decisions within timescale"),
        _(
            "Of the first decisions, those made on or before the due date set by the policy the "
            "case was received under."
        ),
    ),
    Definition(
        "median_working_days_to_decision",
        _("Median working days to decision"),
        _("From receipt to the first threshold decision, for first decisions made in the period."),
    ),
    Definition(
        "outcomes_sent",
        _("Outcomes sent"),
        _("Review outcomes sent to the victim in the period."),
    ),
    Definition(
        "median_working_days_to_outcome",
        _("Median working days to outcome"),
        _("From receipt to the review outcome being sent, for outcomes sent in the period."),
    ),
    Definition(
        "not_suitable",
        _("Not suitable"),
        _("Applications found not suitable for a review in the period."),
    ),
    Definition(
        "declined_as_repeat",
        _("Declined as a repeat"),
        _("Repeat applications declined in the period."),
    ),
    Definition("withdrawn", _("Withdrawn"), _("Applications withdrawn in the period.")),
    Definition(
        "appeals_received_threshold_decision",
        _("Appeals against a threshold decision"),
        _("Appeals against a decision that the threshold was not met, received in the period."),
    ),
    Definition(
        "appeals_received_review_conduct",
        _("Appeals about how a review was carried out"),
        _("Appeals about how a review was carried out, received in the period."),
    ),
    Definition(
        "appeals_upheld", _("Appeals upheld"), _("Appeals decided in the period and upheld.")
    ),
    Definition(
        "appeals_not_upheld",
        _("Appeals not upheld"),
        _("Appeals decided in the period and not upheld."),
    ),
    Definition(
        "meetings_victim_invited",
        _("Victim invited to the meeting"),
        _("Review meetings held in the period to whose first part the victim was invited."),
    ),
    Definition(
        "meetings_victim_attended",
        _("Victim attended"),
        _("Review meetings held in the period that the victim attended."),
    ),
    Definition(
        "meetings_victim_statement",
        _("Victim impact statement given"),
        _("Review meetings held in the period for which the victim gave an impact statement."),
    ),
    Definition(
        "meetings_independent_chair",
        _("Independent chair"),
        _("Review meetings held in the period chaired by someone independent of the partners."),
    ),
)
