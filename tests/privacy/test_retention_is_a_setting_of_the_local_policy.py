"""The retention period is a setting of the local policy: six years by default (and for
policies stored before it existed), bounds checked, kept through storage, and set in the
policy editor."""

from __future__ import annotations

import dataclasses

import pytest

from casereview.publishing.procedure.forms import PolicyForm
from casereview.rules.policy import (
    REFERENCE_PROCEDURE,
    LocalPolicy,
    PolicyError,
    policy_from_dict,
    policy_to_dict,
)


def test_the_default_is_six_years_also_for_policies_stored_before_the_setting() -> None:
    assert LocalPolicy().retention_months == 72
    stored = policy_to_dict(REFERENCE_PROCEDURE)
    del stored["retention_months"]
    assert policy_from_dict(stored).retention_months == 72


def test_the_setting_survives_storage() -> None:
    policy = dataclasses.replace(REFERENCE_PROCEDURE, retention_months=24)
    assert policy_from_dict(policy_to_dict(policy)) == policy


@pytest.mark.parametrize("bad", [0, 11, 241, "72", True])
def test_a_period_out_of_bounds_names_the_setting(bad: object) -> None:
    with pytest.raises(PolicyError) as caught:
        policy_from_dict({"retention_months": bad})
    assert caught.value.field == "retention_months"


def test_the_policy_editor_sets_it_with_an_error_naming_the_box() -> None:
    data = PolicyForm.initial_from(REFERENCE_PROCEDURE)
    assert data["retention_months"] == 72
    form = PolicyForm({**_as_post(data), "retention_months": "5"}, nation="england")
    assert not form.is_valid()
    assert "retention_months" in form.errors
    assert "from 12 to 240" in form.errors["retention_months"][0]
    good = PolicyForm({**_as_post(data), "retention_months": "36"}, nation="england")
    assert good.is_valid(), good.errors
    assert good.policy is not None
    assert good.policy.retention_months == 36


def _as_post(initial: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in initial.items() if value is not None}
