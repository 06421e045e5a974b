from hypothesis import given
from hypothesis import strategies as st

from tests.publishing.disclosure.helpers import figures, publish

small = st.integers(min_value=0, max_value=40)


def test_the_four_counts_are_published_even_when_small():
    doc = publish(
        figures(
            victim_kind={"person": 1},
            statutory={"threshold_not_met": 1, "reviews_carried_out": 0},
        )
    )

    assert doc["statutory"] == {
        "applications": 1,
        "threshold_not_met": 1,
        "reviews_carried_out": 0,
        "reviews_with_recommendations": 0,
    }


@given(
    person=small,
    business=small,
    group=small,
    not_met=small,
    reviews=small,
    recommendations=small,
    threshold=st.integers(min_value=2, max_value=10),
)
def test_statutory_counts_always_equal_the_figures(
    person, business, group, not_met, reviews, recommendations, threshold
):
    figs = figures(
        victim_kind={"person": person, "business": business, "community_group": group},
        statutory={
            "threshold_not_met": not_met,
            "reviews_carried_out": reviews,
            "reviews_with_recommendations": recommendations,
        },
    )

    doc = publish(figs, threshold=threshold)

    assert doc["statutory"] == {
        "applications": person + business + group,
        "threshold_not_met": not_met,
        "reviews_carried_out": reviews,
        "reviews_with_recommendations": recommendations,
    }
