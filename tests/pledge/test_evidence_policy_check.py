"""Evidence from the current policy version: the policy check, the threshold, the windows."""

from dataclasses import replace

from django.utils import timezone

from casereview.areas.models import Area
from casereview.pledge.evidence import EvidenceStatus, policy_check, threshold, windows
from casereview.rules import REFERENCE_PROCEDURE, LocalPolicy
from tests.factories import make_policy


def test_a_threshold_of_four_fails_the_check(area: Area, in_march: None) -> None:
    make_policy(area, replace(LocalPolicy(), threshold=4), version=2)
    today = timezone.localdate()
    found = policy_check(area, today)
    assert found.status == EvidenceStatus.NO
    assert "The threshold is above three qualifying complaints." in found.details
    assert threshold(area, today).status == EvidenceStatus.NO


def test_a_policy_as_generous_as_the_law_is_clean(area: Area, in_march: None) -> None:
    make_policy(area, LocalPolicy(), version=2)
    today = timezone.localdate()
    assert policy_check(area, today).status == EvidenceStatus.YES
    assert threshold(area, today).status == EvidenceStatus.YES
    assert windows(area, today).status == EvidenceStatus.YES


def test_the_reference_procedures_30_days_is_shorter_than_the_law(
    area: Area, in_march: None
) -> None:
    # The fixture's policy is the reference procedure: complaints within 30 days, diary sheets out.
    assert REFERENCE_PROCEDURE.report_within.days == 30
    today = timezone.localdate()
    assert windows(area, today).status == EvidenceStatus.NO
    assert "30 days" in windows(area, today).summary
    assert len(policy_check(area, today).details) == 2


def test_only_the_current_version_counts(area: Area, in_march: None) -> None:
    make_policy(area, replace(LocalPolicy(), threshold=4), version=2)
    make_policy(area, LocalPolicy(), version=3)
    assert policy_check(area, timezone.localdate()).status == EvidenceStatus.YES
