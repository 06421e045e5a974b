"""Who a deadline notice goes to: the case's SPOC, or every coordinator of its area when it has
none; and for information due from a relevant body, that body too, told nothing but the case
reference and the due date."""

from __future__ import annotations

import datetime as dt

from casereview.accounts.models import Role, User
from casereview.areas.models import Agency, AgencyKind, Area
from casereview.cases.models import DeadlineKind, DeadlineNotice, NoticeKind
from casereview.cases.services import case_assign_spoc
from casereview.cases.sweep import sweep
from casereview.cases.tasks import build_messages
from tests.cases.helpers import gathering, receive
from tests.factories import make_user

INFORMATION_DUE = dt.date(2026, 12, 30)  # 5 working days from Monday 21 December


def _notice(kind: str, deadline_kind: str) -> DeadlineNotice:
    return DeadlineNotice.objects.get(kind=kind, deadline__kind=deadline_kind)


def test_a_case_with_a_spoc_notifies_the_spoc_alone(
    before_christmas: None, area: Area, coordinator: User, area_admin: User
) -> None:
    spoc = make_user("spoc@eastherts.test", Role.COORDINATOR, area)
    case = receive(area, coordinator)
    case_assign_spoc(case, by=coordinator, spoc=spoc)

    sweep(dt.date(2026, 12, 23))

    assert _notice(NoticeKind.REMINDER, DeadlineKind.ACKNOWLEDGE).recipients == [spoc.email]


def test_a_case_without_a_spoc_notifies_every_active_coordinator_of_its_area(
    before_christmas: None,
    area: Area,
    coordinator: User,
    area_admin: User,
    read_only: User,
    outsider: User,
) -> None:
    second = make_user("second@eastherts.test", Role.COORDINATOR, area)
    make_user("gone@eastherts.test", Role.COORDINATOR, area, is_active=False)
    receive(area, coordinator)

    sweep(dt.date(2026, 12, 23))

    recipients = _notice(NoticeKind.REMINDER, DeadlineKind.ACKNOWLEDGE).recipients
    assert recipients == sorted([coordinator.email, second.email])


def test_an_area_without_coordinators_is_notified_at_its_contact_address(
    before_christmas: None, area: Area, area_admin: User
) -> None:
    receive(area, area_admin)

    sweep(dt.date(2026, 12, 23))

    recipients = _notice(NoticeKind.REMINDER, DeadlineKind.ACKNOWLEDGE).recipients
    assert recipients == ["community.safety@eastherts.gov.uk"]


def test_the_relevant_body_is_reminded_that_its_information_is_due(
    before_christmas: None, area: Area, coordinator: User, police: Agency
) -> None:
    police.email = "asb.requests@herts.police.test"
    police.save()
    gathering(area, coordinator, spoc=coordinator)

    sweep(dt.date(2026, 12, 29))

    police_reminder = DeadlineNotice.objects.get(
        kind=NoticeKind.REMINDER, deadline__information_request__agency=police
    )
    assert police_reminder.due_on == INFORMATION_DUE
    assert police_reminder.agency_email == "asb.requests@herts.police.test"
    assert police_reminder.recipients == [coordinator.email]
    # Bodies without an address on record are not e-mailed; staff still are.
    others = DeadlineNotice.objects.filter(deadline__kind=DeadlineKind.INFORMATION).exclude(
        pk=police_reminder.pk
    )
    assert others.count() == area.area_agencies.filter(relevant_body=True).count() - 1
    assert all(not notice.agency_email for notice in others)


def test_the_relevant_body_is_not_sent_the_overdue_alert(
    before_christmas: None, area: Area, coordinator: User, police: Agency
) -> None:
    police.email = "asb.requests@herts.police.test"
    police.save()
    gathering(area, coordinator)

    sweep(dt.date(2026, 12, 31))

    alert = DeadlineNotice.objects.get(
        kind=NoticeKind.OVERDUE, deadline__information_request__agency=police
    )
    assert alert.agency_email == ""
    assert alert.recipients == [coordinator.email]


def test_the_relevant_body_is_told_the_reference_and_due_date_and_nothing_about_the_victim(
    before_christmas: None, area: Area, coordinator: User, police: Agency
) -> None:
    police.email = "asb.requests@herts.police.test"
    police.save()
    case = gathering(area, coordinator, location="Outside 1 High Street")
    sweep(dt.date(2026, 12, 29))
    notice = DeadlineNotice.objects.get(
        kind=NoticeKind.REMINDER, deadline__information_request__agency=police
    )

    (to_police,) = [m for m in build_messages(notice) if m.to == [police.email]]

    text = to_police.subject + "\n" + str(to_police.body)
    assert case.reference in text
    assert "Wednesday 30 December 2026" in text
    for private in (
        case.victim_name,
        case.victim_address,
        case.victim_postcode,
        case.victim_email,
        case.victim_phone,
        case.alleged_responsible,
        case.asb_description,
        case.location,
        "/staff/cases/",
    ):
        assert private not in text, private
    assert police.kind == AgencyKind.POLICE
