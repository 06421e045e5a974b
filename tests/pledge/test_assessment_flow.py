"""An administrator starts a self-assessment, answers its items one by one and completes it;
the score and the automatic evidence of that day are kept."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.pledge.checklist import ITEMS
from casereview.pledge.models import Answer, Assessment, AssessmentStatus
from casereview.pledge.services import start_assessment
from tests.pledge.helpers import answer_all

StaffClient = Callable[[User], Client]


def url(name: str, area: Area, **kwargs: object) -> str:
    return reverse(f"pledge:{name}", kwargs={"slug": area.slug, **kwargs})


def test_starting_opens_the_first_item(
    staff_client: StaffClient, area_admin: User, area: Area, in_march: None
) -> None:
    response = staff_client(area_admin).post(url("start", area))
    assert response.status_code == 302
    assert response["Location"] == url("item", area, code=ITEMS[0].code)
    assert Assessment.objects.get(area=area).status == AssessmentStatus.IN_PROGRESS


def test_starting_twice_keeps_one_assessment_in_progress(
    staff_client: StaffClient, area_admin: User, area: Area, in_march: None
) -> None:
    client = staff_client(area_admin)
    client.post(url("start", area))
    client.post(url("start", area))
    assert Assessment.objects.filter(area=area).count() == 1


def test_an_answer_is_required(
    staff_client: StaffClient, area_admin: User, area: Area, in_march: None
) -> None:
    start_assessment(area, by=area_admin)
    response = staff_client(area_admin).post(
        url("item", area, code="awareness-promoted"), {"evidence": "Leaflets in every library"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose yes, partly or no" in page
    assert "Leaflets in every library" in page  # nothing typed is lost
    assert not Answer.objects.exists()


def test_a_made_up_answer_is_refused(
    staff_client: StaffClient, area_admin: User, area: Area, in_march: None
) -> None:
    start_assessment(area, by=area_admin)
    response = staff_client(area_admin).post(
        url("item", area, code="awareness-promoted"), {"answer": "maybe", "evidence": "x"}
    )
    assert "Choose yes, partly or no" in response.content.decode()


def test_a_yes_without_evidence_the_service_cannot_give_is_refused(
    staff_client: StaffClient, area_admin: User, area: Area, in_march: None
) -> None:
    start_assessment(area, by=area_admin)
    response = staff_client(area_admin).post(
        url("item", area, code="awareness-promoted"), {"answer": "yes", "evidence": "  "}
    )
    assert "Enter the evidence for your answer" in response.content.decode()


def test_saving_moves_on_to_the_next_item(
    staff_client: StaffClient, area_admin: User, area: Area, in_march: None
) -> None:
    assessment = start_assessment(area, by=area_admin)
    response = staff_client(area_admin).post(
        url("item", area, code=ITEMS[0].code), {"answer": "partly", "evidence": "Website only"}
    )
    assert response["Location"] == url("item", area, code=ITEMS[1].code)
    saved = Answer.objects.get(assessment=assessment, item=ITEMS[0].code)
    assert (saved.answer, saved.evidence, saved.updated_by) == (
        "partly",
        "Website only",
        area_admin,
    )


def test_an_unanswered_item_with_evidence_is_prefilled_from_it(
    staff_client: StaffClient, area_admin: User, area: Area, in_march: None
) -> None:
    start_assessment(area, by=area_admin)
    # The reference procedure's 30 days is shorter than the law's month: the records say No.
    page = staff_client(area_admin).get(url("item", area, code="legality-windows")).content
    text = page.decode()
    assert "What this service\u2019s records show" in text
    assert 'value="no" checked' in text


def test_completing_is_refused_while_items_are_unanswered(
    staff_client: StaffClient, area_admin: User, area: Area, in_march: None
) -> None:
    assessment = start_assessment(area, by=area_admin)
    answer_all(assessment, area_admin)
    Answer.objects.filter(assessment=assessment, item="victims-actions").delete()
    response = staff_client(area_admin).post(url("complete", area))
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert url("item", area, code="victims-actions") in page
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.IN_PROGRESS


def test_completing_scores_the_answers(
    staff_client: StaffClient, area_admin: User, area: Area, in_march: None
) -> None:
    assessment = start_assessment(area, by=area_admin)
    answer_all(assessment, area_admin, legality_windows="no", awareness_staff="partly")
    response = staff_client(area_admin).post(url("complete", area))
    assert response["Location"] == url("report", area, pk=assessment.pk)
    assessment.refresh_from_db()
    most = 2 * len(ITEMS)
    assert (assessment.score, assessment.max_score) == (most - 3, most)
    assert assessment.status == AssessmentStatus.COMPLETED
    assert assessment.completed_by == area_admin
    assert str(assessment.completed_on) == "2026-03-16"
    assert assessment.evidence["legality-windows"]["status"] == "no"


def test_a_completed_assessment_takes_no_more_answers(
    staff_client: StaffClient, area_admin: User, area: Area, in_march: None
) -> None:
    assessment = start_assessment(area, by=area_admin)
    answer_all(assessment, area_admin)
    client = staff_client(area_admin)
    client.post(url("complete", area))
    response = client.post(url("item", area, code=ITEMS[0].code), {"answer": "no"})
    assert response["Location"] == url("assessment", area)
    assert Answer.objects.get(assessment=assessment, item=ITEMS[0].code).answer == "yes"
