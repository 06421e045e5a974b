"""The national data set's cases: five years of applications in every status, made by building a
few real case graphs through the service functions and cloning them in bulk.

Building 75,000 cases through the services (letters rendered, deadlines recomputed on every
step) would take hours; cloning takes a minute and keeps what the services made: statuses
consistent with events, deadlines computed by the real calendar, letters as they were written.

1. **Templates.** For each policy variant (``bench.national_areas.VARIANTS``) a throwaway
   template area with that policy gets the demo cases (``casereview.cases.demo.seed_demo_cases``:
   every status, appeals in every state, letters written), with the clock frozen at the data
   set's today (``time_machine``), so every date is relative to it.
2. **Reading.** Every row of the case-data tables (found through Django's app registry: the
   models with a foreign key path to ``Case``, audit excluded) is read, grouped by the template
   case it belongs to. Template cases joined by ``repeat_of`` form one *unit*, cloned together.
3. **Planning.** Each area gets cases in proportion to its population; each case is a clone of a
   unit of its area's variant, at an offset of whole weeks back in time (so weekdays, and with
   them most working-day arithmetic, stay as the calendar made them). Units that end in a final
   status (closed, withdrawn, not suitable, declined) are spread over the five years; open ones
   fall in the last two months, as open cases do. References are numbered per area and year in
   order of receipt, and ``CaseSequence`` is set past them.
4. **Cloning.** Each row is copied with its primary key from a block of its table reserved for
   the clone, foreign keys inside the unit remapped by arithmetic, keys outside it mapped to the
   clone's area (its policy, its council/police/health/housing body for the template's, its
   staff for the template coordinator), dates moved by the offset, and the text of every column
   (letters' HTML, deadline explanations, event data, decision records) rewritten: references,
   victims' names and contact details, the area's and agencies' names and codes, and every date
   written out ("9 February 2026", "2026-02-09"). Ids inside JSON (``response``, ``meeting``,
   complaint ids of a decision record) are remapped too. Moments recorded "now" while the template
   was built (event times, letters' created/sent times) become the day of the step.
5. The template areas and their rows are deleted, and the audit chain made while building them
   is cleared (the cloned rows are written in bulk, which the audit log does not record either).

Cloned letters keep their HTML; their PDF and Word renderings are empty (copying the template's
would show another case, and rendering 600,000 of them would take hours), except for the sample
case's letters, which are rendered for real.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

from bench.national_areas import (
    FIRST_NAMES,
    SURNAMES,
    VARIANTS,
    AreaInfo,
)
from bench.national_incidents import STREET_NAMES, postcode_prefix, shares
from bench.national_write import Writer, next_id

TOTAL_CASES = 75_000
OPEN_SHARE = 0.04
# When the templates are built: the data set's today, mid-afternoon (UTC).
BUILT_AT_TIME = dt.time(16, 0)

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DATE_WORDS = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MARK = re.compile(r'"@@(I|S)\|([a-z_]+)\|(\d+)@@"')

FINAL = frozenset({"closed", "withdrawn", "not_suitable", "declined"})

# JSON keys holding ids of rows of the unit: key -> table. (An event's "meeting" is the
# meeting's number within its case, not an id.)
_ID_KEYS = {
    "response": "partners_informationresponse",
    "complaints_added": "cases_complaint",
    "complaints_confirmed": "cases_complaint",
    "action": "reviews_action",
    "appeal": "appeals_appeal",
}
# Keys of a decision record (Case.threshold_result) holding complaint ids as strings.
_STRING_ID_KEYS = {"id": "cases_complaint", "same_as": "cases_complaint"}
_STRING_ID_LIST_KEYS = {"unconfirmed_complaints": "cases_complaint"}


@dataclass
class CaseSummary:
    per_area: dict[int, int] = field(default_factory=dict)
    first_received: dt.date = dt.date(2021, 4, 1)
    variants: dict[str, int] = field(default_factory=dict)
    notes: dict[str, Any] = field(default_factory=dict)


# --- Text with holes ---------------------------------------------------------------------------


Part = str | tuple[str, Any]


@dataclass
class Clone:
    """One cloned unit: where, when, and what replaces the template's words."""

    index: int
    unit: int
    area: AreaInfo
    offset_days: int
    bases: dict[str, int] = field(default_factory=dict)
    references: dict[str, str] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)
    date_words: dict[dt.date, str] = field(default_factory=dict)


class Template:
    """Everything read from the template cases of one policy variant."""

    def __init__(self, variant: str) -> None:
        self.variant = variant
        # table -> rows (lists of values in column order), in pk order
        self.rows: dict[str, list[list[Any]]] = {}
        # table -> pk -> case id
        self.case_of: dict[str, dict[int, int]] = {}
        # unit number -> case ids
        self.units: list[list[int]] = []
        self.unit_of_case: dict[int, int] = {}
        # unit -> table -> rows of that unit
        self.unit_rows: list[dict[str, list[list[Any]]]] = []
        # unit -> table -> old pk -> position within the unit's block
        self.positions: list[dict[str, dict[int, int]]] = []
        self.case_status: dict[int, str] = {}
        self.case_received: dict[int, dt.date] = {}
        self.tokens: dict[str, str] = {}  # literal text -> token name
        self.pattern: re.Pattern[str] | None = None
        # table -> pk -> column index -> parts
        self.texts: dict[str, dict[int, dict[int, list[Part]]]] = {}
        # case id -> step -> date of its first event of that step
        self.step_dates: dict[int, dict[str, dt.date]] = {}
        self.event_dates: dict[int, dt.date] = {}
        self.agency_map: dict[int, str] = {}  # template agency id -> role
        self.user_ids: set[int] = set()
        self.area_id = 0
        self.policy_id = 0


