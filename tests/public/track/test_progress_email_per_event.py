"""Each step the applicant should hear about sends one e-mail, once per event, through the real
SMTP server: the reference, one plain sentence of what happened, and a fresh tracking link."""

from casereview.cases.effects import after_step
from casereview.cases.services import case_acknowledge, case_request_information
from casereview.cases.workflow import Step
from casereview.public.models import ProgressEmail
from tests.cases.helpers import receive
from tests.public.track.helpers import TRACK_URL, body_of, link_in
from tests.reviews.helpers import ALLEGED
from tests.tasks import run_tasks


def progress_messages(mailbox):
    return [m for m in mailbox.messages if str(m["Subject"]).startswith("There is an update")]


def test_acknowledging_emails_the_victim_who_applied(
    area, coordinator, client, smtp_server, in_march, django_capture_on_commit_callbacks
):
    case = receive(area, coordinator, alleged_responsible=ALLEGED)
    with django_capture_on_commit_callbacks(execute=True):
        case_acknowledge(case, by=coordinator, on=case.received_on)

    [row] = ProgressEmail.objects.all()
    assert (row.case, row.to, row.language, row.event.step) == (
        case,
        "sam@example.test",
        "en",
        Step.ACKNOWLEDGE,
    )
    run_tasks()

    [message] = progress_messages(smtp_server)
    assert message["To"] == "sam@example.test"
    assert message["Subject"] == f"There is an update on your ASB Case Review {case.reference}"
    body = body_of(message)
    assert "On 16 March 2026: The council has acknowledged your application." in body
    assert ALLEGED not in body
    row.refresh_from_db()
    assert row.sent_at is not None
    assert row.attempts == 1

    assert client.get(link_in(message))["Location"] == TRACK_URL
    assert client.get(TRACK_URL).status_code == 200


def test_the_handler_run_again_for_the_same_event_writes_nothing(
    area, coordinator, smtp_server, in_march, django_capture_on_commit_callbacks
):
    case = receive(area, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        case_acknowledge(case, by=coordinator, on=case.received_on)

    after_step(case.pk, Step.ACKNOWLEDGE)
    after_step(case.pk, Step.ACKNOWLEDGE)
    run_tasks()

    assert ProgressEmail.objects.count() == 1
    assert len(progress_messages(smtp_server)) == 1


def test_two_steps_send_two_emails(
    area, coordinator, smtp_server, in_march, django_capture_on_commit_callbacks
):
    case = receive(area, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        case = case_acknowledge(case, by=coordinator, on=case.received_on)
    with django_capture_on_commit_callbacks(execute=True):
        case_request_information(case, by=coordinator, on=case.received_on)
    run_tasks()

    bodies = [body_of(m) for m in progress_messages(smtp_server)]
    assert len(bodies) == 2
    assert "asked the organisations involved for their records" in bodies[1]


def test_receiving_an_application_sends_no_progress_email(
    area, coordinator, in_march, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        receive(area, coordinator)

    assert not ProgressEmail.objects.exists()
