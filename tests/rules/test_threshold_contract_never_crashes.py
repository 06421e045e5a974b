"""Whatever JSON arrives, the contract answers with a result or with field errors: never with
any other exception (which the API would turn into a 500)."""

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from casereview.rules import REFERENCE_PROCEDURE, ContractError
from casereview.rules.contract import check_threshold

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["2026-01-05", "2026-02-30", "9999-12-31", "0001-01-01", "diary_sheet"]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)

VALID: dict[str, Any] = {
    "application_date": "2026-03-01",
    "policy": {"threshold": 3, "report_within": {"months": 1}, "application_within_months": 6},
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
    ],
}
PATHS = [
    ("application_date",),
    ("policy",),
    ("policy", "threshold"),
    ("policy", "report_within"),
    ("policy", "report_within", "months"),
    ("policy", "application_within_months"),
    ("complaints",),
    ("complaints", 0),
    ("complaints", 1, "id"),
    ("complaints", 1, "behaviour_date"),
    ("complaints", 0, "reported_date"),
    ("complaints", 0, "agency"),
    ("complaints", 1, "incident"),
    ("complaints", 0, "kind"),
]


def answer(data):
    try:
        output = check_threshold(data, policy_for_area=lambda code: REFERENCE_PROCEDURE)
    except ContractError as exc:
        errors = exc.to_json()
        assert errors["errors"], "a ContractError always names at least one field"
        return errors
    assert set(output) == {
        "threshold_met",
        "threshold",
        "qualifying_count",
        "complaints",
        "warnings",
    }
    return output


@given(json_values)
def test_any_json_value_gets_a_result_or_field_errors(value):
    answer(value)


@given(st.sampled_from(PATHS), json_values)
def test_a_valid_request_with_one_value_replaced_gets_a_result_or_field_errors(path, value):
    data = copy.deepcopy(VALID)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    answer(data)


def test_dates_far_in_the_future_are_refused_rather_than_overflowing():
    data = copy.deepcopy(VALID)
    data["complaints"][0]["reported_date"] = "9999-12-31"
    assert answer(data)["errors"][0] == {
        "field": "complaints[0].reported_date",
        "complaint": "c1",
        "message": "must be between 1900-01-01 and 2100-12-31",
    }


def test_windows_too_long_for_the_calendar_are_refused_rather_than_overflowing():
    data = copy.deepcopy(VALID)
    data["policy"]["report_within"] = {"days": 10**30}
    data["policy"]["application_within_months"] = 10**6
    assert answer(data)["errors"] == [
        {"field": "policy.report_within.days", "complaint": None, "message": "must be at most 366"},
        {
            "field": "policy.application_within_months",
            "complaint": None,
            "message": "must be at most 120",
        },
    ]
