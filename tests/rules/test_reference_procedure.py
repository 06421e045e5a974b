"""The East Herts procedure (shared/seeds/004) as a ready-made policy."""

from casereview.rules import REFERENCE_PROCEDURE, AppealReviewerKind, Exclusion, ReportWindow


def test_the_reference_procedure_needs_three_complaints_reported_within_thirty_days():
    assert REFERENCE_PROCEDURE.threshold == 3
    assert REFERENCE_PROCEDURE.report_within == ReportWindow(days=30)
    assert REFERENCE_PROCEDURE.application_within_months == 6


def test_the_reference_procedure_does_not_count_diary_sheets():
    assert REFERENCE_PROCEDURE.diary_sheets_count is False


def test_the_reference_procedure_has_a_senior_manager_route_for_vulnerable_victims():
    assert REFERENCE_PROCEDURE.routes.senior_manager_vulnerable_victim is True


def test_the_reference_procedure_timescales_are_those_of_its_process():
    timescales = REFERENCE_PROCEDURE.timescales
    assert (timescales.acknowledge_working_days, timescales.decision_working_days) == (3, 14)
    assert timescales.information_working_days == 5
    assert timescales.review_request_days == 28
    assert timescales.victim_contact_working_days == 7
    assert (timescales.outcome_working_days, timescales.minutes_working_days) == (5, 5)
    assert timescales.appeal_hearing_working_days == 15
    assert timescales.appeal_outcome_working_days == 5


def test_the_reference_procedure_sends_appeals_to_a_senior_manager_with_an_independent_peer():
    assert REFERENCE_PROCEDURE.appeal_reviewer.kind is AppealReviewerKind.SENIOR_MANAGER
    assert REFERENCE_PROCEDURE.appeal_reviewer.independent_peer is True


def test_the_reference_procedure_signposts_the_five_unsuitable_cases():
    assert set(REFERENCE_PROCEDURE.exclusions) == set(Exclusion)


def test_the_reference_procedure_is_an_english_area():
    assert REFERENCE_PROCEDURE.nation == "england"


def test_a_panel_needs_three_relevant_bodies_and_the_victim_has_ten_working_days_to_comment():
    assert REFERENCE_PROCEDURE.panel_minimum_relevant_bodies == 3
    assert REFERENCE_PROCEDURE.timescales.victim_comment_working_days == 10
