import pytest

from casereview.rules import ContractError
from casereview.rules.contract import due_date_to_json, working_days


def errors_of(*args, **kwargs):
    with pytest.raises(ContractError) as raised:
        working_days(*args, **kwargs)
    return [(error.field, error.message) for error in raised.value.errors]


def test_a_working_days_question_gives_the_due_date_and_its_explanation():
    request, due = working_days("2025-12-22", "3", "wales")
    output = due_date_to_json(due, request.nation)
    assert output["due"] == "2025-12-29"
    assert output["nation"] == "wales"
    assert output["from"] == output["counted_from"] == "2025-12-22"
    assert {"date": "2025-12-25", "reason": "Christmas Day (bank holiday)"} in output["skipped"]
    assert output["explanation"][-1].startswith("Due Monday 29 December 2025")


def test_the_nation_defaults_to_the_shared_calendar():
    request, _ = working_days("2026-01-12", 1, None)
    assert request.nation == "england-wales"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("2026-02-30", "3"), [("from", "'2026-02-30' is not a real calendar date")]),
        ((None, "3"), [("from", "is required")]),
        (("2026-01-12", None), [("add", "is required")]),
        (("2026-01-12", "-1"), [("add", "must be a whole number of days, 0 or more")]),
        (("2026-01-12", "2.5"), [("add", "must be a whole number of days, 0 or more")]),
        (("2026-01-12", "9999"), [("add", "must be at most 3650")]),
        (
            ("2026-01-12", "3", "scotland"),
            [("nation", "must be one of england, wales, england-wales")],
        ),
        (
            ("2100-12-30", "5"),
            [("from", "bank holidays are known for 1872 to 2100 only, not 2101")],
        ),
    ],
)
def test_bad_working_days_input_names_the_field(args, expected):
    assert errors_of(*args) == expected


def test_field_names_can_be_relabelled_for_the_command_line():
    assert errors_of(None, "3", names={"from": "--from"}) == [("--from", "is required")]
