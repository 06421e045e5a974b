"""A preview sends nothing and changes nothing: the only row it writes is the audit record of
the staff member's view, saying which audience the case was previewed as."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.apps import apps
from django.core import mail
from django.test import Client

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.audit.log import views_of
from tests.previews.helpers import preview, reviewed_case
from tests.tasks import waiting_tasks

pytestmark = pytest.mark.usefixtures("before_christmas")

# The audit log (which a preview must write to) and the session store (which any signed-in
# request may touch) are left out of the comparison.
NOT_COMPARED = {"audit", "sessions"}


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in NOT_COMPARED
    }


PREVIEWS = [
    ("victim", "preview as the victim"),
    ("partner", "preview as a partner agency (Hertfordshire Constabulary)"),
    ("panel", "preview as the panel"),
]


def test_no_preview_writes_anything_but_its_audit_record(
    area: Area, coordinator: User, staff_client: Callable[[User], Client]
) -> None:
    case = reviewed_case(area, coordinator)
    letters = {letter.pk: letter.status for letter in case.letters.all()}
    client = staff_client(coordinator)
    mail.outbox.clear()

    for audience, recorded in PREVIEWS:
        before = row_counts()

        response = preview(client, case, audience, agency="hertfordshire")

        assert response.status_code == 200
        assert row_counts() == before, audience
        assert [view.what for view in views_of(case)][-1:] == [recorded]
    assert waiting_tasks() == []
    assert mail.outbox == []
    assert {letter.pk: letter.status for letter in case.letters.all()} == letters