# Templates already built in this process, by (today, database vendor). They depend on
# nothing else (not the seed, not the scale: the services are deterministic and the clock is
# frozen), and only their rows are kept, so a second data set made in the same process (the
# tests make several) clones the same templates without building them again.
_TEMPLATES: dict[tuple[dt.date, str], tuple[list[Template], list[Any]]] = {}


def _split(text: str, pattern: re.Pattern[str], tokens: dict[str, str]) -> list[Part] | None:
    """``text`` as literal pieces and holes (token names, dates, id marks); None when it has no
    hole."""
    parts: list[Part] = []
    position = 0
    found = False
    for match in pattern.finditer(text):
        found = True
        if match.start() > position:
            parts.append(text[position : match.start()])
        whole = match.group(0)
        if whole in tokens:
            parts.append(("word", tokens[whole]))
        elif whole.startswith('"@@'):
            mark = _MARK.fullmatch(whole)
            assert mark is not None
            parts.append(("id", (mark.group(1), mark.group(2), int(mark.group(3)))))
        elif _ISO_DATE.fullmatch(whole):
            parts.append(("iso", dt.date.fromisoformat(whole)))
        else:
            words = _DATE_WORDS.fullmatch(whole)
            assert words is not None
            day = dt.date(
                int(words.group(3)), MONTHS.index(words.group(2)) + 1, int(words.group(1))
            )
            parts.append(("date", day))
        position = match.end()
    if not found:
        return None
    if position < len(text):
        parts.append(text[position:])
    return parts


def address_lines(address: str) -> list[str]:
    """An address as letters write it: a line per comma-separated piece."""
    return [piece.strip() for piece in address.replace(",", "\n").splitlines() if piece.strip()]


def _mark_ids(value: Any, key: str = "") -> Any:
    """JSON with the ids of unit rows replaced by marks that ``_split`` finds."""
    if isinstance(value, dict):
        return {k: _mark_ids(v, k) for k, v in value.items()}
    if isinstance(value, list):
        if key in _STRING_ID_LIST_KEYS:
            table = _STRING_ID_LIST_KEYS[key]
            return [f"@@S|{table}|{v}@@" if str(v).isdigit() else v for v in value]
        return [_mark_ids(v, key) for v in value]
    if key in _ID_KEYS and isinstance(value, int) and not isinstance(value, bool):
        return f"@@I|{_ID_KEYS[key]}|{value}@@"
    if key in _STRING_ID_KEYS and isinstance(value, str) and value.isdigit():
        return f"@@S|{_STRING_ID_KEYS[key]}|{value}@@"
    return value


# --- Building and reading the templates --------------------------------------------------------


def case_data_models() -> list[Any]:
    """The models whose rows belong to a case: a foreign key path to ``Case``, audit excluded."""
    from django.apps import apps

    from casereview.cases.models import Case, CaseSequence

    chosen: list[Any] = [Case]
    changed = True
    while changed:
        changed = False
        for model in apps.get_models():
            if model in chosen or model._meta.app_label == "audit" or model is CaseSequence:
                continue
            if model._meta.proxy or model._meta.pk.get_internal_type() not in (
                "AutoField",
                "BigAutoField",
            ):
                continue  # clones get keys from blocks of integers
            for f in model._meta.concrete_fields:
                # Only a parent the row cannot exist without makes it part of a case (or any
                # case link of the case apps' own models: a letter's, a draft's).
                if (
                    f.is_relation
                    and f.related_model in chosen
                    and f.name != "repeat_of"
                    and (not f.null or model._meta.app_label in ("cases", "letters", "public"))
                ):
                    chosen.append(model)
                    changed = True
                    break
    return chosen


def _parent_field(model: Any, chosen: list[Any]) -> Any:
    """The foreign key through which a row of ``model`` belongs to its case."""
    from casereview.cases.models import Case

    fields = [f for f in model._meta.concrete_fields if f.is_relation and f.name != "repeat_of"]
    for f in fields:
        if f.related_model is Case:
            return f
    for f in fields:
        if f.related_model in chosen and not f.null:
            return f
    for f in fields:
        if f.related_model in chosen:
            return f
    raise ValueError(f"{model._meta.label} has no parent among the case data")


