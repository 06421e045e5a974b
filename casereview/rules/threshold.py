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
from itertools import compress, count, repeat
from operator import and_, eq, gt, lt, not_

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

# Building a frozen dataclass through its ``__init__`` sets each field with
# ``object.__setattr__``; the engine makes one complaint or outcome per input complaint, and at a
# thousand complaints that cost more than deciding what goes in them. ``Complaint.from_record``
# and ``_result`` give each instance its whole ``__dict__`` at once instead: the same fields,
# equal and hashing alike (tests/rules/test_threshold_fast_paths.py).
_new = object.__new__
_set = object.__setattr__


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
        complaint = _new(cls)
        _set(
            complaint,
            "__dict__",
            {
                "id": id,
                "behaviour_date": behaviour_date,
                "reported_date": reported_date,
                "agency": agency,
                "incident": incident,
                "kind": kind,
            },
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
    columns: _Columns,
    flags: Sequence[int],
    application_date: date,
    policy: LocalPolicy,
) -> list[str]:
    """Name complaints that a local rule stricter than the law shut out, so that a decision
    never rests on such a rule without anyone noticing."""
    ids = columns.ids
    # Only complaints with the reason in question are candidates (``_REASONS_BY_FLAGS``), picked
    # out by ``compress`` rather than a Python test per complaint; and a local window at least as
    # long as the law's cannot shut out what the law lets in (calendar months only grow), so
    # then there is nothing to look for.
    window = policy.report_within
    late: list[str] = []
    if window.months is None or window.months < STATUTORY_REPORT_WINDOW_MONTHS:
        late = _let_in_by_law(
            columns,
            flags,
            _LATE,
            columns.behaviour,
            columns.reported,
            STATUTORY_REPORT_WINDOW_MONTHS,
        )
    old: list[str] = []
    if policy.application_within_months < STATUTORY_APPLICATION_WINDOW_MONTHS:
        old = _let_in_by_law(
            columns,
            flags,
            _TOO_OLD,
            columns.reported,
            application_date,
            STATUTORY_APPLICATION_WINDOW_MONTHS,
        )
    diary = [ids[index] for index in compress(count(), map(and_, flags, repeat(_DIARY)))]
    return _stricter_than_law_text(late, old, diary, policy)


def _let_in_by_law(
    columns: _Columns,
    flags: Sequence[int],
    flag: int,
    starts: Sequence[date],
    ends: Sequence[date] | date,
    months: int,
) -> list[str]:
    """The ids of the complaints marked ``flag`` whose end (their own in ``ends``, or one day for
    all) falls within the law's ``months`` of their start: those the local rule shut out but the
    law would have let in. The law's limit is worked out once per distinct start date."""
    limits: dict[date, date] = {}
    found: list[str] = []
    for index in compress(count(), map(and_, flags, repeat(flag))):
        start = starts[index]
        limit = limits.get(start)
        if limit is None:
            limit = limits[start] = add_months(start, months)
        end = ends if isinstance(ends, date) else ends[index]
        if end <= limit:
            found.append(columns.ids[index])
    return found


def _stricter_than_law_text(
    late: Sequence[str], old: Sequence[str], diary: Sequence[str], policy: LocalPolicy
) -> list[str]:
    """The warnings naming the complaints a stricter local window or the local rule on diary
    sheets shut out."""
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


_KIND_VALUES = frozenset(kind.value for kind in ComplaintKind)
_DIARY_SHEET: str = ComplaintKind.DIARY_SHEET.value


@dataclass(frozen=True)
class _Columns:
    """Complaints field by field, by position: what evaluation reads of them (the agency plays
    no part). ``kinds`` holds ``ComplaintKind`` members or their values."""

    ids: Sequence[str]
    behaviour: Sequence[date]
    reported: Sequence[date]
    incidents: Sequence[str]
    kinds: Sequence[str]

    @classmethod
    def of(cls, items: Sequence[Complaint]) -> _Columns:
        return cls(
            [complaint.id for complaint in items],
            [complaint.behaviour_date for complaint in items],
            [complaint.reported_date for complaint in items],
            [complaint.incident for complaint in items],
            [complaint.kind for complaint in items],
        )

    def subset(self, include: Sequence[bool]) -> _Columns:
        return _Columns(
            list(compress(self.ids, include)),
            list(compress(self.behaviour, include)),
            list(compress(self.reported, include)),
            list(compress(self.incidents, include)),
            list(compress(self.kinds, include)),
        )


