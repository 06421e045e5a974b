"""``evaluate_case`` reads a case's complaints as plain rows in one statement and hands them to the
engine field by field; its answer is the one the models give (``Complaint.to_rules`` of the
confirmed complaints, in report-date order, through ``evaluate_threshold``), whatever the
database (the dates come back as text on SQLite and as dates on PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casereview.accounts.models import User
from casereview.areas.models import Agency, Area
from casereview.cases.evaluation import case_policy, evaluate_case
from casereview.cases.models import Case, Complaint, ComplaintKind, ComplaintSource
from casereview.rules import evaluate_threshold
from casereview.rules.threshold import count_qualifying
from tests.cases.helpers import receive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def add_complaints(case: Case, agencies: list[Agency], count: int, seed: int) -> None:
    """Complaints of every shape: shared incident keys (some with spaces around them), the same
    day, late reports, old reports, diary sheets, stated and confirmed, equal report dates."""
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        behaviour = case.received_on - dt.timedelta(days=rng.randrange(0, 300))
        rows.append(
            Complaint(
                case=case,
                agency=rng.choice(agencies),
                behaviour_on=behaviour,
                reported_on=behaviour + dt.timedelta(days=rng.choice([0, 0, 1, 12, 45])),
                incident_key=rng.choice(["", "", "", "inc-1", " inc-1 ", "inc-2"]),
                kind=rng.choice([ComplaintKind.COMPLAINT] * 4 + [ComplaintKind.DIARY_SHEET]),
                source=rng.choice(
                    [ComplaintSource.CONFIRMED_BY_AGENCY] * 3
                    + [ComplaintSource.STATED_BY_APPLICANT]
                ),
            )
        )
    Complaint.objects.bulk_create(rows)


def by_the_models(case: Case) -> tuple[list[Complaint], list[Complaint]]:
    ordered = list(case.complaints.select_related("agency").order_by("reported_on", "pk"))
    return ordered, [complaint for complaint in ordered if complaint.is_confirmed]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_evaluation_is_the_engines_answer_for_the_stored_complaints(
    area: Area, coordinator: User, seed: int
) -> None:
    case = receive(area, coordinator)
    add_complaints(case, list(Agency.objects.filter(area_agencies__area=area)), 120, seed)
    case = Case.objects.select_related("policy").get(pk=case.pk)

    evaluation = evaluate_case(case)

    everything, confirmed = by_the_models(case)
    rules = case_policy(case)
    expected = evaluate_threshold(case.received_on, [c.to_rules() for c in confirmed], rules)
    assert evaluation.result == expected
    assert evaluation.if_all_confirmed == count_qualifying(
        case.received_on, [c.to_rules() for c in everything], rules
    )
    assert evaluation.unconfirmed == tuple(c.pk for c in everything if not c.is_confirmed)
    stored = evaluation.to_json(case)
    assert stored["unconfirmed_complaints"] == [str(c.pk) for c in everything if not c.is_confirmed]
    assert [row["id"] for row in stored["complaints"]] == [str(c.pk) for c in confirmed]


def test_a_case_without_complaints_evaluates_to_nothing_qualifying(
    area: Area, coordinator: User
) -> None:
    case = receive(area, coordinator)

    evaluation = evaluate_case(Case.objects.select_related("policy").get(pk=case.pk))

    assert evaluation.result.complaints == ()
    assert evaluation.result.qualifying_count == 0
    assert not evaluation.threshold_met
    assert evaluation.unconfirmed == ()
    assert evaluation.if_all_confirmed.qualifying_count == 0


def test_the_complaints_are_read_in_one_query(area: Area, coordinator: User) -> None:
    case = receive(area, coordinator)
    add_complaints(case, list(Agency.objects.filter(area_agencies__area=area)), 60, 4)
    case = Case.objects.select_related("policy").get(pk=case.pk)

    with CaptureQueriesContext(connection) as queries:
        evaluation = evaluate_case(case)

    assert len(queries) == 1
    assert len(evaluation.unconfirmed) > 0
