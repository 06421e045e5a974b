from datetime import date

from casereview.rules import calendar_for


def test_a_due_date_explains_the_receipt_day_the_skipped_days_and_the_result():
    due = calendar_for("england-wales").add_working_days(date(2025, 12, 20), 3)
    assert due.explain() == [
        "Received on Saturday 20 December 2025, a non-working day: "
        "counted from Monday 22 December 2025.",
        "Skipped Saturday 20 December 2025: weekend.",
        "Skipped Sunday 21 December 2025: weekend.",
        "Skipped Thursday 25 December 2025: Christmas Day (bank holiday).",
        "Skipped Friday 26 December 2025: Boxing Day (bank holiday).",
        "Skipped Saturday 27 December 2025: weekend.",
        "Skipped Sunday 28 December 2025: weekend.",
        "Due Monday 29 December 2025: 3 working days from Monday 22 December 2025.",
    ]


def test_a_due_date_received_on_a_working_day_with_nothing_skipped_is_one_sentence():
    due = calendar_for("england").add_working_days(date(2026, 1, 12), 3)
    assert due.explain() == [
        "Due Thursday 15 January 2026: 3 working days from Monday 12 January 2026."
    ]


def test_a_due_date_received_on_a_bank_holiday_names_the_holiday():
    due = calendar_for("wales").add_working_days(date(2026, 4, 3), 1)
    assert due.explain()[:2] == [
        "Received on Friday 3 April 2026, a non-working day: counted from Tuesday 7 April 2026.",
        "Skipped Friday 3 April 2026: Good Friday (bank holiday).",
    ]


def test_skipped_days_record_every_non_working_day_passed_over():
    due = calendar_for("england").add_working_days(date(2026, 12, 24), 1)
    reasons = [(day.date, day.reason) for day in due.skipped]
    assert reasons == [
        (date(2026, 12, 25), "Christmas Day (bank holiday)"),
        (date(2026, 12, 26), "weekend (Boxing Day)"),
        (date(2026, 12, 27), "weekend"),
        (date(2026, 12, 28), "Boxing Day (observed) (bank holiday)"),
    ]
