from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.template import engines

SAMPLE_BODY = """
{% extends "letters/base.html" %}
{% block body %}
<p>We received your application on <strong>{{ received|govuk_date }}</strong>.</p>
<h2>What happens next</h2>
<ol>
  <li>We ask every agency for its records.</li>
  <li>We decide whether the threshold is met.</li>
</ol>
<ul><li>Support: <a href="https://victimsupport.example">Victim Support</a></li></ul>
<table>
  <tr><th>Step</th><th>Due</th></tr>
  <tr><td>Decision</td><td>{{ due|govuk_date }}</td></tr>
</table>
<p>Contact us at <a href="mailto:asb@council.example">asb@council.example</a>.</p>
<p>Name with markup: {{ victim }}</p>
{% endblock %}
"""


@pytest.fixture
def sample_letter_html() -> str:
    context: dict[str, Any] = {
        "title": "Your ASB Case Review application",
        "sender": {
            "name": "Testshire District Council",
            "address_lines": ["Council Offices", "High Street", "TE1 1ST"],
            "email": "asb@council.example",
            "phone": "01234 567890",
        },
        "recipient": {
            "name": "Alex Example",
            "address_lines": ["1 Any Road", "TE2 2ND"],
            "salutation": "Alex Example",
        },
        "signatory": {"name": "Sam Spoc", "role": "Community Safety Manager"},
        "date": dt.date(2026, 11, 23),
        "reference": "TST-2026-0001",
        "received": dt.date(2026, 11, 20),
        "due": dt.date(2026, 12, 10),
        "victim": "<b>Robert'); DROP</b>",
    }
    return engines["jinja2"].from_string(SAMPLE_BODY).render(context)


@pytest.fixture(autouse=True)
def _letters_time(request: pytest.FixtureRequest) -> Any:
    """Letters' dates depend on today: every test of a written letter runs on Monday 16 March
    2026 at 10am unless it asks for another day (rendering tests with explicit dates ignore it)."""
    import time_machine

    from tests.cases.helpers import at

    with time_machine.travel(at(2026, 3, 16), tick=False):
        yield
