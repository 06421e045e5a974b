"""Retention anonymises a closed case only once its area's CURRENT retention period has run
out since it closed, records it, does nothing the second time, says what it would do on a dry
run, and deletes unsubmitted online applications older than their resume link."""

from __future__ import annotations

import dataclasses
import datetime as dt

import time_machine
from django.conf import settings

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.privacy.anonymise import MARKER
from casereview.privacy.models import Anonymisation, AnonymisedBecause
from casereview.privacy.services import apply_retention
from casereview.public.models import ApplicationDraft
from casereview.rules.policy import REFERENCE_PROCEDURE
from tests.cases.helpers import at, receive
from tests.factories import make_policy


def _screened_out(area: Area, by: User) -> Case:
    """A case closed on the day it arrived (16 March 2026): screened out as not suitable."""
    return receive(area, by, not_suitable_reason="cps_decision", signposting="Ask the CPS.")


def test_a_case_is_kept_whole_until_six_years_after_it_closed(
    in_march: None, area: Area, coordinator: User
) -> None:
    case = _screened_out(area, coordinator)

    assert apply_retention(dt.date(2032, 3, 15)).cases == []
    assert Case.objects.get(pk=case.pk).victim_name == "Sam Victim"

    assert apply_retention(dt.date(2032, 3, 16)).cases == [case.reference]
    assert Case.objects.get(pk=case.pk).victim_name == MARKER


def test_each_anonymisation_is_recorded_with_the_policy_that_applied(
    in_march: None, area: Area, coordinator: User
) -> None:
    case = _screened_out(area, coordinator)
    apply_retention(dt.date(2032, 4, 1))
    record = Anonymisation.objects.get(case=case)
    assert record.case_reference == case.reference
    assert record.because == AnonymisedBecause.RETENTION
    assert (record.policy_version, record.retention_months, record.by) == (1, 72, None)


def test_a_second_run_does_nothing(in_march: None, area: Area, coordinator: User) -> None:
    _screened_out(area, coordinator)
    assert len(apply_retention(dt.date(2032, 4, 1)).cases) == 1
    again = apply_retention(dt.date(2032, 4, 2))
    assert again.cases == []
    assert Anonymisation.objects.count() == 1


def test_a_dry_run_says_what_it_would_do_and_changes_nothing(
    in_march: None, area: Area, coordinator: User
) -> None:
    case = _screened_out(area, coordinator)
    outcome = apply_retention(dt.date(2032, 4, 1), dry_run=True)
    assert outcome.cases == [case.reference]
    assert not Anonymisation.objects.exists()
    assert Case.objects.get(pk=case.pk).victim_email == "sam@example.test"


def test_the_current_policy_version_decides_the_period(
    in_march: None, area: Area, coordinator: User
) -> None:
    case = _screened_out(area, coordinator)
    make_policy(area, dataclasses.replace(REFERENCE_PROCEDURE, retention_months=12), version=2)
    assert apply_retention(dt.date(2027, 3, 16)).cases == [case.reference]
    assert Anonymisation.objects.get(case=case).policy_version == 2


def test_an_open_case_is_never_anonymised(in_march: None, area: Area, coordinator: User) -> None:
    case = receive(area, coordinator)
    assert apply_retention(dt.date(2040, 1, 1)).cases == []
    assert Case.objects.get(pk=case.pk).victim_name == "Sam Victim"


def test_abandoned_online_applications_are_deleted_after_the_resume_link_expires(
    area: Area,
) -> None:
    with time_machine.travel(at(2026, 3, 1), tick=False):
        old = ApplicationDraft.objects.create(area=area, answers={"victim_name": "Old Draft"})
    with time_machine.travel(at(2026, 3, 20), tick=False):
        recent = ApplicationDraft.objects.create(area=area, answers={"victim_name": "New"})
    today = dt.date(2026, 3, 1) + dt.timedelta(days=settings.RESUME_LINK_DAYS + 1)

    outcome = apply_retention(today)

    assert outcome.drafts_deleted == 1
    assert list(ApplicationDraft.objects.values_list("pk", flat=True)) == [recent.pk]
    assert old.pk not in set(ApplicationDraft.objects.values_list("pk", flat=True))
