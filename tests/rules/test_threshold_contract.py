"""The threshold-check contract: JSON in, JSON out, and errors that name the field."""

import pytest

from casereview.rules import REFERENCE_PROCEDURE, ContractError, ReportWindow
from casereview.rules.contract import check_threshold, parse_threshold_request


def request(**overrides):
    data = {
        "application_date": "2026-03-01",
        "complaints": [
            {
                "id": "c1",
                "behaviour_date": "2026-01-05",
                "reported_date": "2026-01-06",
                "agency": "police",
            },
            {
                "id": "c2",
                "behaviour_date": "2026-01-12",
                "reported_date": "2026-01-12",
                "agency": "council",
            },
            {
                "id": "c3",
                "behaviour_date": "2026-01-19",
                "reported_date": "2026-01-20",
                "agency": "housing",
            },
        ],
    }
    data.update(overrides)
    return data


def errors_of(data, **kwargs):
    with pytest.raises(ContractError) as raised:
        parse_threshold_request(data, **kwargs)
    return [(error.field, error.complaint, error.message) for error in raised.value.errors]


def test_a_valid_request_gives_the_contract_output():
    assert check_threshold(request()) == {
        "threshold_met": True,
        "threshold": 3,
        "qualifying_count": 3,
        "complaints": [
            {"id": cid, "qualifying": True, "counted": True, "same_as": None, "reasons": []}
            for cid in ("c1", "c2", "c3")
        ],
        "warnings": [],
    }


def test_duplicates_are_reported_with_the_id_they_are_the_same_as():
    data = request()
    data["complaints"][1]["incident"] = "i1"
    data["complaints"][2]["incident"] = "i1"
    output = check_threshold(data)
    assert output["qualifying_count"] == 2
    assert output["complaints"][2] == {
        "id": "c3",
        "qualifying": True,
        "counted": False,
        "same_as": "c2",
        "reasons": ["duplicate"],
    }


def test_a_policy_in_the_request_overrides_only_the_keys_given():
    parsed = parse_threshold_request(request(policy={"report_within": {"days": 30}}))
    assert parsed.policy.report_within == ReportWindow(days=30)
    assert parsed.policy.threshold == 3
    assert parsed.policy.diary_sheets_count is True


def test_a_policy_threshold_above_three_is_capped_with_a_warning():
    output = check_threshold(request(policy={"threshold": 4}))
    assert output["threshold"] == 3
    assert output["threshold_met"] is True
    assert "caps the threshold at 3" in output["warnings"][0]


def test_an_area_uses_that_areas_policy():
    seen = []

    def policy_for_area(code):
        seen.append(code)
        return REFERENCE_PROCEDURE

    parsed = parse_threshold_request(request(area=" e07000242 "), policy_for_area=policy_for_area)
    assert parsed.policy == REFERENCE_PROCEDURE
    assert parsed.area == "E07000242"
    assert seen == ["E07000242"]


def test_an_unknown_area_is_an_error_on_area():
    assert errors_of(request(area="E07000999"), policy_for_area=lambda code: None) == [
        ("area", None, "no area with GSS code E07000999 has a policy on this service")
    ]


def test_an_area_that_is_not_a_gss_code_is_an_error_on_area():
    assert errors_of(request(area="East Herts"), policy_for_area=lambda code: None)[0][0] == "area"


def test_an_area_cannot_be_looked_up_without_a_lookup():
    assert errors_of(request(area="E07000242"))[0][:2] == ("area", None)


