"""The demo area gets something on every publishing page, through the real services: consultations
on its procedure, an effectiveness review, published statistics of the current financial year that
count the demo cases, and a completed PLEDGE self-assessment; running it again changes nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.demo import seed_demo_cases
from casereview.pledge.models import Assessment, AssessmentStatus
from casereview.publishing.demo import seed_demo_publishing
from casereview.publishing.models import Consultation, EffectivenessReview, Release
from casereview.publishing.releases.services import release_period
from casereview.publishing.statistics.compute import compute_figures

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_statistics_that_count_the_demo_cases(
    area: Area, coordinator: User, area_admin: User, in_march: None
) -> None:
    seed_demo_cases(area, by=coordinator)

    result = seed_demo_publishing(area, by=area_admin)

    release = Release.objects.get(area=area)
    assert (release.period_slug, release.status, release.revision) == ("2025-26", "published", 1)
    applications = release.document["statutory"]["applications"]
    assert applications > 0
    assert applications == compute_figures(area, release_period(release)).statutory.applications
    assert "statistics for 2025-26 published" in result.summary()
    page = Client().get(f"/areas/{area.slug}/statistics/2025-26/")
    assert page.status_code == 200


def test_the_demo_records_consultations_a_review_and_a_completed_self_assessment(
    area: Area, area_admin: User, in_march: None
) -> None:
    seed_demo_publishing(area, by=area_admin)

    kinds = sorted(Consultation.objects.filter(area=area).values_list("consultee_kind", flat=True))
    assert kinds[0] == "housing_provider"
    assert "pcc" in kinds
    assert EffectivenessReview.objects.filter(area=area).count() == 1
    assessment = Assessment.objects.get(area=area)
    assert assessment.status == AssessmentStatus.COMPLETED
    assert assessment.percentage is not None
    assert 0 < assessment.percentage <= 100
    assert Client().get(f"/areas/{area.slug}/pledge/").status_code == 200


def test_running_it_again_changes_nothing(area: Area, area_admin: User, in_march: None) -> None:
    seed_demo_publishing(area, by=area_admin)
    consultations = Consultation.objects.filter(area=area).count()

    again = seed_demo_publishing(area, by=area_admin)

    assert again.summary() == "Demo publishing: already present."
    assert Release.objects.filter(area=area).count() == 1
    assert Consultation.objects.filter(area=area).count() == consultations >= 2
    assert Assessment.objects.filter(area=area).count() == 1