def build_templates(today: dt.date, say: Callable[[str], None]) -> list[Template]:
    """Make one template area per policy variant and its demo cases, frozen at ``today``."""
    import time_machine
    from django.contrib.auth.hashers import make_password
    from django.test import override_settings

    from casereview.accounts.models import Membership, Role, User
    from casereview.areas.models import Agency, AgencyKind, Area, AreaAgency, AreaPolicy
    from casereview.cases.demo import seed_demo_cases

    built_at = dt.datetime.combine(today, BUILT_AT_TIME, tzinfo=dt.UTC)
    templates = []
    password = make_password(None)
    # The clones' letters keep only their HTML, so the templates' renderings (and the panel's
    # documents) are not made; the audit log of the template's making is discarded, so it is
    # not written either.
    with (
        # Letters are written as each template case's steps commit, and e-mails go nowhere.
        override_settings(
            TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ),
        time_machine.travel(built_at, tick=False),
        mock.patch("casereview.letters.services.html_to_pdf", return_value=b""),
        mock.patch("casereview.letters.services.html_to_docx", return_value=b""),
        mock.patch("casereview.reviews.documents.html_to_pdf", return_value=b""),
        mock.patch("casereview.reviews.documents.html_to_docx", return_value=b""),
        mock.patch("casereview.audit.receivers.record_change", return_value=None),
    ):
        for number, variant in enumerate(VARIANTS, start=1):
            name = f"Templeton Vale {number}"

            def agency(kind: str, label: str, number: int = number) -> Agency:
                return Agency.objects.create(
                    code=f"bench-template-{number}-{kind}",
                    name=f"Templeton Vale {number} {label}",
                    kind=kind,
                    nation="england",
                    email=f"{kind}@template-{number}.bench.casereview.test",
                )

            council = agency(AgencyKind.COUNCIL, "District Council")
            police = agency(AgencyKind.POLICE, "Constabulary")
            health = agency(AgencyKind.HEALTH, "Integrated Care Board")
            housing = agency(AgencyKind.HOUSING, "Homes")
            area = Area.objects.create(
                gss_code=f"E9900000{number}",
                la_code=f"Z{number:02d}",
                slug=f"templeton-vale-{number}",
                name=name,
                official_name=f"{name} District Council",
                nation="england",
                region="East of England",
                area_type="NMD",
                council=council,
                police_force=police,
                on_service=True,
                contact_email=f"community.safety@template-{number}.bench.casereview.test",
                contact_phone=f"01632 96100{number}",
                contact_address=f"Community Safety Team\n{name} District Council\nTown Hall",
            )
            for body in (council, police, health, housing):
                AreaAgency.objects.create(area=area, agency=body, relevant_body=True)
            policy = AreaPolicy.objects.create(
                area=area,
                version=1,
                rules=variant.rules("england"),
                effective_from=dt.date(2020, 4, 1),
            )
            coordinator = User.objects.create(
                email=f"coordinator@template-{number}.bench.casereview.test",
                full_name=f"Tempest Coordinator{number}",
                password=password,
            )
            Membership.objects.create(user=coordinator, area=area, role=Role.COORDINATOR)
            result = seed_demo_cases(area, by=coordinator)
            say(f"template {variant.name}: {len(result.created)} cases")
            template = Template(variant.name)
            template.area_id = area.pk
            template.policy_id = policy.pk
            template.agency_map = {
                council.pk: "council",
                police.pk: "police",
                health.pk: "health",
                housing.pk: "housing",
            }
            template.user_ids = {coordinator.pk}
            template.tokens = {
                f"{name} District Council": "official_name",
                name: "area_name",
                area.contact_email: "contact_email",
                area.contact_phone: "contact_phone",
                coordinator.full_name: "coordinator_name",
                coordinator.email: "coordinator_email",
            }
            for body_id, role in template.agency_map.items():
                found = Agency.objects.get(pk=body_id)
                template.tokens[found.name] = f"{role}_name"
                template.tokens[found.code] = f"{role}_code"
                template.tokens[found.email] = f"{role}_email"
            templates.append(template)
    return templates


def read_templates(templates: list[Template], say: Callable[[str], None]) -> list[Any]:
    """Read every case-data row and give each template its own, grouped into units."""
    from casereview.cases.models import Case

    models = case_data_models()
    by_area = {t.area_id: t for t in templates}
    case_area: dict[int, int] = dict(Case.objects.values_list("pk", "area_id"))
    case_of_row: dict[str, dict[int, int]] = {}
    # Parents first, so each row's case is known from its parent's.
    ordered = _parents_first(models)
    for model in ordered:
        table = model._meta.db_table
        columns = [f.attname for f in model._meta.concrete_fields]
        rows = [list(row) for row in model.objects.order_by("pk").values_list(*columns)]
        if model is Case:
            case_of = {row[0]: row[0] for row in rows}
        else:
            parent = _parent_field(model, models)
            at = columns.index(parent.attname)
            parent_table = parent.related_model._meta.db_table
            case_of = {}
            for row in rows:
                if row[at] is None:
                    continue
                found = case_of_row[parent_table].get(row[at])
                if found is not None:
                    case_of[row[0]] = found
        case_of_row[table] = case_of
        for template in templates:
            template.rows[table] = []
            template.case_of[table] = {}
        for row in rows:
            case = case_of.get(row[0])
            if case is None:
                continue
            template = by_area[case_area[case]]
            template.rows[table].append(row)
            template.case_of[table][row[0]] = case
    case_table = Case._meta.db_table
    case_columns = [f.attname for f in Case._meta.concrete_fields]
    for template in templates:
        for row in template.rows[case_table]:
            values = dict(zip(case_columns, row, strict=True))
            template.case_status[row[0]] = values["status"]
            template.case_received[row[0]] = values["received_on"]
        _group_units(template, case_columns)
        say(
            f"template {template.variant}: {len(template.case_status)} cases in "
            f"{len(template.units)} units, "
            f"{sum(len(rows) for rows in template.rows.values()):,} rows"
        )
    return ordered


def _parents_first(models: list[Any]) -> list[Any]:
    ordered: list[Any] = [models[0]]  # Case
    remaining = list(models[1:])
    while remaining:
        for model in remaining:
            if _parent_field(model, models).related_model in ordered:
                ordered.append(model)
                remaining.remove(model)
                break
        else:  # pragma: no cover - a cycle among parents
            raise ValueError("the case-data models' parents form a cycle")
    return ordered


def _group_units(template: Template, case_columns: list[str]) -> None:
    from casereview.cases.models import Case

    at = case_columns.index("repeat_of_id")
    parent: dict[int, int] = {}

    def root(case: int) -> int:
        while parent.get(case, case) != case:
            case = parent[case]
        return case

    for row in template.rows[Case._meta.db_table]:
        parent.setdefault(row[0], row[0])
        if row[at] is not None:
            parent[root(row[0])] = root(row[at])
    groups: dict[int, list[int]] = defaultdict(list)
    for case in sorted(parent):
        groups[root(case)].append(case)
    template.units = [groups[key] for key in sorted(groups)]
    template.unit_of_case = {c: u for u, cases in enumerate(template.units) for c in cases}
    template.unit_rows = [defaultdict(list) for _ in template.units]
    template.positions = [defaultdict(dict) for _ in template.units]
    for table, rows in template.rows.items():
        for row in rows:
            unit = template.unit_of_case[template.case_of[table][row[0]]]
            template.positions[unit][table][row[0]] = len(template.unit_rows[unit][table])
            template.unit_rows[unit][table].append(row)


