#!/usr/bin/env python
"""Derive the directory's reference data (data/*.csv) from the shared source files.

Usage:  python data/build_reference_data.py [--source DIR] [--check]

The source directory holds the three files described in data/README.md (mySociety's list of
UK local authorities, and the derived council-to-police-force mapping and list of forces). Only
the columns the directory needs are written, sorted and with fixed line endings, so running the
script twice gives byte-identical files and a diff shows exactly what a data refresh changed.
``--check`` writes nothing and exits 1 if the committed files differ from a fresh build.

Standard library only: the script must run before the project's dependencies are installed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
DEFAULT_SOURCE = DATA_DIR.parent.parent / "shared" / "data"

AUTHORITIES = "uk_local_authorities_current.csv"
FORCE_MAPPING = "ew_local_authority_police_force.csv"
FORCES = "police_forces_ew.csv"

AREA_COLUMNS = [
    "gss_code",
    "la_code",
    "slug",
    "name",
    "official_name",
    "nation",
    "region",
    "area_type",
    "county_la_code",
    "county_gss_code",
    "police_force_id",
    "alt_names",
    "population",
]
COUNTY_COLUMNS = ["gss_code", "la_code", "name", "official_name", "region", "police_force_id"]
FORCE_COLUMNS = ["police_force_id", "name", "nation", "territorial"]

NATIONS = {"England": "england", "Wales": "wales"}
AREA_TYPES = {"NMD", "UA", "MD", "LBO", "CC", "WPA"}
# Alternative names are joined with this in data/areas.csv: some names contain commas.
ALT_NAME_SEPARATOR = "|"

# The source has a few alternative names whose non-ASCII letters were mangled by a double
# encoding somewhere upstream. They are corrected here, explicitly, rather than guessed at.
ALT_NAME_CORRECTIONS = {
    "Sir Ynys M\u00ef\u00bf\u00bdn": "Sir Ynys M\u00f4n",
    "ynys mn": "ynys m\u00f4n",
    "City\u00ef\u00be\u00a0and County of Swansea": "City and County of Swansea",
}
MOJIBAKE = re.compile("[\u00c2\u00c3\u00ef][\u0080-\u00bf]")


class SourceError(Exception):
    """The source files are not what this script expects."""


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise SourceError(f"{path}: file not found")
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def slugify(value: str) -> str:
    ascii_value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_value.lower()).strip("-")


def is_fragment(part: str) -> bool:
    """True for the tail of a name like "Kingston upon Hull, City of", which the source's
    comma-separated list splits in two; the whole name is listed separately anyway."""
    words = part.split()
    return len(words) <= 2 and words[-1].lower() == "of"


def clean_alt_names(raw: str, name: str, official_name: str) -> str:
    """Alternative names for search: corrected, without the ones search already covers (name
    and official name), de-duplicated case-insensitively, in source order."""
    seen = {name.casefold(), official_name.casefold()}
    names = []
    for part in raw.split(","):
        candidate = ALT_NAME_CORRECTIONS.get(part.strip(), part.strip())
        if not candidate or candidate.casefold() in seen or is_fragment(candidate):
            continue
        if MOJIBAKE.search(candidate):
            raise SourceError(f"{AUTHORITIES}: alternative name {candidate!r} of {name} is garbled")
        seen.add(candidate.casefold())
        names.append(candidate)
    return ALT_NAME_SEPARATOR.join(names)


def population(raw: str) -> str:
    return str(int(float(raw))) if raw else ""


def build(source: Path) -> dict[str, list[dict[str, str]]]:
    """The rows of each output file, derived from the source directory."""
    authorities = [
        row
        for row in read_csv(source / AUTHORITIES)
        if row["nation"] in NATIONS and row["current-authority"] == "True"
    ]
    by_la_code = {row["local-authority-code"]: row for row in authorities}
    force_of = {row["gss_code"]: row["police_force_id"] for row in read_csv(source / FORCE_MAPPING)}
    forces = read_csv(source / FORCES)
    force_ids = {row["police_force_id"] for row in forces}

    areas: list[dict[str, str]] = []
    counties: dict[str, dict[str, str]] = {}
    slugs: set[str] = set()
    for row in sorted(authorities, key=lambda r: r["gss-code"]):
        if row["lower-or-unitary"] != "True":
            continue
        gss = row["gss-code"]
        if row["local-authority-type"] not in AREA_TYPES:
            raise SourceError(
                f"{AUTHORITIES}: {gss} has unknown type {row['local-authority-type']}"
            )
        force = force_of.get(gss)
        if force not in force_ids:
            raise SourceError(f"{FORCE_MAPPING}: {gss} has no known police force ({force!r})")
        # GOV.UK slugs are used where they exist (one has a full stop: "st.-helens"), always
        # reduced to letters, digits and hyphens so they are valid in a URL path segment.
        slug = slugify(row["gov-uk-slug"] or row["nice-name"])
        if slug in slugs:
            slug = f"{slug}-{gss.lower()}"
        slugs.add(slug)
        county_code = row["county-la"]
        county_gss = ""
        if county_code:
            county = by_la_code.get(county_code)
            if county is None or county["local-authority-type"] != "CTY":
                raise SourceError(f"{AUTHORITIES}: {gss} names unknown county {county_code}")
            county_gss = county["gss-code"]
            counties[county_code] = {
                "gss_code": county_gss,
                "la_code": county_code,
                "name": county["nice-name"],
                "official_name": county["official-name"],
                "region": county["region"],
                "police_force_id": force_of.get(county_gss, ""),
            }
        areas.append(
            {
                "gss_code": gss,
                "la_code": row["local-authority-code"],
                "slug": slug,
                "name": row["nice-name"],
                "official_name": row["official-name"],
                "nation": NATIONS[row["nation"]],
                "region": row["region"],
                "area_type": row["local-authority-type"],
                "county_la_code": county_code,
                "county_gss_code": county_gss,
                "police_force_id": force or "",
                "alt_names": clean_alt_names(
                    row["alt-names"], row["nice-name"], row["official-name"]
                ),
                "population": population(row["pop-2020"]),
            }
        )

    police = [
        {
            "police_force_id": row["police_force_id"],
            "name": row["police_force_name"],
            # BTP polices the railways of Great Britain: it belongs to no one nation.
            "nation": NATIONS.get(row["nation"], ""),
            "territorial": "true" if row["territorial"].strip().lower() == "true" else "false",
        }
        for row in sorted(forces, key=lambda r: r["police_force_id"])
    ]
    return {
        "areas.csv": areas,
        "county_councils.csv": sorted(counties.values(), key=lambda r: r["gss_code"]),
        "police_forces.csv": police,
    }


def render(rows: Iterable[dict[str, str]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


COLUMNS = {
    "areas.csv": AREA_COLUMNS,
    "county_councils.csv": COUNTY_COLUMNS,
    "police_forces.csv": FORCE_COLUMNS,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    try:
        outputs = build(args.source)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    stale = []
    for filename, rows in outputs.items():
        text = render(rows, COLUMNS[filename])
        target = DATA_DIR / filename
        if args.check:
            if not target.is_file() or target.read_text(encoding="utf-8") != text:
                stale.append(filename)
        else:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(DATA_DIR.parent)} ({len(rows)} rows)")
    for name in (AUTHORITIES, FORCE_MAPPING, FORCES):
        print(f"sha256 {sha256(args.source / name)}  {name}")
    if stale:
        print(f"out of date: {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