@dataclass(frozen=True)
class _Classified:
    """Each complaint's own reasons (in ``Reason`` order) and deadlines, the position of the
    complaint counted for its group, and the number of counted qualifying complaints."""

    columns: _Columns
    own: list[tuple[Reason, ...]]
    flags: list[int]  # the same reasons as bits (``_REASONS_BY_FLAGS``)
    report_by: list[date]
    apply_by: list[date]
    counted_index: list[int]
    qualifying_count: int


@dataclass(frozen=True)
class _Own:
    """What each complaint is on its own, by position (``_own_reasons``)."""

    own: list[tuple[Reason, ...]]
    flags: list[int]  # the same reasons as bits (``_REASONS_BY_FLAGS``)
    report_by: list[date]
    apply_by: list[date]
    # The complaint's group: its incident key (a str), or under the same-day rule its behaviour
    # date (a date: never equal to a key), or None when it is a group of its own.
    group: list[str | date | None]


def _classify(
    application_date: date, complaints: Iterable[Complaint], policy: LocalPolicy
) -> _Classified:
    columns = _Columns.of(list(complaints))
    _check_ids(columns.ids)
    found = _own_reasons(application_date, columns, policy)
    return _grouped(columns, found, list(map(not_, found.flags)))


def _grouped(columns: _Columns, found: _Own, eligible: list[bool]) -> _Classified:
    """Every complaint of ``columns`` classified: its own reasons (``found``) and the grouping
    of those ``eligible``."""
    counted_index, qualifying_count = _group(found.group, eligible, columns.reported)
    return _Classified(
        columns,
        found.own,
        found.flags,
        found.report_by,
        found.apply_by,
        counted_index,
        qualifying_count,
    )


def _check_ids(ids: Sequence[str]) -> None:
    if len(set(ids)) == len(ids):
        return
    seen: set[str] = set()
    for id in ids:
        if id in seen:
            raise ValueError(f"complaint id {id!r} is used more than once")
        seen.add(id)


# A complaint's own reasons as bits, in ``Reason`` order; ``_REASONS_BY_FLAGS[flags]`` is the
# tuple of reasons for each combination.
_LATE, _TOO_OLD, _DIARY, _AFTER = 1, 2, 4, 8
_REASONS_BY_FLAGS: tuple[tuple[Reason, ...], ...] = tuple(
    tuple(
        reason
        for bit, reason in (
            (_LATE, Reason.REPORTED_LATE),
            (_TOO_OLD, Reason.TOO_OLD),
            (_DIARY, Reason.DIARY_SHEET),
            (_AFTER, Reason.AFTER_APPLICATION),
        )
        if flags & bit
    )
    for flags in range(16)
)
# A duplicate's reasons: its own plus ``duplicate``, in ``Reason`` order, by its own flags.
_WITH_DUPLICATE_BY_FLAGS: tuple[tuple[Reason, ...], ...] = tuple(
    tuple(sorted((*reasons, Reason.DUPLICATE), key=_REASON_ORDER.__getitem__))
    for reasons in _REASONS_BY_FLAGS
)