def test_area_and_policy_together_are_an_error():
    assert errors_of(request(area="E07000242", policy={}))[0][:2] == ("area", None)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"application_date": "2026-02-30"},
            ("application_date", None, "'2026-02-30' is not a real calendar date"),
        ),
        (
            {"application_date": "1/3/2026"},
            ("application_date", None, "'1/3/2026' is not a date in the form YYYY-MM-DD"),
        ),
        (
            {"application_date": "20260301"},
            ("application_date", None, "'20260301' is not a date in the form YYYY-MM-DD"),
        ),
        ({"application_date": None}, ("application_date", None, "is required")),
        ({"complaints": "three"}, ("complaints", None, "must be a list")),
        ({"complaints": None}, ("complaints", None, "is required (a list, maybe empty)")),
        (
            {"colour": "blue"},
            (
                "colour",
                None,
                "is not part of the contract (expected application_date, policy, area, complaints)",
            ),
        ),
        ({"policy": {"threshold": "3"}}, ("policy.threshold", None, "must be a whole number")),
        ({"policy": {"threshold": 0}}, ("policy.threshold", None, "must be at least 1")),
        (
            {"policy": {"report_within": {"weeks": 4}}},
            ("policy.report_within", None, 'must be {"months": N} or {"days": N}'),
        ),
        (
            {"policy": {"diary_sheets_count": "yes"}},
            ("policy.diary_sheets_count", None, "must be true or false"),
        ),
        (
            {"policy": {"timescales": {}}},
            (
                "policy.timescales",
                None,
                "is not part of the contract (expected threshold, report_within, application_within_months, diary_sheets_count, same_day_is_same_occasion)",
            ),
        ),
        ({"policy": []}, ("policy", None, "must be an object")),
    ],
)
def test_bad_top_level_input_names_the_field(change, expected):
    assert errors_of(request(**change)) == [expected]


def complaint_errors(**changes):
    data = request()
    data["complaints"][1].update(changes)
    for key, value in changes.items():
        if value is ...:
            del data["complaints"][1][key]
    return errors_of(data)


def test_a_malformed_date_names_the_complaint_and_field():
    assert complaint_errors(reported_date="2026-13-01") == [
        ("complaints[1].reported_date", "c2", "'2026-13-01' is not a real calendar date")
    ]


def test_a_report_before_the_behaviour_is_an_error():
    assert complaint_errors(reported_date="2026-01-11") == [
        ("complaints[1].reported_date", "c2", "is before the behaviour_date (2026-01-12)")
    ]


@pytest.mark.parametrize("missing", ["behaviour_date", "reported_date", "agency"])
def test_a_missing_field_is_an_error(missing):
    assert complaint_errors(**{missing: ...}) == [(f"complaints[1].{missing}", "c2", "is required")]


def test_a_missing_id_is_an_error_without_a_complaint_id():
    assert complaint_errors(id=...) == [("complaints[1].id", None, "is required")]


def test_an_empty_agency_is_an_error():
    assert complaint_errors(agency=" ") == [
        ("complaints[1].agency", "c2", "must be a non-empty string")
    ]


def test_an_unknown_kind_is_an_error():
    assert complaint_errors(kind="phone call") == [
        ("complaints[1].kind", "c2", 'must be "complaint" or "diary_sheet"')
    ]


def test_an_unknown_complaint_key_is_an_error():
    assert complaint_errors(notes="loud music")[0][:2] == ("complaints[1].notes", "c2")


def test_an_incident_must_be_text():
    assert complaint_errors(incident=7) == [
        ("complaints[1].incident", "c2", "must be a string or null")
    ]


def test_a_null_incident_is_no_incident():
    data = request()
    data["complaints"][0]["incident"] = None
    assert check_threshold(data)["qualifying_count"] == 3


def test_duplicate_ids_are_an_error_naming_both_places():
    assert complaint_errors(id="c1") == [
        ("complaints[1].id", "c1", "is used more than once (also complaints[0])")
    ]


def test_a_complaint_that_is_not_an_object_is_an_error():
    data = request()
    data["complaints"].append("c4")
    assert errors_of(data) == [("complaints[3]", None, "must be an object")]


def test_a_request_that_is_not_an_object_is_an_error():
    assert errors_of([1, 2]) == [("request", None, "must be a JSON object")]


def test_every_problem_is_reported_not_only_the_first():
    data = request(application_date="soon")
    data["complaints"][0]["kind"] = "rumour"
    data["complaints"][2]["agency"] = ""
    assert [field for field, _, _ in errors_of(data)] == [
        "application_date",
        "complaints[0].kind",
        "complaints[2].agency",
    ]


def test_errors_serialise_to_the_contract_shape():
    with pytest.raises(ContractError) as raised:
        parse_threshold_request(request(application_date="2026-02-30"))
    assert raised.value.to_json() == {
        "errors": [
            {
                "field": "application_date",
                "complaint": None,
                "message": "'2026-02-30' is not a real calendar date",
            }
        ]
    }
