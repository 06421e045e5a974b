"""Progress e-mails go to whoever applied: the victim when they applied themselves, the person
who applied for them otherwise, and nobody when that person has no e-mail address."""

from casereview.cases.services import case_acknowledge
from casereview.public.models import ProgressEmail
from tests.cases.helpers import receive, victim
from tests.letters.helpers import third_party


def acknowledge(case, by, capture):
    with capture(execute=True):
        case_acknowledge(case, by=by, on=case.received_on)


def test_someone_who_applied_for_the_victim_gets_them(
    area, coordinator, in_march, django_capture_on_commit_callbacks
):
    case = receive(area, coordinator, applicant=third_party())

    acknowledge(case, coordinator, django_capture_on_commit_callbacks)

    assert list(ProgressEmail.objects.values_list("to", flat=True)) == ["jo@example.test"]


def test_nobody_is_emailed_when_the_applicant_has_no_address(
    area, coordinator, in_march, django_capture_on_commit_callbacks
):
    case = receive(area, coordinator, applicant=third_party(email=""))

    acknowledge(case, coordinator, django_capture_on_commit_callbacks)

    assert not ProgressEmail.objects.exists()


def test_nobody_is_emailed_when_the_victim_applied_without_an_address(
    area, coordinator, in_march, django_capture_on_commit_callbacks
):
    case = receive(area, coordinator, victim=victim(email=""))

    acknowledge(case, coordinator, django_capture_on_commit_callbacks)

    assert not ProgressEmail.objects.exists()
