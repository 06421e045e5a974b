"""An area that does not run its review here is checked against the law's defaults, and the
pages say that the council's own rules may differ."""

import datetime as dt

import pytest

from casereview.areas.models import AreaPolicy
from tests.factories import make_area
from tests.public.check.helpers import Said, answer, check_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def off_service(db):
    return make_area("Elsewhere", on_service=False, slug="elsewhere")


def test_the_start_page_says_the_law_is_used(client, off_service):
    text = client.get(check_url("check", off_service)).content.decode()
    assert "Elsewhere does not run its review on this service" in text
    assert "The council\u2019s own rules may be different" in text


def test_the_result_uses_the_statutory_defaults(client, off_service, in_march):
    # One month, not 30 days: 31 January + one month is 28 February.
    text = answer(
        client,
        off_service,
        [
            Said(dt.date(2026, 1, 31), dt.date(2026, 2, 28), to="Elsewhere Council"),
            Said(dt.date(2026, 2, 10), dt.date(2026, 2, 10), to="Elsewhere Police"),
            Said(dt.date(2026, 3, 1), dt.date(2026, 3, 2), to="Elsewhere Police"),
        ],
        dt.date(2026, 3, 16),
    )
    assert "Your complaints are likely to meet the threshold in Elsewhere" in text
    assert "within one month of the behaviour" in text
    assert (
        "does not run its review on this service, so this check used the rules the law sets" in text
    )
    assert "may have set a lower number: ask the council for its own rules" in text


def test_there_is_no_online_application_to_link_to(client, off_service, in_march):
    text = answer(
        client,
        off_service,
        [Said(dt.date(2026, 3, 1), dt.date(2026, 3, 2), to="Elsewhere Police")],
        dt.date(2026, 3, 16),
    )
    assert "/apply/" not in text
    assert "How to apply in Elsewhere" in text


def test_an_unreadable_policy_falls_back_to_the_law(client, area, in_march):
    AreaPolicy.objects.filter(area=area).update(rules={"threshold": "three"})
    text = client.get(check_url("check", area)).content.decode()
    assert "East Hertfordshire does not run its review on this service" in text
