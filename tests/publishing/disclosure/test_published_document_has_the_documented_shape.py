import pytest

from casereview.publishing.disclosure import published_document
from casereview.publishing.figures import BREAKDOWNS
from casereview.publishing.periods import Period
from tests.publishing.disclosure.helpers import AREA, PUBLISHED_ON, figures, publish


def test_the_document_names_the_area_period_revision_and_threshold():
    doc = publish(figures(victim_kind={"person": 20, "business": 6}), threshold=5)

    assert doc["schema_version"] == 1
    assert doc["area"] == {
        "gss_code": "E07000242",
        "name": "East Hertfordshire",
        "slug": "east-hertfordshire",
        "nation": "england",
    }
    assert doc["period"] == {
        "kind": "financial_year",
        "slug": "2025-26",
        "start": "2025-04-01",
        "end": "2026-03-31",
    }
    assert doc["revision"] == 1
    assert doc["published_on"] == "2026-05-01"
    assert doc["note"] == ""
    assert doc["suppression_threshold"] == 5


def test_every_breakdown_lists_every_cell_code_in_order():
    doc = publish(figures(victim_kind={"person": 20, "business": 6}))

    assert list(doc["breakdowns"]) == list(BREAKDOWNS)
    for name, codes in BREAKDOWNS.items():
        assert list(doc["breakdowns"][name]) == list(codes)
    assert doc["breakdowns"]["victim_kind"] == {"person": 20, "business": 6, "community_group": 0}


def test_figures_of_another_period_are_refused():
    figs = figures(Period.financial_year(2024), victim_kind={"person": 9})

    with pytest.raises(ValueError, match="another period"):
        published_document(
            area=AREA,
            period=Period.financial_year(2025),
            revision=1,
            published_on=PUBLISHED_ON,
            note="",
            figures=figs,
            threshold=5,
            earlier=(),
        )
