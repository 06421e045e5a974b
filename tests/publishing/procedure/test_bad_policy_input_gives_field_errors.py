"""Numbers out of range, words where numbers go and malformed lines are errors on the box they
are about, never a 500, and everything typed is shown again."""

from __future__ import annotations

import pytest

from casereview.areas.models import AreaPolicy
from casereview.rules.policy import REFERENCE_PROCEDURE
from tests.publishing.procedure.helpers import check, policy_post, text_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"threshold": "four"}, "threshold", "Threshold must be a whole number from 1 to 100"),
        ({"threshold": "0"}, "threshold", "Threshold must be a whole number from 1 to 100"),
        ({"threshold": ""}, "threshold", "Threshold must be a whole number from 1 to 100"),
        (
            {"report_window_amount": "400"},
            "report_window_amount",
            "How many months or days must be from 1 to 366",
        ),
        (
            {"report_window_unit": "months", "report_window_amount": "13"},
            "report_window_amount",
            "How many months or days must be from 1 to 12",
        ),
        (
            {"timescale_decision_working_days": "-1"},
            "timescale_decision_working_days",
            "Threshold decision (working days) must be a whole number from 0 to 3650",
        ),
        (
            {"caveats": "The case must be closed"},
            "caveats",
            "Line 1 of local conditions must be a code, a colon and a description",
        ),
        (
            {"extra_routes": "hate: One hate incident\nHate Crime!: again"},
            "extra_routes",
            "Line 2 of local routes: the code must be up to 50 lower-case letters",
        ),
        ({"appeal_reviewer_kind": "the mayor"}, "appeal_reviewer_kind", "Select a valid choice"),
        ({"exclusions": ["everything"]}, "exclusions", "Select a valid choice"),
    ],
)
def test_each_bad_value_is_an_error_on_its_own_box(
    staff_client, area_admin, area, changes, field, message
):
    client = staff_client(area_admin)
    response = check(client, area, policy_post(REFERENCE_PROCEDURE, **changes))
    assert response.status_code == 200
    errors = response.context_data["form"].errors
    assert list(errors) == [field]
    assert message in errors[field][0]
    text = text_of(response)
    assert "There is a problem" in text
    assert f'href="#id_{field}' in text or f'href="#{field}' in text
    assert "Annual refresh after the partnership board" in text
    assert AreaPolicy.objects.filter(area=area).count() == 1


def test_what_was_typed_into_a_bad_box_is_shown_again(staff_client, area_admin, area):
    client = staff_client(area_admin)
    response = check(client, area, policy_post(REFERENCE_PROCEDURE, threshold="four"))
    assert 'value="four"' in text_of(response)


def test_a_damaged_post_without_any_fields_is_errors_not_a_crash(staff_client, area_admin, area):
    client = staff_client(area_admin)
    response = client.post(f"/staff/publishing/areas/{area.slug}/procedure/policy/", {"save": "1"})
    assert response.status_code == 200
    assert "There is a problem" in text_of(response)
