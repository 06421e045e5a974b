"""Links are sent at most ten times an hour to one connection; then a friendly 429 page."""

from django.urls import reverse

from casereview.public.ratelimit import SEND_LINK


def test_after_the_limit_the_person_is_asked_to_wait(client, db, in_march):
    form = {"reference": "EHE-2026-0001", "email": "sam@example.test"}
    for _ in range(SEND_LINK.count):
        assert client.post(reverse("public:track_start"), form).status_code == 302

    page = client.post(reverse("public:track_start"), form)

    assert page.status_code == 429
    assert "Try again in an hour" in page.content.decode()


def test_mistakes_in_the_form_do_not_count_against_the_limit(client, db, in_march):
    for _ in range(SEND_LINK.count + 1):
        client.post(reverse("public:track_start"), {"reference": "", "email": ""})

    page = client.post(
        reverse("public:track_start"), {"reference": "EHE-2026-0001", "email": "a@example.test"}
    )

    assert page.status_code == 302
