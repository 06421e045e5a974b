"""The national data set's areas: every local government area of the directory on the service,
with contacts, a local policy, its relevant bodies and its staff.

- Policies: most areas run the reference procedure unchanged; the others differ from it in a
  deterministic way (a one-month report window instead of 30 days, diary sheets counting,
  longer timescales, partner-initiated reviews), always within what ``policy_from_dict``
  accepts. (Not the threshold: the demo cases the templates are made of are decided under a
  threshold of three, and a lower one would turn their "not met" decisions into errors.) Each
  variant is a ``PolicyVariant``: the case templates (``bench.national_cases``) are built once
  per variant, so a cloned case's deadlines and decision are the ones its own policy gives.
- Relevant bodies: the council, the police force and the county council come from the directory;
  each police force area gets one health body (an integrated care board in England, a local
  health board in Wales) shared by its areas, and each area one to three social housing
  providers of its own.
- Staff: per area a coordinator (two in big areas), an area administrator, a chair, an appeal
  reviewer and a police representative. All share one password hash (the bench password, hashed
  once with a fixed salt: hashing thousands of passwords would take minutes, and a fixed salt
  keeps the rows the same from run to run).
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bench.national_write import Writer, next_id

BENCH_PASSWORD = "bench-national-data-set-password-2026-not-for-production"
BENCH_EMAIL_DOMAIN = "bench.casereview.test"
# A fixed salt: the same hash on every run (the data set must be identical for a seed).
_PASSWORD_SALT = "benchnationalsalt"
# Every area's policy is in force from the start of the five years of cases.
POLICY_EFFECTIVE_FROM = dt.date(2020, 4, 1)


@dataclass(frozen=True)
class PolicyVariant:
    """One way an area's policy differs from the reference procedure."""

    name: str
    changes: dict[str, Any]
    weight: float

    def rules(self, nation: str) -> dict[str, Any]:
        from casereview.rules import REFERENCE_PROCEDURE, policy_from_dict, policy_to_dict

        rules = policy_to_dict(REFERENCE_PROCEDURE)
        for key, value in self.changes.items():
            if key in ("timescales", "routes"):
                rules[key] = {**rules[key], **value}
            else:
                rules[key] = value
        rules["nation"] = nation
        # Validated exactly as an administrator's edit would be.
        return policy_to_dict(policy_from_dict(rules))


VARIANTS: tuple[PolicyVariant, ...] = (
    PolicyVariant("reference", {}, 0.6),
    PolicyVariant(
        "one-month-window",
        {"report_within": {"months": 1}, "diary_sheets_count": True},
        0.2,
    ),
    PolicyVariant(
        "longer-timescales",
        {
            "timescales": {
                "acknowledge_working_days": 5,
                "information_working_days": 10,
                "decision_working_days": 20,
                "appeal_hearing_working_days": 20,
            },
            "routes": {"partner_initiated": True},
        },
        0.2,
    ),
)


@dataclass
class AreaInfo:
    """What the later phases need to know of one area."""

    id: int
    gss_code: str
    la_code: str
    slug: str
    name: str
    nation: str
    population: int
    council_id: int
    police_id: int
    county_id: int | None
    health_id: int
    housing_ids: list[int]
    policy_id: int
    variant: str
    # Role -> user ids of the area's staff (coordinators first).
    users: dict[str, list[int]] = field(default_factory=dict)

    @property
    def coordinator_id(self) -> int:
        return self.users["coordinator"][0]


def _pick_variant(rng: random.Random) -> PolicyVariant:
    roll = rng.random()
    total = 0.0
    for variant in VARIANTS:
        total += variant.weight
        if roll < total:
            return variant
    return VARIANTS[0]


def _slug(text: str) -> str:
    from django.utils.text import slugify

    return slugify(text)


