"""Set up the demo: East Hertfordshire on the service with the reference local procedure, the
bodies its panels draw on, one user per role, and demo cases in every status
(``casereview.cases.demo``).

Safe to run again: nothing is duplicated, and settings an administrator has since changed are
kept. Contacts are filled in only where blank, the policy is created only if the area has none,
and a demo user's password is set only when the user is first created (or with
``--reset-passwords``), so a password someone has changed survives.

Passwords:
- DEBUG on: every demo user gets the fixed password ``DEMO_PASSWORD``, printed at the end.
- DEBUG off: each new user gets a long random password that is never shown; set a real one with
  ``manage.py changepassword <e-mail>`` or the "forgotten password" link.

Two-factor: nothing is pre-registered. When REQUIRE_TWO_FACTOR is off (the default with DEBUG on)
the demo users sign in with the password alone; when it is on, each sets up an authenticator
app at first sign-in. The command says which applies.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from casereview.accounts.models import Membership, Role, User
from casereview.areas.models import Agency, AgencyKind, Area, AreaAgency, AreaPolicy, Nation
from casereview.cases.demo import seed_demo_cases
from casereview.partners.demo import seed_demo_incidents
from casereview.publishing.demo import seed_demo_publishing
from casereview.rules import REFERENCE_PROCEDURE, policy_to_dict

DEMO_GSS_CODE = "E07000242"
DEMO_PASSWORD = "case-review-demo"
DEMO_EMAIL_DOMAIN = "demo.casereview.test"

# The reference procedure's published contact details (shared/seeds/004, section 10).
CONTACT_EMAIL = "community.safety@eastherts.gov.uk"
CONTACT_PHONE = "01279 655261"
CONTACT_ADDRESS = (
    "FAO: Community Safety & ASB Manager\n"
    "Housing & Health\n"
    "East Herts District Council\n"
    "Wallfields\n"
    "Pegs Lane\n"
    "Hertford\n"
    "Herts\n"
    "SG13 8EQ"
)
PROCEDURE_URL = "https://www.eastherts.gov.uk/community-and-health/community-triggers"


@dataclass(frozen=True)
class DemoAgency:
    code: str
    name: str
    kind: AgencyKind
    # Relevant bodies under s.105 count towards the panel; others may sit on it.
    relevant_body: bool


DEMO_AGENCIES = (
    DemoAgency(
        "hertfordshire-west-essex-icb",
        "Hertfordshire and West Essex Integrated Care Board",
        AgencyKind.HEALTH,
        relevant_body=True,
    ),
    # Plainly fictional: the demo must not look like a real landlord's data.
    DemoAgency("demo-housing-association", "Demo Housing Association", AgencyKind.HOUSING, True),
    DemoAgency(
        "hertfordshire-fire-rescue",
        "Hertfordshire Fire and Rescue Service",
        AgencyKind.FIRE,
        relevant_body=False,
    ),
    DemoAgency(
        "hertfordshire-pcc",
        "Hertfordshire Police and Crime Commissioner",
        AgencyKind.POLICE_AND_CRIME_COMMISSIONER,
        relevant_body=False,
    ),
)


@dataclass(frozen=True)
class DemoUser:
    local_part: str
    full_name: str
    role: Role

    @property
    def email(self) -> str:
        return f"{self.local_part}@{DEMO_EMAIL_DOMAIN}"


DEMO_USERS = (
    DemoUser("coordinator", "Casey Coordinator", Role.COORDINATOR),
    DemoUser("area-admin", "Alex Administrator", Role.AREA_ADMINISTRATOR),
    DemoUser("agency-rep", "Pat Police", Role.AGENCY_REPRESENTATIVE),
    DemoUser("chair", "Chris Chair", Role.CHAIR),
    DemoUser("appeal-reviewer", "Robin Reviewer", Role.APPEAL_REVIEWER),
    DemoUser("read-only", "Riley Reader", Role.READ_ONLY),
)


class Command(BaseCommand):
    help = (
        "Put East Hertfordshire on the service as a demo area with the reference procedure, "
        "its relevant bodies, one user per role and demo cases in every status. "
        "Run load_directory first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Set every demo user's password back to the demo password (DEBUG only).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        reset = bool(options["reset_passwords"])
        if reset and not settings.DEBUG:
            raise CommandError(
                "--reset-passwords works only with DEBUG on; use manage.py changepassword."
            )
        area = Area.objects.filter(gss_code=DEMO_GSS_CODE).select_related("police_force").first()
        if area is None:
            raise CommandError(
                f"Run manage.py load_directory first: the demo area {DEMO_GSS_CODE} "
                "(East Hertfordshire) is not in the directory."
            )
        with transaction.atomic():
            self._set_up_area(area)
            self._add_agencies(area)
            created = self._add_users(area, reset=reset)
        # After the users exist: the demo coordinator records the demo cases.
        demo_coordinator = next(demo for demo in DEMO_USERS if demo.role == Role.COORDINATOR)
        coordinator = User.objects.get(email=demo_coordinator.email)
        try:
            cases = seed_demo_cases(area, by=coordinator)
        except (ValidationError, ValueError) as problem:
            # The area is set up; only the demo cases (one transaction) were not created.
            raise CommandError(f"The demo cases were not created: {problem}") from problem
        incidents = seed_demo_incidents(area)
        demo_admin = next(demo for demo in DEMO_USERS if demo.role == Role.AREA_ADMINISTRATOR)
        publishing = seed_demo_publishing(area, by=User.objects.get(email=demo_admin.email))
        self._report(area, created)
        self.stdout.write(cases.summary())
        self.stdout.write(incidents.summary())
        self.stdout.write(publishing.summary())

    def _set_up_area(self, area: Area) -> None:
        area.on_service = True
        area.contact_email = area.contact_email or CONTACT_EMAIL
        area.contact_phone = area.contact_phone or CONTACT_PHONE
        area.contact_address = area.contact_address or CONTACT_ADDRESS
        area.procedure_url = area.procedure_url or PROCEDURE_URL
        area.save(
            update_fields=[
                "on_service",
                "contact_email",
                "contact_phone",
                "contact_address",
                "procedure_url",
            ]
        )
        if not area.policies.exists():
            AreaPolicy.objects.create(
                area=area,
                version=1,
                rules=policy_to_dict(REFERENCE_PROCEDURE),
                effective_from=timezone.localdate(),
                notes="The reference local procedure (East Herts), loaded by seed_demo.",
            )

    def _add_agencies(self, area: Area) -> None:
        nation = area.nation or Nation.ENGLAND
        for demo in DEMO_AGENCIES:
            agency, _ = Agency.objects.get_or_create(
                code=demo.code, defaults={"name": demo.name, "kind": demo.kind, "nation": nation}
            )
            AreaAgency.objects.get_or_create(
                area=area, agency=agency, defaults={"relevant_body": demo.relevant_body}
            )

    def _add_users(self, area: Area, *, reset: bool) -> set[str]:
        """Create missing demo users and memberships; return the e-mails given a new password."""
        new_password: set[str] = set()
        for demo in DEMO_USERS:
            user = User.objects.filter(email=demo.email).first()
            created = user is None
            if user is None:
                user = User.objects.create_user(demo.email, None, full_name=demo.full_name)
            if created or reset:
                user.set_password(self._password())
                user.save(update_fields=["password"])
                new_password.add(demo.email)
            agency = area.police_force if demo.role == Role.AGENCY_REPRESENTATIVE else None
            Membership.objects.get_or_create(user=user, area=area, role=demo.role, agency=agency)
        return new_password

    def _password(self) -> str:
        # Never a guessable password outside a developer's machine.
        return DEMO_PASSWORD if settings.DEBUG else secrets.token_urlsafe(32)

    def _report(self, area: Area, new_password: set[str]) -> None:
        out = self.stdout
        out.write(self.style.SUCCESS(f"Demo area ready: {area.name} ({area.gss_code})."))
        out.write("Demo sign-ins (at /staff/sign-in/):")
        for demo in DEMO_USERS:
            user = User.objects.get(email=demo.email)
            if not settings.DEBUG:
                note = "password not shown"
            elif user.check_password(DEMO_PASSWORD):
                note = f"password: {DEMO_PASSWORD}"
            else:
                note = "password changed since it was seeded (left as it is)"
            out.write(f"  {demo.role.label!s:<24} {demo.email:<40} {note}")
        if not settings.DEBUG:
            out.write(
                "Passwords are not printed with DEBUG off. Set one with "
                "`manage.py changepassword <e-mail>` or the 'forgotten password' link "
                "at /staff/password-reset/."
            )
        if getattr(settings, "REQUIRE_TWO_FACTOR", True):
            out.write(
                "Two-factor is required: each user sets up an authenticator app at first "
                "sign-in (a QR code is shown)."
            )
        else:
            out.write(
                "Two-factor is not required here (REQUIRE_TWO_FACTOR is off): the password is "
                "enough to sign in."
            )
        if new_password:
            out.write(f"New passwords set for {len(new_password)} user(s).")
