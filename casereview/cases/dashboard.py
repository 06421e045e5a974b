"""The coordinator's dashboard: which cases a person sees, how urgent each is, and the filters.

Everything starts from ``selectors.cases_for``, so the dashboard can never show a case outside
the person's scope. A case's urgency is its most urgent open deadline (a duty of the service not
yet met: ``met_on`` empty and not ``informational``), measured in the working days of its
area's nation:

- overdue: the due date has passed (red);
- due today (amber);
- due this week: due within the next ``WEEK_WORKING_DAYS`` working days, so a bank holiday
  stretches "this week" instead of shortening it (amber);
- on track: due later than that (green);
- nothing due: no open deadline (grey).

The words always say the status; the colour only repeats it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import F, Min, Q, QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from casereview.accounts.models import Membership, Role, User
from casereview.accounts.scoping import scope
from casereview.areas.models import Area, Nation
from casereview.cases.deadlines import DeadlineStatus, deadline_status
from casereview.cases.models import Case, Deadline
from casereview.cases.selectors import AREA_CASE_ROLES, cases_for
from casereview.cases.workflow import OPEN_STATUSES, Status
from casereview.core.formatting import govuk_date
from casereview.core.forms import CharField, ChoiceField, DesignSystemForm, SelectField
from casereview.rules import calendar_for

# "This week" is a rolling working week: the next five working days after today.
WEEK_WORKING_DAYS = 5
PAGE_SIZE = 25

SHOW_MINE = "mine"
SHOW_ALL = "all"

DUE_OVERDUE = "overdue"
DUE_TODAY = "today"
DUE_THIS_WEEK = "week"

DUE_ANY = "any"

# Status filter values beyond the statuses themselves.
STATUS_OPEN = "open"
STATUS_ANY = "any"

# Choices that mean "no filter" have words for values: the select component keeps an empty
# first option of its own, which also means "no filter".
AREA_ALL = "all"
SPOC_ANYONE = "anyone"
SPOC_NONE = "none"

# Search text is matched as a substring; a cap keeps a pasted essay from becoming a query.
SEARCH_MAX_LENGTH = 100


@dataclass(frozen=True)
class Urgency:
    """How urgent a case (or one deadline) is, in words and a tag colour."""

    code: str  # overdue, today, week, on_track, none, met
    text: str
    colour: str  # the govukTag modifier: red, orange, green, grey

    @property
    def tag_classes(self) -> str:
        return f"govuk-tag--{self.colour}"


def week_end(today: date, nation: str) -> date:
    """The last day of the rolling working week after ``today`` in ``nation``."""
    return calendar_for(nation).add_working_days(today, WEEK_WORKING_DAYS).due


def urgency_of(
    due_on: date | None, today: date, nation: str, *, count_beyond_week: bool = False
) -> Urgency:
    """The urgency of an open duty due on ``due_on`` (None: nothing is due). Beyond this week it
    is "On track", or with ``count_beyond_week`` still "Due in N working days" (in green)."""
    if due_on is None:
        return Urgency("none", str(_("Nothing due")), "grey")
    if due_on < today:
        return Urgency(DUE_OVERDUE, str(_("Overdue")), "red")
    if due_on == today:
        return Urgency(DUE_TODAY, str(_("Due today")), "orange")
    days = calendar_for(nation).working_days_between(today, due_on)
    text = ngettext("Due in %(days)s working day", "Due in %(days)s working days", days) % {
        "days": days
    }
    if due_on <= week_end(today, nation):
        return Urgency(DUE_THIS_WEEK, text, "orange")
    return Urgency("on_track", text if count_beyond_week else str(_("On track")), "green")


def deadline_urgency(deadline: Deadline, today: date, nation: str) -> Urgency:
    """One stored deadline's status in words: met, the victim's own window, or its urgency."""
    status = deadline_status(deadline, today)
    if status == DeadlineStatus.MET:
        return Urgency(
            "met", str(_("Met on %(day)s")) % {"day": govuk_date(deadline.met_on)}, "green"
        )
    if deadline.informational:
        # The victim's window, not a duty of the service: never "overdue" against the service.
        if status == DeadlineStatus.OVERDUE:
            return Urgency("ended", str(_("Window ended")), "grey")
        return Urgency("open", str(_("Window open")), "blue")
    return urgency_of(deadline.due_on, today, nation, count_beyond_week=True)


def with_next_due(cases: QuerySet[Case]) -> QuerySet[Case]:
    """``cases`` annotated with ``next_due``: the due date of the most urgent open duty."""
    return cases.annotate(
        next_due=Min(
            "deadlines__due_on",
            filter=Q(deadlines__met_on__isnull=True, deadlines__informational=False),
        )
    )


def _due_q(due: str, today: date, nations: list[str]) -> Q:
    """Cases (annotated by ``with_next_due``) in one urgency bucket."""
    if due == DUE_OVERDUE:
        return Q(next_due__lt=today)
    if due == DUE_TODAY:
        return Q(next_due=today)
    # This week depends on the nation's bank holidays, so each nation has its own end.
    q = Q(pk__in=[])
    for nation in nations:
        q |= Q(area__nation=nation, next_due__gt=today, next_due__lte=week_end(today, nation))
    return q


def visible_areas(user: User) -> QuerySet[Area]:
    """The areas whose cases ``user`` sees."""
    return Area.objects.filter(pk__in=sorted(scope(user).area_ids(AREA_CASE_ROLES))).order_by(
        "name"
    )


def spoc_choices(areas: QuerySet[Area]) -> list[tuple[str, str]]:
    """Coordinators of ``areas`` (who may be a case's single point of contact)."""
    # The areas by their ids (the form has read them already), not as a subquery to compile.
    area_ids = [area.pk for area in areas]
    people = (
        User.objects.filter(
            pk__in=Membership.objects.filter(area_id__in=area_ids, role=Role.COORDINATOR).values(
                "user_id"
            ),
            is_active=True,
        )
        .order_by("full_name", "email")
        .distinct()
    )
    return [(str(person.pk), person.get_full_name() or person.email) for person in people]


class DashboardFilterForm(DesignSystemForm):
    """The dashboard's GET form. Every field is optional; a value that is not one of the choices
    is an error shown on the page, never a crash."""

    show = ChoiceField(
        label=_("Show"),
        choices=[(SHOW_MINE, _("My cases")), (SHOW_ALL, _("All cases in my areas"))],
        required=False,
        inline=True,
        label_classes="govuk-fieldset__legend--s",
        error_messages={"invalid_choice": _("Choose my cases or all cases in my areas")},
    )
    q = CharField(
        label=_("Search by reference or name"),
        hint=_("All or part of a case reference, or of the victim's or applicant's name"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        spellcheck=False,
        label_classes="govuk-label--s",
        classes="govuk-input--width-30",
        error_messages={
            "max_length": _("Search for at most %(limit_value)s characters"),
        },
    )
    due = SelectField(
        label=_("When due"),
        choices=[
            (DUE_ANY, _("Any time")),
            (DUE_OVERDUE, _("Overdue")),
            (DUE_TODAY, _("Due today")),
            (DUE_THIS_WEEK, _("Due this week")),
        ],
        required=False,
        label_classes="govuk-label--s",
        error_messages={"invalid_choice": _("Choose when the cases are due from the list")},
    )
    status = SelectField(
        label=_("Status"),
        choices=[(STATUS_OPEN, _("Open cases")), (STATUS_ANY, _("Any status")), *Status.choices],
        required=False,
        label_classes="govuk-label--s",
        error_messages={"invalid_choice": _("Choose a status from the list")},
    )
    area = SelectField(
        label=_("Area"),
        choices=[],
        required=False,
        label_classes="govuk-label--s",
        error_messages={"invalid_choice": _("Choose one of your areas from the list")},
    )
    spoc = SelectField(
        label=_("Single point of contact"),
        choices=[],
        required=False,
        label_classes="govuk-label--s",
        error_messages={"invalid_choice": _("Choose a single point of contact from the list")},
    )

    def __init__(self, *args: Any, areas: QuerySet[Area], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.areas = areas
        area_field = self.fields["area"]
        assert isinstance(area_field, forms.ChoiceField)
        area_field.choices = [
            (AREA_ALL, _("All my areas")),
            *((str(area.pk), area.name) for area in areas),
        ]
        spoc_field = self.fields["spoc"]
        assert isinstance(spoc_field, forms.ChoiceField)
        spoc_field.choices = [
            (SPOC_ANYONE, _("Anyone")),
            (SPOC_NONE, _("Nobody yet")),
            *spoc_choices(areas),
        ]

    @property
    def has_several_areas(self) -> bool:
        return len(self.areas) > 1


@dataclass(frozen=True)
class Filters:
    show: str = SHOW_ALL
    q: str = ""
    due: str = ""
    status: str = STATUS_OPEN
    area_id: int | None = None
    spoc_id: int | None = None
    unassigned: bool = False

    def query(self, **changes: Any) -> dict[str, str]:
        """The filters as GET parameters, with ``changes`` applied (for links and pages)."""
        values = {
            "show": self.show,
            "q": self.q,
            "due": self.due,
            "status": self.status,
            "area": str(self.area_id or ""),
            "spoc": SPOC_NONE if self.unassigned else str(self.spoc_id or ""),
        }
        values.update({key: str(value) for key, value in changes.items()})
        return {key: value for key, value in values.items() if value}


def default_show(user: User) -> str:
    """My cases for someone who is the single point of contact of an open case they can see;
    everything in their areas otherwise (so nobody lands on an empty list by default)."""
    mine = cases_for(user).filter(spoc=user, status__in=OPEN_STATUSES)
    return SHOW_MINE if mine.exists() else SHOW_ALL


def filters_from(form: DashboardFilterForm, user: User) -> Filters:
    """The valid filters of a form; fields in error fall back to their defaults. A submitted
    form that does not say whose cases (a search link, say) looks at all of them."""
    data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
    show = data.get("show") or (SHOW_ALL if form.is_bound else default_show(user))
    area = data.get("area") or AREA_ALL
    spoc = data.get("spoc") or SPOC_ANYONE
    due = data.get("due") or DUE_ANY
    return Filters(
        show=show,
        q=(data.get("q") or "").strip(),
        due="" if due == DUE_ANY else due,
        status=data.get("status") or STATUS_OPEN,
        area_id=None if area == AREA_ALL else int(area),
        spoc_id=None if spoc in (SPOC_ANYONE, SPOC_NONE) else int(spoc),
        unassigned=spoc == SPOC_NONE,
    )


def base_cases(user: User, filters: Filters) -> QuerySet[Case]:
    """The cases ``filters`` select among those ``user`` sees, before the urgency bucket."""
    cases = with_next_due(cases_for(user))
    if filters.show == SHOW_MINE:
        cases = cases.filter(spoc=user)
    if filters.status == STATUS_OPEN:
        cases = cases.filter(status__in=OPEN_STATUSES)
    elif filters.status != STATUS_ANY:
        cases = cases.filter(status=filters.status)
    if filters.area_id is not None:
        cases = cases.filter(area_id=filters.area_id)
    if filters.spoc_id is not None:
        cases = cases.filter(spoc_id=filters.spoc_id)
    if filters.unassigned:
        cases = cases.filter(spoc__isnull=True)
    if filters.q:
        text = filters.q
        cases = cases.filter(
            Q(reference__icontains=text)
            | Q(victim_name__icontains=text)
            | Q(applicant_name__icontains=text)
        )
    return cases


BUCKETS = (DUE_OVERDUE, DUE_TODAY, DUE_THIS_WEEK)


def bucket_counts(cases: QuerySet[Case], today: date) -> tuple[dict[str, int], int]:
    """How many of ``cases`` are overdue, due today and due this week, and how many there are
    in all: one query, conditional sums over the annotated cases' next due dates and nations.

    The cases' own SELECT (one row per case) is compiled as the list would compile it and the
    counts are taken around it in SQL. ``QuerySet.aggregate`` with a filtered count per bucket
    gave the same numbers, but building that query (Django rewrites every filter's references
    to the annotation) took about a seventh of the dashboard's CPU (bench/fixes/b4.toml)."""
    rows = cases.order_by().values(next_due_on=F("next_due"), nation=F("area__nation"))
    try:
        inner, inner_params = rows.query.get_compiler(using=rows.db).as_sql()
    except EmptyResultSet:  # the caller sees no area: nothing to count
        return dict.fromkeys(BUCKETS, 0), 0
    # This week ends on a different day in each nation (their bank holidays differ).
    connection = connections[rows.db]
    day = connection.ops.adapt_datefield_value
    this_week = " OR ".join("(t.nation = %s AND t.next_due_on <= %s)" for _ in Nation.values)
    week_params: list[Any] = []
    for nation in Nation.values:
        week_params += [nation, day(week_end(today, nation))]
    sql = f"""
        SELECT COUNT(*),
               COALESCE(SUM(CASE WHEN t.next_due_on < %s THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN t.next_due_on = %s THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN t.next_due_on > %s AND ({this_week}) THEN 1 ELSE 0 END), 0)
        FROM ({inner}) t
    """  # nosec B608 - the inner SELECT is Django's compiled query; every value is a parameter
    with connection.cursor() as cursor:
        cursor.execute(sql, [day(today), day(today), day(today), *week_params, *inner_params])
        total, overdue, due_today, this_week_count = cursor.fetchone()
    counts = {DUE_OVERDUE: overdue, DUE_TODAY: due_today, DUE_THIS_WEEK: this_week_count}
    return {due: int(counts[due]) for due in BUCKETS}, int(total)


class CountedPaginator(Paginator):
    """A paginator told its count, which the page has already read with the bucket counts."""

    def __init__(self, object_list: QuerySet[Case], per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def in_bucket(cases: QuerySet[Case], due: str, today: date) -> QuerySet[Case]:
    if not due:
        return cases
    return cases.filter(_due_q(due, today, list(Nation.values)))


def ordered(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Most urgent first; cases with nothing due last, newest first among them."""
    return cases.order_by(F("next_due").asc(nulls_last=True), "-received_on", "-reference")


@dataclass(frozen=True)
class Row:
    case: Case
    urgency: Urgency
    # ``case.get_status_display()``, from the labels read once for the page.
    status_label: str


@dataclass(frozen=True)
class Dashboard:
    filters: Filters
    page: Page[Case]
    rows: list[Row]
    counts: dict[str, int]
    total: int


def build_dashboard(
    user: User, filters: Filters, today: date, page_number: str | None
) -> Dashboard:
    """The page of cases to show, with each case's urgency and the bucket counts."""
    cases = base_cases(user, filters)
    counts, total = bucket_counts(cases, today)
    chosen = ordered(in_bucket(cases, filters.due, today))
    # The number of cases the list pages through, already read with the bucket counts.
    shown = counts[filters.due] if filters.due else total
    paginator = CountedPaginator(chosen, PAGE_SIZE, shown)
    page = paginator.get_page(page_number)
    labels = {value: str(label) for value, label in Case._meta.get_field("status").flatchoices}
    rows = [
        Row(
            case,
            urgency_of(getattr(case, "next_due", None), today, case.area.nation),
            labels.get(case.status, case.status),
        )
        for case in page.object_list
    ]
    return Dashboard(filters, page, rows, counts, page.paginator.count)
