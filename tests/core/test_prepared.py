"""``casereview.core.prepared.Prepared`` gives the rows its queryset gives: the same model
instances with the same field values, relations read by ``select_related`` (forward, nullable,
two steps away, reverse one-to-one), deferred fields left deferred and annotations set. It
compiles once per connection and shape, and refuses a builder whose markers do not reach the
SQL as they are."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import Count, Model, QuerySet
from django.test.utils import CaptureQueriesContext
from django_otp.plugins.otp_totp.models import TOTPDevice

from casereview.accounts.models import User
from casereview.areas.models import Area, AreaPolicy
from casereview.cases.models import Case, Deadline
from casereview.core.prepared import Prepared
from casereview.letters.models import Letter
from tests.cases.helpers import gathering, receive, sent_letter
from tests.cases.views.pages import someone
from tests.reviews.helpers import voiced

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("before_christmas")]


def _values(instance: Model | None, seen: frozenset[int] = frozenset()) -> Any:
    """What a page can read of ``instance``: its loaded fields, and the same of every relation
    read with it, as plain values (a relation back to an instance already shown, as from a
    victim's voice to its case, by name only)."""
    if instance is None:
        return None
    if id(instance) in seen:
        return f"back to {type(instance).__name__} {instance.pk}"
    seen = seen | {id(instance)}
    deferred = instance.get_deferred_fields()
    found: dict[str, Any] = {"model": type(instance).__name__, "deferred": sorted(deferred)}
    for field in instance._meta.concrete_fields:
        if field.attname not in deferred:
            found[field.attname] = getattr(instance, field.attname)
    for relation in instance._meta.get_fields():
        cached: Any = relation  # a forward or reverse relation, which Django caches alike
        single = relation.is_relation and (relation.many_to_one or relation.one_to_one)
        if single and cached.is_cached(instance):
            found["→" + relation.name] = _values(cached.get_cached_value(instance), seen)
    return found


def _same(prepared: list[Any], queryset: QuerySet[Any]) -> None:
    expected = [_values(instance) for instance in queryset]
    assert [_values(instance) for instance in prepared] == expected
    assert expected, "the comparison needs rows"


@pytest.fixture
def cases(area: Area, other_area: Area, coordinator: User) -> list[Case]:
    first = gathering(area, coordinator, victim=someone(1))
    second = voiced(area, coordinator, victim=someone(2))
    third = receive(other_area, None, victim=someone(3))
    sent_letter(first)
    sent_letter(second, "ct4")
    return [first, second, third]


def test_relations_two_steps_away_and_nullable_come_back_as_the_queryset_gives_them(
    cases: list[Case],
) -> None:
    def build(case_id: int) -> QuerySet[Deadline]:
        return (
            Deadline.objects.filter(case_id=case_id)
            .select_related("information_request__agency", "case__area")
            .order_by("due_on", "pk")
        )

    deadlines = Prepared(build)
    for case in cases:
        _same(deadlines.all(case.pk), build(case.pk))
    with_request = [d for d in deadlines.all(cases[0].pk) if d.information_request_id]
    without = [d for d in deadlines.all(cases[0].pk) if not d.information_request_id]
    assert with_request
    assert without
    # Read with the row, not by a query of its own.
    with CaptureQueriesContext(connection) as queries:
        assert with_request[0].information_request.agency.name  # type: ignore[union-attr]
        assert without[0].information_request is None
    assert len(queries) == 0


def test_a_scoped_lookup_with_a_list_and_a_text_and_a_reverse_one_to_one(
    cases: list[Case], area: Area, other_area: Area
) -> None:
    def build(areas: list[int], reference: str) -> QuerySet[Case]:
        return (
            Case.objects.filter(area_id__in=areas, reference=reference)
            .select_related("area", "spoc", "policy", "victim_voice")
            .order_by("pk")[:1]
        )

    lookup = Prepared(build)
    for case in cases:
        for areas in ([area.pk], [other_area.pk], [area.pk, other_area.pk]):
            if case.area_id in areas:
                _same(lookup.all(areas, case.reference), build(areas, case.reference))
            found = lookup.first(areas, case.reference)
            assert (found is not None) == (case.area_id in areas)
    # The voice recorded for the second case comes with it; the first has none, read as such.
    assert lookup.first([area.pk], cases[1].reference).victim_voice.choice  # type: ignore[union-attr]
    assert lookup.first([area.pk], "NO-SUCH-REF") is None


def test_deferred_fields_stay_deferred_and_annotations_are_set(cases: list[Case]) -> None:
    def letters_of(case_id: int) -> QuerySet[Letter]:
        return Letter.objects.filter(case_id=case_id).defer("pdf", "docx", "html").order_by("pk")

    letters = Prepared(letters_of)
    found = letters.all(cases[0].pk)
    _same(found, letters_of(cases[0].pk))
    assert found[0].get_deferred_fields() == {"pdf", "docx", "html"}

    def counted(area_id: int) -> QuerySet[Case]:
        return (
            Case.objects.filter(area_id=area_id)
            .annotate(letters_count=Count("letters"))
            .order_by("pk")
        )

    with_counts = Prepared(counted)
    rows = with_counts.all(cases[0].area_id)
    _same(rows, counted(cases[0].area_id))
    counts = [getattr(row, "letters_count") for row in rows]  # noqa: B009
    assert counts == [getattr(row, "letters_count") for row in counted(cases[0].area_id)]  # noqa: B009
    assert sorted(counts) == [1, 1]


def test_compiled_once_per_connection_and_shape_and_options(cases: list[Case]) -> None:
    def build(areas: list[int], *, newest_first: bool) -> QuerySet[Case]:
        return Case.objects.filter(area_id__in=areas).order_by("-pk" if newest_first else "pk")

    listing = Prepared(build)
    one, two = [cases[0].area_id], [cases[0].area_id, cases[2].area_id]
    for _ in range(3):
        assert [c.pk for c in listing.all(one, newest_first=False)] == [
            c.pk for c in build(one, newest_first=False)
        ]
        assert [c.pk for c in listing.all(two, newest_first=True)] == [
            c.pk for c in build(two, newest_first=True)
        ]
    assert [c.pk for c in listing.all(two, newest_first=True)] == sorted(
        (c.pk for c in cases), reverse=True
    )
    # Two shapes, each compiled once on this connection, however often run.
    assert len(listing._compiled[connections[DEFAULT_DB_ALIAS]]) == 2
    # A list matching nothing runs no SQL.
    with CaptureQueriesContext(connection) as queries:
        assert listing.all([], newest_first=False) == []
    assert len(queries) == 0


def test_a_marker_that_does_not_reach_the_sql_as_it_is_is_refused(cases: list[Case]) -> None:
    changed = Prepared(lambda case_id: Deadline.objects.filter(case_id=case_id + 1))
    with pytest.raises(ValueError, match="not once"):
        changed.all(cases[0].pk)
    left_out = Prepared(lambda case_id: Deadline.objects.all())
    with pytest.raises(ValueError, match="0 times"):
        left_out.all(cases[0].pk)
    prefetching = Prepared(
        lambda case_id: Case.objects.filter(pk=case_id).prefetch_related("deadlines")
    )
    with pytest.raises(ValueError, match="prefetch"):
        prefetching.all(cases[0].pk)
    with pytest.raises(TypeError, match="bool"):
        Prepared(lambda flag: Case.objects.filter(threshold_met=flag)).all(True)
    with pytest.raises(TypeError, match="lists of int or of str"):
        Prepared(lambda ids: Case.objects.filter(pk__in=ids)).all([1, "two"])  # type: ignore[arg-type]


def test_a_values_list_query_gives_the_queryset_s_tuples(cases: list[Case]) -> None:
    def build(areas: list[int]) -> QuerySet[Case, tuple[int, str, Any]]:
        return (
            Case.objects.filter(area_id__in=areas)
            .order_by("pk")
            .values_list("pk", "reference", "received_on")
        )

    columns = Prepared(build)
    areas = sorted({case.area_id for case in cases})
    assert columns.tuples(areas) == list(build(areas))
    assert len(columns.tuples(areas)) == 3
    # Dates come back as dates, through Django's converters, on every database.
    assert all(isinstance(row[2], type(cases[0].received_on)) for row in columns.tuples(areas))
    with pytest.raises(TypeError, match="tuples"):
        columns.all(areas)
    with pytest.raises(TypeError, match="all"):
        Prepared(lambda pk: Case.objects.filter(pk=pk)).tuples(cases[0].pk)
    # Columns only: an annotation's place among the columns is Django's iterator's business.
    counted = Prepared(
        lambda pk: Case.objects.filter(pk=pk).annotate(n=Count("letters")).values_list("pk", "n")
    )
    with pytest.raises(ValueError, match="columns only"):
        counted.tuples(cases[0].pk)


def test_any_integer_column_takes_a_marker_and_an_empty_query_is_refused(
    cases: list[Case], area: Area, coordinator: User
) -> None:
    # A positive column (its range starts at 0) and a 32-bit key (django-otp's devices): a
    # marker out of a column's range would compile to "matches nothing" for every value.
    policies = Prepared(
        lambda area_id, version: AreaPolicy.objects.filter(area_id=area_id, version=version)
    )
    live = AreaPolicy.objects.filter(area=area).order_by("version").first()
    assert live is not None
    assert [p.pk for p in policies.all(area.pk, live.version)] == [live.pk]
    assert policies.all(area.pk, live.version + 100) == []
    device = TOTPDevice.objects.create(user=coordinator, name="App", confirmed=True)
    devices = Prepared(lambda pk: TOTPDevice.objects.filter(id=pk))
    assert devices.all(device.pk) == [device]
    # A query that matches nothing whatever its values is a mistake, not an answer.
    nothing = Prepared(lambda pk: Case.objects.filter(pk=pk).filter(pk__in=[]))
    with pytest.raises(ValueError, match="matching nothing"):
        nothing.all(cases[0].pk)
