"""The check's one SQL query counts a person's occasions exactly as the rules engine does: for
any policy and any incidents, a person is listed precisely when ``evaluate_threshold`` over
their incidents (as ``casereview.rules.Complaint``) on the same day says the threshold is met,
with the same number of qualifying complaints."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casereview.areas.models import Agency, AgencyKind
from casereview.partners.duties.repeat_victims import repeat_victims
from casereview.partners.models import Incident
from casereview.rules import Complaint, ComplaintKind, LocalPolicy, ReportWindow, evaluate_threshold
from tests.factories import add_agency, make_agency, make_area, make_policy
from tests.partners.duties.helpers import incident, same_occasion, same_person, victim_record

START = dt.date(2025, 6, 1)

windows = st.one_of(
    st.integers(1, 3).map(lambda months: ReportWindow(months=months)),
    st.integers(1, 45).map(lambda days: ReportWindow(days=days)),
)
policies = st.builds(
    LocalPolicy,
    threshold=st.integers(1, 5),
    report_within=windows,
    application_within_months=st.integers(1, 8),
    diary_sheets_count=st.booleans(),
    same_day_is_same_occasion=st.booleans(),
)
incidents = st.lists(
    st.tuples(
        st.integers(0, 300),  # behaviour: days after START
        st.sampled_from([0, 0, 1, 5, 29, 30, 31, 40, 62]),  # days until it was reported
        st.sampled_from(["complaint", "complaint", "diary_sheet"]),
        st.integers(0, 2),  # which agency (police, council, housing)
        st.one_of(st.none(), st.integers(0, 2)),  # a confirmed cross-agency group, if any
    ),
    max_size=12,
)
days = st.integers(150, 420).map(lambda n: START + dt.timedelta(days=n))


def _rules_complaint(item: Incident, agency: Agency) -> Complaint:
    return Complaint(
        id=str(item.pk),
        behaviour_date=item.behaviour_on,
        reported_date=item.reported_on,
        agency=agency.code,
        incident=item.complaint_incident_key,
        kind=ComplaintKind(item.kind),
    )


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(policy=policies, specs=incidents, on=days)
def test_the_sql_count_equals_the_threshold_engine(
    db: None, policy: LocalPolicy, specs: list[tuple[int, int, str, int, int | None]], on: dt.date
) -> None:
    area = make_area()
    make_policy(area, policy)
    housing = make_agency(kind=AgencyKind.HOUSING)
    add_agency(area, housing)
    agencies = [area.police_force, area.council, housing]
    records = [victim_record(area, agency, "Sam Victim") for agency in agencies]
    same_person(*records)

    made: list[tuple[Incident, Agency]] = []
    groups: dict[int, list[Incident]] = {}
    for offset, delay, kind, which, group in specs:
        behaviour = START + dt.timedelta(days=offset)
        item = incident(
            area,
            agencies[which],
            records[which],
            behaviour,
            behaviour + dt.timedelta(days=delay),
            kind=kind,
        )
        made.append((item, agencies[which]))
        if group is not None:
            groups.setdefault(group, []).append(item)
    for members in groups.values():
        if len(members) > 1:
            same_occasion(*members)

    expected = evaluate_threshold(
        on, [_rules_complaint(item, agency) for item, agency in made], policy
    )
    listed = repeat_victims(area, on=on)

    assert bool(listed) == expected.threshold_met
    if listed:
        assert listed[0].count == expected.qualifying_count

    # With a threshold of one, every person with any qualifying occasion shows their count.
    make_policy(area, replace(policy, threshold=1), version=2)
    counted = [row.count for row in repeat_victims(area, on=on)]
    assert counted == ([expected.qualifying_count] if expected.qualifying_count else [])
