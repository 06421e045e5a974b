"""Who may do what: area administrators answer; coordinators and read-only members look; anyone
else, or another area's assessment, gets a 404."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.pledge.models import Answer, Assessment
from casereview.pledge.services import start_assessment
from tests.pledge.helpers import completed

StaffClient = Callable[[User], Client]


def url(name: str, area: Area, **kwargs: object) -> str:
    return reverse(f"pledge:{name}", kwargs={"slug": area.slug, **kwargs})


def test_read_only_members_look_but_do_not_answer(
    staff_client: StaffClient, read_only: User, area_admin: User, area: Area, in_march: None
) -> None:
    start_assessment(area, by=area_admin)
    client = staff_client(read_only)
    page = client.get(url("assessment", area))
    assert page.status_code == 200
    assert "Complete the self-assessment" not in page.content.decode()
    item = client.get(url("item", area, code="legality-threshold"))
    assert item.status_code == 200
    assert 'name="answer"' not in item.content.decode()
    answered = client.post(url("item", area, code="legality-threshold"), {"answer": "yes"})
    assert answered.status_code == 403
    assert client.post(url("complete", area)).status_code == 403
    assert not Answer.objects.exists()


def test_read_only_members_cannot_start_one(
    staff_client: StaffClient, read_only: User, area: Area
) -> None:
    assert staff_client(read_only).post(url("start", area)).status_code == 403
    assert not Assessment.objects.exists()


def test_coordinators_look_but_do_not_answer(
    staff_client: StaffClient, coordinator: User, area: Area
) -> None:
    assert staff_client(coordinator).get(url("assessment", area)).status_code == 200
    assert staff_client(coordinator).post(url("start", area)).status_code == 403


def test_another_areas_staff_get_a_404(
    staff_client: StaffClient, outsider: User, area_admin: User, area: Area, in_march: None
) -> None:
    assessment = completed(area, area_admin)
    client = staff_client(outsider)
    assert client.get(url("assessment", area)).status_code == 404
    assert client.post(url("start", area)).status_code == 404
    assert client.get(url("report", area, pk=assessment.pk)).status_code == 404
    assert client.get(url("report-pdf", area, pk=assessment.pk)).status_code == 404


def test_another_areas_assessment_is_not_found_under_this_area(
    staff_client: StaffClient, area_admin: User, area: Area, other_area: Area, in_march: None
) -> None:
    theirs = completed(other_area, None)
    response = staff_client(area_admin).get(url("report", area, pk=theirs.pk))
    assert response.status_code == 404


def test_an_unknown_item_is_a_404(staff_client: StaffClient, area_admin: User, area: Area) -> None:
    start_assessment(area, by=area_admin)
    assert staff_client(area_admin).get(url("item", area, code="no-such-item")).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(area: Area) -> None:
    response = Client().get(url("assessment", area))
    assert response.status_code == 302
    assert "sign" in response["Location"]