def compile_texts(template: Template, models: list[Any]) -> None:
    """Find the holes in every text and JSON value of the template once."""
    from casereview.cases.models import Case

    case_columns = [f.attname for f in Case._meta.concrete_fields]
    tokens = dict(template.tokens)
    for row in template.rows[Case._meta.db_table]:
        values = dict(zip(case_columns, row, strict=True))
        case = row[0]
        tokens[values["reference"]] = f"reference:{case}"
        for column in (
            "victim_name",
            "victim_email",
            "victim_phone",
            "victim_address",
            "victim_postcode",
        ):
            if values[column] and len(values[column]) > 3:
                tokens.setdefault(values[column], f"{column}:{case}")
        # Letters write the address one line per comma-separated piece.
        for joiner, form in (("\n", "lines"), ("<br>", "br")):
            written = joiner.join(address_lines(values["victim_address"]))
            if joiner in written:
                tokens.setdefault(written, f"victim_address_{form}:{case}")
        if values["location"]:
            tokens.setdefault(values["location"], f"location:{case}")
    template.tokens = tokens
    literals = sorted(tokens, key=len, reverse=True)
    template.pattern = re.compile(
        "|".join(
            [re.escape(literal) for literal in literals]
            + [_MARK.pattern, _ISO_DATE.pattern, _DATE_WORDS.pattern]
        )
    )
    for model in models:
        table = model._meta.db_table
        fields = model._meta.concrete_fields
        compiled: dict[int, dict[int, list[Part]]] = {}
        for row in template.rows[table]:
            holes: dict[int, list[Part]] = {}
            for index, f in enumerate(fields):
                value = row[index]
                kind = f.get_internal_type()
                if kind == "JSONField" and value is not None:
                    text = json.dumps(_mark_ids(value))
                elif isinstance(value, str) and kind in (
                    "CharField",
                    "TextField",
                    "EmailField",
                    "SlugField",
                ):
                    text = value
                else:
                    continue
                parts = _split(text, template.pattern, tokens)
                if parts is not None:
                    holes[index] = parts
            if holes:
                compiled[row[0]] = holes
        template.texts[table] = compiled


def delete_templates(templates: list[Template], models: list[Any]) -> None:
    """Remove the template areas and everything made for them, with plain SQL (the models
    refuse to delete history rows one by one, rightly)."""
    from django.db import connection

    from casereview.accounts.models import Membership, User
    from casereview.areas.models import Agency, Area, AreaAgency, AreaPolicy
    from casereview.cases.models import CaseSequence
    from casereview.partners.models import Incident, PartnerVictim

    areas = [t.area_id for t in templates]
    agencies = [a for t in templates for a in t.agency_map]
    users = [u for t in templates for u in t.user_ids]
    marks = ", ".join(["%s"] * len(areas))
    with connection.cursor() as cursor:
        for model in reversed(models):
            table = model._meta.db_table
            ids = [row[0] for t in templates for row in t.rows[table]]
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                cursor.execute(
                    f'DELETE FROM "{table}" WHERE "id" IN ({", ".join(["%s"] * len(chunk))})',  # nosec B608
                    chunk,
                )
        for model in (CaseSequence, AreaPolicy, AreaAgency, Incident, PartnerVictim):
            cursor.execute(
                f'DELETE FROM "{model._meta.db_table}" WHERE "area_id" IN ({marks})',  # nosec B608
                areas,
            )
        cursor.execute(
            f'DELETE FROM "{Membership._meta.db_table}" WHERE "area_id" IN ({marks})',
            areas,  # nosec B608
        )
        cursor.execute(
            f'DELETE FROM "{Area._meta.db_table}" WHERE "id" IN ({marks})',
            areas,  # nosec B608
        )
        user_marks = ", ".join(["%s"] * len(users))
        cursor.execute(
            f'DELETE FROM "{User._meta.db_table}" WHERE "id" IN ({user_marks})',
            users,  # nosec B608
        )
        agency_marks = ", ".join(["%s"] * len(agencies))
        cursor.execute(
            f'DELETE FROM "{Agency._meta.db_table}" WHERE "id" IN ({agency_marks})',  # nosec B608
            agencies,
        )
        # The audit chain recorded the template's making; the clones are bulk rows it does not
        # record, so the data set starts with an empty chain.
        cursor.execute('DELETE FROM "audit_auditrecord"')
        cursor.execute('DELETE FROM "audit_chainhead"')
        cursor.execute('DELETE FROM "django_tasks_database_dbtaskresult"')


# --- Planning ----------------------------------------------------------------------------------


