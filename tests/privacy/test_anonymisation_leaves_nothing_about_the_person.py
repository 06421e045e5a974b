"""After anonymisation, no stored value anywhere in the database holds the person's name,
address, e-mail, phone, the description of the behaviour, the alleged perpetrator, their
statement or the incident texts, and the files partners uploaded are gone."""

from __future__ import annotations

import datetime as dt
from typing import Any

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.letters.models import Letter
from casereview.partners.models import PartnerVictim, ResponseDocument
from casereview.privacy.anonymise import MARKER
from casereview.privacy.services import apply_retention
from casereview.reviews.models import VictimVoice
from tests.privacy.helpers import PERSON_STRINGS, reviewed_case, rows_holding
from tests.tasks import run_tasks


def test_the_scan_finds_the_person_before_anonymisation(
    in_march: None,
    area: Area,
    coordinator: User,
    smtp_server: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        reviewed_case(area, coordinator)
    run_tasks()
    found = {(model, field) for model, field, _ in rows_holding(PERSON_STRINGS)}
    # The scan sees every kind of place the person's data lives.
    for place in [
        ("Case", "victim_name"),
        ("Case", "alleged_responsible"),
        ("Letter", "html"),
        ("PartnerVictim", "name"),
        ("Incident", "description"),
        ("VictimVoice", "statement"),
        ("ResponseDocument", "data"),
    ]:
        assert place in found


def test_nothing_about_the_person_is_left_after_anonymisation(
    in_march: None,
    area: Area,
    coordinator: User,
    smtp_server: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        case = reviewed_case(area, coordinator)
    run_tasks()

    apply_retention(dt.date(2033, 6, 1))

    assert list(rows_holding(PERSON_STRINGS)) == []
    assert not ResponseDocument.objects.exists()
    assert all(not bytes(letter.pdf) for letter in Letter.objects.filter(case=case))
    assert PartnerVictim.objects.get().date_of_birth is None
    # A statement was given: that stays known (it is a published figure), its words do not.
    assert VictimVoice.objects.get(case=case).statement == MARKER
