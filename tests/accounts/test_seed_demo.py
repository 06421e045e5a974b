"""The seed_demo command: East Hertfordshire on the service, with one user per role."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from casereview.accounts.management.commands.seed_demo import DEMO_PASSWORD, DEMO_USERS
from casereview.accounts.models import Membership, Role, User
from casereview.areas.models import AgencyKind, Area, AreaAgency
from casereview.rules import REFERENCE_PROCEDURE, policy_from_dict
from tests.factories import make_agency, make_area

pytestmark = pytest.mark.django_db


@pytest.fixture
def east_herts() -> Area:
    """East Hertfordshire as load_directory leaves it: not on the service, no policy."""
    police = make_agency("Hertfordshire Constabulary", AgencyKind.POLICE, code="hertfordshire")
    return make_area(
        "East Hertfordshire", gss_code="E07000242", on_service=False, police_force=police
    )


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_without_the_directory_it_says_to_load_it_first():
    with pytest.raises(CommandError, match=r"Run manage\.py load_directory first"):
        seed()


def test_it_creates_one_user_per_role(east_herts):
    seed()

    roles = sorted(Membership.objects.filter(area=east_herts).values_list("role", flat=True))
    assert roles == sorted(Role.values)
    assert User.objects.count() == len(Role.values)


def test_the_agency_representative_speaks_for_the_police(east_herts):
    seed()

    rep = Membership.objects.get(role=Role.AGENCY_REPRESENTATIVE)
    assert rep.agency == east_herts.police_force


def test_it_puts_the_area_on_the_service_with_the_reference_procedure(east_herts):
    seed()

    east_herts.refresh_from_db()
    assert east_herts.on_service
    assert east_herts.contact_email == "community.safety@eastherts.gov.uk"
    assert east_herts.contact_phone == "01279 655261"
    assert "Wallfields" in east_herts.contact_address
    policy = east_herts.current_policy()
    assert policy is not None
    assert policy.version == 1
    assert policy_from_dict(policy.rules) == REFERENCE_PROCEDURE


def test_it_adds_the_bodies_the_directory_lacks(east_herts):
    seed()

    links = AreaAgency.objects.filter(area=east_herts).select_related("agency")
    by_kind = {link.agency.kind: link for link in links}
    assert by_kind[AgencyKind.HEALTH].agency.name == (
        "Hertfordshire and West Essex Integrated Care Board"
    )
    assert by_kind[AgencyKind.HOUSING].relevant_body
    assert not by_kind[AgencyKind.FIRE].relevant_body
    assert AgencyKind.POLICE_AND_CRIME_COMMISSIONER in by_kind


def test_running_it_twice_changes_nothing(east_herts):
    seed()
    counts = (
        User.objects.count(),
        Membership.objects.count(),
        AreaAgency.objects.count(),
        east_herts.policies.count(),
    )

    seed()

    assert counts == (
        User.objects.count(),
        Membership.objects.count(),
        AreaAgency.objects.count(),
        east_herts.policies.count(),
    )


def test_running_it_again_keeps_a_password_someone_changed(east_herts, settings):
    settings.DEBUG = True
    seed()
    user = User.objects.get(email=DEMO_USERS[0].email)
    user.set_password("my-own-secret-passphrase")
    user.save()

    output = seed()

    user.refresh_from_db()
    assert user.check_password("my-own-secret-passphrase")
    assert "password changed since it was seeded" in output


def test_it_keeps_contacts_an_administrator_changed(east_herts):
    east_herts.contact_email = "asb@example.gov.uk"
    east_herts.save()

    seed()

    east_herts.refresh_from_db()
    assert east_herts.contact_email == "asb@example.gov.uk"


def test_with_debug_on_it_prints_the_demo_passwords(east_herts, settings):
    settings.DEBUG = True

    output = seed()

    assert output.count(f"password: {DEMO_PASSWORD}") == len(DEMO_USERS)
    assert all(demo.email in output for demo in DEMO_USERS)
    assert User.objects.get(email=DEMO_USERS[0].email).check_password(DEMO_PASSWORD)


def test_with_debug_off_it_prints_no_password_and_sets_no_guessable_one(east_herts, settings):
    settings.DEBUG = False

    output = seed()

    assert DEMO_PASSWORD not in output
    assert "manage.py changepassword" in output
    user = User.objects.get(email=DEMO_USERS[0].email)
    assert user.has_usable_password()
    assert not user.check_password(DEMO_PASSWORD)


def test_it_says_whether_two_factor_is_needed(east_herts, settings):
    settings.REQUIRE_TWO_FACTOR = False
    assert "Two-factor is not required here" in seed()

    settings.REQUIRE_TWO_FACTOR = True
    assert "Two-factor is required" in seed()


def test_resetting_passwords_is_refused_with_debug_off(east_herts, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", "--reset-passwords", stdout=StringIO())


def test_resetting_passwords_in_debug_restores_the_demo_password(east_herts, settings):
    settings.DEBUG = True
    seed()
    user = User.objects.get(email=DEMO_USERS[0].email)
    user.set_password("my-own-secret-passphrase")
    user.save()

    call_command("seed_demo", "--reset-passwords", stdout=StringIO())

    user.refresh_from_db()
    assert user.check_password(DEMO_PASSWORD)
