"""Every area starts with the Home Office annual return and the PCC quarterly return."""

from __future__ import annotations

import pytest

from casereview.areas.models import Area
from casereview.publishing.models import ReturnLayout
from casereview.publishing.returns.layouts import columns_from
from casereview.publishing.returns.selectors import layouts_for

pytestmark = pytest.mark.django_db


def test_the_two_shared_layouts_exist_with_only_known_figures() -> None:
    shared = {layout.name: layout for layout in ReturnLayout.objects.filter(area=None)}

    assert set(shared) == {"Home Office annual return", "PCC quarterly return"}
    home_office = shared["Home Office annual return"]
    assert (home_office.recipient, home_office.period_kind) == ("home_office", "financial_year")
    assert [c.figure for c in columns_from(home_office.columns)] == [
        "area.name",
        "area.gss_code",
        "period.start",
        "period.end",
        "statutory.applications",
        "statutory.threshold_not_met",
        "statutory.reviews_carried_out",
        "statutory.reviews_with_recommendations",
    ]
    pcc = shared["PCC quarterly return"]
    assert (pcc.recipient, pcc.period_kind) == ("pcc", "quarter")
    assert len(columns_from(pcc.columns)) == len(pcc.columns)
    assert "internal.appeals_upheld" in [c["figure"] for c in pcc.columns]


def test_an_area_sees_the_shared_layouts_and_its_own_but_not_anothers(
    area: Area, other_area: Area
) -> None:
    ReturnLayout.objects.create(area=area, name="Ours", recipient="pcc", columns=[])
    ReturnLayout.objects.create(area=other_area, name="Theirs", recipient="pcc", columns=[])

    names = [layout.name for layout in layouts_for(area)]

    assert names == ["Home Office annual return", "PCC quarterly return", "Ours"]
