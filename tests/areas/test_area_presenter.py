"""The area page presenter turns a local policy into the sentences the public reads."""

from __future__ import annotations

from dataclasses import replace

import pytest

from casereview.areas.models import Area
from casereview.areas.presenters import AreaPagePresenter, PolicyPresenter, signposts
from casereview.rules.policy import (
    REFERENCE_PROCEDURE,
    STATUTORY_DEFAULTS,
    Exclusion,
    LocalRoute,
    ReportWindow,
    Routes,
    Timescales,
)


def summary(policy) -> dict[str, str]:
    return {row.key: row.value for row in PolicyPresenter(policy).summary()}


def test_a_threshold_of_one_is_written_in_the_singular():
    assert PolicyPresenter(replace(STATUTORY_DEFAULTS, threshold=1)).threshold() == (
        "1 qualifying complaint"
    )


def test_the_report_window_reads_as_months_or_days():
    assert summary(STATUTORY_DEFAULTS)["Each complaint must be reported"] == (
        "Within one month of the behaviour"
    )
    assert summary(REFERENCE_PROCEDURE)["Each complaint must be reported"] == (
        "Within 30 days of the behaviour"
    )
    two_months = replace(STATUTORY_DEFAULTS, report_within=ReportWindow(months=2))
    assert summary(two_months)["Each complaint must be reported"] == (
        "Within 2 months of the behaviour"
    )


def test_whether_diary_sheets_count_follows_the_policy():
    assert summary(STATUTORY_DEFAULTS)["Do diary sheets count as complaints?"] == "Yes"
    assert summary(REFERENCE_PROCEDURE)["Do diary sheets count as complaints?"] == "No"


def test_every_timescale_of_the_policy_is_a_row_with_its_own_number():
    policy = replace(STATUTORY_DEFAULTS, timescales=Timescales(acknowledge_working_days=1))
    rows = PolicyPresenter(policy).timescales()
    assert len(rows) == 10
    assert rows[0].value == "within 1 working day of receiving it"
    assert rows[2].value == "within 14 working days of receiving your application"


def test_the_timescales_table_has_a_header_column_for_each_step():
    table = PolicyPresenter(REFERENCE_PROCEDURE).timescales_table()
    assert table["head"][0] == {"text": "Step"}
    assert table["rows"][0] == [
        {"text": "Acknowledge your application"},
        {"text": "within 3 working days of receiving it"},
    ]


def test_other_routes_include_partner_triggers_and_local_routes_in_the_areas_words():
    policy = replace(
        STATUTORY_DEFAULTS,
        routes=Routes(
            partner_initiated=True,
            extra=(LocalRoute("hate", "One hate incident or crime is enough."),),
        ),
    )
    assert PolicyPresenter(policy).routes() == [
        "A partner agency can start a review on a victim's behalf.",
        "One hate incident or crime is enough.",
    ]
    assert PolicyPresenter(STATUTORY_DEFAULTS).routes() == []


@pytest.mark.django_db
def test_the_online_channel_links_only_when_the_apply_journey_exists():
    area = Area.objects.get(slug="east-hertfordshire")
    area.on_service = True
    with_link = AreaPagePresenter(area, policy=REFERENCE_PROCEDURE, apply_url="/apply/east-herts/")
    online = with_link.channels()[0]
    assert (online.href, online.link_text) == ("/apply/east-herts/", "Apply online")
    without = AreaPagePresenter(area, policy=REFERENCE_PROCEDURE, apply_url=None).channels()[0]
    assert (without.href, without.text) == ("", "Apply online (coming soon)")


@pytest.mark.django_db
def test_an_area_off_the_service_offers_only_the_contacts_it_has():
    area = Area.objects.get(slug="swansea")
    area.contact_phone = "01792 636000"
    presenter = AreaPagePresenter(area, policy=REFERENCE_PROCEDURE)
    assert not presenter.on_service
    assert [c.kind for c in presenter.channels()] == ["phone"]


def test_the_timeline_has_a_step_for_each_stage_with_its_own_number():
    policy = replace(REFERENCE_PROCEDURE, timescales=Timescales(outcome_working_days=1))
    steps = PolicyPresenter(policy).timeline()
    assert steps[0].title == "The council acknowledges your application"
    assert "Within 1 working day of the meeting" in steps[5].text
    assert len(steps) == 8


def test_signposts_follow_the_exclusions_and_end_with_emergencies():
    found = signposts(
        (Exclusion.OFFICER_CONDUCT, Exclusion.OFFICER_CONDUCT),
        nation="wales",
        police="Gwent Police",
    )
    assert len(found) == 2
    assert "complaints process of Gwent Police" in found[0].where
    assert found[-1].what == "An emergency, or a crime happening now"


def test_a_service_complaint_goes_to_the_ombudsman_of_the_nation():
    (wales, _), (england, _) = (
        signposts((Exclusion.SERVICE_COMPLAINT_ONLY,), nation=nation, police="Police")
        for nation in ("wales", "england")
    )
    assert "Public Services Ombudsman for Wales" in wales.where
    assert "Housing Ombudsman" not in wales.where
    assert "Local Government and Social Care Ombudsman" in england.where
    assert "Housing Ombudsman" in england.where
