"""A Welsh case's progress e-mails are rendered in Welsh, from the translatable templates."""

from casereview.cases.services import case_acknowledge
from casereview.public.models import ProgressEmail
from casereview.public.track import tasks
from tests.cases.helpers import receive, victim
from tests.public.track.helpers import body_of
from tests.tasks import run_tasks


def test_the_email_of_a_welsh_case_is_written_in_welsh(
    area, coordinator, smtp_server, in_march, monkeypatch, django_capture_on_commit_callbacks
):
    rendered = []
    real = tasks.render_email

    def spy(name, context, language):
        rendered.append((name, language, context["happened_on"]))
        return real(name, context, language)

    monkeypatch.setattr(tasks, "render_email", spy)
    case = receive(area, coordinator, victim=victim(language="cy"))
    with django_capture_on_commit_callbacks(execute=True):
        case_acknowledge(case, by=coordinator, on=case.received_on)

    assert ProgressEmail.objects.get().language == "cy"
    run_tasks()

    # The e-mail's own templates, rendered in Welsh: the date is in Welsh already.
    assert rendered == [("progress_update", "cy", "16 Mawrth 2026")]
    # The victim's letters go by post, so the progress e-mail is the only message.
    [message] = smtp_server.messages
    assert case.reference in str(message["Subject"])
    assert "16 Mawrth 2026" in body_of(message)
