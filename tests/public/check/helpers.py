"""Walking the eligibility check as a person would: the complaints page, then the date page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.test import Client
from django.urls import reverse

from casereview.areas.models import Agency, Area
from casereview.public.check.answers import SOMEONE_ELSE

POLICE = "Hertfordshire Constabulary"
COUNCIL = "East Hertfordshire Council"
HOUSING = "Demo Housing Association"


def check_url(name: str, area: Area) -> str:
    return reverse(f"public:{name}", kwargs={"slug": area.slug})


def body(area: Area, name: str) -> str:
    """The value the "Who did you report it to?" list gives a relevant body."""
    if name == SOMEONE_ELSE:
        return SOMEONE_ELSE
    return str(Agency.objects.get(area_agencies__area=area, name=name).pk)


@dataclass(frozen=True)
class Said:
    """One complaint as the person enters it."""

    happened: dt.date
    reported: dt.date
    to: str = POLICE
    diary_sheet: bool = False


def date_boxes(name: str, day: dt.date) -> dict[str, str]:
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


def complaints_post(area: Area, complaints: list[Said]) -> dict[str, Any]:
    data: dict[str, Any] = {"complaint_rows": str(len(complaints))}
    for number, said in enumerate(complaints, start=1):
        data.update(date_boxes(f"complaint_{number}_happened", said.happened))
        data.update(date_boxes(f"complaint_{number}_reported", said.reported))
        data[f"complaint_{number}_body"] = body(area, said.to)
        if said.diary_sheet:
            data[f"complaint_{number}_diary_sheet"] = "true"
    return data


def answer(client: Client, area: Area, complaints: list[Said], apply_on: dt.date) -> str:
    """Answer both questions and return the text of the result page."""
    response = client.post(check_url("check_complaints", area), complaints_post(area, complaints))
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == check_url("check_application_date", area)
    response = client.post(
        check_url("check_application_date", area), date_boxes("apply_on", apply_on)
    )
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == check_url("check_result", area)
    result = client.get(check_url("check_result", area))
    assert result.status_code == 200
    return result.content.decode()
