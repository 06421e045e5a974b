"""Loading the directory creates every area of England and Wales with its council, county
council and police force, as the reference data says."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from django.core.management import call_command

from casereview.areas.models import Agency, AgencyKind, Area, AreaAgency, AreaType, Nation
from tests.areas.conftest import EAST_HERTS, clear_directory

pytestmark = pytest.mark.django_db


def test_a_first_load_into_an_empty_database_reports_everything_created():
    clear_directory()
    out = io.StringIO()
    call_command("load_directory", stdout=out)
    text = out.getvalue()
    # 318 councils + 21 county councils + 43 territorial forces + British Transport Police.
    assert "Agencies: 383 created, 0 updated, 0 unchanged" in text
    assert "Areas: 318 created, 0 updated, 0 unchanged" in text
    # Council and police force for every area, plus the county council for 164 districts.
    assert "Relevant bodies: 800 created, 0 updated, 0 unchanged" in text


def test_there_are_318_areas_296_in_england_and_22_in_wales():
    assert Area.objects.count() == 318
    assert Counter(Area.objects.values_list("nation", flat=True)) == {
        Nation.ENGLAND: 296,
        Nation.WALES: 22,
    }


def test_every_area_type_comes_from_the_data():
    assert Counter(Area.objects.values_list("area_type", flat=True)) == {
        AreaType.NON_METROPOLITAN_DISTRICT: 164,
        AreaType.UNITARY_AUTHORITY: 63,
        AreaType.METROPOLITAN_DISTRICT: 36,
        AreaType.LONDON_BOROUGH: 32,
        AreaType.WELSH_UNITARY_AUTHORITY: 22,
        AreaType.CITY_CORPORATION: 1,
    }


def test_there_are_43_territorial_forces_and_british_transport_police():
    forces = Agency.objects.filter(kind=AgencyKind.POLICE)
    assert forces.count() == 44
    assert forces.filter(areas__isnull=False).distinct().count() == 43
    btp = forces.get(code="btp")
    assert btp.name == "British Transport Police"
    assert not Area.objects.filter(police_force=btp).exists()


def test_each_area_has_exactly_one_police_force_as_a_relevant_body():
    police_per_area = Counter(
        AreaAgency.objects.filter(agency__kind=AgencyKind.POLICE).values_list("area_id", flat=True)
    )
    assert len(police_per_area) == 318
    assert set(police_per_area.values()) == {1}
    assert not Area.objects.filter(police_force__isnull=True).exists()


def test_welsh_areas_are_policed_only_by_welsh_forces_and_english_areas_by_english_ones():
    welsh_forces = set(
        Area.objects.filter(nation=Nation.WALES).values_list("police_force__code", flat=True)
    )
    assert welsh_forces == {"dyfed-powys", "gwent", "north-wales", "south-wales"}
    english_area_force_nations = set(
        Area.objects.filter(nation=Nation.ENGLAND).values_list("police_force__nation", flat=True)
    )
    assert english_area_force_nations == {Nation.ENGLAND}


def test_the_21_county_councils_are_the_parents_of_their_districts():
    counties = Agency.objects.filter(kind=AgencyKind.COUNTY_COUNCIL)
    assert counties.count() == 21
    districts = Area.objects.filter(area_type=AreaType.NON_METROPOLITAN_DISTRICT)
    assert not districts.filter(county_council__isnull=True).exists()
    assert not Area.objects.exclude(area_type=AreaType.NON_METROPOLITAN_DISTRICT).filter(
        county_council__isnull=False
    )
    assert set(districts.values_list("county_council__kind", flat=True)) == {
        AgencyKind.COUNTY_COUNCIL
    }


def test_east_hertfordshire_is_loaded_with_its_council_county_and_police():
    area = Area.objects.get(gss_code=EAST_HERTS)
    assert area.name == "East Hertfordshire"
    assert area.official_name == "East Hertfordshire District Council"
    assert area.slug == "east-hertfordshire"
    assert area.region == "East of England"
    assert area.la_code == "EHE"
    assert area.council.code == "council-e07000242"
    assert area.council.kind == AgencyKind.COUNCIL
    assert area.council.gss_code == EAST_HERTS
    assert area.county_council is not None
    assert area.county_council.name == "Hertfordshire County Council"
    assert area.police_force.code == "hertfordshire"
    assert area.police_force.name == "Hertfordshire Constabulary"
    assert set(area.agencies.values_list("code", flat=True)) == {
        "council-e07000242",
        "council-e10000015",
        "hertfordshire",
    }


def test_a_new_area_is_not_on_the_service_and_has_no_policy():
    assert not Area.objects.filter(on_service=True).exists()
    assert not Area.objects.filter(policies__isnull=False).exists()


def test_slugs_are_unique_and_fall_back_to_the_name_where_mysociety_has_none():
    assert Area.objects.values("slug").distinct().count() == 318
    assert Area.objects.get(gss_code="E06000058").slug == "bournemouth-christchurch-and-poole"


def test_alternative_names_are_kept_one_per_line():
    swansea = Area.objects.get(gss_code="W06000011")
    assert swansea.alt_names.splitlines() == [
        "Abertawe",
        "City and County of Swansea",
        "swansea city council",
    ]