def _own_reasons(application_date: date, columns: _Columns, policy: LocalPolicy) -> _Own:
    """Each complaint's own reasons (in ``Reason`` order), deadlines and group. None of these
    depends on the other complaints, so one pass serves every subset evaluated (``_group``)."""
    # Deadlines depend only on a date and a complaint set reuses a few hundred dates, so each is
    # computed once per distinct date. The rest is a few passes over whole columns with ``map``
    # over built-in operations rather than one Python loop with a branch per field: at 100,000
    # complaints every Python-level step per complaint shows.
    behaviour, reported = columns.behaviour, columns.reported
    last_day = policy.report_within.last_day
    application_deadline = policy.application_deadline
    report_by_of = {day: last_day(day) for day in set(behaviour)}
    apply_by_of = {day: application_deadline(day) for day in set(reported)}
    report_by = list(map(report_by_of.__getitem__, behaviour))
    apply_by = list(map(apply_by_of.__getitem__, reported))
    late = map(gt, reported, report_by)  # reported after the report window's last day
    old = map(gt, repeat(application_date), apply_by)  # applied after the application window's
    after = map(gt, reported, repeat(application_date))  # reported after the application
    # The flags' bits: _LATE 1, _TOO_OLD 2, _DIARY 4, _AFTER 8.
    if policy.diary_sheets_count:
        flags = [a + 2 * b + 8 * c for a, b, c in zip(late, old, after, strict=True)]
    else:
        diary = map(eq, columns.kinds, repeat(_DIARY_SHEET))
        flags = [
            a + 2 * b + 4 * d + 8 * c for a, b, d, c in zip(late, old, diary, after, strict=True)
        ]
    own = list(map(_REASONS_BY_FLAGS.__getitem__, flags))
    keys = list(map(str.strip, columns.incidents))
    groups: list[str | date | None]
    if policy.same_day_is_same_occasion:
        groups = [key or day for key, day in zip(keys, behaviour, strict=True)]
    else:
        groups = [key or None for key in keys]
    return _Own(own, flags, report_by, apply_by, groups)


def _group(
    groups: Sequence[str | date | None], eligible: Sequence[bool], reported: Sequence[date]
) -> tuple[list[int], int]:
    """For each complaint (by position), the position of the complaint counted for its group,
    and the number of counted qualifying complaints. ``eligible``: whether each qualifies on
    its own. The counted one is the earliest-reported eligible member, else the earliest-reported
    member; ties go to the earlier position."""
    # One pass in position order keeps each group's best so far: a later member replaces it only
    # when strictly better, so among equals the earlier position stays (the tie-break).
    best: dict[str | date | None, int] = {}
    for position, group in enumerate(groups):
        if group is None:
            continue
        current = best.get(group)
        if current is None:
            best[group] = position
        elif eligible[position]:
            if not eligible[current] or reported[position] < reported[current]:
                best[group] = position
        elif not eligible[current] and reported[position] < reported[current]:
            best[group] = position
    # A complaint in no group (None, never a key) is counted for itself.
    counted_index = list(map(best.get, groups, range(len(groups))))
    # A group counts once when its counted complaint qualifies, which is when any member does.
    qualifying_count = list(compress(groups, eligible)).count(None) + sum(
        map(eligible.__getitem__, best.values())
    )
    return counted_index, qualifying_count


def _count(groups: Sequence[str | date | None], eligible: Sequence[bool]) -> int:
    """``_group``'s count alone: a group's counted complaint qualifies exactly when one of its
    members does, so the count is the number of groups with a qualifying member."""
    qualifying = list(compress(groups, eligible))
    distinct = set(qualifying)
    distinct.discard(None)
    return qualifying.count(None) + len(distinct)


