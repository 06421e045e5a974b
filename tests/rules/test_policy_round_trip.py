import json

import pytest

from casereview.rules import (
    REFERENCE_PROCEDURE,
    STATUTORY_DEFAULTS,
    Caveat,
    LocalPolicy,
    LocalRoute,
    PolicyError,
    ReportWindow,
    Routes,
    policy_from_dict,
    policy_to_dict,
)


@pytest.mark.parametrize(
    "policy",
    [
        STATUTORY_DEFAULTS,
        REFERENCE_PROCEDURE,
        LocalPolicy(
            threshold=2,
            report_within=ReportWindow(months=2),
            routes=Routes(
                partner_initiated=True,
                extra=(LocalRoute("hate_incident", "One hate incident is enough"),),
            ),
            caveats=(Caveat("case_must_be_closed", "The case must be closed"),),
            nation="wales",
        ),
    ],
)
def test_a_policy_survives_a_trip_through_json(policy):
    data = json.loads(json.dumps(policy_to_dict(policy)))
    assert policy_from_dict(data) == policy


def test_an_empty_dict_is_the_statutory_defaults():
    assert policy_from_dict({}) == STATUTORY_DEFAULTS


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"threshold": "3"}, "threshold"),
        ({"threshold": 0}, "threshold"),
        ({"threshold": True}, "threshold"),
        ({"report_within": {"months": 1, "days": 30}}, "report_within"),
        ({"report_within": {"days": 0}}, "report_within.days"),
        ({"application_within_months": 2.5}, "application_within_months"),
        ({"diary_sheets_count": "no"}, "diary_sheets_count"),
        ({"timescales": {"acknowledge_working_days": -1}}, "timescales.acknowledge_working_days"),
        ({"timescales": {"coffee_breaks": 2}}, "timescales.coffee_breaks"),
        ({"exclusions": ["anonymous_applicant", "bad_hair_day"]}, "exclusions[1]"),
        ({"appeal_reviewer": {"kind": "the_mayor"}}, "appeal_reviewer.kind"),
        ({"routes": {"extra": [{"code": "x"}]}}, "routes.extra[0].description"),
        ({"nation": "scotland"}, "nation"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_bad_policy_data_names_the_field(data, field):
    with pytest.raises(PolicyError) as raised:
        policy_from_dict(data)
    assert raised.value.field == field


def test_a_report_window_needs_exactly_one_of_months_or_days():
    with pytest.raises(PolicyError):
        ReportWindow()
    with pytest.raises(PolicyError):
        ReportWindow(months=1, days=30)


def test_a_panel_minimum_outside_one_to_twenty_is_refused_naming_the_field():
    for bad in (0, 21, "3"):
        with pytest.raises(PolicyError) as caught:
            policy_from_dict({"panel_minimum_relevant_bodies": bad})
        assert caught.value.field == "panel_minimum_relevant_bodies"
    assert policy_from_dict({"panel_minimum_relevant_bodies": 4}).panel_minimum_relevant_bodies == 4
