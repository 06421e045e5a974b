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

    @classmethod
    def from_record(
        cls,
        id: str,
        behaviour_date: date,
        reported_date: date,
        agency: str,
        incident: str,
        kind: ComplaintKind,
    ) -> Complaint:
        """The same complaint as ``Complaint(...)``, with the same check, built for a caller
        that makes thousands from stored records whose fields already have the right types: the
        frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, which
        cost more than evaluating the complaint (bench/fixes/b1_b2.toml)."""
        if reported_date < behaviour_date:
            raise ValueError(f"complaint {id}: reported before the behaviour it reports")
        complaint = object.__new__(cls)
        complaint.__dict__.update(
            id=id,
            behaviour_date=behaviour_date,
            reported_date=reported_date,
            agency=agency,
            incident=incident,
            kind=kind,
        )
        return complaint


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
    _check_ids(items)
    own, deadlines, groups_of = _own_reasons(application_date, items, policy)
    counted_index, qualifying_count = _group(own, groups_of, range(len(items)), items)
    return _Classified(items, own, deadlines, counted_index, qualifying_count)


def _check_ids(items: Sequence[Complaint]) -> None:
    seen: set[str] = set()
    for complaint in items:
        if complaint.id in seen:
            raise ValueError(f"complaint id {complaint.id!r} is used more than once")
        seen.add(complaint.id)


def _own_reasons(
    application_date: date, items: Sequence[Complaint], policy: LocalPolicy
) -> tuple[list[tuple[Reason, ...]], list[tuple[date, date]], list[tuple[str, object]]]:
    """Each complaint's own reasons (in ``Reason`` order), deadlines and group: a shared
    incident key; else, under the same-day rule, the behaviour date; else itself. None of these
    depends on the other complaints, so one pass serves every subset evaluated (``_group``)."""
    # Deadlines depend only on a date and a complaint set reuses a few hundred dates, so each is
    # computed once per call. This loop runs once per complaint: it is written flat, because at
    # 100,000 complaints every function call and list in it shows.
    own: list[tuple[Reason, ...]] = []
    deadlines: list[tuple[date, date]] = []
    groups_of: list[tuple[str, object]] = []
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
        if key:
            groups_of.append(("incident", key))
        elif same_day:
            groups_of.append(("day", behaviour))
        else:
            groups_of.append(("single", index))
    return own, deadlines, groups_of


def _group(
    own: Sequence[tuple[Reason, ...]],
    groups_of: Sequence[tuple[str, object]],
    chosen: Iterable[int],
    items: Sequence[Complaint],
) -> tuple[list[int], int]:
    """Group the complaints at positions ``chosen`` (ascending) of ``items``: for each of them,
    in that order, the position among them of the complaint counted for its group, and the
    number of counted qualifying complaints."""
    groups: dict[tuple[str, object], list[int]] = {}
    positions: list[int] = []
    for position, index in enumerate(chosen):
        positions.append(index)
        group = groups_of[index]
        members = groups.get(group)
        if members is None:
            groups[group] = [position]
        else:
            members.append(position)

    counted_index: list[int] = [0] * len(positions)
    reported_of = [items[index].reported_date for index in positions].__getitem__
    for members in groups.values():
        if len(members) == 1:
            counted_index[members[0]] = members[0]
            continue
        eligible = [position for position in members if not own[positions[position]]]
        pool = eligible or members
        # Earliest reported, then input order: ``members`` are in input order and ``min`` keeps
        # the first of equal keys, so the position is the tie-breaker.
        counted = min(pool, key=reported_of)
        for position in members:
            counted_index[position] = counted

    qualifying_count = sum(
        1
        for position, counted in enumerate(counted_index)
        if counted == position and not own[positions[position]]
    )
    return counted_index, qualifying_count


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
    return _result(application_date, _classify(application_date, complaints, policy), policy)


def evaluate_threshold_and_count(
    application_date: date,
    complaints: Iterable[Complaint],
    include: Sequence[bool],
    policy: LocalPolicy = STATUTORY_DEFAULTS,
) -> tuple[ThresholdResult, ThresholdCount]:
    """``evaluate_threshold`` of the complaints whose ``include`` flag is set (in order), and
    ``count_qualifying`` of all of them: the same two answers, from one pass over each
    complaint's own reasons and deadlines (they do not depend on the other complaints) and a
    grouping per set. A case's confirmed complaints, and all of them "if all were confirmed"."""
    items = list(complaints)
    if len(include) != len(items):
        raise ValueError("give one include flag per complaint")
    _check_ids(items)
    own, deadlines, groups_of = _own_reasons(application_date, items, policy)
    counted_all, count_all = _group(own, groups_of, range(len(items)), items)
    applied = policy.applied_threshold
    everything = ThresholdCount(
        threshold_met=count_all >= applied, threshold=applied, qualifying_count=count_all
    )
    chosen = [index for index, flag in enumerate(include) if flag]
    if len(chosen) == len(items):
        subset = _Classified(items, own, deadlines, counted_all, count_all)
    else:
        counted_index, qualifying_count = _group(own, groups_of, chosen, items)
        subset = _Classified(
            [items[index] for index in chosen],
            [own[index] for index in chosen],
            [deadlines[index] for index in chosen],
            counted_index,
            qualifying_count,
        )
    return _result(application_date, subset, policy), everything


def _result(
    application_date: date, classified: _Classified, policy: LocalPolicy
) -> ThresholdResult:
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