def _event_dates(template: Template, models: list[Any]) -> None:
    """The day each template event happened (the template was built with the clock frozen, so
    its events were all recorded at one moment): from the step's own date where the rows say
    it, else the previous event's day."""
    from casereview.appeals.models import Appeal
    from casereview.cases.models import Case, CaseEvent
    from casereview.partners.models import InformationRequest, InformationResponse
    from casereview.reviews.models import Action, Meeting

    def column_map(model: Any) -> dict[str, int]:
        return {f.attname: i for i, f in enumerate(model._meta.concrete_fields)}

    case_c = column_map(Case)
    cases = {row[0]: row for row in template.rows[Case._meta.db_table]}
    req_c = column_map(InformationRequest)
    requested: dict[int, dt.date] = {}
    for row in template.rows[InformationRequest._meta.db_table]:
        case = row[req_c["case_id"]]
        day = row[req_c["requested_on"]]
        requested[case] = min(day, requested.get(case, day))
    res_c = column_map(InformationResponse)
    responded = {
        row[0]: row[res_c["received_on"]]
        for row in template.rows[InformationResponse._meta.db_table]
    }
    meet_c = column_map(Meeting)
    meetings: dict[tuple[int, int], list[Any]] = {
        (row[meet_c["case_id"]], row[meet_c["number"]]): row
        for row in template.rows[Meeting._meta.db_table]
    }
    action_c = column_map(Action)
    actions = {row[0]: row for row in template.rows[Action._meta.db_table]}
    app_c = column_map(Appeal)
    appeals = {row[0]: row for row in template.rows[Appeal._meta.db_table]}
    ev_c = column_map(CaseEvent)
    previous: dict[int, dt.date] = {}
    for row in template.rows[CaseEvent._meta.db_table]:
        case = row[ev_c["case_id"]]
        step = row[ev_c["step"]]
        data = row[ev_c["data"]] or {}
        c = cases[case]
        known: dt.date | None = None
        if step == "receive":
            known = c[case_c["received_on"]]
        elif step == "acknowledge":
            known = c[case_c["acknowledged_on"]]
        elif step == "request_information":
            known = requested.get(case)
        elif step == "record_response":
            known = responded.get(data.get("response", 0))
        elif step in ("decide_threshold_met", "decide_threshold_not_met") and "on" in data:
            known = dt.date.fromisoformat(data["on"])
        elif step in ("close", "withdraw"):
            known = c[case_c["ended_on"]]
        elif step == "record_victim_contact":
            known = c[case_c["victim_contacted_on"]]
        elif step in _MEETING_STEPS and (case, data.get("meeting")) in meetings:
            meeting = meetings[(case, data["meeting"])]
            column = _MEETING_STEPS[step]
            known = meeting[meet_c[column]] if column else None
        elif step == "update_action" and data.get("action") in actions:
            known = actions[data["action"]][action_c["completed_on"]]
        elif step == "lodge_appeal" and data.get("appeal") in appeals:
            known = appeals[data["appeal"]][app_c["received_on"]]
        elif step in ("dismiss_appeal", "uphold_appeal_reconvene", "uphold_appeal_redecide"):
            appeal = appeals.get(data.get("appeal", 0))
            known = appeal[app_c["heard_on"]] if appeal else None
        elif step == "send_appeal_outcome":
            appeal = appeals.get(data.get("appeal", 0))
            known = appeal[app_c["outcome_sent_on"]] if appeal else None
        day = previous.get(case, c[case_c["received_on"]])
        if known is not None and known > day:
            day = known
        previous[case] = day
        template.event_dates[row[0]] = day
        template.step_dates.setdefault(case, {}).setdefault(step, day)


# Review steps dated by a column of their meeting (None: the day of the step before).
_MEETING_STEPS: dict[str, str | None] = {
    "schedule_meeting": None,
    "record_meeting": "held_on",
    "send_outcome": "outcome_sent_on",
    "circulate_minutes": "minutes_sent_on",
    "finalise_plan": "plan_finalised_on",
    "record_victim_comment": None,
}


@dataclass
class Plan:
    clones: list[Clone]
    per_area: dict[int, int]
    first_received: dt.date


