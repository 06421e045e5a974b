"""The password-reset e-mail travels through Django's SMTP backend to a real SMTP server, as in
production, and the link in it works."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_reset_email_is_delivered_over_smtp_with_a_working_link(
    client, coordinator, smtp_server, settings
):
    client.post(reverse("accounts:password-reset"), {"email": "coordinator@eastherts.test"})

    assert smtp_server.recipients == [["coordinator@eastherts.test"]]
    [message] = smtp_server.messages
    assert "Reset your password" in message["Subject"]
    body = message.get_body(preferencelist=("plain",)).get_content()
    found = re.search(r"https?://\S+", body)
    assert found is not None, body
    link = found.group(0)
    assert link.startswith(settings.SITE_URL)

    form = client.get(link.removeprefix(settings.SITE_URL.rstrip("/")), follow=True)
    assert form.status_code == 200
    assert "Choose a new password" in form.content.decode()


def test_no_email_is_sent_for_an_unknown_address(client, smtp_server):
    response = client.post(reverse("accounts:password-reset"), {"email": "nobody@example.test"})

    assert response.status_code == 302
    assert smtp_server.messages == []
