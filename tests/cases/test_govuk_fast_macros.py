"""The case pages' own table, summary list (and card), tag and details macros (cases/_govuk.html) write exactly what
the GOV.UK macros write for the same parameters: they were made only to cost less CPU
(bench/fixes/b4.toml), so any difference in the markup is a bug."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.template import engines
from markupsafe import Markup

COMPARE = """\
{%- from "govuk_frontend_jinja/components/table/macro.html" import govukTable -%}
{%- from "govuk_frontend_jinja/components/summary-list/macro.html" import govukSummaryList -%}
{%- from "govuk_frontend_jinja/components/tag/macro.html" import govukTag -%}
{%- from "govuk_frontend_jinja/components/details/macro.html" import govukDetails -%}
{%- from "cases/_govuk.html" import details, summary_card, summary_list, table, tag -%}
{%- if kind == "table" -%}{{ govukTable(p) }}|||{{ table(p) }}
{%- elif kind == "summary_list" -%}{{ govukSummaryList(p) }}|||{{ summary_list(p) }}
{%- elif kind == "summary_card" -%}{{ govukSummaryList(p) }}|||{{ summary_card(p) }}
{%- elif kind == "details" -%}{{ govukDetails(p) }}|||{{ details(p) }}
{%- else -%}{{ govukTag(p) }}|||{{ tag(p) }}{%- endif -%}"""

TABLES: list[dict[str, Any]] = [
    {
        "caption": "Cases, most urgent first",
        "captionClasses": "govuk-visually-hidden",
        "head": [{"text": "Reference"}, {"text": "Victim <&>"}],
        "rows": [
            [{"html": Markup('<a class="govuk-link" href="/x">X-1</a>')}, {"text": "A & B"}],
            [{"text": ""}, {"html": ""}],
        ],
        "classes": "govuk-table--small-text-until-tablet",
    },
    {"head": [{"text": "Only a head"}], "rows": []},
    {"rows": [[{"text": "a"}], [], [{"html": Markup("<br>\n two lines")}, {"text": None}]]},
    {
        "caption": "Formats",
        "head": [{"text": "N", "format": "numeric", "classes": "h", "colspan": 2}],
        "rows": [[{"text": "1", "format": "numeric", "classes": "c", "colspan": 2, "rowspan": 3}]],
    },
]

SUMMARY_LISTS: list[dict[str, Any]] = [
    {
        "rows": [
            {"key": {"text": "Name <b>"}, "value": {"text": "Jo & Sam"}},
            {"key": {"text": "Repeat of"}, "value": {"html": Markup("  <a>X</a>\n<b>y</b> ")}},
        ]
    },
    {"rows": []},
    {
        "rows": [
            None,
            {
                "key": {"text": "K", "classes": "k"},
                "value": {"text": "", "classes": "v"},
                "classes": "r",
            },
        ],
        "classes": "govuk-summary-list--no-border",
    },
]

SUMMARY_CARDS: list[dict[str, Any]] = [
    {"card": {"title": {"text": "Police <&>, received 3 May"}}, **SUMMARY_LISTS[0]},
    {"card": {"title": {"html": Markup(" <b>Council</b>\n<i>two lines</i> ")}}, **SUMMARY_LISTS[2]},
    {"card": {"title": {"text": "No rows"}}, "rows": []},
]

TAGS: list[dict[str, Any]] = [
    {"text": "Overdue & late", "classes": "govuk-tag--red"},
    {"text": "Due today"},
    {"html": Markup(" <b>x</b>\n<i>y</i> "), "classes": ""},
]


DETAILS: list[dict[str, Any]] = [
    {
        "summaryText": "How this date was worked out",
        "html": Markup('<ul class="govuk-list"><li>Received 2 March & checked</li></ul>'),
    },
    {"summaryText": "Text <&>", "text": "Plain & simple"},
    {"summaryHtml": Markup("  <b>Bold</b>\n<i>two lines</i> "), "html": "", "text": "fallback"},
    {"id": "how", "classes": "app-details", "open": True, "summaryText": "Open", "text": "x"},
]


def _both(kind: str, params: dict[str, Any]) -> tuple[str, str]:
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    rendered = env.from_string(COMPARE).render(kind=kind, p=params)
    govuk, ours = rendered.split("|||")
    return govuk, ours


@pytest.mark.parametrize("params", TABLES)
def test_the_table_writes_what_the_govuk_table_writes(params: dict[str, Any]) -> None:
    govuk, ours = _both("table", params)
    assert ours == govuk


@pytest.mark.parametrize("params", SUMMARY_LISTS)
def test_the_summary_list_writes_what_the_govuk_summary_list_writes(
    params: dict[str, Any],
) -> None:
    govuk, ours = _both("summary_list", params)
    assert ours == govuk


@pytest.mark.parametrize("params", SUMMARY_CARDS)
def test_the_summary_card_writes_what_the_govuk_summary_list_writes_for_a_card(
    params: dict[str, Any],
) -> None:
    govuk, ours = _both("summary_card", params)
    assert ours == govuk


@pytest.mark.parametrize("params", TAGS)
def test_the_tag_writes_what_the_govuk_tag_writes(params: dict[str, Any]) -> None:
    govuk, ours = _both("tag", params)
    assert ours == govuk


@pytest.mark.parametrize("params", DETAILS)
def test_the_details_write_what_the_govuk_details_write(params: dict[str, Any]) -> None:
    govuk, ours = _both("details", params)
    assert ours == govuk


def test_the_table_head_writes_the_govuk_table_s_head() -> None:
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    headings = ["When", "Who <&>", Markup("<b>What</b>")]
    rendered = env.from_string(
        '{%- from "govuk_frontend_jinja/components/table/macro.html" import govukTable -%}'
        '{%- from "cases/_govuk.html" import table_head -%}'
        "{{ govukTable({'head': head, 'rows': []}) }}|||{{ table_head(headings) }}"
    ).render(
        head=[{"text": h} if not isinstance(h, Markup) else {"html": h} for h in headings],
        headings=headings,
    )
    govuk, ours = rendered.split("|||")
    govuk_head = re.search(r"<thead.*?</thead>", govuk, re.S)
    assert govuk_head is not None
    assert _squeezed(ours) == _squeezed(govuk_head.group(0))


def _squeezed(html: str) -> str:
    """The markup without the whitespace between tags, which the browser does not show."""
    return re.sub(r"\s*(<[^>]+>)\s*", r"\1", html.strip())