def count_qualifying(
    application_date: date,
    complaints: Iterable[Complaint],
    policy: LocalPolicy = STATUTORY_DEFAULTS,
) -> ThresholdCount:
    """``evaluate_threshold``'s verdict and count, from the same classification, without
    building an outcome per complaint: for a caller that needs only the numbers."""
    columns = _Columns.of(list(complaints))
    _check_ids(columns.ids)
    found = _own_reasons(application_date, columns, policy)
    qualifying_count = _count(found.group, list(map(not_, found.flags)))
    applied = policy.applied_threshold
    return ThresholdCount(
        threshold_met=qualifying_count >= applied,
        threshold=applied,
        qualifying_count=qualifying_count,
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
    return _evaluate_and_count(application_date, _Columns.of(items), include, policy)


def evaluate_records(
    application_date: date,
    ids: Sequence[str],
    behaviour_dates: Sequence[date],
    reported_dates: Sequence[date],
    incidents: Sequence[str],
    kinds: Sequence[str],
    include: Sequence[bool],
    policy: LocalPolicy = STATUTORY_DEFAULTS,
) -> tuple[ThresholdResult, ThresholdCount]:
    """``evaluate_threshold_and_count`` of complaints given field by field: complaint ``i`` is
    ``Complaint(ids[i], behaviour_dates[i], reported_dates[i], <any agency>, incidents[i],
    ComplaintKind(kinds[i]))`` (the agency plays no part in evaluation), checked as the
    constructor checks it. The same two answers without a ``Complaint`` object per complaint:
    for a caller that reads thousands of stored records (``casereview.cases.evaluation``),
    where making those objects cost as much as evaluating them."""
    size = len(ids)
    if any(
        len(column) != size
        for column in (behaviour_dates, reported_dates, incidents, kinds, include)
    ):
        raise ValueError("give every field, and the include flag, once per complaint")
    if not _KIND_VALUES.issuperset(kinds):
        unknown = sorted(set(kinds) - _KIND_VALUES)
        raise ValueError(f"unknown complaint kinds: {', '.join(map(repr, unknown))}")
    if any(map(lt, reported_dates, behaviour_dates)):
        for id, behaviour, reported in zip(ids, behaviour_dates, reported_dates, strict=True):
            if reported < behaviour:
                raise ValueError(f"complaint {id}: reported before the behaviour it reports")
    columns = _Columns(ids, behaviour_dates, reported_dates, incidents, kinds)
    return _evaluate_and_count(application_date, columns, include, policy)


def _evaluate_and_count(
    application_date: date, columns: _Columns, include: Sequence[bool], policy: LocalPolicy
) -> tuple[ThresholdResult, ThresholdCount]:
    _check_ids(columns.ids)
    found = _own_reasons(application_date, columns, policy)
    eligible = list(map(not_, found.flags))
    applied = policy.applied_threshold
    if all(include):
        subset = _grouped(columns, found, eligible)
        count_all = subset.qualifying_count
    else:
        count_all = _count(found.group, eligible)
        chosen = columns.subset(include)
        counted_index, qualifying_count = _group(
            list(compress(found.group, include)),
            list(compress(eligible, include)),
            chosen.reported,
        )
        subset = _Classified(
            chosen,
            list(compress(found.own, include)),
            list(compress(found.flags, include)),
            list(compress(found.report_by, include)),
            list(compress(found.apply_by, include)),
            counted_index,
            qualifying_count,
        )
    everything = ThresholdCount(
        threshold_met=count_all >= applied, threshold=applied, qualifying_count=count_all
    )
    return _result(application_date, subset, policy), everything


def _result(
    application_date: date, classified: _Classified, policy: LocalPolicy
) -> ThresholdResult:
    ids = classified.columns.ids
    outcomes: list[ComplaintOutcome] = []
    append = outcomes.append
    outcome_class = ComplaintOutcome
    with_duplicate = _WITH_DUPLICATE_BY_FLAGS
    for index, (id, reasons, flags, chosen, report_by, apply_by) in enumerate(
        zip(
            ids,
            classified.own,
            classified.flags,
            classified.counted_index,
            classified.report_by,
            classified.apply_by,
            strict=True,
        )
    ):
        counted = chosen == index
        # ComplaintOutcome(id, qualifying, counted, same_as, reasons, report_by, apply_by)
        outcome = _new(outcome_class)
        _set(
            outcome,
            "__dict__",
            {
                "id": id,
                "qualifying": not flags,
                "counted": counted,
                "same_as": None if counted else ids[chosen],
                "reasons": reasons if counted else with_duplicate[flags],
                "report_by": report_by,
                "apply_by": apply_by,
            },
        )
        append(outcome)

    applied = policy.applied_threshold
    warnings: list[str] = []
    if policy.threshold > STATUTORY_MAX_THRESHOLD:
        warnings.append(
            f"The local policy asks for {policy.threshold} qualifying complaints; the law caps "
            f"the threshold at {STATUTORY_MAX_THRESHOLD} ({SECTION_THRESHOLD}), so "
            f"{STATUTORY_MAX_THRESHOLD} was applied."
        )
    warnings.extend(
        _stricter_than_law_warnings(classified.columns, classified.flags, application_date, policy)
    )

    return ThresholdResult(
        threshold_met=classified.qualifying_count >= applied,
        threshold=applied,
        policy_threshold=policy.threshold,
        qualifying_count=classified.qualifying_count,
        complaints=tuple(outcomes),
        warnings=tuple(warnings),
    )
