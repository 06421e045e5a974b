"""Qualifying complaints and the threshold for a review (s.104(4) and s.104(11) of the 2014 Act).

A complaint qualifies when all of these hold (boundaries inclusive; months are calendar months,
clamped to the end of a shorter month):

- it was reported within the policy's report window of the behaviour (``reported_late``);
- the application date is within the policy's application window of the report (``too_old``);
- it is not a diary sheet, where the policy says diary sheets do not count (``diary_sheet``);
- it was not reported after the application date (``after_application``).

Complaints about one incident count once. Two complaints are one incident when they share a
non-empty ``incident`` key; when neither has a key and the policy's same-day rule holds, complaints
about behaviour on the same date are one occasion. Of each group one complaint is ``counted``: the
earliest-reported qualifying one (ties broken by input order), or the earliest-reported one when
none qualifies. The others point at it through ``same_as`` and gain the ``duplicate`` reason;
their own ``qualifying`` flag still says whether they would qualify on their own.

The threshold applied is the policy's number capped at the law's three. Evaluation is one pass
over the complaints plus a dictionary of groups: linear time, deterministic for a given input.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from casereview.rules.dates import add_months
from casereview.rules.policy import (
    STATUTORY_APPLICATION_WINDOW_MONTHS,
    STATUTORY_DEFAULTS,
    STATUTORY_MAX_THRESHOLD,
    STATUTORY_REPORT_WINDOW_MONTHS,
    LocalPolicy,
)

SECTION_THRESHOLD = "Anti-social Behaviour, Crime and Policing Act 2014, s.104(4)"
SECTION_QUALIFYING = "Anti-social Behaviour, Crime and Policing Act 2014, s.104(11)"

# Warnings name at most this many complaints, so that a large import stays readable.
_NAMED_IN_WARNING = 10


class ComplaintKind(StrEnum):
    COMPLAINT = "complaint"
    DIARY_SHEET = "diary_sheet"


class Reason(StrEnum):
    """Why a complaint does not qualify or is not counted; declaration order is output order."""

    REPORTED_LATE = "reported_late"
    TOO_OLD = "too_old"
    DIARY_SHEET = "diary_sheet"
    DUPLICATE = "duplicate"
    AFTER_APPLICATION = "after_application"


_REASON_ORDER = {reason: position for position, reason in enumerate(Reason)}


@dataclass(frozen=True)
class Complaint:
    """One report of the behaviour to a relevant body."""

    id: str
    behaviour_date: date
    reported_date: date
    agency: str
    incident: str = ""
    kind: ComplaintKind = ComplaintKind.COMPLAINT

    def __post_init__(self) -> None:
        if self.reported_date < self.behaviour_date:
            raise ValueError(f"complaint {self.id}: reported before the behaviour it reports")


@dataclass(frozen=True)
class ComplaintOutcome:
    id: str
    qualifying: bool
    counted: bool
    same_as: str | None
    reasons: tuple[Reason, ...]
    # The last day the complaint could have been reported, and the last application date that
    # could rely on it: what a letter explaining the decision needs.
    report_by: date
    apply_by: date


@dataclass(frozen=True)
class ThresholdResult:
    threshold_met: bool
    threshold: int  # the threshold applied: the policy's number capped at three
    policy_threshold: int  # the number the policy asked for
    qualifying_count: int
    complaints: tuple[ComplaintOutcome, ...]
    warnings: tuple[str, ...]


def _named(noun: str, ids: Sequence[str]) -> str:
    """'Complaint c3 was' or 'Complaints c1, c2 were', naming at most a few."""
    if len(ids) == 1:
        return f"{noun} {ids[0]} was"
    shown = ", ".join(ids[:_NAMED_IN_WARNING])
    more = len(ids) - _NAMED_IN_WARNING
    listed = f"{shown} and {more} more" if more > 0 else shown
    return f"{noun}s {listed} were"


def _stricter_than_law_warnings(
    complaints: Sequence[Complaint],
    own: Sequence[Sequence[Reason]],
    application_date: date,
    policy: LocalPolicy,
) -> list[str]:
    """Name complaints that a local rule stricter than the law shut out, so that a decision
    never rests on such a rule without anyone noticing."""
    late: list[str] = []
    old: list[str] = []
    diary: list[str] = []
    for complaint, reasons in zip(complaints, own, strict=True):
        if not reasons:
            continue
        if Reason.REPORTED_LATE in reasons and complaint.reported_date <= add_months(
            complaint.behaviour_date, STATUTORY_REPORT_WINDOW_MONTHS
        ):
            late.append(complaint.id)
        if Reason.TOO_OLD in reasons and application_date <= add_months(
            complaint.reported_date, STATUTORY_APPLICATION_WINDOW_MONTHS
        ):
            old.append(complaint.id)
        if Reason.DIARY_SHEET in reasons:
            diary.append(complaint.id)
    warnings = []
    if late:
        warnings.append(
            f"{_named('Complaint', late)} reported outside the local window of "
            f"{policy.report_within.describe()} but within the one month the law allows "
            f"({SECTION_QUALIFYING})."
        )
    if old:
        warnings.append(
            f"{_named('Complaint', old)} made more than {policy.application_within_months} "
            "months before the application (the local window) but within the six months the law "
            "allows "
            f"({SECTION_QUALIFYING})."
        )
    if diary:
        warnings.append(
            f"{_named('Diary sheet', diary)} not counted because the local policy says so; "
            f"the law does not exclude them ({SECTION_QUALIFYING})."
        )
    return warnings


@dataclass(frozen=True)
class ThresholdCount:
    """Whether the threshold is met and how many complaints count: ``evaluate_threshold``'s
    verdict without the per-complaint outcomes (``count_qualifying``)."""

    threshold_met: bool
    threshold: int
    qualifying_count: int


@dataclass(frozen=True)
class _Classified:
    """Each complaint's own reasons (in ``Reason`` order) and deadlines, the index of the
    complaint counted for its group, and the number of counted qualifying complaints."""

    items: list[Complaint]
    own: list[tuple[Reason, ...]]
    deadlines: list[tuple[date, date]]
    counted_index: list[int]
    qualifying_count: int


def _classify(
    application_date: date, complaints: Iterable[Complaint], policy: LocalPolicy
) -> _Classified:
    items = list(complaints)
    seen: set[str] = set()
    for complaint in items:
        if complaint.id in seen:
            raise ValueError(f"complaint id {complaint.id!r} is used more than once")
        seen.add(complaint.id)

    # One pass: each complaint's own reasons and deadlines, and its group (a shared incident
    # key; else, under the same-day rule, the behaviour date; else itself). Deadlines depend only
    # on a date and a complaint set reuses a few hundred dates, so each is computed once per
    # call. This loop runs once per complaint: it is written flat, because at 100,000
    # complaints every function call and list in it shows.
    own: list[tuple[Reason, ...]] = []
    deadlines: list[tuple[date, date]] = []
    groups: dict[tuple[str, object], list[int]] = {}
    report_by_of: dict[date, date] = {}
    apply_by_of: dict[date, date] = {}
    last_day = policy.report_within.last_day
    application_deadline = policy.application_deadline
    diary_excluded = not policy.diary_sheets_count
    same_day = policy.same_day_is_same_occasion
    no_reasons: tuple[Reason, ...] = ()
    for index, complaint in enumerate(items):
        behaviour = complaint.behaviour_date
        reported = complaint.reported_date
        report_by = report_by_of.get(behaviour)
        if report_by is None:
            report_by = report_by_of[behaviour] = last_day(behaviour)
        apply_by = apply_by_of.get(reported)
        if apply_by is None:
            apply_by = apply_by_of[reported] = application_deadline(reported)
        late = reported > report_by
        old = application_date > apply_by
        diary = diary_excluded and complaint.kind is ComplaintKind.DIARY_SHEET
        after = reported > application_date
        if late or old or diary or after:
            found: list[Reason] = []
            if late:
                found.append(Reason.REPORTED_LATE)
            if old:
                found.append(Reason.TOO_OLD)
            if diary:
                found.append(Reason.DIARY_SHEET)
            if after:
                found.append(Reason.AFTER_APPLICATION)
            own.append(tuple(found))
        else:
            own.append(no_reasons)
        deadlines.append((report_by, apply_by))
        key = complaint.incident.strip()
        group: tuple[str, object]
        if key:
            group = ("incident", key)
        elif same_day:
            group = ("day", behaviour)
        else:
            group = ("single", index)
        members = groups.get(group)
        if members is None:
            groups[group] = [index]
        else:
            members.append(index)

    counted_index: list[int] = [0] * len(items)
    reported_of = [complaint.reported_date for complaint in items].__getitem__
    for members in groups.values():
        if len(members) == 1:
            counted_index[members[0]] = members[0]
            continue
        eligible = [index for index in members if not own[index]]
        pool = eligible or members
        # Earliest reported, then input order: ``members`` are in input order and ``min`` keeps
        # the first of equal keys, so the index is the tie-breaker.
        chosen = min(pool, key=reported_of)
        for index in members:
            counted_index[index] = chosen

    qualifying_count = sum(
        1 for index, chosen in enumerate(counted_index) if chosen == index and not own[index]
    )
    return _Classified(items, own, deadlines, counted_index, qualifying_count)


def count_qualifying(
    application_date: date,
    complaints: Iterable[Complaint],
    policy: LocalPolicy = STATUTORY_DEFAULTS,
) -> ThresholdCount:
    """``evaluate_threshold``'s verdict and count, from the same classification, without
    building an outcome per complaint: for a caller that needs only the numbers."""
    classified = _classify(application_date, complaints, policy)
    applied = policy.applied_threshold
    return ThresholdCount(
        threshold_met=classified.qualifying_count >= applied,
        threshold=applied,
        qualifying_count=classified.qualifying_count,
    )


def evaluate_threshold(
    application_date: date,
    complaints: Iterable[Complaint],
    policy: LocalPolicy = STATUTORY_DEFAULTS,
) -> ThresholdResult:
    """Which complaints qualify and count, and whether the threshold is met (module docstring)."""
    classified = _classify(application_date, complaints, policy)
    items, own, deadlines = classified.items, classified.own, classified.deadlines
    counted_index = classified.counted_index
    outcomes = []
    # A duplicate's reasons are its own plus ``duplicate``, in ``Reason`` order; there are only a
    # few distinct sets of own reasons, so each such tuple is made once.
    as_duplicate: dict[tuple[Reason, ...], tuple[Reason, ...]] = {}
    for index, complaint in enumerate(items):
        reasons = own[index]
        chosen = counted_index[index]
        counted = chosen == index
        qualifying = not reasons
        report_by, apply_by = deadlines[index]
        if counted:
            outcomes.append(
                ComplaintOutcome(complaint.id, qualifying, True, None, reasons, report_by, apply_by)
            )
        else:
            with_duplicate = as_duplicate.get(reasons)
            if with_duplicate is None:
                with_duplicate = as_duplicate[reasons] = tuple(
                    sorted((*reasons, Reason.DUPLICATE), key=_REASON_ORDER.__getitem__)
                )
            outcomes.append(
                ComplaintOutcome(
                    complaint.id,
                    qualifying,
                    False,
                    items[chosen].id,
                    with_duplicate,
                    report_by,
                    apply_by,
                )
            )

    applied = policy.applied_threshold
    warnings: list[str] = []
    if policy.threshold > STATUTORY_MAX_THRESHOLD:
        warnings.append(
            f"The local policy asks for {policy.threshold} qualifying complaints; the law caps "
            f"the threshold at {STATUTORY_MAX_THRESHOLD} ({SECTION_THRESHOLD}), so "
            f"{STATUTORY_MAX_THRESHOLD} was applied."
        )
    warnings.extend(_stricter_than_law_warnings(items, own, application_date, policy))

    return ThresholdResult(
        threshold_met=classified.qualifying_count >= applied,
        threshold=applied,
        policy_threshold=policy.threshold,
        qualifying_count=classified.qualifying_count,
        complaints=tuple(outcomes),
        warnings=tuple(warnings),
    )