FIRST_NAMES = [
    "Sam",
    "Alex",
    "Jo",
    "Chris",
    "Robin",
    "Kim",
    "Lee",
    "Pat",
    "Morgan",
    "Jamie",
    "Casey",
    "Riley",
    "Taylor",
    "Jordan",
    "Charlie",
    "Avery",
    "Quinn",
    "Rowan",
    "Sasha",
    "Drew",
    "Ellis",
    "Frankie",
    "Harper",
    "Jesse",
    "Kai",
    "Logan",
    "Max",
    "Noel",
    "Oakley",
    "Parker",
    "Reese",
]
SURNAMES = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Wright",
    "Robinson",
    "Wood",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Thomas",
    "Clarke",
    "Jackson",
    "Wood",
    "Hughes",
    "Edwards",
    "Lewis",
    "Khan",
    "Hill",
    "Moore",
    "Price",
    "Griffiths",
    "Ahmed",
    "Begum",
    "Shah",
    "Morgan",
    "Owen",
    "Rees",
    "Lloyd",
    "Ali",
    "Murphy",
]


def make_areas(
    writer: Writer, seed: int, say: Callable[[str], None]
) -> tuple[list[AreaInfo], dict[str, int]]:
    """Load the directory and put every area on the service. Returns the areas (in GSS code
    order) and counts of what was made."""
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command

    from casereview.accounts.models import Membership, Role, User
    from casereview.areas.models import Agency, AgencyKind, Area, AreaAgency, AreaPolicy

    call_command("load_directory", verbosity=0, stdout=io.StringIO())
    rng = random.Random(f"areas-{seed}")
    areas = list(Area.objects.order_by("gss_code"))
    say(f"areas: {len(areas)} in the directory")

    # Health bodies: one per police force area, shared by that force's areas.
    forces = sorted({area.police_force_id for area in areas})
    force_names = dict(Agency.objects.filter(pk__in=forces).values_list("pk", "name"))
    force_codes = dict(Agency.objects.filter(pk__in=forces).values_list("pk", "code"))
    agency_id = next_id(Agency)
    health_of: dict[int, int] = {}
    agency_rows: list[tuple[Any, ...]] = []
    welsh_forces = {area.police_force_id for area in areas if area.nation == "wales"}
    for force in forces:
        welsh = force in welsh_forces
        base = force_names[force].replace(" Constabulary", "").replace(" Police", "")
        kind_name = "Local Health Board" if welsh else "Integrated Care Board"
        agency_rows.append(
            (
                agency_id,
                f"bench-health-{force_codes[force]}",
                f"{base} {kind_name}",
                AgencyKind.HEALTH.value,
                "wales" if welsh else "england",
                "",
                "",
                f"information@{force_codes[force]}-health.{BENCH_EMAIL_DOMAIN}",
                "",
            )
        )
        health_of[force] = agency_id
        agency_id += 1

    housing_of: dict[int, list[int]] = {}
    for area in areas:
        count = rng.choices((1, 2, 3), weights=(5, 3, 2))[0]
        ids = []
        for number in range(count):
            suffix = ("Homes", "Housing Association", "Housing Trust")[number]
            agency_rows.append(
                (
                    agency_id,
                    f"bench-housing-{area.gss_code.lower()}-{number + 1}",
                    f"{area.name} {suffix}",
                    AgencyKind.HOUSING.value,
                    area.nation,
                    "",
                    "",
                    f"asb@{_slug(area.name)}-{number + 1}.{BENCH_EMAIL_DOMAIN}",
                    "",
                )
            )
            ids.append(agency_id)
            agency_id += 1
        housing_of[area.pk] = ids
    writer.rows(
        Agency._meta.db_table,
        ("id", "code", "name", "kind", "nation", "gss_code", "website", "email", "phone"),
        agency_rows,
    )

    link_id = next_id(AreaAgency)
    links = []
    existing = set(AreaAgency.objects.values_list("area_id", "agency_id"))
    for area in areas:
        for body in (health_of[area.police_force_id], *housing_of[area.pk]):
            if (area.pk, body) not in existing:
                links.append((link_id, area.pk, body, True))
                link_id += 1
    writer.rows(AreaAgency._meta.db_table, ("id", "area_id", "agency_id", "relevant_body"), links)

    # Contacts, and on the service.
    for area in areas:
        slug = area.slug
        area.on_service = True
        area.contact_email = f"community.safety@{slug}.{BENCH_EMAIL_DOMAIN}"
        area.contact_phone = f"01632 {rng.randrange(960000, 961000)}"
        area.contact_address = f"Community Safety Team\n{area.official_name}\nTown Hall"
        area.procedure_url = f"https://{slug}.{BENCH_EMAIL_DOMAIN}/asb-case-review"
    Area.objects.bulk_update(
        areas,
        ["on_service", "contact_email", "contact_phone", "contact_address", "procedure_url"],
        batch_size=500,
    )

    # Policies: one version each, in force from the start of the five years.
    policy_id = next_id(AreaPolicy)
    policy_rows = []
    variant_of: dict[int, PolicyVariant] = {}
    policy_of: dict[int, int] = {}
    created = dt.datetime(2020, 3, 2, 9, 0, tzinfo=dt.UTC)
    for area in areas:
        variant = _pick_variant(rng)
        variant_of[area.pk] = variant
        policy_rows.append(
            (
                policy_id,
                area.pk,
                1,
                variant.rules(area.nation),
                POLICY_EFFECTIVE_FROM,
                f"Synthetic benchmark policy ({variant.name}).",
                created,
                None,
            )
        )
        policy_of[area.pk] = policy_id
        policy_id += 1
    writer.rows(
        AreaPolicy._meta.db_table,
        (
            "id",
            "area_id",
            "version",
            "rules",
            "effective_from",
            "notes",
            "created_at",
            "created_by_id",
        ),
        policy_rows,
    )

    # Staff.
    password = make_password(BENCH_PASSWORD, salt=_PASSWORD_SALT)
    user_id = next_id(User)
    membership_id = next_id(Membership)
    user_rows = []
    membership_rows = []
    joined = dt.datetime(2020, 3, 2, 9, 0, tzinfo=dt.UTC)
    infos: list[AreaInfo] = []
    for area in areas:
        population = area.population or 100_000
        roles: list[tuple[str, str]] = [
            ("coordinator", Role.COORDINATOR.value),
            ("area-admin", Role.AREA_ADMINISTRATOR.value),
            ("chair", Role.CHAIR.value),
            ("appeal-reviewer", Role.APPEAL_REVIEWER.value),
            ("police-rep", Role.AGENCY_REPRESENTATIVE.value),
        ]
        if population > 250_000:
            roles.insert(1, ("coordinator-2", Role.COORDINATOR.value))
        users: dict[str, list[int]] = {}
        for local, role in roles:
            first = rng.choice(FIRST_NAMES)
            last = rng.choice(SURNAMES)
            email = f"{local}@{area.slug}.{BENCH_EMAIL_DOMAIN}"
            user_rows.append(
                (user_id, password, None, False, email, f"{first} {last}", True, False, joined)
            )
            agency = area.police_force_id if role == Role.AGENCY_REPRESENTATIVE else None
            membership_rows.append((membership_id, user_id, role, area.pk, agency, joined))
            users.setdefault(role, []).append(user_id)
            user_id += 1
            membership_id += 1
        infos.append(
            AreaInfo(
                id=area.pk,
                gss_code=area.gss_code,
                la_code=area.la_code,
                slug=area.slug,
                name=area.name,
                nation=area.nation,
                population=population,
                council_id=area.council_id,
                police_id=area.police_force_id,
                county_id=area.county_council_id,
                health_id=health_of[area.police_force_id],
                housing_ids=housing_of[area.pk],
                policy_id=policy_of[area.pk],
                variant=variant_of[area.pk].name,
                users=users,
            )
        )
    writer.rows(
        User._meta.db_table,
        (
            "id",
            "password",
            "last_login",
            "is_superuser",
            "email",
            "full_name",
            "is_active",
            "is_staff",
            "date_joined",
        ),
        user_rows,
    )
    writer.rows(
        Membership._meta.db_table,
        ("id", "user_id", "role", "area_id", "agency_id", "created_at"),
        membership_rows,
    )
    writer.reset_sequences([Agency, AreaAgency, AreaPolicy, User, Membership])
    counts = {
        "areas": len(areas),
        "agencies": Agency.objects.count(),
        "relevant_bodies": AreaAgency.objects.count(),
        "policies": len(policy_rows),
        "users": len(user_rows),
    }
    return infos, counts
