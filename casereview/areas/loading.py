"""Loading the national directory from the reference data kept in the project (data/*.csv).

The load is idempotent: every row is keyed on a stable code (GSS code for areas, agency code for
agencies), only the columns that come from the reference data are written, and a second run
with the same files changes nothing. What an administrator sets on an area (whether it is on
the service, its contacts, its policies) and on an agency (website, e-mail, phone) is never
touched, so the load is safe to run on a live service after a data refresh.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from casereview.areas.models import Agency, AgencyKind, Area, AreaAgency, AreaType, Nation

REFERENCE_DATA_DIR = Path(settings.BASE_DIR) / "data"
AREAS_FILE = "areas.csv"
COUNTY_COUNCILS_FILE = "county_councils.csv"
POLICE_FORCES_FILE = "police_forces.csv"
# data/areas.csv joins alternative names with "|" (some contain commas); the model keeps one
# per line.
ALT_NAME_SEPARATOR = "|"
# Slugs are URL path segments (areas/<slug>/): lower-case letters, digits and hyphens only.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Fields the reference data owns. Anything else on these models belongs to administrators.
AGENCY_FIELDS = ("name", "kind", "nation", "gss_code")
AREA_FIELDS = (
    "la_code",
    "slug",
    "name",
    "official_name",
    "alt_names",
    "nation",
    "region",
    "area_type",
    "council_id",
    "county_council_id",
    "police_force_id",
    "population",
)


class ReferenceDataError(Exception):
    """A reference data file is missing or malformed; the message names the file and line."""


def council_code(gss_code: str) -> str:
    """The agency code of the council (or county council) with this GSS code."""
    return f"council-{gss_code.lower()}"


@dataclass(frozen=True)
class AgencyRow:
    code: str
    name: str
    kind: str
    nation: str
    gss_code: str = ""

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "nation": self.nation,
            "gss_code": self.gss_code,
        }


@dataclass(frozen=True)
class AreaRow:
    gss_code: str
    la_code: str
    slug: str
    name: str
    official_name: str
    nation: str
    region: str
    area_type: str
    county_gss_code: str
    police_force_id: str
    alt_names: tuple[str, ...]
    population: int | None


@dataclass(frozen=True)
class ReferenceData:
    areas: tuple[AreaRow, ...]
    county_councils: tuple[AgencyRow, ...]
    police_forces: tuple[AgencyRow, ...]

    def agencies(self) -> list[AgencyRow]:
        councils = [
            AgencyRow(
                council_code(a.gss_code), a.official_name, AgencyKind.COUNCIL, a.nation, a.gss_code
            )
            for a in self.areas
        ]
        return councils + list(self.county_councils) + list(self.police_forces)


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    def __str__(self) -> str:
        text = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"
        return f"{text}, {self.removed} removed" if self.removed else text


@dataclass
class LoadReport:
    agencies: Counts = field(default_factory=Counts)
    areas: Counts = field(default_factory=Counts)
    relevant_bodies: Counts = field(default_factory=Counts)

    def changed(self) -> bool:
        return any(
            c.created or c.updated or c.removed
            for c in (self.agencies, self.areas, self.relevant_bodies)
        )


class _Reader:
    """Reads one CSV file, turning every problem into a ReferenceDataError naming the line."""

    def __init__(self, path: Path, columns: Iterable[str]) -> None:
        self.path = path
        self.columns = tuple(columns)

    def rows(self) -> Iterable[tuple[int, dict[str, str]]]:
        try:
            with self.path.open(newline="", encoding="utf-8") as handle:
                reader = csv.DictReader(handle)
                missing = [c for c in self.columns if c not in (reader.fieldnames or [])]
                if missing:
                    raise self.error(1, f"missing column(s): {', '.join(missing)}")
                for row in reader:
                    yield (
                        reader.line_num,
                        {key: (value or "").strip() for key, value in row.items() if key},
                    )
        except FileNotFoundError:
            raise ReferenceDataError(f"{self.path}: file not found") from None
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ReferenceDataError(
                f"{self.path}: not a readable UTF-8 CSV file ({exc})"
            ) from None

    def error(self, line: int, message: str) -> ReferenceDataError:
        return ReferenceDataError(f"{self.path.name} line {line}: {message}")

    def require(self, line: int, row: Mapping[str, str], column: str) -> str:
        value = row.get(column, "")
        if not value:
            raise self.error(line, f"{column} is empty")
        return value

    def slug(self, line: int, row: Mapping[str, str], column: str) -> str:
        value = self.require(line, row, column)
        if not SLUG.fullmatch(value):
            raise self.error(line, f"{column} {value!r} may hold only a-z, 0-9 and hyphens")
        return value

    def choice(self, line: int, row: Mapping[str, str], column: str, allowed: Iterable[str]) -> str:
        value = self.require(line, row, column)
        if value not in set(allowed):
            raise self.error(line, f"{column} {value!r} is not one of {', '.join(sorted(allowed))}")
        return value


def read_reference_data(directory: Path = REFERENCE_DATA_DIR) -> ReferenceData:
    """Read and check the three reference data files in ``directory``."""
    nations = Nation.values

    forces_reader = _Reader(directory / POLICE_FORCES_FILE, ("police_force_id", "name", "nation"))
    forces = []
    for line, row in forces_reader.rows():
        nation = row.get("nation", "")
        if nation and nation not in nations:
            raise forces_reader.error(line, f"nation {nation!r} is not one of {', '.join(nations)}")
        forces.append(
            AgencyRow(
                code=forces_reader.require(line, row, "police_force_id"),
                name=forces_reader.require(line, row, "name"),
                kind=AgencyKind.POLICE,
                nation=nation,
            )
        )
    force_codes = {f.code for f in forces}

    county_reader = _Reader(directory / COUNTY_COUNCILS_FILE, ("gss_code", "official_name"))
    counties = []
    for line, row in county_reader.rows():
        gss = county_reader.require(line, row, "gss_code")
        counties.append(
            AgencyRow(
                code=council_code(gss),
                name=county_reader.require(line, row, "official_name"),
                kind=AgencyKind.COUNTY_COUNCIL,
                nation=Nation.ENGLAND,
                gss_code=gss,
            )
        )
    county_gss_codes = {c.gss_code for c in counties}

    area_reader = _Reader(
        directory / AREAS_FILE,
        ("gss_code", "la_code", "slug", "name", "official_name", "nation", "region", "area_type",
         "county_gss_code", "police_force_id", "alt_names", "population"),
    )  # fmt: skip
    areas = []
    for line, row in area_reader.rows():
        county = row.get("county_gss_code", "")
        if county and county not in county_gss_codes:
            raise area_reader.error(
                line, f"county_gss_code {county!r} is not in {COUNTY_COUNCILS_FILE}"
            )
        raw_population = row.get("population", "")
        if raw_population and not raw_population.isdigit():
            raise area_reader.error(line, f"population {raw_population!r} is not a whole number")
        areas.append(
            AreaRow(
                gss_code=area_reader.require(line, row, "gss_code"),
                la_code=area_reader.require(line, row, "la_code"),
                slug=area_reader.slug(line, row, "slug"),
                name=area_reader.require(line, row, "name"),
                official_name=area_reader.require(line, row, "official_name"),
                nation=area_reader.choice(line, row, "nation", nations),
                region=area_reader.require(line, row, "region"),
                area_type=area_reader.choice(line, row, "area_type", AreaType.values),
                county_gss_code=county,
                police_force_id=area_reader.choice(line, row, "police_force_id", force_codes),
                alt_names=tuple(n for n in row.get("alt_names", "").split(ALT_NAME_SEPARATOR) if n),
                population=int(raw_population) if raw_population else None,
            )
        )
    for column in ("gss_code", "la_code", "slug"):
        values = [getattr(a, column) for a in areas]
        duplicates = sorted({v for v in values if values.count(v) > 1})
        if duplicates:
            raise ReferenceDataError(f"{AREAS_FILE}: {column} repeated: {', '.join(duplicates)}")
    return ReferenceData(tuple(areas), tuple(counties), tuple(forces))


def _apply(instance: Any, values: Mapping[str, Any]) -> dict[str, Any]:
    """Set the values that differ on ``instance``; return the old value of each field changed."""
    changed = {}
    for name, value in values.items():
        old = getattr(instance, name)
        if old != value:
            changed[name] = old
            setattr(instance, name, value)
    return changed


def _load_agencies(rows: list[AgencyRow], counts: Counts) -> dict[str, int]:
    existing = Agency.objects.in_bulk([r.code for r in rows], field_name="code")
    to_create, to_update = [], []
    for row in rows:
        agency = existing.get(row.code)
        if agency is None:
            to_create.append(Agency(code=row.code, **row.values()))
            continue
        if _apply(agency, row.values()):
            to_update.append(agency)
        else:
            counts.unchanged += 1
    Agency.objects.bulk_create(to_create)
    Agency.objects.bulk_update(to_update, AGENCY_FIELDS)
    counts.created += len(to_create)
    counts.updated += len(to_update)
    return dict(Agency.objects.filter(code__in=[r.code for r in rows]).values_list("code", "id"))


def _load_areas(
    rows: Iterable[AreaRow], agency_ids: Mapping[str, int], counts: Counts
) -> dict[int, set[int]]:
    """Create or update the areas; return, for each area whose county or police force moved,
    the agencies it no longer has (their relevant-body rows are removed)."""
    rows = list(rows)
    existing = Area.objects.in_bulk([r.gss_code for r in rows], field_name="gss_code")
    to_create, to_update = [], []
    moved_away: dict[int, set[int]] = {}
    for row in rows:
        values: dict[str, Any] = {
            "la_code": row.la_code,
            "slug": row.slug,
            "name": row.name,
            "official_name": row.official_name,
            "alt_names": "\n".join(row.alt_names),
            "nation": row.nation,
            "region": row.region,
            "area_type": row.area_type,
            "council_id": agency_ids[council_code(row.gss_code)],
            "county_council_id": (
                agency_ids[council_code(row.county_gss_code)] if row.county_gss_code else None
            ),
            "police_force_id": agency_ids[row.police_force_id],
            "population": row.population,
        }
        area = existing.get(row.gss_code)
        if area is None:
            to_create.append(Area(gss_code=row.gss_code, **values))
            continue
        changed = _apply(area, values)
        for name in ("county_council_id", "police_force_id"):
            if changed.get(name) is not None:
                moved_away.setdefault(area.pk, set()).add(changed[name])
        if changed:
            to_update.append(area)
        else:
            counts.unchanged += 1
    Area.objects.bulk_create(to_create)
    Area.objects.bulk_update(to_update, AREA_FIELDS)
    counts.created += len(to_create)
    counts.updated += len(to_update)
    return moved_away


def _load_relevant_bodies(moved_away: Mapping[int, set[int]], counts: Counts) -> None:
    """Each area's council, county council (two-tier districts) and police force are relevant
    bodies. Rows an administrator added (health, housing, other services) are left alone."""
    for area_id, agency_ids in moved_away.items():
        deleted, _ = AreaAgency.objects.filter(area_id=area_id, agency_id__in=agency_ids).delete()
        counts.removed += deleted
    wanted: set[tuple[int, int]] = set()
    for area_id, council_id, county_id, police_id in Area.objects.values_list(
        "id", "council_id", "county_council_id", "police_force_id"
    ):
        wanted.update(
            (area_id, agency_id) for agency_id in (council_id, county_id, police_id) if agency_id
        )
    have = set(AreaAgency.objects.values_list("area_id", "agency_id"))
    missing = sorted(wanted - have)
    AreaAgency.objects.bulk_create(
        [
            AreaAgency(area_id=area_id, agency_id=agency_id, relevant_body=True)
            for area_id, agency_id in missing
        ]
    )
    counts.created += len(missing)
    counts.unchanged += len(wanted & have)


def load_directory(data: ReferenceData, *, dry_run: bool = False) -> LoadReport:
    """Bring the database in line with the reference data, in one transaction. With
    ``dry_run`` the same work is done and counted, then rolled back."""
    report = LoadReport()
    with transaction.atomic():
        agency_ids = _load_agencies(data.agencies(), report.agencies)
        moved_away = _load_areas(data.areas, agency_ids, report.areas)
        _load_relevant_bodies(moved_away, report.relevant_bodies)
        if dry_run:
            transaction.set_rollback(True)
    return report
