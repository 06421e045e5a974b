"""The form asking for a link explains each mistake and keeps what was typed."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("reference", "email", "message"),
    [
        ("", "sam@example.test", "Enter your case reference"),
        (
            "hello there",
            "sam@example.test",
            "Enter the case reference as it is written on your letters",
        ),
        ("EHE-2026-0001", "", "Enter your e-mail address"),
        ("EHE-2026-0001", "sam at example", "Enter an e-mail address in the correct format"),
        ("x" * 41, "sam@example.test", "Case reference must be 40 characters or fewer"),
    ],
)
def test_a_mistake_is_explained_and_what_was_typed_is_kept(client, db, reference, email, message):
    page = client.post(reverse("public:track_start"), {"reference": reference, "email": email})

    text = page.content.decode()
    assert page.status_code == 200
    assert "<title>Error: Track your case review" in text
    assert "There is a problem" in text
    assert message in text
    if email:
        assert f'value="{email}"' in text


def test_a_reference_copied_with_spaces_or_dashes_is_understood(
    area, coordinator, client, smtp_server, in_march, django_capture_on_commit_callbacks
):
    from tests.cases.helpers import receive
    from tests.tasks import run_tasks

    case = receive(area, coordinator)
    typed = " " + case.reference.lower().replace("-", " \u2013 ") + " "

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("public:track_start"), {"reference": typed, "email": "sam@example.test"}
        )
    run_tasks()

    assert response.status_code == 302
    assert smtp_server.recipients == [["sam@example.test"]]
