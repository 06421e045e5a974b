"""The second-report pages: coordinators see the victims to tell (open prompts first), each
prompt's details and its ready letter; read-only members see without the form; other people get
404; every page is recorded in the access log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.audit.models import AccessRecord
from casereview.partners.duties.second_report import raise_second_report_prompts
from casereview.partners.models import SecondReportPrompt
from tests.partners.duties.helpers import incident, victim_record

pytestmark = pytest.mark.usefixtures("in_march")

StaffClient = Callable[[User], Client]


def _prompt(area: Area, name: str, earlier: dt.date, second: dt.date) -> SecondReportPrompt:
    record = victim_record(area, area.police_force, name)
    incident(area, area.police_force, record, earlier)
    later = incident(area, area.police_force, record, second)
    raise_second_report_prompts([later])
    return SecondReportPrompt.objects.get(second_incident=later)


def _list_url(area: Area) -> str:
    return reverse("partners:second-reports", kwargs={"slug": area.slug})


def _detail_url(prompt: SecondReportPrompt) -> str:
    return reverse(
        "partners:second-report", kwargs={"slug": prompt.area.slug, "prompt_id": prompt.pk}
    )


def test_the_list_shows_open_prompts_before_settled_ones(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    told = _prompt(area, "Toni Told", dt.date(2026, 1, 5), dt.date(2026, 2, 1))
    told.explained_on, told.explained_how = dt.date(2026, 3, 16), "phone"
    told.save()
    _prompt(area, "Wendy Waiting", dt.date(2026, 1, 10), dt.date(2026, 3, 1))

    page = staff_client(coordinator).get(_list_url(area)).content.decode()

    assert page.index("Wendy Waiting") < page.index("Toni Told")
    assert "1 victim waiting" in page
    assert "1 victim told" in page
    assert "1 March 2026" in page
    assert "16 March 2026" in page


def test_a_prompt_shows_its_reports_and_the_letters_to_download(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    prompt = _prompt(area, "Sam Victim", dt.date(2026, 1, 5), dt.date(2026, 2, 1))

    page = staff_client(coordinator).get(_detail_url(prompt)).content.decode()

    assert "Explain the ASB Case Review to Sam Victim" in page
    assert "5 January 2026 to Hertfordshire Constabulary" in page
    for lang in ("en", "cy"):
        for fmt in ("pdf", "docx"):
            href = reverse(
                "partners:second-report-letter",
                kwargs={"slug": area.slug, "prompt_id": prompt.pk, "fmt": fmt, "lang": lang},
            )
            assert href in page
    assert 'name="how"' in page


def test_a_read_only_member_sees_the_prompt_without_the_form(
    area: Area, read_only: User, staff_client: StaffClient
) -> None:
    prompt = _prompt(area, "Sam Victim", dt.date(2026, 1, 5), dt.date(2026, 2, 1))
    client = staff_client(read_only)

    page = client.get(_detail_url(prompt))

    assert page.status_code == 200
    assert b'name="how"' not in page.content
    refused = client.post(
        _detail_url(prompt), {"on-day": "16", "on-month": "3", "on-year": "2026", "how": "phone"}
    )
    assert refused.status_code == 403
    prompt.refresh_from_db()
    assert prompt.explained_on is None


@pytest.mark.parametrize("who", ["agency_rep", "chair", "outsider"])
def test_people_without_an_area_role_get_404(
    who: str, area: Area, staff_client: StaffClient, request: pytest.FixtureRequest
) -> None:
    prompt = _prompt(area, "Sam Victim", dt.date(2026, 1, 5), dt.date(2026, 2, 1))
    client = staff_client(request.getfixturevalue(who))
    letter = reverse(
        "partners:second-report-letter",
        kwargs={"slug": area.slug, "prompt_id": prompt.pk, "fmt": "pdf", "lang": "en"},
    )

    for url in (_list_url(area), _detail_url(prompt), letter):
        assert client.get(url).status_code == 404
    assert not AccessRecord.objects.filter(area=area).exists()


def test_another_areas_prompt_is_404_for_a_coordinator(
    area: Area, other_area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    theirs = _prompt(other_area, "Someone Else", dt.date(2026, 1, 5), dt.date(2026, 2, 1))
    url = reverse("partners:second-report", kwargs={"slug": area.slug, "prompt_id": theirs.pk})

    assert staff_client(coordinator).get(url).status_code == 404


def test_every_page_is_recorded_in_the_access_log(
    area: Area, coordinator: User, staff_client: StaffClient
) -> None:
    prompt = _prompt(area, "Sam Victim", dt.date(2026, 1, 5), dt.date(2026, 2, 1))
    client = staff_client(coordinator)

    client.get(_list_url(area))
    client.get(_detail_url(prompt))

    records = list(AccessRecord.objects.filter(area=area, user=coordinator))
    assert [r.what for r in records] == [
        "second-report prompts",
        f"second-report prompt {prompt.pk}",
    ]