def plan_clones(
    templates: dict[str, Template],
    areas: list[AreaInfo],
    *,
    scale: float,
    seed: int,
    today: dt.date,
    years: int,
) -> Plan:
    rng = random.Random(f"cases-{seed}")
    total = round(TOTAL_CASES * scale)
    # Every unit of every variant at least once, so every status is there at any scale.
    minimum = sum(sum(len(u) for u in t.units) for t in templates.values())
    total = max(total, minimum)
    counts = shares(total, [float(a.population) for a in areas])
    start = today - dt.timedelta(days=365 * years)
    by_variant: dict[str, list[AreaInfo]] = defaultdict(list)
    for area in areas:
        by_variant[area.variant].append(area)

    def unit_info(template: Template, unit: int) -> tuple[bool, dt.date, int]:
        cases = template.units[unit]
        final = all(template.case_status[c] in FINAL for c in cases)
        first = min(template.case_received[c] for c in cases)
        return final, first, len(cases)

    def unit_weight(template: Template, unit: int) -> float:
        statuses = {template.case_status[c] for c in template.units[unit]}
        if "declined" in statuses:
            return 0.25  # a repeat declined is rare
        if "closed" in statuses:
            return 2.5  # most applications end closed
        return 1.0

    clones: list[Clone] = []

    def add(area: AreaInfo, template: Template, unit: int, final: bool, first: dt.date) -> int:
        if final:
            latest_weeks = max(0, (first - start).days // 7)
            weeks = int(rng.random() * (latest_weeks + 1))
        else:
            weeks = rng.choice((0, 0, 1, 1, 2, 3, 4, 6, 8))
        clones.append(Clone(index=0, unit=unit, area=area, offset_days=-7 * weeks))
        clones[-1].bases["variant"] = VARIANTS.index(
            next(v for v in VARIANTS if v.name == template.variant)
        )
        return len(template.units[unit])

    per_area: dict[int, int] = defaultdict(int)
    # The guaranteed clones, in the variant's biggest area.
    for name, template in templates.items():
        if not by_variant[name]:
            continue
        host = max(by_variant[name], key=lambda a: (a.population, a.gss_code))
        for unit in range(len(template.units)):
            final, first, _ = unit_info(template, unit)
            per_area[host.id] += add(host, template, unit, final, first)
    for area, count in zip(areas, counts, strict=True):
        template = templates[area.variant]
        finals = [u for u in range(len(template.units)) if unit_info(template, u)[0]]
        opens = [u for u in range(len(template.units)) if not unit_info(template, u)[0]]
        final_weights = [unit_weight(template, u) for u in finals]
        open_wanted = round(count * OPEN_SHARE)
        made_open = 0
        while per_area[area.id] < count:
            if made_open < open_wanted and opens:
                unit = opens[int(rng.random() * len(opens))]
                made_open += len(template.units[unit])
            else:
                unit = rng.choices(finals, weights=final_weights)[0]
            final, first, _ = unit_info(template, unit)
            per_area[area.id] += add(area, template, unit, final, first)
    first_received = today
    for clone in clones:
        template = templates[VARIANTS[clone.bases["variant"]].name]
        received = min(template.case_received[c] for c in template.units[clone.unit])
        day = received + dt.timedelta(days=clone.offset_days)
        first_received = min(first_received, day)
        clone.bases["received"] = day.toordinal()
    clones.sort(key=lambda c: (c.bases["received"], c.area.gss_code, c.unit, c.offset_days))
    for index, clone in enumerate(clones):
        clone.index = index
    return Plan(clones, dict(per_area), first_received)


# --- Cloning -----------------------------------------------------------------------------------


def _person(rng: random.Random, area: AreaInfo) -> dict[str, str]:
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(SURNAMES)
    name = f"{first} {last}"
    prefix = postcode_prefix(area)
    postcode = (
        f"{prefix}{rng.randrange(1, 30)} {rng.randrange(10)}"
        f"{'ABDEFGHJLNPQRSTUWXYZ'[rng.randrange(20)]}{'ABDEFGHJLNPQRSTUWXYZ'[rng.randrange(20)]}"
    )
    number = rng.randrange(1, 200)
    street = rng.choice(STREET_NAMES)
    return {
        "name": name,
        "postcode": postcode,
        "address": f"{number} {street}, {area.name}",
        "location": f"{street}, {area.name}",
        "email": f"{first.lower()}.{last.lower()}{rng.randrange(100)}@example.com",
        "phone": f"07700 900{rng.randrange(1000):03d}",
    }


def make_cases(
    areas: list[AreaInfo],
    *,
    scale: float,
    seed: int,
    today: dt.date,
    years: int,
    top_people: dict[int, list[tuple[str, str, int]]],
    say: Callable[[str], None],
) -> CaseSummary:
    from django.db import connection, transaction

    from casereview.cases.models import Case, CaseSequence

    key = (today, connection.vendor)
    if key not in _TEMPLATES:
        # Not inside a transaction: each template's letters are written when its cases
        # commit, which must happen while the clock is frozen.
        made = build_templates(today, say)
        with transaction.atomic():
            models = read_templates(made, say)
            for template in made:
                compile_texts(template, models)
                _event_dates(template, models)
            delete_templates(made, models)
        _TEMPLATES[key] = (made, models)
    built, models = _TEMPLATES[key]
    with transaction.atomic():
        templates = {t.variant: t for t in built}
        plan = plan_clones(templates, areas, scale=scale, seed=seed, today=today, years=years)
        say(f"cases: cloning {len(plan.clones):,} units")
        writer = Writer()
        _clone_all(
            writer, templates, models, plan, seed=seed, today=today, top_people=top_people, say=say
        )
        _sequences(writer, areas)
        writer.reset_sequences([*models, CaseSequence])
    summary = CaseSummary(
        per_area=plan.per_area,
        first_received=plan.first_received,
        variants={v.name: sum(1 for a in areas if a.variant == v.name) for v in VARIANTS},
        notes={
            "method": "templates built through casereview.cases.demo.seed_demo_cases, cloned",
            "template_cases_per_variant": {t.variant: len(t.case_status) for t in built},
            "units": len(plan.clones),
            "offsets": "whole weeks back; final units over the five years, open ones 0-8 weeks",
            "letters": "HTML rewritten per clone; PDF and DOCX empty except the sample case's",
            "audit": "not copied: the audit chain starts empty",
        },
    )
    say(f"cases: {Case.objects.count():,} cases")
    return summary


def _clone_all(
    writer: Writer,
    templates: dict[str, Template],
    models: list[Any],
    plan: Plan,
    *,
    seed: int,
    today: dt.date,
    top_people: dict[int, list[tuple[str, str, int]]],
    say: Callable[[str], None],
) -> None:
    from casereview.accounts.models import User
    from casereview.areas.models import Agency, Area, AreaPolicy
    from casereview.cases.models import Case

    rng = random.Random(f"clones-{seed}")
    # Primary key blocks: each clone gets a contiguous block per table.
    next_pk = {m._meta.db_table: next_id(m) for m in models}
    variant_names = [v.name for v in VARIANTS]
    sequence: dict[tuple[int, int], int] = defaultdict(int)
    case_table = Case._meta.db_table
    case_fields = [f.attname for f in Case._meta.concrete_fields]
    ref_at = case_fields.index("reference")
    open_people: dict[int, list[tuple[str, str, int]]] = {
        area: list(people) for area, people in top_people.items()
    }
    agency_codes = dict(Agency.objects.values_list("pk", "code"))
    agency_names = dict(Agency.objects.values_list("pk", "name"))
    agency_emails = dict(Agency.objects.values_list("pk", "email"))
    area_rows = {
        a["pk"]: a
        for a in Area.objects.values("pk", "official_name", "contact_email", "contact_phone")
    }
    user_rows = {u["pk"]: u for u in User.objects.values("pk", "full_name", "email")}
    policies = dict(AreaPolicy.objects.values_list("area_id", "pk"))
    word_cache: dict[int, str] = {}

    def govuk(day: dt.date) -> str:
        key = day.toordinal()
        found = word_cache.get(key)
        if found is None:
            found = word_cache[key] = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        return found

    for clone in plan.clones:
        template = templates[variant_names[clone.bases["variant"]]]
        unit_rows = template.unit_rows[clone.unit]
        for table, rows in unit_rows.items():
            clone.bases[table] = next_pk[table]
            next_pk[table] += len(rows)
        area = clone.area
        # One victim per unit: the cases of a unit are one victim's applications.
        person = _person(rng, area)
        statuses = [row[case_fields.index("status")] for row in unit_rows[case_table]]
        # Some open cases are for people the agencies' records show as repeat victims: the
        # repeat-victim check must leave them out.
        if (
            any(s not in FINAL for s in statuses)
            and open_people.get(area.id)
            and rng.random() < 0.3
        ):
            name, postcode, _ = open_people[area.id].pop(0)
            person["name"], person["postcode"] = name, postcode
        for row in unit_rows[case_table]:
            received = row[case_fields.index("received_on")] + dt.timedelta(days=clone.offset_days)
            sequence[(area.id, received.year)] += 1
            number = sequence[(area.id, received.year)]
            clone.references[row[ref_at]] = f"{area.la_code}-{received.year}-{number:04d}"
            case = row[0]
            clone.words[f"reference:{case}"] = clone.references[row[ref_at]]
            clone.words[f"victim_name:{case}"] = person["name"]
            clone.words[f"victim_email:{case}"] = person["email"]
            clone.words[f"victim_phone:{case}"] = person["phone"]
            clone.words[f"victim_address:{case}"] = person["address"]
            clone.words[f"victim_postcode:{case}"] = person["postcode"]
            clone.words[f"victim_address_lines:{case}"] = "\n".join(
                address_lines(person["address"])
            )
            clone.words[f"victim_address_br:{case}"] = "<br>".join(address_lines(person["address"]))
            clone.words[f"location:{case}"] = person["location"]
        bodies = {
            "council": area.council_id,
            "police": area.police_id,
            "health": area.health_id,
            "housing": area.housing_ids[clone.index % len(area.housing_ids)],
        }
        clone.words["area_name"] = area.name
        clone.words["official_name"] = area_rows[area.id]["official_name"]
        clone.words["contact_email"] = area_rows[area.id]["contact_email"]
        clone.words["contact_phone"] = area_rows[area.id]["contact_phone"]
        coordinators = area.users["coordinator"]
        coordinator = coordinators[clone.index % len(coordinators)]
        clone.words["coordinator_name"] = user_rows[coordinator]["full_name"]
        clone.words["coordinator_email"] = user_rows[coordinator]["email"]
        for role, body in bodies.items():
            clone.words[f"{role}_name"] = agency_names[body]
            clone.words[f"{role}_code"] = agency_codes[body]
            clone.words[f"{role}_email"] = agency_emails[body]
        clone.bases["agency"] = 0
        clone.date_words = {}
        clone.bases["policy"] = policies[area.id]
        clone.bases["coordinator"] = coordinator
        for role, body in bodies.items():
            clone.bases[f"agency:{role}"] = body

    for model in models:
        table = model._meta.db_table
        rows_of = _clone_rows(model, templates, variant_names, plan, govuk, today)
        count = writer.rows(table, [f.column for f in model._meta.concrete_fields], rows_of)
        if count:
            say(f"cases: {table} {count:,} rows")


def _clone_rows(
    model: Any,
    templates: dict[str, Template],
    variant_names: list[str],
    plan: Plan,
    govuk: Callable[[dt.date], str],
    today: dt.date,
) -> Iterator[list[Any]]:
    """The clones' rows of one table."""
    from casereview.accounts.models import User
    from casereview.areas.models import Agency, Area, AreaPolicy
    from casereview.cases.models import Case, CaseEvent
    from casereview.letters.models import Letter

    table = model._meta.db_table
    fields = model._meta.concrete_fields
    built_at = dt.datetime.combine(today, BUILT_AT_TIME, tzinfo=dt.UTC)
    clone_tables = set(templates[variant_names[0]].rows)
    # What to do with each column: (index, kind, detail).
    plan_columns: list[tuple[int, str, Any]] = []
    date_fields = [i for i, f in enumerate(fields) if f.get_internal_type() == "DateField"]
    for index, f in enumerate(fields):
        kind = f.get_internal_type()
        if index == 0:
            plan_columns.append((index, "pk", table))
        elif f.is_relation:
            target = f.related_model
            target_table = target._meta.db_table
            if target_table in clone_tables:
                plan_columns.append((index, "fk", target_table))
            elif target is Area:
                plan_columns.append((index, "area", None))
            elif target is AreaPolicy:
                plan_columns.append((index, "policy", None))
            elif target is Agency:
                plan_columns.append((index, "agency", None))
            elif target is User:
                plan_columns.append((index, "user", None))
            else:
                plan_columns.append((index, "null", None))
        elif kind == "DateField":
            plan_columns.append((index, "date", None))
        elif kind == "DateTimeField":
            plan_columns.append((index, "datetime", None))
        elif kind == "BinaryField":
            plan_columns.append((index, "empty", None))
    is_case = model is Case
    is_event = model is CaseEvent
    is_letter = model is Letter
    names = [f.attname for f in fields]
    step_at = names.index("step") if "step" in names else None
    status_at = names.index("status") if "status" in names else -1
    posted_on_at = names.index("posted_on") if is_letter else -1
    posted_by_at = names.index("posted_by_id") if is_letter else -1
    posted_before = today - dt.timedelta(days=3)
    victim_columns = {
        names.index(c): c
        for c in (
            "victim_name",
            "victim_postcode",
            "victim_email",
            "victim_phone",
            "victim_address",
        )
        if is_case
    }
    key_columns = {
        names.index(c): c
        for c in ("victim_name_key", "victim_postcode_key", "victim_email_key", "victim_phone_key")
        if is_case
    }

    for clone in plan.clones:
        template = templates[variant_names[clone.bases["variant"]]]
        rows = template.unit_rows[clone.unit].get(table)
        if not rows:
            continue
        positions = template.positions[clone.unit]
        offset = dt.timedelta(days=clone.offset_days)
        texts = template.texts[table]
        words = clone.words
        agency_roles = template.agency_map

        def fill(
            parts: list[Part],
            clone: Clone = clone,
            offset: dt.timedelta = offset,
            positions: dict[str, dict[int, int]] = positions,
        ) -> str:
            out = []
            for part in parts:
                if isinstance(part, str):
                    out.append(part)
                    continue
                what, value = part
                if what == "word":
                    out.append(clone.words.get(value, ""))
                elif what == "date":
                    out.append(govuk(value + offset))
                elif what == "iso":
                    out.append((value + offset).isoformat())
                else:
                    mark, target, old = value
                    new = positions[target].get(old)
                    new_id = clone.bases[target] + new if new is not None else old
                    out.append(str(new_id) if mark == "I" else f'"{new_id}"')
            return "".join(out)

        for row in rows:
            new = list(row)
            anchor: dt.date | None = None
            for index in date_fields:
                if row[index] is not None:
                    anchor = row[index]
                    break
            case = template.case_of[table][row[0]]
            if is_event:
                anchor = template.event_dates.get(row[0], anchor)
            elif is_letter:
                anchor = template.step_dates.get(case, {}).get(row[step_at], None)  # type: ignore[index]
            if anchor is None:
                anchor = template.case_received[case]
            for index, kind, detail in plan_columns:
                value = row[index]
                if kind == "pk":
                    new[index] = clone.bases[table] + positions[table][value]
                elif value is None:
                    continue
                elif kind == "fk":
                    position = positions[detail].get(value)
                    new[index] = clone.bases[detail] + position if position is not None else None
                elif kind == "area":
                    new[index] = clone.area.id
                elif kind == "policy":
                    new[index] = clone.bases["policy"]
                elif kind == "agency":
                    role = agency_roles.get(value)
                    new[index] = clone.bases[f"agency:{role}"] if role else value
                elif kind == "user":
                    new[index] = clone.bases["coordinator"]
                elif kind == "null":
                    new[index] = None
                elif kind == "date":
                    new[index] = value + offset
                elif kind == "datetime":
                    if value == built_at:
                        # Recorded "now" while the template was built: the step's own day, in
                        # the order the rows were made.
                        new[index] = dt.datetime.combine(
                            anchor + offset, dt.time(9), tzinfo=dt.UTC
                        ) + dt.timedelta(minutes=positions[table][row[0]] % 480)
                    else:
                        new[index] = value + offset
                elif kind == "empty":
                    new[index] = b""
            holes = texts.get(row[0])
            if holes:
                for index, parts in holes.items():
                    new[index] = fill(parts)
            if is_case:
                for index, column in victim_columns.items():
                    if row[index]:
                        new[index] = words[f"{column}:{case}"]
                for index, column in key_columns.items():
                    source = new[names.index(column[: -len("_key")])]
                    if column == "victim_name_key":
                        new[index] = " ".join(source.casefold().split())
                    elif column == "victim_postcode_key":
                        new[index] = source.replace(" ", "").upper()
                    elif column == "victim_email_key":
                        new[index] = source.strip().lower()
                    else:
                        new[index] = "".join(ch for ch in source if ch.isdigit())
            if is_letter and new[status_at] == "to_post" and anchor + offset < posted_before:
                # Letters of past steps went in the post long ago.
                new[status_at] = "posted"
                new[posted_on_at] = anchor + offset + dt.timedelta(days=1)
                new[posted_by_at] = clone.bases["coordinator"]
            yield new


def _sequences(writer: Writer, areas: list[AreaInfo]) -> None:
    """``CaseSequence`` past every reference issued, so new cases never reuse one."""
    from django.db import connection

    from casereview.cases.models import Case, CaseSequence

    last: dict[tuple[int, int], int] = {}
    for area_id, reference in Case.objects.values_list("area_id", "reference").iterator():
        _, year, number = reference.rsplit("-", 2)
        key = (area_id, int(year))
        last[key] = max(last.get(key, 0), int(number))
    with connection.cursor() as cursor:
        cursor.execute(f'DELETE FROM "{CaseSequence._meta.db_table}"')  # nosec B608
    pk = next_id(CaseSequence)
    writer.rows(
        CaseSequence._meta.db_table,
        ("id", "area_id", "year", "last"),
        [(pk + i, area, year, n) for i, ((area, year), n) in enumerate(sorted(last.items()))],
    )


# --- The sample --------------------------------------------------------------------------------


def sample_case(area_id: int) -> dict[str, Any]:
    """An open case of the area with the longest history, and a few letters of different kinds;
    their PDF and Word renderings are made for real."""
    from django.db.models import Count

    from casereview.cases.models import Case
    from casereview.cases.workflow import OPEN_STATUSES
    from casereview.letters.models import Letter
    from casereview.letters.rendering import html_to_docx, html_to_pdf

    case = (
        Case.objects.filter(area_id=area_id, status__in=OPEN_STATUSES)
        .annotate(
            events_count=Count("events", distinct=True),
            letters_count=Count("letters", distinct=True),
        )
        .order_by("-events_count", "-letters_count", "pk")
        .first()
    )
    if case is None:
        return {"case_id": None, "case_reference": None, "letter_ids": []}
    letters: list[int] = []
    kinds: set[str] = set()
    area_letters = Letter.objects.filter(case__area_id=area_id).order_by("-case__received_on", "pk")
    for letter in [*Letter.objects.filter(case=case).order_by("pk"), *area_letters[:2000]]:
        if letter.kind not in kinds:
            kinds.add(letter.kind)
            letters.append(letter.pk)
        if len(letters) >= 6:
            break
    rendered = list(Letter.objects.filter(case=case)) + list(
        Letter.objects.filter(pk__in=letters).exclude(case=case)
    )
    for letter in rendered:
        Letter.objects.filter(pk=letter.pk).update(
            pdf=html_to_pdf(letter.html), docx=html_to_docx(letter.html)
        )
    return {
        "case_id": case.pk,
        "case_reference": case.reference,
        "case_status": case.status,
        "case_events": case.events_count,
        "case_letters": case.letters_count,
        "letter_ids": letters,
        "letter_kinds": sorted(kinds),
    }
