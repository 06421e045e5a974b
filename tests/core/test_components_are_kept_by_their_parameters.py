"""``casereview.core.components`` keeps a GOV.UK macro's markup by its parameters: what it gives
is what the macro writes, for every parameter set and language, and two parameter sets that a
macro could render differently never share an answer."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import engines
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from jinja2 import Environment
from markupsafe import Markup

from casereview.core import components
from casereview.core.components import freeze, render_component

TAG = "govuk_frontend_jinja/components/tag/macro.html"
INPUT = "govuk_frontend_jinja/components/input/macro.html"


def _env() -> Environment:
    env: Environment = engines["jinja2"].env  # type: ignore[attr-defined]
    return env


def _direct(template: str, macro: str, params: Any) -> str:
    return str(getattr(_env().get_template(template).module, macro)(params))


PARAMS: list[tuple[str, str, Any]] = [
    (TAG, "govukTag", {"text": "Overdue <&>", "classes": "govuk-tag--red"}),
    (TAG, "govukTag", {"html": Markup("<b>Due</b> today")}),
    (TAG, "govukTag", {"html": mark_safe("<i>Django's own safe text</i>")}),
    (
        INPUT,
        "govukInput",
        {
            "label": {"text": "Reference"},
            "id": "reference",
            "name": "reference",
            "value": "NTL-2026-0003",
            "errorMessage": {"text": "Enter a reference"},
        },
    ),
    (INPUT, "govukInput", {"label": {"text": "Count"}, "id": "n", "name": "n", "value": 1}),
]


@pytest.mark.parametrize(("template", "macro", "params"), PARAMS)
def test_the_kept_markup_is_what_the_macro_writes(template: str, macro: str, params: Any) -> None:
    expected = _direct(template, macro, params)
    assert str(render_component(_env(), template, macro, params)) == expected
    # The second time it is the kept answer, still the same.
    assert str(render_component(_env(), template, macro, params)) == expected


def test_parameters_a_macro_could_render_differently_have_different_keys() -> None:
    assert freeze({"text": "<b>"}) != freeze({"html": "<b>"})
    assert freeze({"text": "<b>"}) != freeze({"text": Markup("<b>")})
    assert freeze({"value": True}) != freeze({"value": 1})
    assert freeze({"value": 1}) != freeze({"value": "1"})
    assert freeze({"value": 1}) != freeze({"value": 1.0})
    assert freeze({"items": [1, 2]}) != freeze({"items": [2, 1]})
    assert freeze({"a": {"b": None}}) != freeze({"a": {"b": ""}})
    # Text and markup with the same characters are written differently, and kept apart.
    text = render_component(_env(), TAG, "govukTag", {"text": "<b>x</b>"})
    markup = render_component(_env(), TAG, "govukTag", {"text": Markup("<b>x</b>")})
    assert "&lt;b&gt;" in text
    assert "<b>x</b>" in markup


def test_a_lazy_translation_is_kept_per_language() -> None:
    params = {"text": gettext_lazy("Back to cases")}
    with translation.override("en"):
        english = str(render_component(_env(), TAG, "govukTag", params))
    with translation.override("cy"):
        welsh = str(render_component(_env(), TAG, "govukTag", params))
        assert welsh == _direct(TAG, "govukTag", params)
    assert "Back to cases" in english
    assert welsh != english


def test_a_parameter_of_another_kind_is_rendered_and_not_kept() -> None:
    class Label:
        def __str__(self) -> str:
            return "A label"

    before = len(components._KEPT)
    rendered = render_component(_env(), TAG, "govukTag", {"text": Label()})
    assert "A label" in rendered
    assert len(components._KEPT) == before


def test_the_kept_answers_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(components, "LIMIT", 3)
    for number in range(10):
        render_component(_env(), TAG, "govukTag", {"text": f"Tag {number}"})
        assert len(components._KEPT) <= 3
