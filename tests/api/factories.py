"""An area on the service with the reference procedure as its policy."""

from datetime import date

from casereview.areas.models import Agency, Area, AreaPolicy
from casereview.rules import REFERENCE_PROCEDURE, LocalPolicy, policy_to_dict


def area_with_policy(policy: LocalPolicy = REFERENCE_PROCEDURE) -> Area:
    council = Agency.objects.create(code="east-herts", name="East Herts Council", kind="council")
    police = Agency.objects.create(
        code="hertfordshire-police", name="Hertfordshire Constabulary", kind="police"
    )
    area = Area.objects.create(
        gss_code="E07000242",
        la_code="EHE",
        slug="east-hertfordshire",
        name="East Hertfordshire",
        official_name="East Hertfordshire District Council",
        nation="england",
        region="East of England",
        area_type="NMD",
        council=council,
        police_force=police,
    )
    AreaPolicy.objects.create(
        area=area, version=1, rules=policy_to_dict(policy), effective_from=date(2025, 4, 1)
    )
    return area
