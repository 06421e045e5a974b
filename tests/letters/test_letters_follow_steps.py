"""Taking a step queues the writing of its letters (never rendering in the request); the worker
writes them and e-mails those going by e-mail."""

from casereview.cases.services import case_acknowledge
from casereview.letters.models import DeliveryStatus, Letter, LetterKind
from tests.cases.helpers import receive, victim
from tests.letters.helpers import third_party
from tests.tasks import run_tasks, waiting_tasks


def test_acknowledging_queues_the_letters_and_the_worker_writes_and_sends_them(
    area, coordinator, smtp_server, django_capture_on_commit_callbacks
):
    case = receive(
        area,
        coordinator,
        victim=victim(preferred_contact="email"),
        applicant=third_party(email="", address="2 Low Road, Ware"),
    )

    with django_capture_on_commit_callbacks(execute=True):
        case_acknowledge(case, by=coordinator, on=case.received_on)

    assert waiting_tasks() == ["casereview.letters.tasks.write_letters"]
    assert not Letter.objects.filter(case=case).exists()

    run_tasks()

    letters = {x.kind: x for x in Letter.objects.filter(case=case)}
    assert set(letters) == {LetterKind.CT1, LetterKind.CT2}
    assert letters[LetterKind.CT1].status == DeliveryStatus.SENT
    assert letters[LetterKind.CT2].status == DeliveryStatus.TO_POST
    assert smtp_server.recipients == [["sam@example.test"]]


def test_a_step_that_causes_no_letter_queues_nothing(
    area, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        receive(area, coordinator)

    assert waiting_tasks() == []
